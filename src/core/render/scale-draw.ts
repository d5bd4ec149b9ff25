/**
 * Draws a meter scale: tick marks and labels at their dBFS positions, aligned with a meter of
 * the same length and insets. Pure function of (surface, scale, style, layout).
 */
import type { Surface } from './surface';
import type { Orientation } from './geometry';
import { type MeterScaleSpec, positionFromDb } from './scale';
import type { MeterStyle } from './style';
import { scaleFont } from './bar';

export interface ScaleLayout {
  orientation: Orientation;
  /** Which side of the scale the meter is on: ticks point toward it. Vertical: `left` | `right`; horizontal: `top` | `bottom`. */
  side: 'left' | 'right' | 'top' | 'bottom';
  /** Device px between the scale's zero end and the meter's zero (e.g. nothing). */
  nearInset: number;
  /** Device px at the far end not part of the meter (clip LED, readout). */
  farInset: number;
}

/** Draws the whole scale (clears first). */
export function drawScale(surface: Surface, scale: MeterScaleSpec, style: MeterStyle, layout: ScaleLayout): void {
  const ctx = surface.ctx;
  if (ctx === null) return;
  const { width, height, dpr } = surface;
  ctx.clearRect(0, 0, width, height);
  const vertical = layout.orientation === 'vertical';
  const along = (vertical ? height : width) - layout.nearInset - layout.farInset;
  const across = vertical ? width : height;
  const major = Math.max(1, Math.round(4 * dpr));
  const minor = Math.max(1, Math.round(2 * dpr));
  const line = Math.max(1, Math.round(dpr));
  const pad = Math.round(2 * dpr);
  ctx.font = scaleFont(style.font, dpr);
  ctx.textBaseline = 'middle';
  for (const tick of scale.ticks) {
    // Centre of the tick in device px from the zero end, snapped so the line stays sharp.
    const p = layout.nearInset + Math.round(positionFromDb(scale, tick.db) * (along - line));
    const len = tick.major ? major : minor;
    ctx.fillStyle = style.colors.tick;
    if (vertical) {
      const y = height - p - line;
      const x = layout.side === 'right' ? width - len : 0;
      ctx.fillRect(x, y, len, line);
      if (tick.label !== '') {
        ctx.fillStyle = style.colors.text;
        ctx.textAlign = layout.side === 'right' ? 'right' : 'left';
        const tx = layout.side === 'right' ? width - len - pad : len + pad;
        ctx.fillText(tick.label, tx, clamp(y + line / 2, 5 * dpr, height - 5 * dpr));
      }
    } else {
      const x = p;
      const y = layout.side === 'bottom' ? across - len : 0;
      ctx.fillRect(x, y, line, len);
      if (tick.label !== '') {
        ctx.fillStyle = style.colors.text;
        ctx.textAlign = 'center';
        const ty = layout.side === 'bottom' ? across - len - pad - 5 * dpr : len + pad + 5 * dpr;
        ctx.fillText(tick.label, clamp(x, 8 * dpr, width - 8 * dpr), ty);
      }
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
