/**
 * The pro views in a fresh app: the packed tarball installed into a copy of examples/vite-react
 * whose App is test/e2e/pro-app/App.tsx (an engine with a master bus measuring loudness, scope
 * and spectrum; LoudnessMeter, CorrelationMeter, Goniometer and SpectrumMeter of the master),
 * run on the Vite dev server (React StrictMode in development), without cross-origin isolation
 * (the message transport) and as a production build, opened
 * in headless Chromium: a 1 kHz tone at -12 dBFS in both
 * channels reads -12.0 LUFS momentary, correlation +1.0, its spectrum's loudest band is 1k at
 * -12 dB, the goniometer and spectrum canvases were transferred to the render worker and show
 * the figure and the bars, and nothing is logged as an error.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright';
import { launchChromium, collectErrors } from '../helpers/chromium';
import { countPixels, LOW_ZONE } from '../helpers/quick-start-check';
import { freshAppWithTarball, onDevServer, onProductionPreview, ROOT as root } from '../helpers/packed';

const app = path.join(root, '.tmp', 'pro-app');
let browser: Browser;

beforeAll(async () => {
  freshAppWithTarball(app, 'vite-react');
  copyFileSync(path.join(root, 'test/e2e/pro-app/App.tsx'), path.join(app, 'src/App.tsx'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Start, then every reading and both canvases painted, with no console error. Cross-origin
 * isolated: the shared transport, the canvases painted in the render worker; without isolation
 * the message transport, where the scope and spectrum buffers are plain memory on the page and
 * those two canvases paint on the main thread.
 */
async function checkProViews(url: string, isolated = true): Promise<void> {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Start' }).click();
  const momentary = page.getByRole('meter', { name: 'Programme: momentary' });
  await expect.poll(() => momentary.getAttribute('aria-valuetext'), { timeout: 15_000 }).toBe('-12.0 LUFS momentary');
  await expect.poll(() => page.getByRole('meter', { name: 'Phase correlation' }).getAttribute('aria-valuetext'), { timeout: 5000 }).toBe('correlation +1.0');
  await expect
    .poll(() => page.locator('[data-meterkit="Goniometer"] [role="img"]').getAttribute('aria-label'), { timeout: 5000 })
    .toBe('Goniometer, correlation +1.0');
  await expect
    .poll(() => page.locator('[data-meterkit="SpectrumMeter"] [role="img"]').getAttribute('aria-label'), { timeout: 5000 })
    .toBe('Spectrum, loudest band 1k Hz at -12 dB');
  const transferred = await page.evaluate(() =>
    ['Goniometer', 'SpectrumMeter'].map((c) => (document.querySelector(`[data-meterkit="${c}"] canvas`) as HTMLCanvasElement).dataset.meterkitRender),
  );
  expect(transferred).toEqual(isolated ? ['worker', 'worker'] : ['main', 'main']);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated);
  // What the worker painted: the goniometer's trace and the spectrum's bars in the theme's green.
  for (const c of ['Goniometer', 'SpectrumMeter']) {
    await expect
      .poll(async () => countPixels(await page.locator(`[data-meterkit="${c}"] canvas`).screenshot(), LOW_ZONE), { timeout: 5000 })
      .toBeGreaterThan(30);
  }
  expect(errors).toEqual([]);
  await page.close();
}

describe('the pro views in a fresh app', () => {
  it('on the Vite dev server (React StrictMode in development: every effect runs twice)', () => onDevServer(app, (url) => checkProViews(url)), 120_000);

  it(
    'without cross-origin isolation (no COOP/COEP headers: the message transport)',
    () => onDevServer(app, (url) => checkProViews(url, false), { configFile: false, plugins: [react()] }),
    120_000,
  );

  it('as a production build (vite build + vite preview)', () => onProductionPreview(app, (url) => checkProViews(url)), 120_000);
});
