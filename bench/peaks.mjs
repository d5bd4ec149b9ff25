/**
 * Peaks caught: plays isolated single-sample spikes (seeded instants and heights, in digital
 * silence, spread over every channel of `tracks` stereo tracks, at least 2.5 s apart on a
 * channel) through one contender, and reads back at the start of every animation frame what
 * each channel's meter shows on screen (canvas pixels for the canvas meters, the computed
 * clip-path for web-audio-peak-meter, the committed bar heights for the Tone.js page).
 *
 * A canvas transferred to a render worker (meterkit (worker)) cannot be read back by the page:
 * it is sampled here instead, by screenshots of the canvas element (CDP
 * `Page.captureScreenshot` clipped to it) taken back to back while the spikes play, each scored
 * with the same pixel scan as meterkit (main)'s read-back (pages/bridge-pixels.js) and stamped
 * with the context time read *after* it was captured: the latest instant it can show, so a
 * spike is never credited to a screenshot taken before it. Screenshots come less often than
 * frames (see `samplesPerS`), which can only lower that contender's score. What a worker decided
 * to draw is not observable from the page: its "drawn" score is null.
 *
 * Both what is on screen and what the contender decided to draw (its own variable or the style
 * it set) are scored; they differ where the display lags (web-audio-peak-meter's 0.1 s CSS
 * transition).
 *
 * A spike counts as
 * - shown at height: some frame within 300 ms (context time) after it shows ≥ its height − 1 dB
 *   (1 dB covers a 0.4 dB pixel step plus one frame of a ballistic fall);
 * - visible: some frame in that window shows ≥ 6 dB above what the meter showed just before it
 *   (taken as the display floor when it showed nothing).
 * A spike whose pre-spike reading was already within 3 dB of its height would be masked; the
 * plan makes that impossible and the count is reported to prove it.
 */

import pngjs from 'pngjs';
import { closeContext, sleep, withTimeout } from './util.mjs';
import { LIVE_VIEWPORT } from './main-thread.mjs';
import { readBridgeDb, pageBackground } from './pages/bridge-pixels.js';

// pngjs 7: a devDependency (as in test/visual/compare-screenshots.ts), not a dependency of meterkit.
const { PNG } = pngjs;

export const SHOW_WINDOW_S = 0.3;
export const HEIGHT_TOLERANCE_DB = 1;
export const VISIBLE_RISE_DB = 6;

/** Scores one recording (what the page's runPeaks returned); `key`: 'levels' (on screen) or 'drawn'. */
export function scorePeaks(rec, key = 'levels') {
  const { spikes, times, channels, floorDb } = rec;
  const levels = rec[key];
  const shown = (f, ch) => levels[f * channels + ch] ?? -Infinity;
  let atHeight = 0;
  let visible = 0;
  let masked = 0;
  const misses = [];
  let f0 = 0;
  for (const s of spikes) {
    while (f0 < times.length && times[f0] < s.timeS) f0++;
    const before = f0 > 0 ? shown(f0 - 1, s.channel) : -Infinity;
    let max = -Infinity;
    for (let f = f0; f < times.length && times[f] <= s.timeS + SHOW_WINDOW_S; f++) max = Math.max(max, shown(f, s.channel));
    if (before >= s.heightDb - 3) masked++;
    if (max >= s.heightDb - HEIGHT_TOLERANCE_DB) atHeight++;
    else if (misses.length < 5) misses.push({ heightDb: +s.heightDb.toFixed(2), shownDb: Number.isFinite(max) ? +max.toFixed(2) : null });
    if (max >= Math.max(before, floorDb) + VISIBLE_RISE_DB) visible++;
  }
  const n = spikes.length;
  return { spikes: n, atHeight, visible, masked, atHeightShare: atHeight / n, visibleShare: visible / n, sampleMisses: misses };
}

export async function measurePeaks(browser, baseUrl, { contender, tracks, spikes, seed }) {
  const context = await browser.newContext({ viewport: LIVE_VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${baseUrl}index.html?mode=peaks&contender=${contender}&tracks=${tracks}&spikes=${spikes}&seed=${seed}`);
    const info = await withTimeout(
      page.evaluate(() => window.bench.ready),
      30_000,
      'page setup',
    );
    await sleep(500);
    const running = withTimeout(
      page.evaluate(() => window.bench.runPeaks()),
      120_000,
      'bench.runPeaks',
    );
    const shots = info.render === 'worker' ? await sampleScreenshots(page, running, tracks) : null;
    const rec = await running;
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (shots !== null) Object.assign(rec, shots);
    const t = rec.times;
    const rate = t.length > 1 ? (t.length - 1) / (t[t.length - 1] - t[0]) : 0;
    return {
      contender,
      tracks,
      transport: info.transport,
      sampledBy: rec.sampledBy,
      durationS: rec.durationS,
      frames: t.length,
      fps: rec.sampledBy === 'screenshot' ? rec.workerFps : rate,
      samplesPerS: rate,
      onScreen: scorePeaks(rec, 'levels'),
      drawn: rec.drawn === null ? null : scorePeaks(rec, 'drawn'),
    };
  } finally {
    await closeContext(context);
  }
}

/**
 * Screenshots the worker-painted canvas back to back until `running` (the page's runPeaks)
 * settles; returns the recording's `times` and `levels` (dB per channel per screenshot, null for
 * an empty column), each screenshot stamped with the context time read right after it.
 */
async function sampleScreenshots(page, running, tracks) {
  let done = false;
  running.then(
    () => (done = true),
    () => (done = true),
  );
  const cdp = await page.context().newCDPSession(page);
  const selector = (await page.evaluate(() => window.bench.info)).screenshotSelector;
  const rect = await page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
  const raw = [];
  let pending = null;
  while (!done) {
    const t = await page.evaluate(() => window.bench.peaksClock());
    if (pending !== null && Number.isFinite(t)) raw.push({ t, png: pending });
    pending = null;
    if (done || !Number.isFinite(t)) {
      await sleep(5);
      continue;
    }
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...rect, scale: 1 }, captureBeyondViewport: true });
    pending = Buffer.from(data, 'base64');
  }
  await cdp.detach().catch(() => {});
  const channels = tracks * 2;
  const levels = new Float32Array(raw.length * channels);
  raw.forEach(({ png }, n) => {
    const img = PNG.sync.read(png);
    readBridgeDb(img.data, img.width, img.height, tracks, levels, n * channels, pageBackground);
  });
  return {
    times: raw.map((r) => r.t),
    levels: Array.from(levels, (v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null)),
  };
}
