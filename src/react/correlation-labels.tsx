'use client';
/**
 * The "−1 … +1" row under a correlation strip (CorrelationMeter, Goniometer): aria-hidden (the
 * meter's own aria value or label says the correlation), in the component's font and text colour.
 */
import type { CSSProperties } from 'react';
import { THEME_COLORS, type MeterTheme } from '../core/internal';

export interface CorrelationLabelsProps {
  /** The middle label: "0", or "L · 0 · R" where a balance is shown too. */
  middle: string;
  /** The component's `font` prop (default: --meterkit-font, else 10px sans-serif). */
  font?: string;
  /** The component's `colors.text` (default: --meterkit-text, else the theme's text colour). */
  color?: string;
  theme: MeterTheme;
}

export function CorrelationLabels({ middle, font, color, theme }: CorrelationLabelsProps) {
  const style: CSSProperties = {
    display: 'flex',
    justifyContent: 'space-between',
    font: font ?? 'var(--meterkit-font, 10px sans-serif)',
    color: color ?? `var(--meterkit-text, ${THEME_COLORS[theme].text})`,
  };
  return (
    <div aria-hidden="true" style={style}>
      <span>−1</span>
      <span>{middle}</span>
      <span>+1</span>
    </div>
  );
}
