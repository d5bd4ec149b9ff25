#!/usr/bin/env node
// @ts-check
/**
 * A tiny static file server for the built gallery (`npm run preview-gallery`) that sends the
 * cross-origin isolation headers on every response, so the preview is crossOriginIsolated
 * (SharedArrayBuffer, the `shared` transport) as it is under `npm start`.
 *
 *   node scripts/serve-static.mjs [dir = storybook-static] [--port 6006] [--host 127.0.0.1]
 *
 * Also used by the gallery smoke test and `npm run screenshot` through `serveStatic()`.
 * Only GET/HEAD of files under `dir`; `/` and directories serve their index.html;
 * `/favicon.ico` falls back to `favicon.svg`.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The headers that make a page cross-origin isolated. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Browsers ask every page's origin for /favicon.ico; a Storybook build has favicon.svg only
 * (iframe.html links none), and the 404 would be a console error in every smoke test.
 * @param {string} root
 * @param {string} file
 */
function faviconOf(root, file) {
  try {
    statSync(file);
    return file;
  } catch {
    return path.join(root, 'favicon.svg');
  }
}

/**
 * Serves `dir` on `host:port` (port 0 = any free port).
 * @param {string} dir
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic(dir, { port = 0, host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  statSync(path.join(root, 'index.html')); // fail early with ENOENT if there is nothing to serve
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file;
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      file = path.join(root, path.normalize(pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw new Error('outside the served directory');
      if (pathname === '/favicon.ico') file = faviconOf(root, file);
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
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
