/**
 * A fresh app that follows the README: the packed meterkit tarball (`npm run pack:local`)
 * installed into a copy of examples/vite-react, whose vite.config.ts and src/App.tsx are the
 * README's quick-start code blocks (checked here), run with
 * the Vite dev server (dependency optimizer) and as a production build (vite preview), opened
 * in headless Chromium: click Start, and the Tone meter reads -12 dBFS over the shared
 * transport with no console errors.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, build, preview, type ViteDevServer, type PreviewServer } from 'vite';
import type { Browser } from 'playwright';
import { launchChromium, collectErrors } from '../helpers/chromium';
import { freshAppWithTarball, ROOT as root } from '../helpers/packed';
import { PNG } from 'pngjs';

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
  freshAppWithTarball(app, 'vite-react');
  // The README's quick start is exactly the example's files.
  const files = readmeFiles();
  for (const file of ['vite.config.ts', 'src/App.tsx']) {
    expect(files.get(file), `README code block "// ${file}"`).toBe(readFileSync(path.join(root, 'examples/vite-react', file), 'utf8'));
  }
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
