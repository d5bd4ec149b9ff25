'use client';
/**
 * An EBU R128 loudness meter of one track: momentary bar against the target band with
 * short-term and integrated marks, a LUFS (or LU) scale, readouts of momentary, short-term,
 * integrated, loudness range and true peak, a history graph of the short-term loudness, and a
 * button that restarts the integrated measurement. The engine must measure loudness on the
 * track (`loudness: true` or a list of tracks).
 *
 * Canvases and readouts are updated directly (readouts at most 10 times a second, only when
 * their text changes); React renders only when props change.
 */
import { useCallback, useRef, type CSSProperties, forwardRef } from 'react';
import {
  LOUDNESS_VIEWS,
  loudnessScale,
  loudnessRange,
  resolveLoudnessTarget,
  formatReadout,
  formatUnsignedTenths,
  readoutTenths,
  checkNumber,
  checkMeterStyleInput,
  checkOneOf,
  watchTrackDom,
  type TrackDomValue,
  type CanvasHost,
  type MeterSource,
  type HasMeterSource,
  type TrackLevels,
  type LoudnessScaleRange,
  type LoudnessTarget,
  type LoudnessTargetName,
  type MeterColors,
  type RenderMode,
  READOUT_SILENT,
  THEME_COLORS,
  type MeterThemeSetting,
  type MeterTheme,
} from '../core/internal';
import { useCanvasView } from './use-canvas-view';
import { useMeterSource, useRenderMode, useMeterTheme } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { MeterScale } from './MeterScale';
import { useMeterSuspended } from './use-meter-status';
import { SUSPENDED_STYLE } from './props';
import { checkTrackProp, checkPixelRatioProp, checkStringProp, checkStyleObjectProp } from './props';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';

export interface LoudnessMeterOwnProps {
  /**
   * Bank track, 0-based (an input, a group or the master bus). Default 0.
   * @default 0
   */
  track?: number;
  /** @default the nearest MeterProvider's source */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Accessible name. Default "Loudness".
   * @default Loudness
   */
  label?: string;
  /**
   * `'ebu-r128'` (default), `'atsc-a85'`, `'streaming-14'`, `'streaming-16'`, or a custom target.
   * @default ebu-r128
   */
  target?: LoudnessTargetName | LoudnessTarget;
  /**
   * EBU Tech 3341 scale: `'ebu+9'` (target −18 … +9 LU, default) or `'ebu+18'` (−36 … +18 LU).
   * @default ebu+9
   */
  range?: LoudnessScaleRange;
  /**
   * Show values in absolute `'LUFS'` (default) or `'LU'` relative to the target.
   * @default LUFS
   */
  units?: 'LUFS' | 'LU';
  /**
   * Seconds of short-term history in the graph (10 to 3600; 0 hides the graph). Default 180.
   * @default 180
   */
  historySeconds?: number;
  /**
   * Height of the bar and scale, CSS px. Default 200.
   * @default 200
   */
  height?: number;
  /**
   * Width of the bar, CSS px. Default 24.
   * @default 24
   */
  barWidth?: number;
  /**
   * Size of the history graph, CSS px. Default 260 × 70.
   * @default 260
   */
  historyWidth?: number;
  /** @default 70 */
  historyHeight?: number;
  /**
   * Show the reset button. Default true.
   * @default true
   */
  showReset?: boolean;
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
  /** @default the theme's palette */
  colors?: Partial<MeterColors>;
  /** CSS font of labels and readouts. @default 10px sans-serif (or --meterkit-font) */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

/** LoudnessMeter's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type LoudnessMeterProps = LoudnessMeterOwnProps & DomProps<LoudnessMeterOwnProps>;

const OWN_KEYS = [
  'track',
  'source',
  'label',
  'target',
  'range',
  'units',
  'historySeconds',
  'height',
  'barWidth',
  'historyWidth',
  'historyHeight',
  'showReset',
  'render',
  'pixelRatio',
  'theme',
  'colors',
  'font',
  'className',
  'style',
] as const satisfies readonly (keyof LoudnessMeterOwnProps)[];
const _everyOwnKey: ListsEveryKey<LoudnessMeterOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

const READOUTS = ['M', 'S', 'I', 'LRA', 'TP'] as const;
/** Readout keys: a NaN reading (not measured) and a silent momentary loudness. */
/** Readout keys besides tenths of a unit: not measured on this track, and silence (the shared readout sentinel). */
const OFF = READOUT_SILENT + 1;
const SILENT = READOUT_SILENT;
/** aria key while the context is suspended: "audio suspended". */
const SUSPENDED = READOUT_SILENT + 2;
const NAMES = { M: 'Momentary', S: 'Short-term', I: 'Integrated', LRA: 'Loudness range', TP: 'True peak' } as const;

/** Readout k of a snapshot: M, S, I (minus `rel` for LU units), LRA, TP. */
function reading(levels: TrackLevels, k: number, rel: number): number {
  switch (k) {
    case 0:
      return levels.momentary - rel;
    case 1:
      return levels.shortTerm - rel;
    case 2:
      return levels.integrated - rel;
    case 3:
      return levels.loudnessRange;
    default:
      return levels.truePeak;
  }
}

export const LoudnessMeter = /* @__PURE__ */ forwardRef<HTMLDivElement, LoudnessMeterProps>(function LoudnessMeter(props, ref) {
  const { track = 0, range = 'ebu+9', units = 'LUFS', historySeconds = 180, showReset = true, pixelRatio } = props;
  const source = useMeterSource(props.source, 'LoudnessMeter');
  checkTrackProp('LoudnessMeter', track, source);
  checkMeterStyleInput('LoudnessMeter', { colors: props.colors, font: props.font });
  checkStringProp('LoudnessMeter', 'label', props.label);
  checkStringProp('LoudnessMeter', 'className', props.className);
  checkStyleObjectProp('LoudnessMeter', props.style);
  checkOneOf('LoudnessMeter: range', range, ['ebu+9', 'ebu+18'] as const);
  checkOneOf('LoudnessMeter: units', units, ['LUFS', 'LU'] as const);
  checkNumber('LoudnessMeter: historySeconds', historySeconds, 0, 3600, 's');
  checkPixelRatioProp('LoudnessMeter', pixelRatio);
  const height = checkNumber('LoudnessMeter: height', props.height ?? 200, 40, 4000, 'px');
  const barWidth = checkNumber('LoudnessMeter: barWidth', props.barWidth ?? 24, 4, 400, 'px');
  const historyWidth = checkNumber('LoudnessMeter: historyWidth', props.historyWidth ?? 260, 40, 4000, 'px');
  const historyHeight = checkNumber('LoudnessMeter: historyHeight', props.historyHeight ?? 70, 10, 2000, 'px');
  const target = resolveLoudnessTarget(props.target ?? 'ebu-r128', 'LoudnessMeter: ');
  const scale = loudnessScale(target, range, units);
  const { minLufs, maxLufs } = loudnessRange(target, range);

  const render = useRenderMode('LoudnessMeter', props.render);
  const theme = useMeterTheme('LoudnessMeter', props.theme);
  const style = { theme, colors: props.colors, font: props.font };
  const suspended = useMeterSuspended(source);
  const { canvasRef: barRef, canvasKey: barKey } = useCanvasView({
    spec: { type: 'loudness-bar', options: { target, range } },
    views: LOUDNESS_VIEWS,
    specKey: [target.integratedLufs, target.toleranceLu, range],
    source,
    tracks: [track],
    style,
    pixelRatio,
    render,
  });
  const historyRef = useRef<CanvasHost | null>(null);
  const setHistoryHost = useCallback((host: CanvasHost | null) => {
    historyRef.current = host;
  }, []);
  const meterRef = useRef<HTMLDivElement | null>(null);
  const valueRefs = useRef<(HTMLElement | null)[]>([]);
  const latest = useRef({ target, units, colors: props.colors, theme });
  // The latest props for the readout callbacks, updated after each commit (not during render).
  useIsomorphicLayoutEffect(() => {
    latest.current = { target, units, colors: props.colors, theme };
  });

  // Readouts at most 10 times a second, only when their text changes; aria at 2 Hz.
  useIsomorphicLayoutEffect(() => {
    const el = meterRef.current;
    if (source === null || el === null) return;
    const values: TrackDomValue[] = READOUTS.map((_, k) => ({
      intervalMs: 100,
      key(levels: TrackLevels) {
        const p = latest.current;
        const v = levels.stale && k < 2 ? -Infinity : reading(levels, k, p.units === 'LU' ? p.target.integratedLufs : 0);
        return v === v ? readoutTenths(v) : OFF;
      },
      write(tenths: number, levels: TrackLevels) {
        const out = valueRefs.current[k];
        if (out === null || out === undefined) return;
        out.textContent = tenths === OFF ? 'off' : k === 3 ? formatUnsignedTenths(tenths) : formatReadout(tenths);
        if (k === 4) {
          // True peak above the target's ceiling: flagged for assistive tech and in red.
          const p = latest.current;
          const over = levels.truePeak > p.target.truePeakDbtp;
          out.dataset.over = over ? 'true' : 'false';
          out.style.color = over ? (p.colors?.high ?? `var(--meterkit-high, ${THEME_COLORS[p.theme].high})`) : '';
          out.title = over ? `above the ${p.target.truePeakDbtp} dBTP ceiling` : '';
        }
      },
    }));
    const maxTenths = Math.round(maxLufs * 10);
    values.push({
      intervalMs: 500,
      key: (levels) =>
        levels.stale && source.platformStatus?.() === 'suspended'
          ? SUSPENDED
          : !levels.stale && levels.momentary > minLufs
            ? Math.round(levels.momentary * 10)
            : SILENT,
      write(tenths) {
        const quiet = tenths === SILENT || tenths === SUSPENDED;
        // aria-valuenow stays in the element's range (the scale); the text says the reading itself.
        el.setAttribute('aria-valuenow', formatReadout(quiet ? Math.round(minLufs * 10) : tenths < maxTenths ? tenths : maxTenths));
        el.setAttribute('aria-valuetext', tenths === SUSPENDED ? 'audio suspended' : tenths === SILENT ? 'silent' : `${formatReadout(tenths)} LUFS momentary`);
      },
    });
    return watchTrackDom(source, track, values);
  }, [source, track, minLufs, maxLufs]);

  const reset = () => {
    source?.resetLoudness?.(track);
    historyRef.current?.clear();
  };

  const text: CSSProperties = {
    font: props.font ?? 'var(--meterkit-font, 10px sans-serif)',
    color: props.colors?.text ?? `var(--meterkit-text, ${THEME_COLORS[theme].text})`,
  };
  const label = props.label ?? 'Loudness';
  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      className={props.className}
      data-meterkit="LoudnessMeter"
      data-suspended={suspended ? 'true' : undefined}
      role="group"
      aria-label={label}
      style={{ display: 'inline-flex', flexDirection: 'column', gap: 6, ...text, ...props.style }}
    >
      <div style={{ display: 'flex', flexDirection: 'row', gap: 4, alignItems: 'flex-start' }}>
        <div
          ref={meterRef}
          role="meter"
          aria-label={`${label}: momentary`}
          aria-valuemin={minLufs}
          aria-valuemax={maxLufs}
          aria-valuenow={minLufs}
          aria-valuetext="silent"
          style={{ width: barWidth, height }}
        >
          <canvas
            key={barKey}
            ref={barRef}
            aria-hidden="true"
            style={{ display: 'block', width: '100%', height: '100%', ...(suspended ? SUSPENDED_STYLE : null) }}
          />
        </div>
        <MeterScale
          render={render}
          scale={scale}
          side="left"
          farInset={0}
          width={40}
          height={height}
          pixelRatio={pixelRatio}
          theme={theme}
          colors={props.colors}
          font={props.font}
        />
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 120 }}>
          <div data-target="" style={{ opacity: 0.8 }}>
            {`${target.name}: ${target.integratedLufs} LUFS, TP ≤ ${target.truePeakDbtp} dBTP`}
          </div>
          <dl style={{ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 8, rowGap: 2, margin: 0 }}>
            {READOUTS.map((key, k) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt title={NAMES[key]}>{key}</dt>
                <dd style={{ margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                  <span ref={(el) => void (valueRefs.current[k] = el)} data-reading={key}>
                    {source === null ? 'off' : '-inf'}
                  </span>{' '}
                  {key === 'LRA' ? 'LU' : key === 'TP' ? 'dBTP' : units}
                </dd>
              </div>
            ))}
          </dl>
          {showReset ? (
            <button type="button" onClick={reset} style={{ alignSelf: 'flex-start', font: 'inherit' }}>
              Reset integrated
            </button>
          ) : null}
        </div>
      </div>
      {historySeconds > 0 ? (
        <LoudnessHistory
          onHost={setHistoryHost}
          source={source}
          track={track}
          target={target}
          range={range}
          historySeconds={Math.max(historySeconds, 10)}
          width={historyWidth}
          height={historyHeight}
          style={style}
          pixelRatio={pixelRatio}
          render={render}
          suspended={suspended}
        />
      ) : null}
    </div>
  );
});

/** The history graph's canvas, present only while the graph is shown. */
function LoudnessHistory(props: {
  /** Called with the graph's host after it mounts (or moves threads) and with null on unmount. */
  onHost: (host: CanvasHost | null) => void;
  source: MeterSource | null;
  track: number;
  target: LoudnessTarget;
  range: LoudnessScaleRange;
  historySeconds: number;
  width: number;
  height: number;
  style: { theme?: MeterTheme; colors?: Partial<MeterColors>; font?: string };
  pixelRatio?: number;
  render: RenderMode;
  /** Audio suspended: the graph is dimmed. */
  suspended: boolean;
}) {
  const { target, range, historySeconds } = props;
  const { canvasRef, hostRef, canvasKey } = useCanvasView({
    spec: { type: 'loudness-history', options: { target, range, historySeconds } },
    views: LOUDNESS_VIEWS,
    specKey: [target.integratedLufs, target.toleranceLu, range, historySeconds],
    source: props.source,
    tracks: [props.track],
    style: props.style,
    pixelRatio: props.pixelRatio,
    render: props.render,
  });
  const { onHost } = props;
  useIsomorphicLayoutEffect(() => {
    onHost(hostRef.current);
    return () => onHost(null);
  }, [canvasKey, hostRef, onHost]);
  return (
    <canvas
      key={canvasKey}
      ref={canvasRef}
      aria-hidden="true"
      data-history=""
      style={{ display: 'block', width: props.width, height: props.height, ...(props.suspended ? SUSPENDED_STYLE : null) }}
    />
  );
}
