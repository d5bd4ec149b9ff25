/**
 * WCAG 2.x contrast ratio of two opaque sRGB colours given as `#rgb` or `#rrggbb`, 1–21
 * (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). For checking palettes against the
 * page they sit on: AA asks ≥ 4.5 for text, ≥ 3 for large text and graphical objects.
 *
 * Thread: any.
 */
import { describeValue } from '../../dsp/validate';

function luminance(hex: string, name: string): number {
  const m = typeof hex === 'string' ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex) : null;
  if (m === null) throw new TypeError(`contrastRatio: ${name} must be a #rgb or #rrggbb colour, got ${describeValue(hex)}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of `a` and `b` (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a, 'a');
  const lb = luminance(b, 'b');
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
