/**
 * The static server for the built bench pages: scripts/serve-static.mjs (sirv) on 127.0.0.1 at a
 * free port, sending the cross-origin isolation headers of scripts/isolation-headers.mjs (COOP
 * same-origin, COEP require-corp, CORP same-origin) on every response. Loopback only.
 */
import { serveStatic } from '../scripts/serve-static.mjs';

/** Serves `root` on 127.0.0.1 at a free port. Resolves to { url, close() }. */
export function startServer(root) {
  return serveStatic(root, { port: 0, host: '127.0.0.1', requireIndex: false });
}
