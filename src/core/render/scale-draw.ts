/**
 * Draws a meter scale: tick marks and labels at their dBFS positions, aligned with a meter of
 * the same length and insets. Pure function of (context, size, scale, style, layout).
 *
 * Thread: any.
 */
import type { Context2D } from './context';
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

/**
 * Draws the whole scale (clears first) on a `width` × `height` device-px canvas at `dpr`
 * device px per CSS px. Allocates (label bookkeeping): call on layout or style changes only.
 */
export function drawScale(ctx: Context2D, width: number, height: number, dpr: number, scale: MeterScaleSpec, style: MeterStyle, layout: ScaleLayout): void {
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
  // Labels are placed first, in order of importance — the reference mark (0 VU, TEST…), the
  // top, the bottom, then the rest from the top down — and a label that would overlap one
  // already placed is left out. Then every tick mark is drawn; a tick whose label was left out
  // is drawn short (as a minor tick), so the labels that remain read as the scale's own
  // choice, not as labels missing from long ticks.
  const n = scale.ticks.length;
  const order: number[] = [];
  const ref = scale.referenceDb;
  if (ref !== undefined) {
    const r = scale.ticks.findIndex((t) => Math.abs(t.db - ref) < 1e-6 && t.label !== '');
    if (r >= 0) order.push(r);
  }
  for (const k of [n - 1, 0]) if (!order.includes(k)) order.push(k);
  for (let k = n - 2; k > 0; k--) if (!order.includes(k)) order.push(k);
  /** Centre of tick `k` in device px from the zero end, snapped so the line stays sharp. */
  const at = (k: number) => layout.nearInset + Math.round(positionFromDb(scale, scale.ticks[k].db) * (along - line));
  const dropped = new Array<boolean>(n).fill(false);
  const labels: { k: number; cx: number; cy: number }[] = [];
  const placed: [number, number][] = []; // label extents along the axis, device px
  for (const k of order) {
    const tick = scale.ticks[k];
    if (tick.label === '') continue;
    const p = at(k);
    const len = tick.major ? major : minor;
    let a: number;
    let b: number;
    let cx: number;
    let cy: number;
    if (vertical) {
      // Keep the whole label inside the canvas.
      cy = clamp(height - p - line + line / 2, fontPx / 2, height - fontPx / 2);
      cx = layout.side === 'right' ? width - len - pad : len + pad;
      a = cy - fontPx / 2 - pad / 2;
      b = cy + fontPx / 2 + pad / 2;
    } else {
      const w = ctx.measureText(tick.label).width;
      cx = clamp(p, w / 2, width - w / 2);
      cy = layout.side === 'bottom' ? across - len - pad - fontPx / 2 : len + pad + fontPx / 2;
      a = cx - w / 2 - pad;
      b = cx + w / 2 + pad;
    }
    let free = true;
    for (const [a2, b2] of placed) if (a < b2 && b > a2) free = false;
    if (!free) {
      dropped[k] = true;
      continue;
    }
    placed.push([a, b]);
    labels.push({ k, cx, cy });
  }
  ctx.fillStyle = style.colors.tick;
  for (let k = 0; k < n; k++) {
    const p = at(k);
    const len = scale.ticks[k].major && !dropped[k] ? major : minor;
    if (vertical) ctx.fillRect(layout.side === 'right' ? width - len : 0, height - p - line, len, line);
    else ctx.fillRect(p, layout.side === 'bottom' ? across - len : 0, line, len);
  }
  ctx.fillStyle = style.colors.text;
  ctx.textAlign = vertical ? (layout.side === 'right' ? 'right' : 'left') : 'center';
  for (const { k, cx, cy } of labels) ctx.fillText(scale.ticks[k].label, cx, cy);
}

/** The px size in a CSS font string ("10px sans-serif" → 10; 10 when none). */
export function fontSizePx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m === null ? 10 : Number(m[1]);
}

/** `v` limited to lo … hi. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
