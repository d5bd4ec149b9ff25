'use client';
/**
 * What components read when they are not told: the nearest `<MeterProvider>`'s source and
 * render mode.
 */
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { checkSourceProp } from './props';
import {
  toMeterSource,
  configureRenderWorker,
  checkOneOf,
  defaultRenderMode,
  RENDER_MODES,
  describeValue,
  preferredTheme,
  watchPreferredTheme,
  METER_THEME_SETTINGS,
  type MeterTheme,
  type MeterThemeSetting,
  type MeterSource,
  type HasMeterSource,
  type RenderMode,
} from '../core/internal';

const MeterSourceContext = createContext<MeterSource | null>(null);
/** null: no provider chose one — the page default (`setDefaultRenderMode`, else 'auto'). */
const RenderModeContext = createContext<RenderMode | null>(null);
/** null: no provider chose one — `'dark'`. */
const ThemeContext = createContext<MeterThemeSetting | null>(null);
/** The provider's `error` (why its engine failed), for useMeterStatus. */
export const MeterErrorContext = createContext<Error | null>(null);

export interface MeterProviderProps {
  /**
   * An engine (its `bank` is read), a `MeterBankReader`, a manual bank's `source`, or null while
   * loading. Omitted: the enclosing provider's (so a provider can set only `render`).
   * @default the enclosing provider's
   */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Where the canvas components below paint: `'auto'` (the page's render worker where the
   * browser supports it, else this thread), `'worker'`, or `'main'`. A component's own
   * `render` prop wins. Default: the enclosing provider's, else `setDefaultRenderMode`'s
   * (itself `'auto'` unless set).
   * @default the enclosing provider's, else setDefaultRenderMode's ('auto')
   */
  render?: RenderMode;
  /**
   * The colour theme of the components below: `'dark'` (light text and colours for a dark
   * page), `'light'` (for a light page) or `'auto'` (follows the user's
   * `prefers-color-scheme`, live). A component's own `theme` prop wins; CSS custom properties
   * (`--meterkit-*`) and `colors` props override the palette. Default: the enclosing
   * provider's, else `'dark'`.
   * @default the enclosing provider's, else 'dark'
   */
  theme?: MeterThemeSetting;
  /**
   * URL of the render worker file (`meterkit/render-worker`, i.e.
   * node_modules/meterkit/dist/render-worker.js) for strict Content-Security-Policy sites or
   * self-hosting; default: the file bundled next to meterkit's code. Applies to the page's one
   * worker, before it starts.
   * @default the file bundled next to meterkit's code
   */
  workerUrl?: string | URL;
  /**
   * Why the engine failed, e.g. `useMeterEngine(...).error`: `useMeterStatus()` and
   * `<MeterStatus>` below then say `'error'` while `source` is null.
   */
  error?: Error | null;
  children?: ReactNode;
}

/** Provides a meter source (and a render mode) to every meterkit component below it. */
export function MeterProvider({ source, render, theme, workerUrl, error, children }: MeterProviderProps) {
  checkSourceProp('MeterProvider', source);
  if (error !== undefined && error !== null && !(error instanceof Error)) {
    throw new TypeError(`MeterProvider: error must be an Error or null, got ${describeValue(error)}`);
  }
  const parentError = useContext(MeterErrorContext);
  if (workerUrl !== undefined && typeof workerUrl !== 'string' && !(typeof URL === 'function' && workerUrl instanceof URL)) {
    throw new TypeError(`MeterProvider: workerUrl must be a string or URL, got ${describeValue(workerUrl)}`);
  }
  const inherited = useContext(RenderModeContext);
  const mode = render === undefined ? inherited : checkOneOf('MeterProvider: render', render, RENDER_MODES);
  const inheritedTheme = useContext(ThemeContext);
  const themeSetting = theme === undefined ? inheritedTheme : checkOneOf('MeterProvider: theme', theme, METER_THEME_SETTINGS);
  if (workerUrl !== undefined) configureRenderWorker({ url: workerUrl });
  const parentSource = useContext(MeterSourceContext);
  const own = useMemo(() => toMeterSource(source), [source]);
  const value = source === undefined ? parentSource : own;
  return (
    <MeterSourceContext.Provider value={value}>
      <RenderModeContext.Provider value={mode}>
        <ThemeContext.Provider value={themeSetting}>
          <MeterErrorContext.Provider value={error === undefined ? (source === undefined ? parentError : null) : error}>{children}</MeterErrorContext.Provider>
        </ThemeContext.Provider>
      </RenderModeContext.Provider>
    </MeterSourceContext.Provider>
  );
}

/** The render mode a component uses: its own prop if given (validated), else the provider's. */
export function useRenderMode(component: string, explicit?: RenderMode): RenderMode {
  const fromContext = useContext(RenderModeContext);
  if (explicit === undefined) return fromContext ?? defaultRenderMode();
  return checkOneOf(`${component}: render`, explicit, RENDER_MODES);
}

const noSubscription = () => () => {};
const darkSnapshot = (): MeterTheme => 'dark';

/**
 * The palette a component uses: its own `theme` prop if given (validated: a RangeError naming
 * `component`), else the provider's, else `'dark'`; `'auto'` is the user's preferred colour
 * scheme, followed live (a change re-renders the component once). Server rendering and
 * hydration use `'dark'` for `'auto'`, then the client's preference.
 */
export function useMeterTheme(component: string, explicit?: MeterThemeSetting): MeterTheme {
  const fromContext = useContext(ThemeContext);
  const setting = explicit === undefined ? (fromContext ?? 'dark') : checkOneOf(`${component}: theme`, explicit, METER_THEME_SETTINGS);
  const auto = setting === 'auto';
  const preferred = useSyncExternalStore(auto ? watchPreferredTheme : noSubscription, auto ? preferredTheme : darkSnapshot, darkSnapshot);
  return auto ? preferred : (setting as MeterTheme);
}

/** The source a component should read: its own prop if given, else the provider's (or null). */
export function useMeterSource(explicit?: MeterSource | HasMeterSource | null, component = 'useMeterSource'): MeterSource | null {
  checkSourceProp(component, explicit);
  const fromContext = useContext(MeterSourceContext);
  return explicit === undefined ? fromContext : toMeterSource(explicit);
}
