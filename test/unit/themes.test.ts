/**
 * The built-in palettes meet WCAG 2.x AA on the pages they are made for (text 4.5:1, zone
 * colours, clip LED and ticks 3:1 as graphical objects), the contrast formula is WCAG's, and
 * the theme is the base that CSS custom properties and `colors` override.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import { contrastRatio } from '../../src/core/render/contrast';
import { DEFAULT_COLORS, LIGHT_COLORS, THEME_COLORS, resolveMeterStyle } from '../../src/core/render/style';
import { preferredTheme, resolveThemeSetting, watchPreferredTheme } from '../../src/core/color-scheme';

describe('contrastRatio (WCAG 2.x)', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.478, 3); // the classic just-fails grey
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.542, 3); // the classic just-passes grey
  });
  it('rejects what is not a hex colour, naming the argument', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/contrastRatio: a must be a #rgb or #rrggbb colour, got "red"/);
  });
});

const PAGES = { dark: ['#000000', '#121417', DEFAULT_COLORS.track], light: ['#ffffff', '#f4f5f7', '#e0e0e0'] } as const;

describe.each(['dark', 'light'] as const)('the %s palette', (theme) => {
  const p = THEME_COLORS[theme];
  for (const page of PAGES[theme]) {
    it(`on ${page}: text ≥ 4.5:1, zone colours, clip and ticks ≥ 3:1`, () => {
      expect(contrastRatio(p.text, page)).toBeGreaterThanOrEqual(4.5);
      for (const key of ['low', 'mid', 'high', 'clip', 'tick'] as const) expect(contrastRatio(p[key], page), key).toBeGreaterThanOrEqual(3);
    });
  }
  it('lit segments stand out from the unlit track ≥ 3:1', () => {
    for (const key of ['low', 'mid', 'high', 'clip'] as const) expect(contrastRatio(p[key], p.track), key).toBeGreaterThanOrEqual(3);
  });
});

describe('resolveMeterStyle with a theme', () => {
  it('starts from the theme palette (dark by default); colors override it', () => {
    expect(resolveMeterStyle(null).colors).toEqual(DEFAULT_COLORS);
    expect(resolveMeterStyle(null, { theme: 'light' }).colors).toEqual(LIGHT_COLORS);
    expect(resolveMeterStyle(null, { theme: 'light', colors: { low: '#00ff00' } }).colors).toEqual({ ...LIGHT_COLORS, low: '#00ff00' });
  });
  it('rejects an unknown theme, naming it', () => {
    expect(() => resolveMeterStyle(null, { theme: 'sepia' as 'dark' })).toThrow(/resolveMeterStyle: theme must be one of "dark", "light", got "sepia"/);
  });
});

describe('prefers-color-scheme', () => {
  afterEach(() => vi.unstubAllGlobals());
  it("without matchMedia (server rendering) 'auto' is dark", () => {
    expect(preferredTheme()).toBe('dark');
    expect(resolveThemeSetting('auto')).toBe('dark');
    expect(resolveThemeSetting('light')).toBe('light');
    expect(watchPreferredTheme(() => {})).toBeTypeOf('function');
    expect(() => resolveThemeSetting('blue' as 'auto', 'X: theme')).toThrow(/X: theme must be one of .*"auto".*got "blue"/);
  });
});
