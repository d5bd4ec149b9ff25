'use client';
/**
 * A phase correlation meter (−1 … +1) of a stereo track, with an optional balance bar (L … R)
 * below it. The engine must measure correlation on the track (`correlation: true` or a list).
 * Drawn on canvas when the indicated position changes; never re-renders React.
 */
import { useRef, type CSSProperties } from 'react';
import type { MeterSource, HasMeterSource } from '../core/meter-source';
import { getMeterHub } from '../core/meter-hub';
import { CorrelationView } from '../core/correlation-view';
import { resolveMeterStyle, type MeterColors } from '../core/render/style';
import { formatReadout } from '../core/render/bar';
import { currentPixelRatio } from '../core/observers';
import { bindCanvases } from './bind-canvases';
import { checkNumber } from '../dsp/validate';
import { useMeterSource } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { checkTrackProp, checkPixelRatioProp } from './props';

export interface CorrelationMeterProps {
  /** Bank track, 0-based. Default 0. */
  track?: number;
  source?: MeterSource | HasMeterSource | null;
  /** Accessible name. Default "Phase correlation". */
  label?: string;
  /** CSS width. Default 240. */
  width?: number;
  /** CSS height of the bars. Default 30 with balance, 14 without. */
  height?: number;
  /** Show the balance bar. Default true. */
  showBalance?: boolean;
  pixelRatio?: number;
  /** `low` (positive correlation), `high` (negative), `mid` (balance), `track`, `tick`, `text`. */
  colors?: Partial<MeterColors>;
  font?: string;
  className?: string;
  style?: CSSProperties;
}

export function CorrelationMeter(props: CorrelationMeterProps) {
  const { track = 0, showBalance = true, pixelRatio } = props;
  const source = useMeterSource(props.source);
  checkTrackProp('CorrelationMeter', track, source);
  checkPixelRatioProp('CorrelationMeter', pixelRatio);
  const width = checkNumber('CorrelationMeter: width', props.width ?? 240, 20, 4000, 'px');
  const height = checkNumber('CorrelationMeter: height', props.height ?? (showBalance ? 30 : 14), 4, 1000, 'px');
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const meterRef = useRef<HTMLDivElement | null>(null);
  const viewRef = useRef<CorrelationView | null>(null);
  const latest = useRef({ colors: props.colors, font: props.font, pixelRatio });
  latest.current = { colors: props.colors, font: props.font, pixelRatio };

  useIsomorphicLayoutEffect(() => {
    const canvas = canvasRef.current!;
    const view = new CorrelationView(canvas, showBalance);
    viewRef.current = view;
    const unbind = bindCanvases(
      [canvas],
      ([size]) => {
        const p = latest.current;
        view.setStyle(resolveMeterStyle(canvas, { colors: p.colors, font: p.font }));
        view.resize(size.w, size.h, p.pixelRatio ?? currentPixelRatio());
        view.draw();
      },
      () => view.draw(),
    );
    return () => {
      unbind();
      viewRef.current = null;
    };
  }, []);

  useIsomorphicLayoutEffect(() => {
    const view = viewRef.current;
    if (view === null) return;
    view.setShowBalance(showBalance);
    view.setStyle(resolveMeterStyle(canvasRef.current, { colors: props.colors, font: props.font }));
    view.draw();
  }, [showBalance, props.colors?.low, props.colors?.mid, props.colors?.high, props.colors?.track, props.colors?.tick]);

  useIsomorphicLayoutEffect(() => {
    if (source === null) return;
    const next = new Float64Array([-Infinity]);
    let shown = 0x7fffffff;
    return getMeterHub(source).subscribe(track, (levels, clock) => {
      viewRef.current?.update(levels);
      if (clock.nowMs < next[0] || meterRef.current === null) return;
      next[0] = clock.nowMs + 500;
      const c = levels.correlation;
      const hundredths = levels.stale || !(c === c) ? 0 : Math.round(c * 100);
      if (hundredths === shown) return;
      shown = hundredths;
      // Tenths-of-a-unit strings from the shared cache: "+0.5", "-1.0".
      const text = formatReadout(Math.round(hundredths / 10));
      meterRef.current.setAttribute('aria-valuenow', text);
      meterRef.current.setAttribute('aria-valuetext', `correlation ${text}`);
    });
  }, [source, track]);

  const label = props.label ?? 'Phase correlation';
  const small: CSSProperties = {
    display: 'flex',
    justifyContent: 'space-between',
    font: props.font ?? 'var(--meterkit-font, 10px sans-serif)',
    color: props.colors?.text ?? 'var(--meterkit-text, #c8ccd0)',
  };
  return (
    <div className={props.className} data-meterkit="CorrelationMeter" style={{ display: 'inline-block', width, ...props.style }}>
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
        <canvas ref={canvasRef} aria-hidden="true" style={{ display: 'block', width: '100%', height: '100%' }} />
      </div>
      <div aria-hidden="true" style={small}>
        <span>−1</span>
        <span>{showBalance ? 'L · 0 · R' : '0'}</span>
        <span>+1</span>
      </div>
    </div>
  );
}
