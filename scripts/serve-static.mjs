#!/usr/bin/env node
// @ts-check
/**
 * The static file server (sirv, with the headers of scripts/isolation-headers.mjs) for the
 * built gallery (`npm run preview-gallery`) and the benchmark pages (bench/server.mjs): it sends
 * the cross-origin isolation headers on every response, so the preview is crossOriginIsolated
 * (SharedArrayBuffer, the `shared` transport) as it is under `npm start`.
 *
 *   node scripts/serve-static.mjs [dir = storybook-static] [--port 6006] [--host 127.0.0.1]
 *
 * Also used by the gallery smoke test and `npm run screenshot` through `serveStatic()`.
 * Only GET/HEAD of files under `dir`; `/` and directories serve their index.html;
 * `/favicon.ico` falls back to `favicon.svg`.
 */
import { createServer } from 'node:http';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { STATIC_SERVER_HEADERS } from './isolation-headers.mjs';

/**
 * Serves `dir` on `host:port` (port 0 = any free port) with sirv (MIME types, ranges,
 * directory index.html), sending {@link STATIC_SERVER_HEADERS} on every response, 404s
 * included. `requireIndex` (default true): fail with ENOENT when `dir` has no index.html.
 * A missing /favicon.ico is answered with the build's favicon.svg when there is one (browsers
 * ask every origin for /favicon.ico; a Storybook build has only favicon.svg, and the 404 would
 * be a console error in every smoke test).
 * @param {string} dir
 * @param {{ port?: number, host?: string, requireIndex?: boolean }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic(dir, { port = 0, host = '127.0.0.1', requireIndex = true } = {}) {
  const root = path.resolve(dir);
  // Fail early (a rejected promise with code ENOENT) when there is nothing to serve.
  if (requireIndex) {
    try {
      statSync(path.join(root, 'index.html'));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const files = sirv(root, { dev: true, etag: false, dotfiles: false });
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(STATIC_SERVER_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    files(req, res, () => {
      if (req.url?.split('?')[0] === '/favicon.ico') {
        req.url = '/favicon.svg';
        files(req, res, () => notFound(res));
      } else notFound(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

// Run as a command only when this file itself is the entry point (not when imported, nor when
// bundled into another script).
const isMain =
  process.argv[1] !== undefined &&
  path.basename(fileURLToPath(import.meta.url)) === 'serve-static.mjs' &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value ?? fallback;
  };
  const port = Number(option('--port', '6006'));
  const host = option('--host', '127.0.0.1');
  const dir = args[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'storybook-static');
  serveStatic(dir, { port, host }).then(
    ({ url }) => console.log(`Gallery (${path.relative(process.cwd(), dir) || '.'}) at ${url} with COOP/COEP (cross-origin isolated). Ctrl+C stops.`),
    (error) => {
      console.error(
        error.code === 'ENOENT'
          ? `Nothing to serve in ${dir}: run \`npm run build-storybook\` first.`
          : error.code === 'EADDRINUSE'
            ? `Port ${port} is taken: pass --port <another>.`
            : String(error),
      );
      process.exit(1);
    },
  );
}
