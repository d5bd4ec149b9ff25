/**
 * Continuous bar meter, peak-hold marker, clip LED and readout: pure draw functions.
 *
 * Thread: any.
 */
import { type MeterScaleSpec, positionFromDb } from './scale';
import type { MeterStyle } from './style';
import { type Rect, type Orientation, fillAlong, clearAlong, axisLength } from './geometry';
import type { Context2D, ContextStyleCache } from './context';

/** Lit length in device pixels of a bar `length` long showing `levelDb`. */
export function barLength(scale: MeterScaleSpec, length: number, levelDb: number): number {
  return Math.round(positionFromDb(scale, levelDb) * length);
}

/**
 * Repaints the stretch [from, to) device px along the axis (0 ≤ from < to ≤ the meter length)
 * of one channel's bar in `r`: zone colours below the level `lit` px (zone boundaries at
 * `midPx` and `highPx`), the unlit track above it, then the hold line whose far edge is `hold`
 * px along (−1: none). `clear` clears under the (translucent) track first, restoring
 * `background` when it is not null. Only fills; allocates nothing.
 */
export function drawBarRange(
  ctx: Context2D,
  cache: ContextStyleCache,
  r: Rect,
  o: Orientation,
  lit: number,
  hold: number,
  holdThickness: number,
  midPx: number,
  highPx: number,
  from: number,
  to: number,
  clear: boolean,
  style: MeterStyle,
  background: string | null,
): void {
  const b = lit < 0 ? 0 : lit;
  const litTo = b < to ? b : to;
  if (from < litTo) {
    if (from < midPx) fillZone(ctx, cache, r, o, style.colors.low, from, litTo < midPx ? litTo : midPx);
    if (litTo > midPx && from < highPx) fillZone(ctx, cache, r, o, style.colors.mid, from > midPx ? from : midPx, litTo < highPx ? litTo : highPx);
    if (litTo > highPx) fillZone(ctx, cache, r, o, style.colors.high, from > highPx ? from : highPx, litTo);
  }
  const trackFrom = b > from ? b : from;
  if (trackFrom < to) {
    if (clear) clearAlong(ctx, cache, r, o, trackFrom, to, background);
    fillZone(ctx, cache, r, o, style.colors.track, trackFrom, to);
  }
  if (hold >= 0) drawHoldMarker(ctx, cache, r, o, hold, holdThickness, holdColor(style, hold, midPx, highPx), from, to);
}

/** Start (device px along the axis) of a hold line whose far edge is at `hold`, on a meter `length` long. */
export function holdStart(hold: number, thickness: number, length: number): number {
  return Math.max(0, holdEnd(hold, thickness, length) - thickness);
}

/** Far edge (device px along the axis) of a hold line at `hold`: at least `thickness`, at most `length`. */
export function holdEnd(hold: number, thickness: number, length: number): number {
  return Math.min(length, Math.max(thickness, hold));
}

/**
 * Draws the part within [from, to) of a peak-hold line whose far edge is `at` device px along
 * the axis, `thickness` thick, in `color` (see {@link holdColor}).
 */
export function drawHoldMarker(
  ctx: Context2D,
  cache: ContextStyleCache,
  r: Rect,
  o: Orientation,
  at: number,
  thickness: number,
  color: string,
  from: number,
  to: number,
): void {
  const len = axisLength(r, o);
  const a = holdStart(at, thickness, len);
  const b = holdEnd(at, thickness, len);
  fillZone(ctx, cache, r, o, color, a > from ? a : from, b < to ? b : to);
}

function fillZone(ctx: Context2D, cache: ContextStyleCache, r: Rect, o: Orientation, color: string, from: number, to: number): void {
  if (to <= from) return;
  cache.setFill(ctx, color);
  fillAlong(ctx, r, o, from, to);
}

/** The hold marker colour: the style's hold colour, or the zone colour of the marker's position (px along the axis). */
export function holdColor(style: MeterStyle, at: number, midPx: number, highPx: number): string {
  if (style.colors.hold !== '') return style.colors.hold;
  return at >= highPx ? style.colors.high : at >= midPx ? style.colors.mid : style.colors.low;
}

/** Draws a clip LED filling `r`. */
export function drawClipLed(ctx: Context2D, cache: ContextStyleCache, r: Rect, lit: boolean, style: MeterStyle): void {
  cache.setFill(ctx, lit ? style.colors.clip : style.colors.clipOff);
  ctx.fillRect(r.x, r.y, r.w, r.h);
}

/** Draws a numeric readout centred in `r`; `font` already scaled to device pixels. */
export function drawReadout(ctx: Context2D, cache: ContextStyleCache, r: Rect, text: string, style: MeterStyle, font: string): void {
  cache.setFill(ctx, style.colors.text);
  cache.setFont(ctx, font);
  cache.setText(ctx, 'center', 'middle');
  // Integer coordinates: no fractional numbers to box per call.
  ctx.fillText(text, r.x + (r.w >> 1), r.y + (r.h >> 1), r.w);
}

/** A CSS font string with its px size multiplied by `dpr` (canvas text is in device px). */
export function scaleFont(font: string, dpr: number): string {
  return font.replace(/(\d+(?:\.\d+)?)px/, (_, n: string) => `${Math.round(Number(n) * dpr * 100) / 100}px`);
}

/** Readout value for silence (below the cache range). */
export const READOUT_SILENT = -2147483648;
const READOUT_MIN = -1500; // -150.0 dB
const READOUT_MAX = 600; // +60.0 dB
const readoutCache: (string | undefined)[] = [];

/**
 * Text of a dB readout from tenths of a dB: one decimal, "-inf" for silence, "+" above 0.
 * Strings are cached, so after the first occurrence of a value this allocates nothing.
 */
export function formatReadout(tenths: number): string {
  if (tenths === READOUT_SILENT || tenths < READOUT_MIN) return '-inf';
  const t = tenths > READOUT_MAX ? READOUT_MAX : tenths;
  const i = t - READOUT_MIN;
  let s = readoutCache[i];
  if (s === undefined) {
    const v = t / 10;
    s = v > 0 ? `+${v.toFixed(1)}` : v.toFixed(1);
    readoutCache[i] = s;
  }
  return s;
}

/** Tenths of a dB for a readout (READOUT_SILENT for -Infinity/NaN). */
export function readoutTenths(db: number): number {
  return db > -150 ? Math.round(db * 10) : READOUT_SILENT;
}

const unsignedCache: (string | undefined)[] = [];

/** Text of a non-negative value from tenths ("4.2"); cached like {@link formatReadout}. */
export function formatUnsignedTenths(tenths: number): string {
  if (!(tenths >= 0)) return '-';
  const t = tenths > 9999 ? 9999 : tenths;
  let s = unsignedCache[t];
  if (s === undefined) {
    s = (t / 10).toFixed(1);
    unsignedCache[t] = s;
  }
  return s;
}
