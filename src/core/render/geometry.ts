/**
 * Rectangles in device pixels and the one helper that maps "along the meter / across it" to
 * x/y, so every renderer is written once for both orientations.
 *
 * Thread: any.
 */
import type { Context2D, ContextStyleCache } from './context';

export type Orientation = 'vertical' | 'horizontal';

/** An integer device-pixel rectangle. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function rect(x = 0, y = 0, w = 0, h = 0): Rect {
  return { x, y, w, h };
}

/** Length of `r` along the meter's axis. */
export function axisLength(r: Rect, o: Orientation): number {
  return o === 'vertical' ? r.h : r.w;
}

/**
 * Fills the part of `r` from `from` to `to` device pixels along the meter's axis, measured
 * from the meter's zero end (bottom when vertical, left when horizontal), across the full
 * breadth of `r`.
 */
export function fillAlong(ctx: Context2D, r: Rect, o: Orientation, from: number, to: number): void {
  if (to <= from) return;
  if (o === 'vertical') ctx.fillRect(r.x, r.y + r.h - to, r.w, to - from);
  else ctx.fillRect(r.x + from, r.y, to - from, r.h);
}

/**
 * Splits `total` device pixels into `n` parts separated by `gap`, with integer edges; writes
 * the start of part i to `starts[i]` and its length to `lengths[i]` (each at least 1).
 */
export function splitEven(total: number, n: number, gap: number, starts: Int32Array, lengths: Int32Array, offset = 0): void {
  for (let i = 0; i < n; i++) {
    const a = Math.round((i * (total + gap)) / n);
    const b = Math.round(((i + 1) * (total + gap)) / n) - gap;
    starts[i] = offset + a;
    lengths[i] = Math.max(1, b - a);
  }
}

/**
 * Clears [from, to) of `r` along the axis and, when `background` is not null, fills it with
 * that colour again (a non-transparent canvas background).
 */
export function clearAlong(ctx: Context2D, cache: ContextStyleCache, r: Rect, o: Orientation, from: number, to: number, background: string | null): void {
  if (o === 'vertical') ctx.clearRect(r.x, r.y + r.h - to, r.w, to - from);
  else ctx.clearRect(r.x + from, r.y, to - from, r.h);
  if (background !== null) {
    cache.setFill(ctx, background);
    fillAlong(ctx, r, o, from, to);
  }
}

/** Device-pixel length of `css` CSS pixels at `dpr`, at least `min`. */
export function devicePx(css: number, dpr: number, min = 0): number {
  return Math.max(min, Math.round(css * dpr));
}
