/**
 * Continuous bar meter and peak-hold marker: pure draw functions.
 */
import { type MeterScaleSpec, positionFromDb } from './scale';
import type { MeterStyle } from './style';
import { type Rect, type Orientation, fillAlong, axisLength } from './geometry';

/** Lit length in device pixels of a bar `length` long showing `levelDb`. */
export function barLength(scale: MeterScaleSpec, length: number, levelDb: number): number {
  return Math.round(positionFromDb(scale, levelDb) * length);
}

/**
 * Draws one channel's bar into `r`: the unlit track, then the lit part `lit` px long in zone
 * colours (zone boundaries at `midPx` and `highPx` along the axis).
 */
export function drawBarChannel(
  ctx: CanvasRenderingContext2D,
  r: Rect,
  o: Orientation,
  lit: number,
  midPx: number,
  highPx: number,
  style: MeterStyle,
): void {
  const len = axisLength(r, o);
  ctx.fillStyle = style.colors.track;
  fillAlong(ctx, r, o, lit, len);
  ctx.fillStyle = style.colors.low;
  fillAlong(ctx, r, o, 0, Math.min(lit, midPx));
  ctx.fillStyle = style.colors.mid;
  fillAlong(ctx, r, o, midPx, Math.min(lit, highPx));
  ctx.fillStyle = style.colors.high;
  fillAlong(ctx, r, o, highPx, lit);
}

/**
 * Draws a peak-hold marker whose far edge is `at` device pixels along the axis, `thickness`
 * thick, in `color` (see {@link holdColor}).
 */
export function drawHoldMarker(ctx: CanvasRenderingContext2D, r: Rect, o: Orientation, at: number, thickness: number, color: string): void {
  const end = Math.min(axisLength(r, o), Math.max(thickness, at));
  ctx.fillStyle = color;
  fillAlong(ctx, r, o, end - thickness, end);
}

/** The hold marker colour: the style's hold colour, or the zone colour of the marker's position (px along the axis). */
export function holdColor(style: MeterStyle, at: number, midPx: number, highPx: number): string {
  if (style.colors.hold !== '') return style.colors.hold;
  return at >= highPx ? style.colors.high : at >= midPx ? style.colors.mid : style.colors.low;
}

/** Draws a clip LED filling `r`. */
export function drawClipLed(ctx: CanvasRenderingContext2D, r: Rect, lit: boolean, style: MeterStyle): void {
  ctx.fillStyle = lit ? style.colors.clip : style.colors.clipOff;
  ctx.fillRect(r.x, r.y, r.w, r.h);
}

/** Draws a numeric readout centred in `r`; `font` already scaled to device pixels. */
export function drawReadout(ctx: CanvasRenderingContext2D, r: Rect, text: string, style: MeterStyle, font: string): void {
  ctx.fillStyle = style.colors.text;
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
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
