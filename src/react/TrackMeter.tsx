'use client';
/**
 * The shared body of LedMeter and PeakHoldMeter: one track on one canvas, inside a
 * `role="meter"` element.
 */
import { useRef, type Ref } from 'react';
import { LEVEL_VIEWS, DIGITAL_SCALE, type MeterSource, type HasMeterSource, type MeterKind, type Orientation } from '../core/internal';
import { viewOptionsFromProps, viewOptionsKey, styleFromProps, type MeterAppearanceProps } from './meter-props';
import { useMeterSource, useRenderMode, useMeterTheme } from './context';
import { useCanvasView } from './use-canvas-view';
import { useMeterAria } from './use-meter-aria';
import { useMeterSuspended } from './use-meter-status';
import { SUSPENDED_STYLE } from './props';
import { domProps, ownSet, useMergedRef, type DomProps, type ListsEveryKey } from './dom-props';

import { checkTrackProp, checkSizeProp, checkPixelRatioProp, checkScaleProp, checkStringProp } from './props';

/** Props common to the single-track meters. Sizes in CSS px unless a CSS string is given. */
export interface TrackMeterOwnProps extends MeterAppearanceProps {
  /**
   * Track index in the source, 0-based. Default 0.
   * @default 0
   */
  track?: number;
  /**
   * Engine or source to read; default: the nearest MeterProvider's.
   * @default the nearest MeterProvider's source
   */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Accessible name. Default "Track {track + 1} level".
   * @default Track {track + 1} level
   */
  label?: string;
  /**
   * Default `vertical`.
   * @default vertical
   */
  orientation?: Orientation;
  /**
   * CSS width. Default 24 (vertical) or 240 (horizontal).
   * @default 24 (vertical) / 240 (horizontal)
   */
  width?: number | string;
  /**
   * CSS height. Default 200 (vertical) or 24 (horizontal).
   * @default 200 (vertical) / 24 (horizontal)
   */
  height?: number | string;
  /**
   * Clip LED length per channel at the far end, CSS px; 0 hides it. Default 6.
   * @default 6
   */
  clipSize?: number;
}

/** The single-track meters' props: their own, and the wrapper `<div>`'s DOM attributes (see dom-props.ts). */
export type TrackMeterProps = TrackMeterOwnProps & DomProps<TrackMeterOwnProps>;

interface TrackMeterInternal {
  kind: MeterKind;
  component: string;
  forwardedRef?: Ref<HTMLDivElement>;
}

const OWN_KEYS = [
  'track',
  'source',
  'label',
  'orientation',
  'width',
  'height',
  'clipSize',
  'channels',
  'scale',
  'reading',
  'segments',
  'segmentGap',
  'channelGap',
  'showHold',
  'readoutSize',
  'staleFallDbPerSecond',
  'render',
  'pixelRatio',
  'theme',
  'colors',
  'midDb',
  'highDb',
  'segmentOffAlpha',
  'font',
  'className',
  'style',
  'kind',
  'component',
  'forwardedRef',
] as const satisfies readonly (keyof (TrackMeterOwnProps & TrackMeterInternal))[];
const _everyOwnKey: ListsEveryKey<TrackMeterOwnProps & TrackMeterInternal, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

export function TrackMeter(props: TrackMeterProps & TrackMeterInternal) {
  const { kind, component, track = 0, orientation = 'vertical', scale = DIGITAL_SCALE, reading = 'peak', pixelRatio } = props;
  const source = useMeterSource(props.source, component);
  checkTrackProp(component, track, source);
  checkScaleProp(component, props.scale);
  checkStringProp(component, 'label', props.label);
  checkSizeProp(component, 'width', props.width);
  checkSizeProp(component, 'height', props.height);
  checkPixelRatioProp(component, pixelRatio);
  const view = viewOptionsFromProps(component, props, {
    kind,
    orientation,
    tracks: 1,
    channels: props.channels ?? source?.channels ?? 2,
    scale,
    reading,
    clipSize: props.clipSize,
    readoutSize: props.readoutSize ?? (kind === 'bar' ? 14 : 0),
  });
  const render = useRenderMode(component, props.render);
  const theme = useMeterTheme(component, props.theme);
  const { canvasRef, canvasKey } = useCanvasView({
    spec: { type: 'level', options: view },
    views: LEVEL_VIEWS,
    specKey: viewOptionsKey(view),
    source,
    tracks: [track],
    style: styleFromProps(component, props, scale, theme),
    pixelRatio,
    render,
  });
  const meterRef = useRef<HTMLDivElement | null>(null);
  const rootRef = useMergedRef(props.forwardedRef, meterRef);
  useMeterAria(meterRef, source, track, { minDb: scale.minDb, maxDb: scale.maxDb, reading });
  const suspended = useMeterSuspended(source);
  const vertical = orientation === 'vertical';
  const width = props.width ?? (vertical ? 24 : 240);
  const height = props.height ?? (vertical ? 200 : 24);
  return (
    <div
      {...domProps(props, OWN)}
      ref={rootRef}
      role="meter"
      aria-label={props.label ?? `Track ${track + 1} level`}
      aria-valuemin={scale.minDb}
      aria-valuemax={scale.maxDb}
      aria-valuenow={scale.minDb}
      aria-valuetext="silent"
      className={props.className}
      data-meterkit={component}
      data-suspended={suspended ? 'true' : undefined}
      style={{ display: 'inline-block', position: 'relative', width, height, ...props.style, ...(suspended ? SUSPENDED_STYLE : null) }}
    >
      <canvas key={canvasKey} ref={canvasRef} aria-hidden="true" style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
}
