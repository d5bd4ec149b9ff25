/**
 * Correlation / balance drawing: a horizontal scale from −1 to +1 with the reading as a bar
 * from the centre (green for positive, red for negative correlation) and, optionally, a
 * balance bar (L … R) below it. Pure function of (context, geometry, values, style).
 */
import type { Rect } from './geometry';
import type { Context2D } from './context';
import type { MeterStyle } from './style';

/** Device-px offset from the centre of a value in −1…+1 over a half-width; NaN → 0. */
export function offsetPx(value: number, halfWidth: number): number {
  if (!(value === value)) return 0;
  const v = value > 1 ? 1 : value < -1 ? -1 : value;
  return Math.round(v * halfWidth);
}

function row(ctx: Context2D, r: Rect, off: number, positive: string, negative: string, tickPx: number, style: MeterStyle): void {
  ctx.fillStyle = style.colors.track;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  const centre = r.x + (r.w >> 1);
  if (off > 0) {
    ctx.fillStyle = positive;
    ctx.fillRect(centre, r.y, off, r.h);
  } else if (off < 0) {
    ctx.fillStyle = negative;
    ctx.fillRect(centre + off, r.y, -off, r.h);
  }
  // Ticks at −1, −½, 0, +½, +1.
  ctx.fillStyle = style.colors.tick;
  for (let k = 0; k <= 4; k++) {
    const x = Math.min(r.x + r.w - tickPx, r.x + Math.round((k * (r.w - tickPx)) / 4));
    ctx.fillRect(x, r.y, tickPx, k === 2 ? r.h : r.h >> 2);
  }
}

/** Draws the correlation row into `top` and, if `bottom` is given, the balance row into it. */
export function drawCorrelation(
  ctx: Context2D,
  top: Rect,
  bottom: Rect | null,
  correlationPx: number,
  balancePx: number,
  tickPx: number,
  style: MeterStyle,
): void {
  row(ctx, top, correlationPx, style.colors.low, style.colors.high, tickPx, style);
  if (bottom !== null) row(ctx, bottom, balancePx, style.colors.mid, style.colors.mid, tickPx, style);
}
