'use client';
/**
 * A goniometer (phase scope) of a scoped stereo track: the Lissajous figure of its samples,
 * M up and S across, with a fading trail, optional automatic gain (shown) and a ±1 correlation
 * strip under it. The engine must scope the track (`scope: [track]`, which also measures its
 * correlation); pass the engine (or `engine.scopeWords`) as `scope`.
 *
 * `role="img"`, its `aria-label` stating the current correlation, updated at 2 Hz directly on
 * the element (never React state). Drawn on canvas every frame that brought samples; never
 * re-renders React. Paints in the render worker where the scope buffer is shared; with the
 * message transport (a plain buffer on this thread) it paints here.
 */
import { useMemo, useRef, type CSSProperties, forwardRef } from 'react';
import {
  GONIOMETER_VIEWS,
  checkMeterStyleInput,
  checkNumber,
  formatReadout,
  resolveGoniometerOptions,
  scopeWordsOf,
  watchTrackDom,
  type GoniometerOptionsInput,
  type HasMeterSource,
  type MeterColors,
  type MeterSource,
  type RenderMode,
  type MeterThemeSetting,
} from '../core/internal';
import { useCanvasView } from './use-canvas-view';
import { useMeterSource, useRenderMode, useMeterTheme } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { checkTrackProp, checkPixelRatioProp, checkStringProp, checkStyleObjectProp, renderModeForBuffer, SUSPENDED_STYLE } from './props';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';
import { useMeterSuspended } from './use-meter-status';
import { CorrelationLabels } from './correlation-labels';

export interface GoniometerOwnProps extends Omit<GoniometerOptionsInput, 'track'> {
  /**
   * Bank track, 0-based; it must be in the engine's `scope`. Default 0.
   * @default 0
   */
  track?: number;
  /**
   * Where the correlation is read (the engine or its bank). Default: the provider's.
   * @default the nearest MeterProvider's source
   */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Accessible name, followed by the correlation. Default "Goniometer".
   * @default Goniometer
   */
  label?: string;
  /**
   * CSS width and plot height (the plot is square). Default 200.
   * @default 200
   */
  size?: number;
  /**
   * `'auto'` (default), `'worker'` or `'main'` (see CorrelationMeter).
   * @default the provider's mode, else 'auto'
   */
  render?: RenderMode;
  /** @default the screen's */
  pixelRatio?: number;
  /**
   * Palette: `'dark'`, `'light'` or `'auto'` (prefers-color-scheme). Default: the provider's, else `'dark'`.
   * @default the provider's theme, else 'dark'
   */
  theme?: MeterThemeSetting;
  /**
   * `low` (the trace), `track` (plot background), `tick` (axes), `text` (labels, gain), `high` (negative correlation).
   * @default the theme's palette
   */
  colors?: Partial<MeterColors>;
  /** CSS font of labels and readouts. @default 10px sans-serif (or --meterkit-font) */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

/** Goniometer's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type GoniometerProps = GoniometerOwnProps & DomProps<GoniometerOwnProps>;

const OWN_KEYS = [
  'track',
  'source',
  'label',
  'size',
  'render',
  'pixelRatio',
  'theme',
  'colors',
  'font',
  'className',
  'style',
  'scope',
  'mode',
  'persistenceMs',
  'autoGain',
  'gainDb',
  'showCorrelation',
  'stripHeight',
  'maxPointsPerFrame',
] as const satisfies readonly (keyof GoniometerOwnProps)[];
const _everyOwnKey: ListsEveryKey<GoniometerOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

export const Goniometer = /* @__PURE__ */ forwardRef<HTMLDivElement, GoniometerProps>(function Goniometer(props, ref) {
  const { track = 0, pixelRatio } = props;
  const source = useMeterSource(props.source, 'Goniometer');
  checkTrackProp('Goniometer', track, source);
  checkMeterStyleInput('Goniometer', { colors: props.colors, font: props.font });
  checkStringProp('Goniometer', 'label', props.label);
  checkStringProp('Goniometer', 'className', props.className);
  checkStyleObjectProp('Goniometer', props.style);
  checkPixelRatioProp('Goniometer', pixelRatio);
  const size = checkNumber('Goniometer: size', props.size ?? 200, 40, 4000, 'px');
  const words = scopeWordsOf(props.scope);
  const { mode, persistenceMs, autoGain, gainDb, showCorrelation, stripHeight, maxPointsPerFrame } = props;
  const options = useMemo(
    () =>
      resolveGoniometerOptions('Goniometer', { track, scope: words, mode, persistenceMs, autoGain, gainDb, showCorrelation, stripHeight, maxPointsPerFrame }),
    [track, words, mode, persistenceMs, autoGain, gainDb, showCorrelation, stripHeight, maxPointsPerFrame],
  );
  const requested = useRenderMode('Goniometer', props.render);
  const theme = useMeterTheme('Goniometer', props.theme);
  const render = renderModeForBuffer(requested, words);
  const suspended = useMeterSuspended(source);
  const { canvasRef, canvasKey } = useCanvasView({
    spec: { type: 'goniometer', options },
    views: GONIOMETER_VIEWS,
    specKey: [options],
    source,
    tracks: [track],
    style: { theme, colors: props.colors, font: props.font },
    pixelRatio,
    render,
  });
  const imgRef = useRef<HTMLDivElement | null>(null);
  const label = props.label ?? 'Goniometer';

  // aria at 2 Hz: "Goniometer, correlation +0.5" (tenths), "… no signal" when stale or unmeasured.
  useIsomorphicLayoutEffect(() => {
    const el = imgRef.current;
    if (source === null || el === null) return;
    return watchTrackDom(source, track, [
      {
        intervalMs: 500,
        key: (levels) => (levels.stale || !(levels.correlation === levels.correlation) ? 1e9 : Math.round(levels.correlation * 10)),
        write(tenths) {
          el.setAttribute('aria-label', tenths === 1e9 ? `${label}, no signal` : `${label}, correlation ${formatReadout(tenths)}`);
        },
      },
    ]);
  }, [source, track, label]);

  const stripPx = options.showCorrelation ? options.stripHeight + 4 : 0;
  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      className={props.className}
      data-meterkit="Goniometer"
      data-suspended={suspended ? 'true' : undefined}
      style={{ display: 'inline-block', width: size, ...props.style }}
    >
      <div ref={imgRef} role="img" aria-label={`${label}, no signal`} style={{ width: size, height: size + stripPx }}>
        <canvas
          key={canvasKey}
          ref={canvasRef}
          aria-hidden="true"
          style={{ display: 'block', width: '100%', height: '100%', ...(suspended ? SUSPENDED_STYLE : null) }}
        />
      </div>
      {options.showCorrelation ? <CorrelationLabels middle="0" font={props.font} color={props.colors?.text} theme={theme} /> : null}
    </div>
  );
});
