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

async function checkApp(url: string) {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Start' }).click();
  const tone = page.getByRole('meter', { name: 'Tone level' });
  await expect.poll(() => tone.getAttribute('aria-valuetext'), { timeout: 15_000 }).toBe('-12.0 dBFS');
  expect(await page.getByRole('meter', { name: 'Mic level' }).getAttribute('aria-valuetext')).toBe('silent');
  const state = await page.evaluate(() => {
    const canvas = document.querySelector('[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]') as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let lit = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 255) lit++;
    return { isolated: crossOriginIsolated, lit };
  });
  expect(state.isolated).toBe(true);
  expect(state.lit).toBeGreaterThan(500);
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
