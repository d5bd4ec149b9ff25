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
  const fontPx = fontSizePx(style.font) * dpr;
  // Labels from the top of the scale down (the marks near full scale matter most); a label
  // that would overlap the previous one is left out, its tick stays.
  // Vertical: bottom edge of the last label drawn (labels go down the canvas).
  // Horizontal: left edge of the last label drawn (labels go leftwards).
  let lastBottom = -Infinity;
  let lastLeft = Infinity;
  for (let k = scale.ticks.length - 1; k >= 0; k--) {
    const tick = scale.ticks[k];
    // Centre of the tick in device px from the zero end, snapped so the line stays sharp.
    const p = layout.nearInset + Math.round(positionFromDb(scale, tick.db) * (along - line));
    const len = tick.major ? major : minor;
    ctx.fillStyle = style.colors.tick;
    if (vertical) {
      const y = height - p - line;
      const x = layout.side === 'right' ? width - len : 0;
      ctx.fillRect(x, y, len, line);
      if (tick.label === '') continue;
      // Keep the whole label inside the canvas; skip it if it would touch the one above.
      const cy = clamp(y + line / 2, fontPx / 2, height - fontPx / 2);
      if (cy - fontPx / 2 < lastBottom + pad) continue;
      ctx.fillStyle = style.colors.text;
      ctx.textAlign = layout.side === 'right' ? 'right' : 'left';
      ctx.fillText(tick.label, layout.side === 'right' ? width - len - pad : len + pad, cy);
      lastBottom = cy + fontPx / 2;
    } else {
      const x = p;
      const y = layout.side === 'bottom' ? across - len : 0;
      ctx.fillRect(x, y, line, len);
      if (tick.label === '') continue;
      const w = ctx.measureText(tick.label).width;
      const cx = clamp(x, w / 2, width - w / 2);
      // Right to left: skip a label whose right edge would reach the previous one's left edge.
      if (cx + w / 2 > lastLeft - pad * 2) continue;
      ctx.fillStyle = style.colors.text;
      ctx.textAlign = 'center';
      const ty = layout.side === 'bottom' ? across - len - pad - fontPx / 2 : len + pad + fontPx / 2;
      ctx.fillText(tick.label, cx, ty);
      lastLeft = cx - w / 2;
    }
  }
}

/** The px size in a CSS font string ("10px sans-serif" → 10; 10 when none). */
function fontSizePx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m === null ? 10 : Number(m[1]);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
