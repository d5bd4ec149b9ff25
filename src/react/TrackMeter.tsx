'use client';
/**
 * The shared body of LedMeter and PeakHoldMeter: one track on one canvas, inside a
 * `role="meter"` element.
 */
import { useRef, type CSSProperties } from 'react';
import type { MeterSource, HasMeterSource } from '../core/meter-source';
import type { MeterKind, MeterReading } from '../core/meter-view';
import { resolveMeterViewOptions } from '../core/meter-view';
import type { Orientation } from '../core/render/geometry';
import { DIGITAL_SCALE, type MeterScaleSpec } from '../core/render/scale';
import type { MeterColors } from '../core/render/style';
import { useMeterSource } from './context';
import { useMeterCanvas } from './use-meter-canvas';
import { useMeterAria } from './use-meter-aria';
import { checkTrackProp, checkSizeProp, checkPixelRatioProp } from './props';

/** Props common to the single-track meters. Sizes in CSS px unless a CSS string is given. */
export interface TrackMeterProps {
  /** Track index in the source, 0-based. Default 0. */
  track?: number;
  /** Engine or source to read; default: the nearest MeterProvider's. */
  source?: MeterSource | HasMeterSource | null;
  /** Accessible name. Default "Track {track + 1} level". */
  label?: string;
  /** Default `vertical`. */
  orientation?: Orientation;
  /** CSS width. Default 24 (vertical) or 240 (horizontal). */
  width?: number | string;
  /** CSS height. Default 200 (vertical) or 24 (horizontal). */
  height?: number | string;
  /** Channels drawn side by side, 1–8. Default: the source's channel count, else 2. */
  channels?: number;
  /** Scale (dB range, ticks). Default DIGITAL_SCALE, -60..0 dBFS. */
  scale?: MeterScaleSpec;
  /** `peak` (decaying peak, default), `rms`, or `ballistic` (the engine's ballistics preset; pair with `scaleForBallistics`). */
  reading?: MeterReading;
  /** LED segments per channel, 2–200 (LED meters). */
  segments?: number;
  /** Gap between LED segments, CSS px. */
  segmentGap?: number;
  /** Gap between channels, CSS px. */
  channelGap?: number;
  /** Show the peak-hold indication. Default true. */
  showHold?: boolean;
  /** Clip LED length per channel at the far end, CSS px; 0 hides it. */
  clipSize?: number;
  /** Numeric peak-hold readout length at the far end, CSS px; 0 hides it. */
  readoutSize?: number;
  /** Display fall when the audio clock stops, dB/s. Default 20 dB / 1.7 s. */
  fallDbPerSecond?: number;
  /** Device pixel ratio to render at; default the screen's (followed on change). */
  pixelRatio?: number;
  /** Colours (override CSS custom properties --meterkit-*). */
  colors?: Partial<MeterColors>;
  /** Zone boundaries in dBFS. Defaults: the scale's zones, else -18 (mid) and -6 (high). */
  midDb?: number;
  highDb?: number;
  /** Opacity of unlit LED segments, 0–1. */
  segmentOffAlpha?: number;
  /** CSS font for the readout. */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

export function TrackMeter(props: TrackMeterProps & { kind: MeterKind; component: string }) {
  const { kind, component, track = 0, orientation = 'vertical', scale = DIGITAL_SCALE, reading = 'peak', pixelRatio } = props;
  const source = useMeterSource(props.source);
  checkTrackProp(component, track, source);
  checkSizeProp(component, 'width', props.width);
  checkSizeProp(component, 'height', props.height);
  checkPixelRatioProp(component, pixelRatio);
  const view = resolveMeterViewOptions(
    {
      kind,
      orientation,
      channels: props.channels ?? source?.channels ?? 2,
      scale,
      reading,
      segments: props.segments,
      segmentGap: props.segmentGap,
      channelGap: props.channelGap,
      showHold: props.showHold,
      clipSize: props.clipSize,
      readoutSize: props.readoutSize ?? (kind === 'bar' ? 14 : 0),
      fallDbPerSecond: props.fallDbPerSecond,
    },
    `${component}: `,
  );
  const { canvasRef } = useMeterCanvas({
    source,
    tracks: [track],
    view,
    style: {
      colors: props.colors,
      midDb: props.midDb ?? scale.zones?.midDb,
      highDb: props.highDb ?? scale.zones?.highDb,
      segmentOffAlpha: props.segmentOffAlpha,
      font: props.font,
    },
    pixelRatio,
  });
  const meterRef = useRef<HTMLDivElement | null>(null);
  useMeterAria(meterRef, source, track, { minDb: scale.minDb, maxDb: scale.maxDb, reading });
  const vertical = orientation === 'vertical';
  const width = props.width ?? (vertical ? 24 : 240);
  const height = props.height ?? (vertical ? 200 : 24);
  return (
    <div
      ref={meterRef}
      role="meter"
      aria-label={props.label ?? `Track ${track + 1} level`}
      aria-valuemin={scale.minDb}
      aria-valuemax={scale.maxDb}
      aria-valuenow={scale.minDb}
      aria-valuetext="silent"
      className={props.className}
      data-meterkit={component}
      style={{ display: 'inline-block', position: 'relative', width, height, ...props.style }}
    >
      <canvas ref={canvasRef} aria-hidden="true" style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
}
