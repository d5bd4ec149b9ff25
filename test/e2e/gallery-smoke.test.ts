/**
 * Smoke test of the gallery as users get it: `storybook build`, served by
 * scripts/serve-static.mjs (the `npm run preview-gallery` server) with COOP/COEP, the live mixer
 * story opened in headless Chromium, Start clicked. The preview must be cross-origin isolated
 * and run the shared transport, log no console errors, and the meters must move: two
 * screenshots a second apart differ. Then every story of the gallery, opened on its own (live
 * demos started with their Start button): no console error or warning in any.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { launchChromium, collectErrors } from '../helpers/chromium';
import { serveStatic } from '../../scripts/serve-static.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, '.tmp', 'gallery-smoke');
const MIXER = 'iframe.html?id=demos-live-mixer--default&viewMode=story';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  await promisify(execFile)(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', out], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  server = await serveStatic(out);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built gallery', () => {
  it('is served cross-origin isolated, manager and preview', async () => {
    for (const file of ['index.html', MIXER]) {
      const res = await fetch(server.url + file);
      expect(res.status).toBe(200);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
  });

  it('runs the live mixer: isolated, shared transport, no console errors, meters move', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(server.url + MIXER);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 15_000 }).toBe('ready');
    expect(await page.getByTestId('transport').textContent()).toBe('shared');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    // The master bus has signal once the sources run.
    const master = page.getByRole('meter', { name: 'Master level' });
    await expect.poll(() => master.getAttribute('aria-valuetext'), { timeout: 15_000 }).not.toBe('silent');
    const board = page.locator('[data-meterkit="MeterBridge"]').first();
    const first = await board.screenshot();
    await page.waitForTimeout(1000); // the point of the test: a second of live audio later
    const second = await board.screenshot();
    expect(first.length).toBeGreaterThan(1000);
    expect(second.equals(first)).toBe(false);
    expect(await page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders every story with no console error or warning (live demos started)', async () => {
    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
    const ids = Object.values(index.entries)
      .filter((e) => e.type === 'story')
      .map((e) => e.id);
    expect(ids.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const id of ids) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const messages = collectErrors(page);
      page.on('console', (m) => {
        if (m.type() === 'warning') messages.push(`warning: ${m.text()}`);
      });
      await page.goto(`${server.url}iframe.html?id=${id}&viewMode=story`);
      await page.locator('#storybook-root > *').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(400);
      const start = page.getByRole('button', { name: 'Start', exact: true });
      if ((await start.count()) > 0) {
        await start.first().click();
        await page.waitForTimeout(1000);
      }
      if (messages.length > 0) problems.push(`${id}: ${messages.join(' | ')}`);
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
