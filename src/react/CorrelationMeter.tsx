'use client';
/**
 * A phase correlation meter (−1 … +1) of a stereo track, with an optional balance bar (L … R)
 * below it. The engine must measure correlation on the track (`correlation: true` or a list).
 * Drawn on canvas when the indicated position changes; never re-renders React.
 */
import { useRef, type CSSProperties, forwardRef } from 'react';
import {
  CORRELATION_VIEWS,
  checkNumber,
  checkMeterStyleInput,
  formatReadout,
  watchTrackDom,
  type MeterSource,
  type HasMeterSource,
  type MeterColors,
  type RenderMode,
  type MeterThemeSetting,
} from '../core/internal';
import { useCanvasView } from './use-canvas-view';
import { useMeterSource, useRenderMode, useMeterTheme } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { useMeterSuspended } from './use-meter-status';
import { SUSPENDED_STYLE } from './props';
import { checkTrackProp, checkPixelRatioProp, checkStringProp, checkStyleObjectProp } from './props';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';
import { CorrelationLabels } from './correlation-labels';

export interface CorrelationMeterOwnProps {
  /**
   * Bank track, 0-based. Default 0.
   * @default 0
   */
  track?: number;
  /** @default the nearest MeterProvider's source */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Accessible name. Default "Phase correlation".
   * @default Phase correlation
   */
  label?: string;
  /**
   * CSS width. Default 240.
   * @default 240
   */
  width?: number;
  /**
   * CSS height of the bars. Default 30 with balance, 14 without.
   * @default 30 with balance, 14 without
   */
  height?: number;
  /**
   * Show the balance bar. Default true.
   * @default true
   */
  showBalance?: boolean;
  /**
   * Where the canvas paints: `'auto'` (default: the provider's mode, else the page's render
   * worker where supported), `'worker'` (the render worker; main thread where impossible) or
   * `'main'` (this thread).
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
   * `low` (positive correlation), `high` (negative), `mid` (balance), `track`, `tick`, `text`.
   * @default the theme's palette
   */
  colors?: Partial<MeterColors>;
  /** CSS font of labels and readouts. @default 10px sans-serif (or --meterkit-font) */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

/** CorrelationMeter's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type CorrelationMeterProps = CorrelationMeterOwnProps & DomProps<CorrelationMeterOwnProps>;

const OWN_KEYS = [
  'track',
  'source',
  'label',
  'width',
  'height',
  'showBalance',
  'render',
  'pixelRatio',
  'theme',
  'colors',
  'font',
  'className',
  'style',
] as const satisfies readonly (keyof CorrelationMeterOwnProps)[];
const _everyOwnKey: ListsEveryKey<CorrelationMeterOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

export const CorrelationMeter = /* @__PURE__ */ forwardRef<HTMLDivElement, CorrelationMeterProps>(function CorrelationMeter(props, ref) {
  const { track = 0, showBalance = true, pixelRatio } = props;
  const source = useMeterSource(props.source, 'CorrelationMeter');
  checkTrackProp('CorrelationMeter', track, source);
  checkMeterStyleInput('CorrelationMeter', { colors: props.colors, font: props.font });
  checkStringProp('CorrelationMeter', 'label', props.label);
  checkStringProp('CorrelationMeter', 'className', props.className);
  checkStyleObjectProp('CorrelationMeter', props.style);
  checkPixelRatioProp('CorrelationMeter', pixelRatio);
  const width = checkNumber('CorrelationMeter: width', props.width ?? 240, 20, 4000, 'px');
  const height = checkNumber('CorrelationMeter: height', props.height ?? (showBalance ? 30 : 14), 4, 1000, 'px');
  const render = useRenderMode('CorrelationMeter', props.render);
  const theme = useMeterTheme('CorrelationMeter', props.theme);
  const suspended = useMeterSuspended(source);
  const { canvasRef, canvasKey } = useCanvasView({
    spec: { type: 'correlation', options: { showBalance } },
    views: CORRELATION_VIEWS,
    specKey: [showBalance],
    source,
    tracks: [track],
    style: { theme, colors: props.colors, font: props.font },
    pixelRatio,
    render,
  });
  const meterRef = useRef<HTMLDivElement | null>(null);

  // aria at 2 Hz: the correlation to a hundredth, spoken in tenths ("+0.5", "-1.0").
  useIsomorphicLayoutEffect(() => {
    const el = meterRef.current;
    if (source === null || el === null) return;
    return watchTrackDom(source, track, [
      {
        intervalMs: 500,
        key: (levels) => (levels.stale || !(levels.correlation === levels.correlation) ? 0 : Math.round(levels.correlation * 100)),
        write(hundredths) {
          const text = formatReadout(Math.round(hundredths / 10));
          el.setAttribute('aria-valuenow', text);
          el.setAttribute('aria-valuetext', `correlation ${text}`);
        },
      },
    ]);
  }, [source, track]);

  const label = props.label ?? 'Phase correlation';
  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      className={props.className}
      data-meterkit="CorrelationMeter"
      data-suspended={suspended ? 'true' : undefined}
      style={{ display: 'inline-block', width, ...props.style }}
    >
      <div
        ref={meterRef}
        role="meter"
        aria-label={label}
        aria-valuemin={-1}
        aria-valuemax={1}
        aria-valuenow={0}
        aria-valuetext="correlation 0.0"
        style={{ width, height }}
      >
        <canvas
          key={canvasKey}
          ref={canvasRef}
          aria-hidden="true"
          style={{ display: 'block', width: '100%', height: '100%', ...(suspended ? SUSPENDED_STYLE : null) }}
        />
      </div>
      <CorrelationLabels middle={showBalance ? 'L · 0 · R' : '0'} font={props.font} color={props.colors?.text} theme={theme} />
    </div>
  );
});
