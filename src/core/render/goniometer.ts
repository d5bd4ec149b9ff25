/**
 * Goniometer (phase scope) drawing: the grid and the trace. Pure functions of (context,
 * geometry, values, style); they allocate nothing.
 *
 * Mid/side rotation, the broadcast convention: M = (L + R) / 2 up, S = (R − L) / 2 across, so a
 * mono signal (L = R) is a vertical line, antiphase (L = −R) a horizontal line, left alone the
 * diagonal toward the upper left ("L" axis) and right alone the one toward the upper right.
 * A full-scale mono sine (L = R = ±1) reaches the plot's top and bottom edges at gain 1.
 */
import type { Rect } from './geometry';
import type { Context2D } from './context';
import type { MeterStyle } from './style';

/** Draws the plot's background, its M and S axes, its L and R diagonals and the labels. */
/** `font`: the labels' font in device px, or null for no labels. */
export function drawGoniometerGrid(ctx: Context2D, plot: Rect, lineWidth: number, style: MeterStyle, font: string | null): void {
  ctx.fillStyle = style.colors.track;
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
  const cx = plot.x + (plot.w >> 1);
  const cy = plot.y + (plot.h >> 1);
  ctx.fillStyle = style.colors.tick;
  ctx.fillRect(cx, plot.y, lineWidth, plot.h); // M
  ctx.fillRect(plot.x, cy, plot.w, lineWidth); // S
  ctx.globalAlpha = 0.5;
  ctx.strokeStyle = style.colors.tick;
  ctx.lineWidth = lineWidth;
  ctx.beginPath();
  ctx.moveTo(plot.x, plot.y);
  ctx.lineTo(plot.x + plot.w, plot.y + plot.h); // L axis
  ctx.moveTo(plot.x + plot.w, plot.y);
  ctx.lineTo(plot.x, plot.y + plot.h); // R axis
  ctx.stroke();
  ctx.globalAlpha = 1;
  if (font === null) return;
  ctx.fillStyle = style.colors.text;
  ctx.font = font;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText('L', plot.x + lineWidth * 2, plot.y + lineWidth * 2);
  ctx.textAlign = 'right';
  ctx.fillText('R', plot.x + plot.w - lineWidth * 2, plot.y + lineWidth * 2);
  ctx.textAlign = 'center';
  ctx.fillText('M', cx + lineWidth * 6, plot.y + lineWidth * 2);
}

/**
 * Draws `n` frames (left[i], right[i]) of one trace segment at `alpha`, scaled by `gain` (linear).
 * `dots`: a square of `dotPx` device px per frame; otherwise a polyline through the frames.
 * Points outside the plot are clipped to its edge.
 */
export function drawGoniometerTrace(
  ctx: Context2D,
  plot: Rect,
  left: Float32Array,
  right: Float32Array,
  n: number,
  gain: number,
  dots: boolean,
  dotPx: number,
  alpha: number,
  color: string,
): void {
  if (n === 0) return;
  const half = plot.w / 2;
  const cx = plot.x + half;
  const cy = plot.y + plot.h / 2;
  const k = half * gain;
  const minX = plot.x;
  const maxX = plot.x + plot.w - dotPx;
  const minY = plot.y;
  const maxY = plot.y + plot.h - dotPx;
  ctx.globalAlpha = alpha;
  if (dots) {
    ctx.fillStyle = color;
    const off = dotPx / 2;
    for (let i = 0; i < n; i++) {
      const l = left[i];
      const r = right[i];
      let x = Math.floor(cx + (r - l) * 0.5 * k - off);
      let y = Math.floor(cy - (l + r) * 0.5 * k - off);
      x = x < minX ? minX : x > maxX ? maxX : x;
      y = y < minY ? minY : y > maxY ? maxY : y;
      ctx.fillRect(x, y, dotPx, dotPx);
    }
  } else {
    ctx.strokeStyle = color;
    ctx.lineWidth = dotPx;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const l = left[i];
      const r = right[i];
      let x = cx + (r - l) * 0.5 * k;
      let y = cy - (l + r) * 0.5 * k;
      x = x < minX ? minX : x > maxX + dotPx ? maxX + dotPx : x;
      y = y < minY ? minY : y > maxY + dotPx ? maxY + dotPx : y;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    if (n === 1) ctx.lineTo(cx + 0.01, cy);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
