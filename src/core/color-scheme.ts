/**
 * The user's colour scheme (`prefers-color-scheme`), for `theme: 'auto'`: read with
 * `matchMedia`, followed through its change event. Where `matchMedia` is missing (server
 * rendering, old test environments) the scheme is `'dark'`, meterkit's default palette.
 *
 * Thread: main thread (any thread with `matchMedia`).
 */
import { checkOneOf } from '../dsp/validate';
import { METER_THEME_SETTINGS, type MeterTheme, type MeterThemeSetting } from './render/style';

const QUERY = '(prefers-color-scheme: light)';

function query(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia(QUERY) : null;
}

/** `'light'` when the user prefers a light colour scheme, else `'dark'` (also without `matchMedia`). */
export function preferredTheme(): MeterTheme {
  return query()?.matches === true ? 'light' : 'dark';
}

/**
 * Calls `onChange` with the new theme each time the user's preferred colour scheme changes.
 * Returns the function that stops watching. Without `matchMedia`: never calls, returns a no-op.
 */
export function watchPreferredTheme(onChange: (theme: MeterTheme) => void): () => void {
  if (typeof onChange !== 'function') throw new TypeError('watchPreferredTheme: onChange must be a function');
  const mq = query();
  if (mq === null) return () => {};
  const listener = (e: MediaQueryListEvent) => onChange(e.matches ? 'light' : 'dark');
  mq.addEventListener('change', listener);
  return () => mq.removeEventListener('change', listener);
}

/**
 * The palette a `theme` setting stands for: `'dark'` and `'light'` themselves, `'auto'` the
 * user's preferred scheme now. Throws a RangeError naming `owner` for anything else.
 */
export function resolveThemeSetting(setting: MeterThemeSetting, owner = 'theme'): MeterTheme {
  const t = checkOneOf(owner, setting, METER_THEME_SETTINGS);
  return t === 'auto' ? preferredTheme() : t;
}
