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
import { useRef, type CSSProperties } from 'react';
import type { MeterSource, HasMeterSource } from '../core/meter-source';
import type { TrackLevels } from '../core/bank/reader';
import { getMeterHub } from '../core/meter-hub';
import { LoudnessView, loudnessScale, loudnessRange, type LoudnessScaleRange } from '../core/loudness-view';
import { resolveLoudnessTarget, type LoudnessTarget, type LoudnessTargetName } from '../core/loudness-targets';
import { resolveMeterStyle, type MeterColors } from '../core/render/style';
import { formatReadout, formatUnsignedTenths } from '../core/render/bar';
import { currentPixelRatio } from '../core/observers';
import { bindCanvases } from './bind-canvases';
import { checkNumber, checkOneOf } from '../dsp/validate';
import { useMeterSource } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { MeterScale } from './MeterScale';
import { checkTrackProp, checkPixelRatioProp } from './props';

export interface LoudnessMeterProps {
  /** Bank track, 0-based (an input, a group or the master bus). Default 0. */
  track?: number;
  source?: MeterSource | HasMeterSource | null;
  /** Accessible name. Default "Loudness". */
  label?: string;
  /** `'ebu-r128'` (default), `'atsc-a85'`, `'streaming-14'`, `'streaming-16'`, or a custom target. */
  target?: LoudnessTargetName | LoudnessTarget;
  /** EBU Tech 3341 scale: `'ebu+9'` (target −18 … +9 LU, default) or `'ebu+18'` (−36 … +18 LU). */
  range?: LoudnessScaleRange;
  /** Show values in absolute `'LUFS'` (default) or `'LU'` relative to the target. */
  units?: 'LUFS' | 'LU';
  /** Seconds of short-term history in the graph (10 to 3600; 0 hides the graph). Default 180. */
  historySeconds?: number;
  /** Height of the bar and scale, CSS px. Default 200. */
  height?: number;
  /** Width of the bar, CSS px. Default 24. */
  barWidth?: number;
  /** Size of the history graph, CSS px. Default 260 × 70. */
  historyWidth?: number;
  historyHeight?: number;
  /** Show the reset button. Default true. */
  showReset?: boolean;
  pixelRatio?: number;
  colors?: Partial<MeterColors>;
  font?: string;
  className?: string;
  style?: CSSProperties;
}

const READOUTS = ['M', 'S', 'I', 'LRA', 'TP'] as const;
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

export function LoudnessMeter(props: LoudnessMeterProps) {
  const { track = 0, range = 'ebu+9', units = 'LUFS', historySeconds = 180, showReset = true, pixelRatio } = props;
  const source = useMeterSource(props.source);
  checkTrackProp('LoudnessMeter', track, source);
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

  const barRef = useRef<HTMLCanvasElement | null>(null);
  const historyRef = useRef<HTMLCanvasElement | null>(null);
  const meterRef = useRef<HTMLDivElement | null>(null);
  const valueRefs = useRef<(HTMLElement | null)[]>([]);
  const viewRef = useRef<LoudnessView | null>(null);
  const latest = useRef({ target, range, units, colors: props.colors, font: props.font, pixelRatio });
  latest.current = { target, range, units, colors: props.colors, font: props.font, pixelRatio };

  // Mount: the view, sizing and style.
  useIsomorphicLayoutEffect(() => {
    const bar = barRef.current!;
    const history = historyRef.current;
    const view = new LoudnessView(bar, history, { target, range, historySeconds: Math.max(historySeconds, 10) });
    viewRef.current = view;
    const unbind = bindCanvases(
      [bar, history],
      ([barSize, historySize]) => {
        const p = latest.current;
        view.setStyle(resolveMeterStyle(bar, { colors: p.colors, font: p.font }));
        view.resize(barSize, history === null ? null : historySize, p.pixelRatio ?? currentPixelRatio());
        view.draw();
      },
      () => view.draw(),
    );
    return () => {
      unbind();
      viewRef.current = null;
    };
  }, [historySeconds]);

  useIsomorphicLayoutEffect(() => {
    const view = viewRef.current;
    if (view === null) return;
    view.setTarget(target, range);
    view.setStyle(resolveMeterStyle(barRef.current, { colors: props.colors, font: props.font }));
    view.draw();
  }, [target, range, props.colors?.low, props.colors?.mid, props.colors?.high, props.colors?.track, props.colors?.text, props.font]);

  // Levels: the view every frame; readouts ≤ 10 Hz; aria 2 Hz.
  useIsomorphicLayoutEffect(() => {
    if (source === null) return;
    const shown = new Int32Array(READOUTS.length).fill(0x7fffffff);
    const times = new Float64Array([-Infinity, -Infinity]); // next readout, next aria
    return getMeterHub(source).subscribe(track, (levels, clock) => {
      viewRef.current?.update(levels, clock);
      const now = clock.nowMs;
      if (now < times[0]) return;
      times[0] = now + 100;
      const p = latest.current;
      const rel = p.units === 'LU' ? p.target.integratedLufs : 0;
      for (let k = 0; k < READOUTS.length; k++) {
        const v = levels.stale && k < 2 ? -Infinity : reading(levels, k, rel);
        const tenths = v === v ? (v > -150 ? Math.round(v * 10) : -2147483648) : -2147483647;
        if (tenths === shown[k]) continue;
        shown[k] = tenths;
        const el = valueRefs.current[k];
        if (el === null || el === undefined) continue;
        el.textContent = tenths === -2147483647 ? 'off' : k === 3 ? formatUnsignedTenths(tenths) : formatReadout(tenths);
        if (k === 4) {
          // True peak above the target's ceiling: flagged for assistive tech and in red.
          const over = v > p.target.truePeakDbtp;
          el.dataset.over = over ? 'true' : 'false';
          el.style.color = over ? (p.colors?.high ?? 'var(--meterkit-high, #e74c3c)') : '';
          el.title = over ? `above the ${p.target.truePeakDbtp} dBTP ceiling` : '';
        }
      }
      if (now >= times[1] && meterRef.current !== null) {
        times[1] = now + 500;
        const m = levels.momentary;
        const inRange = !levels.stale && m > minLufs;
        const tenths = inRange ? Math.round(Math.min(m, maxLufs) * 10) : Math.round(minLufs * 10);
        meterRef.current.setAttribute('aria-valuenow', formatReadout(tenths));
        meterRef.current.setAttribute('aria-valuetext', inRange ? `${formatReadout(tenths)} LUFS momentary` : 'silent');
      }
    });
  }, [source, track, minLufs, maxLufs]);

  const reset = () => {
    source?.resetLoudness?.(track);
    viewRef.current?.clearHistory();
  };

  const text: CSSProperties = {
    font: props.font ?? 'var(--meterkit-font, 10px sans-serif)',
    color: props.colors?.text ?? 'var(--meterkit-text, #c8ccd0)',
  };
  const label = props.label ?? 'Loudness';
  return (
    <div
      className={props.className}
      data-meterkit="LoudnessMeter"
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
          <canvas ref={barRef} aria-hidden="true" style={{ display: 'block', width: '100%', height: '100%' }} />
        </div>
        <MeterScale scale={scale} side="left" farInset={0} width={40} height={height} pixelRatio={pixelRatio} colors={props.colors} font={props.font} />
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
        <canvas
          ref={historyRef}
          aria-hidden="true"
          data-history=""
          style={{ display: 'block', width: historyWidth, height: historyHeight }}
        />
      ) : null}
    </div>
  );
}
