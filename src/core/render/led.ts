/**
 * Segmented LED meter: pure draw function and the segment arithmetic.
 *
 * Segment i (0 = nearest the meter's zero end) has a threshold: the dBFS at the far edge of its
 * slot on the scale, `dbFromPosition(scale, (i + 1) / segments)`. A segment is lit when the
 * level is at or above its threshold (within 0.0001 dB, so a level of exactly -6 dBFS lights
 * the -6 dB segment).
 *
 * Thread: any.
 */
import { checkInteger, describeValue } from '../../dsp/validate';
import { type MeterScaleSpec, dbFromPosition } from './scale';
import { type MeterStyle, zoneColor, dimColor } from './style';
import { type Rect, type Orientation, fillAlong, clearAlong } from './geometry';
import type { Context2D, ContextStyleCache } from './context';

const EPSILON_DB = 1e-4;

/** Thresholds of `segments` LEDs on `scale`, dBFS, into `out` (length ≥ segments). */
export function segmentThresholds<T extends Float64Array>(scale: MeterScaleSpec, segments: number, out: T): T {
  if (typeof scale !== 'object' || scale === null || typeof scale.minDb !== 'number')
    throw new TypeError(`segmentThresholds: scale must be a meter scale (createDbScale), got ${describeValue(scale)}`);
  checkInteger('segmentThresholds: segments', segments, 1, 100_000);
  if (!(out instanceof Float64Array) || out.length < segments)
    throw new TypeError(`segmentThresholds: out must be a Float64Array of length >= segments (${segments}), got ${describeValue(out)}`);
  for (let i = 0; i < segments; i++) out[i] = dbFromPosition(scale, (i + 1) / segments);
  return out;
}

/** Number of lit segments for a level in dBFS (thresholds ascending). */
export function litSegments(thresholds: Float64Array, segments: number, levelDb: number): number {
  let lo = 0;
  let hi = segments;
  const level = levelDb + EPSILON_DB;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (thresholds[mid] <= level) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-segment colours, lit and unlit, resolved once per style/layout (not per frame). */
export interface SegmentColors {
  lit: string[];
  unlit: string[];
}

/** Resolves each segment's zone colour and its dimmed (unlit) version. */
export function segmentColors(thresholds: Float64Array, segments: number, style: MeterStyle): SegmentColors {
  const lit: string[] = [];
  const unlit: string[] = [];
  for (let i = 0; i < segments; i++) {
    const c = zoneColor(style, thresholds[i]);
    lit.push(c);
    unlit.push(dimColor(c, style.segmentOffAlpha));
  }
  return { lit, unlit };
}

/**
 * Repaints the stretch [from, to) device px along the axis of one channel's LED column in `r`:
 * segments below `lit` and the segment `hold` in their zone colour, the rest dimmed. Only the
 * segments whose slots overlap the stretch are filled (fills, not image copies: about a
 * microsecond each in Chromium). `clear` clears under each unlit (translucent) segment first,
 * restoring `background` when it is not null; pass false right after the whole track was
 * cleared. `starts[i]`..`starts[i] + lens[i]` are the slots (see splitEven). Allocates nothing.
 */
export function drawLedRange(
  ctx: Context2D,
  cache: ContextStyleCache,
  r: Rect,
  o: Orientation,
  colors: SegmentColors,
  starts: Int32Array,
  lens: Int32Array,
  segments: number,
  lit: number,
  hold: number,
  from: number,
  to: number,
  clear: boolean,
  background: string | null,
): void {
  // First segment whose slot ends after `from` (slots ascend).
  let lo = 0;
  let hi = segments;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] + lens[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments && starts[i] < to; i++) {
    const a = starts[i];
    const b = a + lens[i];
    if (i < lit || i === hold) {
      cache.setFill(ctx, colors.lit[i]); // opaque: covers whatever was there
    } else {
      if (clear) clearAlong(ctx, cache, r, o, a, b, background);
      cache.setFill(ctx, colors.unlit[i]);
    }
    fillAlong(ctx, r, o, a, b);
  }
}
