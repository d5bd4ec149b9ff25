/**
 * A fresh app that follows the README: the packed meterkit tarball installed into a new Vite +
 * React project whose vite.config.ts and src/App.tsx are the README's code blocks, run with
 * the Vite dev server (dependency optimizer) and as a production build (vite preview), opened
 * in headless Chromium: click Start, and the Tone meter reads -12 dBFS over the shared
 * transport with no console errors.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, build, preview, type ViteDevServer, type PreviewServer } from 'vite';
import type { Browser } from 'playwright';
import { launchChromium, collectErrors } from '../helpers/chromium';
import { createRequire } from 'node:module';

// pngjs as @vitest/browser resolves it (the comparator of the visual tests uses the same).
const { PNG } = createRequire(createRequire(import.meta.url).resolve('@vitest/browser'))('pngjs') as { PNG: { sync: { read(b: Buffer): { data: Buffer } } } };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const app = path.join(root, '.tmp', 'consumer-app');
let browser: Browser;

/** The README's code blocks whose first line is a `// path` comment, by path. */
function readmeFiles(): Map<string, string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const files = new Map<string, string>();
  for (const m of readme.matchAll(/```(?:ts|tsx)\n\/\/ ([\w./-]+)\n([\s\S]*?)```/g)) files.set(m[1], m[2]);
  return files;
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(path.join(app, 'src'), { recursive: true });
  mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  // Install the packed package exactly as npm would lay it out.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', app], { cwd: root, encoding: 'utf8' }))[0].filename;
  execFileSync('tar', ['-xzf', packed], { cwd: app });
  renameSync(path.join(app, 'package'), path.join(app, 'node_modules', 'meterkit'));
  const files = readmeFiles();
  expect([...files.keys()].sort()).toEqual(['src/App.tsx', 'vite.config.ts']);
  for (const [file, text] of files) writeFileSync(path.join(app, file), text);
  // The rest is what `npm create vite -- --template react-ts` generates.
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
  writeFileSync(
    path.join(app, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /><title>my-app</title><link rel="icon" href="data:," /></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>',
  );
  writeFileSync(
    path.join(app, 'src/main.tsx'),
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport App from './App.tsx';\n\ncreateRoot(document.getElementById('root')!).render(\n  <StrictMode>\n    <App />\n  </StrictMode>,\n);\n",
  );
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The default low-zone colour (#2ecc71). */
const LOW_ZONE: [number, number, number] = [0x2e, 0xcc, 0x71];

/** Pixels of a PNG screenshot exactly `rgb`. */
function countPixels(png: Buffer, rgb: [number, number, number]): number {
  const { data } = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n++;
  return n;
}

async function checkApp(url: string) {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Start' }).click();
  const tone = page.getByRole('meter', { name: 'Tone level' });
  await expect.poll(() => tone.getAttribute('aria-valuetext'), { timeout: 15_000 }).toBe('-12.0 dBFS');
  expect(await page.getByRole('meter', { name: 'Mic level' }).getAttribute('aria-valuetext')).toBe('silent');
  const selector = '[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]';
  const state = await page.evaluate((s) => {
    const canvas = document.querySelector(s) as HTMLCanvasElement;
    // The default render mode paints in the render worker: the canvas was transferred to it.
    let transferred = false;
    try {
      canvas.getContext('2d');
    } catch {
      transferred = true;
    }
    return { isolated: crossOriginIsolated, transferred };
  }, selector);
  expect(state.isolated).toBe(true);
  expect(state.transferred).toBe(true);
  // What the worker painted, as the page shows it: lit LED segments in the low (green) zone.
  await expect.poll(async () => countPixels(await page.locator(selector).screenshot(), LOW_ZONE), { timeout: 5000 }).toBeGreaterThan(500);
  expect(errors).toEqual([]);
  await page.close();
}

describe('a fresh app following the README', () => {
  it('works on the Vite dev server (through the dependency optimizer)', async () => {
    let server: ViteDevServer | undefined;
    try {
      server = await createServer({ root: app, configFile: path.join(app, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
      await server.listen();
      await checkApp(server.resolvedUrls!.local[0]);
    } finally {
      await server?.close();
    }
  }, 120_000);

  it('works as a production build (vite build + vite preview)', async () => {
    let server: PreviewServer | undefined;
    try {
      await build({ root: app, configFile: path.join(app, 'vite.config.ts'), logLevel: 'error' });
      server = await preview({ root: app, configFile: path.join(app, 'vite.config.ts'), logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } });
      await checkApp(server.resolvedUrls!.local[0]);
    } finally {
      await server?.close();
    }
  }, 120_000);
});
