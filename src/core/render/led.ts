/**
 * Segmented LED meter: pure draw function and the segment arithmetic.
 *
 * Segment i (0 = nearest the meter's zero end) has a threshold: the dBFS at the far edge of its
 * slot on the scale, `dbFromPosition(scale, (i + 1) / segments)`. A segment is lit when the
 * level is at or above its threshold (within 0.0001 dB, so a level of exactly -6 dBFS lights
 * the -6 dB segment).
 */
import { type MeterScaleSpec, dbFromPosition } from './scale';
import { type MeterStyle, zoneColor, dimColor } from './style';
import { type Rect, type Orientation, fillAlong } from './geometry';

const EPSILON_DB = 1e-4;

/** Thresholds of `segments` LEDs on `scale`, dBFS, into `out` (length ≥ segments). */
export function segmentThresholds<T extends Float64Array>(scale: MeterScaleSpec, segments: number, out: T): T {
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

/** Index of the segment that shows a hold value (the highest segment it lights), or -1. */
export function holdSegment(thresholds: Float64Array, segments: number, holdDb: number): number {
  return litSegments(thresholds, segments, holdDb) - 1;
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
 * Draws one channel's LED column into `r`: `lit` segments in their zone colour, the rest
 * dimmed, and the segment `hold` (if ≥ lit) at full colour. `starts[i]`..`starts[i] + lens[i]`
 * are the segment slots along the axis (see splitEven). Allocates nothing.
 */
export function drawLedChannel(
  ctx: CanvasRenderingContext2D,
  r: Rect,
  o: Orientation,
  colors: SegmentColors,
  starts: Int32Array,
  lens: Int32Array,
  segments: number,
  lit: number,
  hold: number,
): void {
  for (let i = 0; i < segments; i++) {
    ctx.fillStyle = i < lit || i === hold ? colors.lit[i] : colors.unlit[i];
    fillAlong(ctx, r, o, starts[i], starts[i] + lens[i]);
  }
}
