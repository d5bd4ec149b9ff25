/**
 * Gallery themes: meterkit's built-in palettes (the `theme` prop, set once for a story through
 * `<MeterProvider theme>`), on a page of matching colours.
 */
import type { CSSProperties } from 'react';

export type ThemeName = 'dark' | 'light';

/** Page colours around the meters (not part of meterkit). */
export const PAGE: Record<ThemeName, { background: string; color: string }> = {
  dark: { background: '#121417', color: '#c8ccd0' },
  light: { background: '#f4f5f7', color: '#24292f' },
};

/** Inline style of a page in a theme (the meters take the theme from `<MeterProvider theme>`). */
export function themeStyle(theme: ThemeName): CSSProperties {
  return { ...PAGE[theme] };
}
