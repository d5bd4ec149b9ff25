/**
 * Gallery themes, expressed only through meterkit's CSS custom properties (README "Theming"),
 * as a user would theme their app.
 */
import type { CSSProperties } from 'react';

export type ThemeName = 'dark' | 'light';

/** Page colours around the meters (not part of meterkit). */
export const PAGE: Record<ThemeName, { background: string; color: string }> = {
  dark: { background: '#121417', color: '#c8ccd0' },
  light: { background: '#f4f5f7', color: '#2b3036' },
};

/** The --meterkit-* properties of each theme. Dark is meterkit's default palette, spelled out. */
export const METER_THEME_VARS: Record<ThemeName, Record<`--meterkit-${string}`, string>> = {
  dark: {
    '--meterkit-track': '#1e2226',
    '--meterkit-low': '#2ecc71',
    '--meterkit-mid': '#f1c40f',
    '--meterkit-high': '#e74c3c',
    '--meterkit-clip': '#ff2a2a',
    '--meterkit-clip-off': '#3a1c1c',
    '--meterkit-text': '#c8ccd0',
    '--meterkit-tick': '#6b7278',
  },
  light: {
    '--meterkit-track': '#dde1e5',
    '--meterkit-low': '#1e9e55',
    '--meterkit-mid': '#d4a000',
    '--meterkit-high': '#d13b2e',
    '--meterkit-hold': '#1f2933',
    '--meterkit-clip': '#e01e1e',
    '--meterkit-clip-off': '#edd3d3',
    '--meterkit-text': '#2b3036',
    '--meterkit-tick': '#8a9299',
    '--meterkit-segment-off-alpha': '0.22',
  },
};

/** Inline style applying a theme to a subtree: page colours plus the meter custom properties. */
export function themeStyle(theme: ThemeName): CSSProperties {
  return { ...PAGE[theme], ...(METER_THEME_VARS[theme] as CSSProperties) };
}
