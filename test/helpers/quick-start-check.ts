/**
 * What every quick-start app must do in headless Chromium (the README's App): click Start, the
 * Tone meter reads -12 dBFS over the shared transport, the canvas was transferred to the render
 * worker and shows lit low-zone LED segments, and no console error.
 */
import { expect } from 'vitest';
import type { Browser } from 'playwright';
import { PNG } from 'pngjs';
import { collectErrors } from './chromium';

/** The default low-zone colour (#2ecc71). */
export const LOW_ZONE: [number, number, number] = [0x2e, 0xcc, 0x71];

/** Pixels of a PNG screenshot exactly `rgb`. */
export function countPixels(png: Uint8Array, rgb: [number, number, number]): number {
  const { data } = PNG.sync.read(Buffer.from(png));
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n++;
  return n;
}

export async function checkQuickStart(browser: Browser, url: string): Promise<void> {
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
