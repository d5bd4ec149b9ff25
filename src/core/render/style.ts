/**
 * Meter colours and fonts. Resolved once — on mount, on resize and on request — from props and
 * CSS custom properties on the canvas (or any ancestor), never per frame.
 *
 * CSS custom properties (all optional):
 * `--meterkit-background`, `--meterkit-track` (unlit bar), `--meterkit-low`, `--meterkit-mid`,
 * `--meterkit-high` (zone colours), `--meterkit-hold`, `--meterkit-clip`, `--meterkit-clip-off`,
 * `--meterkit-text`, `--meterkit-tick`, `--meterkit-font`, `--meterkit-segment-off-alpha`,
 * `--meterkit-mid-db`, `--meterkit-high-db` (zone boundaries, dBFS).
 *
 * Two built-in palettes, `dark` (the default: light text for a dark page) and `light` (dark
 * text for a light page), chosen with `theme`. Both meet WCAG 2.x AA on the page backgrounds
 * they are made for (test/unit/themes.test.ts): text and labels ≥ 4.5:1, zone colours and
 * ticks ≥ 3:1 (non-text contrast). CSS custom properties and `colors` override the palette.
 *
 * Thread: main thread.
 */
import { checkNumber, checkOptions, describeValue } from '../../dsp/validate';

/** Every colour a meter uses, as CSS colour strings. */
export interface MeterColors {
  /** Canvas background behind everything. Default transparent. */
  background: string;
  /** Unlit part of a continuous bar. */
  track: string;
  /** Zone colours: below `midDb`, from `midDb`, from `highDb`. */
  low: string;
  mid: string;
  high: string;
  /** Peak-hold marker; empty string = the colour of the zone it sits in. */
  hold: string;
  /** Clip LED lit / unlit. */
  clip: string;
  clipOff: string;
  /** Readout and scale labels. */
  text: string;
  /** Scale tick marks. */
  tick: string;
}

/** Resolved style of a meter. */
export interface MeterStyle {
  colors: MeterColors;
  /** Lower edge of the mid zone, dBFS. Default -18 (the usual digital alignment level). */
  midDb: number;
  /** Lower edge of the high zone, dBFS. Default -6. */
  highDb: number;
  /** Opacity of unlit LED segments (their zone colour, dimmed), 0..1. Default 0.18. */
  segmentOffAlpha: number;
  /** CSS font for readouts and labels, size in CSS px. Default "10px sans-serif". */
  font: string;
}

/** A built-in palette: `dark` for dark pages (the default), `light` for light pages. */
export type MeterTheme = 'dark' | 'light';

/** What a `theme` prop or option accepts: a palette, or `'auto'` (the user's `prefers-color-scheme`). */
export type MeterThemeSetting = MeterTheme | 'auto';

export const METER_THEMES: readonly MeterTheme[] = Object.freeze(['dark', 'light'] as const);
export const METER_THEME_SETTINGS: readonly MeterThemeSetting[] = Object.freeze(['dark', 'light', 'auto'] as const);

/** The dark theme (the default), for dark pages: checked on #000000, #121417 and #1e2226. */
export const DEFAULT_COLORS: Readonly<MeterColors> = Object.freeze({
  background: 'rgba(0, 0, 0, 0)',
  track: '#1e2226',
  low: '#2ecc71',
  mid: '#f1c40f',
  high: '#e74c3c',
  hold: '',
  clip: '#ff2a2a',
  clipOff: '#3a1c1c',
  text: '#c8ccd0',
  tick: '#6b7278',
});

/** The light theme, for light pages: checked on #ffffff, #f4f5f7 and #e0e0e0. */
export const LIGHT_COLORS: Readonly<MeterColors> = Object.freeze({
  background: 'rgba(0, 0, 0, 0)',
  track: '#e4e7eb',
  low: '#16843f',
  mid: '#a66f00',
  high: '#c62f25',
  hold: '',
  clip: '#d41c1c',
  clipOff: '#f0d4d4',
  text: '#24292f',
  tick: '#6b7480',
});

/** The palette of each theme. */
export const THEME_COLORS: Readonly<Record<MeterTheme, Readonly<MeterColors>>> = Object.freeze({ dark: DEFAULT_COLORS, light: LIGHT_COLORS });

export const DEFAULT_STYLE: Readonly<MeterStyle> = Object.freeze({
  colors: DEFAULT_COLORS,
  midDb: -18,
  highDb: -6,
  segmentOffAlpha: 0.18,
  font: '10px sans-serif',
});

/** Style overrides, e.g. from component props. */
export interface MeterStyleInput {
  /** The palette the colours start from (before CSS custom properties and `colors`). Default `'dark'`. */
  theme?: MeterTheme;
  colors?: Partial<MeterColors>;
  midDb?: number;
  highDb?: number;
  segmentOffAlpha?: number;
  font?: string;
}

const CSS_COLOR_VARS: Record<keyof MeterColors, string> = {
  background: '--meterkit-background',
  track: '--meterkit-track',
  low: '--meterkit-low',
  mid: '--meterkit-mid',
  high: '--meterkit-high',
  hold: '--meterkit-hold',
  clip: '--meterkit-clip',
  clipOff: '--meterkit-clip-off',
  text: '--meterkit-text',
  tick: '--meterkit-tick',
};

/**
 * Resolves the style: props win over CSS custom properties on `element`, which win over the
 * theme's palette (`input.theme`, default dark). Pass `element = null` (SSR, tests) to skip CSS. Allocates; call on mount/resize only.
 */
export function resolveMeterStyle(element: Element | null, input: MeterStyleInput = {}): MeterStyle {
  checkMeterStyleInput('resolveMeterStyle', input);
  const css = element !== null && typeof getComputedStyle === 'function' ? getComputedStyle(element) : null;
  const v = (name: string): string => (css === null ? '' : css.getPropertyValue(name).trim());
  const colors = { ...THEME_COLORS[input.theme ?? 'dark'] };
  for (const key of Object.keys(CSS_COLOR_VARS) as (keyof MeterColors)[]) {
    const fromCss = v(CSS_COLOR_VARS[key]);
    if (fromCss !== '') colors[key] = fromCss;
    const fromProps = input.colors?.[key];
    if (fromProps !== undefined) colors[key] = fromProps;
  }
  const num = (prop: number | undefined, name: string, fallback: number): number => {
    if (prop !== undefined) return prop;
    const parsed = Number.parseFloat(v(name));
    return Number.isFinite(parsed) ? parsed : fallback;
  };
  return {
    colors,
    midDb: num(input.midDb, '--meterkit-mid-db', DEFAULT_STYLE.midDb),
    highDb: num(input.highDb, '--meterkit-high-db', DEFAULT_STYLE.highDb),
    segmentOffAlpha: num(input.segmentOffAlpha, '--meterkit-segment-off-alpha', DEFAULT_STYLE.segmentOffAlpha),
    font: input.font ?? (v('--meterkit-font') || DEFAULT_STYLE.font),
  };
}

/** The zone colour for a level in dBFS. */
export function zoneColor(style: MeterStyle, db: number): string {
  if (db >= style.highDb) return style.colors.high;
  if (db >= style.midDb) return style.colors.mid;
  return style.colors.low;
}

/**
 * `color` at `alpha` opacity as a CSS colour string, for unlit LED segments. Works for any CSS
 * colour (hex, rgb(), names) through `color-mix`, which every current browser supports.
 */
export function dimColor(color: string, alpha: number): string {
  const pct = Math.round(Math.max(0, Math.min(1, alpha)) * 1000) / 10;
  return `color-mix(in srgb, ${color} ${pct}%, transparent)`;
}

/**
 * Validates a style input (props or options) once, where it enters: `colors` an object of
 * known keys with string values, `midDb` / `highDb` −200 to 40 dBFS, `segmentOffAlpha` 0–1,
 * `font` a non-empty string. `owner` prefixes the message ("LedMeter: midDb must be …").
 */
export function checkMeterStyleInput(owner: string, input: MeterStyleInput): void {
  checkOptions(owner, input, 'no required fields');
  if (input.theme !== undefined && !(METER_THEMES as readonly unknown[]).includes(input.theme)) {
    throw new RangeError(`${owner}: theme must be one of ${METER_THEMES.map((t) => `"${t}"`).join(', ')}, got ${describeValue(input.theme)}`);
  }
  const c = input.colors;
  if (c !== undefined) {
    if (c === null || typeof c !== 'object' || Array.isArray(c)) {
      throw new TypeError(`${owner}: colors must be an object such as { low: "#2ecc71" } (keys ${COLOR_KEYS.join(', ')}), got ${describeValue(c)}`);
    }
    for (const key of Object.keys(c)) {
      if (!(COLOR_KEYS as readonly string[]).includes(key)) throw new RangeError(`${owner}: colors.${key} is not a meter colour; use ${COLOR_KEYS.join(', ')}`);
      const v = (c as Record<string, unknown>)[key];
      if (v !== undefined && typeof v !== 'string') throw new TypeError(`${owner}: colors.${key} must be a CSS colour string, got ${describeValue(v)}`);
    }
  }
  if (input.midDb !== undefined) checkNumber(`${owner}: midDb`, input.midDb, -200, 40, 'dBFS');
  if (input.highDb !== undefined) checkNumber(`${owner}: highDb`, input.highDb, -200, 40, 'dBFS');
  if (input.segmentOffAlpha !== undefined) checkNumber(`${owner}: segmentOffAlpha`, input.segmentOffAlpha, 0, 1);
  if (input.font !== undefined && (typeof input.font !== 'string' || input.font.trim() === '')) {
    throw new TypeError(`${owner}: font must be a CSS font string such as "10px sans-serif", got ${describeValue(input.font)}`);
  }
}

const COLOR_KEYS = Object.keys(DEFAULT_COLORS) as readonly (keyof MeterColors)[];
