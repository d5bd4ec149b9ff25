/**
 * Loudness meter drawing: a momentary bar with the target band, a short-term marker and an
 * integrated mark; and a history graph of the short-term loudness. Pure functions of
 * (context, geometry, values, style); integer device-pixel geometry.
 */
import type { Rect } from './geometry';
import type { Context2D } from './context';
import type { MeterStyle } from './style';

/** Vertical position (device px from the bottom of `length`) of `lufs` in [minLufs, maxLufs]; -1 below. */
export function lufsToPx(lufs: number, minLufs: number, maxLufs: number, length: number): number {
  if (!(lufs > minLufs)) return -1;
  const p = lufs >= maxLufs ? 1 : (lufs - minLufs) / (maxLufs - minLufs);
  return Math.round(p * length);
}

/** Colour of a loudness value against the target band: below → mid, within → low, above → high. */
export function loudnessColor(style: MeterStyle, px: number, bandLowPx: number, bandHighPx: number): string {
  return px > bandHighPx ? style.colors.high : px >= bandLowPx ? style.colors.low : style.colors.mid;
}

/**
 * The bar: track, target band (tinted across the full breadth), momentary bar up to `momPx`,
 * short-term marker at `shortPx`, and an integrated tick at `intPx` (−1 hides each).
 */
export function drawLoudnessBar(
  ctx: Context2D,
  r: Rect,
  momPx: number,
  shortPx: number,
  intPx: number,
  bandLowPx: number,
  bandHighPx: number,
  markerPx: number,
  bandColor: string,
  style: MeterStyle,
): void {
  const bottom = r.y + r.h;
  ctx.clearRect(r.x, r.y, r.w, r.h);
  ctx.fillStyle = style.colors.track;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  if (momPx > 0) {
    ctx.fillStyle = loudnessColor(style, momPx, bandLowPx, bandHighPx);
    ctx.fillRect(r.x, bottom - momPx, r.w, momPx);
  }
  // The target band over everything, translucent, so the bar shows through.
  ctx.fillStyle = bandColor;
  ctx.fillRect(r.x, bottom - bandHighPx, r.w, Math.max(1, bandHighPx - bandLowPx));
  if (shortPx >= 0) {
    ctx.fillStyle = style.colors.hold !== '' ? style.colors.hold : style.colors.text;
    ctx.fillRect(r.x, bottom - shortPx, r.w, markerPx);
  }
  if (intPx >= 0) {
    ctx.fillStyle = style.colors.text;
    const w = Math.max(2, r.w >> 2);
    ctx.fillRect(r.x, bottom - intPx - markerPx, w, markerPx * 2);
    ctx.fillRect(r.x + r.w - w, bottom - intPx - markerPx, w, markerPx * 2);
  }
}

/**
 * The history graph: the target band, the short-term loudness of the last `count` points of
 * the ring `values` (newest at `head − 1`) as a line, and the integrated level as a dashed line.
 */
export function drawLoudnessHistory(
  ctx: Context2D,
  r: Rect,
  values: Float32Array,
  count: number,
  head: number,
  minLufs: number,
  maxLufs: number,
  bandLowLufs: number,
  bandHighLufs: number,
  intLufs: number,
  lineWidth: number,
  bandColor: string,
  style: MeterStyle,
): void {
  ctx.clearRect(r.x, r.y, r.w, r.h);
  ctx.fillStyle = style.colors.track;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.fillStyle = bandColor;
  const bandTop = yOf(bandHighLufs, r, minLufs, maxLufs);
  ctx.fillRect(r.x, bandTop, r.w, Math.max(1, yOf(bandLowLufs, r, minLufs, maxLufs) - bandTop));
  const n = values.length;
  if (count > 1) {
    ctx.strokeStyle = style.colors.text;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    let pen = false;
    for (let k = 0; k < count; k++) {
      const v = values[(head - count + k + n) % n];
      const x = r.x + r.w - ((count - 1 - k) * r.w) / (n - 1);
      if (v > minLufs) {
        const yv = yOf(v, r, minLufs, maxLufs);
        if (pen) ctx.lineTo(x, yv);
        else ctx.moveTo(x, yv);
        pen = true;
      } else {
        pen = false;
      }
    }
    ctx.stroke();
  }
  if (intLufs > minLufs) {
    ctx.fillStyle = style.colors.high;
    const yi = yOf(intLufs, r, minLufs, maxLufs);
    for (let x = r.x; x < r.x + r.w; x += 6 * lineWidth) ctx.fillRect(x, yi, 3 * lineWidth, lineWidth);
  }
}

/** Device-pixel row of `lufs` inside `r` (the bottom edge for anything below the range). */
function yOf(lufs: number, r: Rect, minLufs: number, maxLufs: number): number {
  return r.y + r.h - Math.max(0, lufsToPx(lufs, minLufs, maxLufs, r.h));
}
