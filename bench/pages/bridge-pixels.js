/**
 * Reads the level each channel of meterkit's `<MeterBridge>` shows from its pixels (RGBA, row
 * by row): for each channel, the column at the middle of its bar is scanned from the top for the
 * first lit pixel (bar, hold line or zone colour), and its height is turned into dB on the
 * bridge's -60…0 dBFS scale. Shared by the page's canvas read-back (`getImageData`, meterkit
 * (main)) and bench/peaks.mjs, which decodes element screenshots of the transferred canvas
 * (meterkit (worker)), so both contenders are scored by the same code.
 *
 * Plain JavaScript so that Node (peaks.mjs) and Vite (pages/meterkit.tsx) import the same file.
 */

/** Bridge geometry (CSS px = device px here: the harness runs at device scale factor 1). */
export const BRIDGE = { meterLength: 150, trackWidth: 7, trackGap: 2, channelGap: 1, minDb: -60 };

/** splitEven from meterkit's layout: start and length of part i of `total` px. */
function part(total, n, gap, i) {
  const a = Math.round((i * (total + gap)) / n);
  const b = Math.round(((i + 1) * (total + gap)) / n) - gap;
  return [a, Math.max(1, b - a)];
}

/** The unlit track colour of the bridge (#1e2226). */
const isUnlitTrack = (data, i) => data[i] === 0x1e && data[i + 1] === 0x22 && data[i + 2] === 0x26;

/**
 * Writes the dB each of the `tracks` × 2 channels shows into `out` from `offset` (-Infinity for
 * an empty column). `isBackground(data, i)` says which pixels are not the meter: transparent
 * canvas pixels in a read-back, the page background (#111) in a screenshot.
 */
export function readBridgeDb(data, width, height, tracks, out, offset, isBackground) {
  const { trackGap, channelGap, minDb } = BRIDGE;
  for (let t = 0; t < tracks; t++) {
    const [t0, tLen] = part(width, tracks, trackGap, t);
    for (let ch = 0; ch < 2; ch++) {
      const [c0, cLen] = part(tLen, 2, channelGap, ch);
      const x = t0 + c0 + (cLen >> 1);
      let top = height;
      for (let y = 0; y < height; y++) {
        const i = (y * width + x) * 4;
        if (!isBackground(data, i) && !isUnlitTrack(data, i)) {
          top = y;
          break;
        }
      }
      const px = height - top;
      out[offset + 2 * t + ch] = px <= 0 ? -Infinity : minDb + (px / height) * -minDb;
    }
  }
}

/** Background test of a canvas read-back: anything not fully opaque. */
export const transparent = (data, i) => data[i + 3] !== 255;

/** Background test of a screenshot: the bench page's background colour #111. */
export const pageBackground = (data, i) => data[i] === 0x11 && data[i + 1] === 0x11 && data[i + 2] === 0x11;
