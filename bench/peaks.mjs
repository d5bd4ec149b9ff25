/**
 * Peaks caught: plays isolated single-sample spikes (seeded instants and heights, in digital
 * silence, spread over every channel of `tracks` stereo tracks, at least 2.5 s apart on a
 * channel) through one contender, and reads back at the start of every animation frame what
 * each channel's meter shows on screen (canvas pixels for the canvas meters, the computed
 * clip-path for web-audio-peak-meter, the committed bar heights for the Tone.js page).
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

import { closeContext, sleep, withTimeout } from './util.mjs';
import { LIVE_VIEWPORT } from './main-thread.mjs';

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
    const info = await withTimeout(page.evaluate(() => window.bench.ready), 30_000, 'page setup');
    await sleep(500);
    const rec = await withTimeout(page.evaluate(() => window.bench.runPeaks()), 120_000, 'bench.runPeaks');
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const t = rec.times;
    return {
      contender,
      tracks,
      transport: info.transport,
      durationS: rec.durationS,
      frames: t.length,
      fps: t.length > 1 ? (t.length - 1) / (t[t.length - 1] - t[0]) : 0,
      onScreen: scorePeaks(rec, 'levels'),
      drawn: scorePeaks(rec, 'drawn'),
    };
  } finally {
    await closeContext(context);
  }
}
