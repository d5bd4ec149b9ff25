'use client';
/**
 * A meter bridge: N tracks side by side on ONE canvas (one surface, one observer, only changed
 * tracks repainted), a shared scale, per-track labels, latching clip buttons and one
 * `role="meter"` element per track for assistive technology.
 *
 * Layout is computed from props in CSS (no measuring), so it renders identically on the server.
 */
import { useRef, type CSSProperties, forwardRef } from 'react';
import {
  LEVEL_VIEWS,
  DIGITAL_SCALE,
  MAX_TRACKS,
  THEME_COLORS,
  checkNumber,
  checkInteger,
  describeValue,
  type MeterSource,
  type HasMeterSource,
  type MeterKind,
  type MeterReading,
  type Orientation,
  type MeterScaleSpec,
} from '../core/internal';
import { useMeterSource, useRenderMode, useMeterTheme } from './context';
import { useCanvasView } from './use-canvas-view';
import { useMeterAria } from './use-meter-aria';
import { useMeterSuspended } from './use-meter-status';
import { SUSPENDED_STYLE } from './props';

import { ClipIndicator } from './ClipIndicator';
import { MeterScale } from './MeterScale';
import { checkTrackProp, checkPixelRatioProp, checkScaleProp, checkBooleanProp, checkStringProp } from './props';
import { viewOptionsFromProps, viewOptionsKey, styleFromProps, type MeterAppearanceProps } from './meter-props';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';

export interface MeterBridgeOwnProps extends MeterAppearanceProps {
  /**
   * Engine or source; default: the nearest MeterProvider's.
   * @default the nearest MeterProvider's source
   */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Which tracks: a count (the first N) or a list of indices. Default: every track of the source (8 without one).
   * @default every track of the source (8 without one)
   */
  tracks?: number | readonly number[];
  /**
   * One label per shown track. Default "1", "2", … (the track number).
   * @default "1", "2", … (track numbers)
   */
  labels?: readonly string[];
  /**
   * Accessible name of the bridge (its `role="group"`). Default "Meter bridge".
   * @default Meter bridge
   */
  label?: string;
  /**
   * `led` (default) or `bar`.
   * @default led
   */
  kind?: MeterKind;
  /**
   * Default `vertical` (tracks side by side); `horizontal` stacks tracks as rows.
   * @default vertical
   */
  orientation?: Orientation;
  /**
   * Length of each meter along its axis, CSS px. Default 200.
   * @default 200
   */
  meterLength?: number;
  /**
   * Breadth of each track across, CSS px. Default 20.
   * @default 20
   */
  trackWidth?: number;
  /**
   * Gap between tracks, CSS px. Default 6.
   * @default 6
   */
  trackGap?: number;
  /**
   * Draw the shared scale. Default true.
   * @default true
   */
  showScale?: boolean;
  /**
   * Latching clip buttons per track. Default true.
   * @default true
   */
  clipIndicators?: boolean;
  /**
   * Label row (vertical) or column (horizontal) size, CSS px. Default 16 / 48.
   * @default 16 (vertical) / 48 (horizontal)
   */
  labelSize?: number;
}

/** MeterBridge's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type MeterBridgeProps = MeterBridgeOwnProps & DomProps<MeterBridgeOwnProps>;

const OWN_KEYS = [
  'source',
  'tracks',
  'labels',
  'label',
  'kind',
  'orientation',
  'meterLength',
  'trackWidth',
  'trackGap',
  'showScale',
  'clipIndicators',
  'labelSize',
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
] as const satisfies readonly (keyof MeterBridgeOwnProps)[];
const _everyOwnKey: ListsEveryKey<MeterBridgeOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

const CLIP = 8;
const CLIP_GAP = 3;

function trackList(tracks: MeterBridgeProps['tracks'], source: MeterSource | null): readonly number[] {
  if (tracks === undefined) return Array.from({ length: source?.tracks ?? 8 }, (_, i) => i);
  if (typeof tracks === 'number') {
    checkInteger('MeterBridge: tracks', tracks, 1, source?.tracks ?? MAX_TRACKS);
    return Array.from({ length: tracks }, (_, i) => i);
  }
  if (!Array.isArray(tracks) || tracks.length === 0) {
    throw new RangeError(`MeterBridge: tracks must be a count or a non-empty array of track indices, got ${describeValue(tracks)}`);
  }
  tracks.forEach((t, i) => checkTrackProp('MeterBridge', t, source, `tracks[${i}]`));
  return tracks;
}

function TrackAria(props: { source: MeterSource | null; track: number; label: string; scale: MeterScaleSpec; reading: MeterReading; style: CSSProperties }) {
  const ref = useRef<HTMLDivElement | null>(null);
  useMeterAria(ref, props.source, props.track, { minDb: props.scale.minDb, maxDb: props.scale.maxDb, reading: props.reading });
  return (
    <div
      ref={ref}
      role="meter"
      aria-label={`${props.label} level`}
      aria-valuemin={props.scale.minDb}
      aria-valuemax={props.scale.maxDb}
      aria-valuenow={props.scale.minDb}
      aria-valuetext="silent"
      style={props.style}
    />
  );
}

export const MeterBridge = /* @__PURE__ */ forwardRef<HTMLDivElement, MeterBridgeProps>(function MeterBridge(props, ref) {
  const source = useMeterSource(props.source, 'MeterBridge');
  const shown = trackList(props.tracks, source);
  checkScaleProp('MeterBridge', props.scale);
  checkBooleanProp('MeterBridge', 'showScale', props.showScale);
  checkStringProp('MeterBridge', 'label', props.label);
  checkBooleanProp('MeterBridge', 'clipIndicators', props.clipIndicators);
  const { kind = 'led', orientation = 'vertical', scale = DIGITAL_SCALE, reading = 'peak', showScale = true, clipIndicators = true, pixelRatio } = props;
  const vertical = orientation === 'vertical';
  const meterLength = checkNumber('MeterBridge: meterLength', props.meterLength ?? 200, 16, 10_000, 'px');
  const trackWidth = checkNumber('MeterBridge: trackWidth', props.trackWidth ?? 20, 2, 1000, 'px');
  const trackGap = checkNumber('MeterBridge: trackGap', props.trackGap ?? 6, 0, 100, 'px');
  const labelSize = checkNumber('MeterBridge: labelSize', props.labelSize ?? (vertical ? 16 : 48), 0, 400, 'px');
  checkPixelRatioProp('MeterBridge', pixelRatio);
  if (props.labels !== undefined && (!Array.isArray(props.labels) || !props.labels.every((l) => typeof l === 'string'))) {
    throw new TypeError(`MeterBridge: labels must be an array of strings, one per shown track (${shown.length}), got ${describeValue(props.labels)}`);
  }
  if (props.labels !== undefined && props.labels.length !== shown.length) {
    throw new RangeError(`MeterBridge: labels must have one entry per shown track (${shown.length}), got ${props.labels.length}`);
  }
  const labels = props.labels ?? shown.map((t) => String(t + 1));
  const view = viewOptionsFromProps('MeterBridge', props, {
    kind,
    orientation,
    tracks: shown.length,
    channels: props.channels ?? source?.channels ?? 2,
    scale,
    reading,
    clipSize: 0,
    trackGap,
    readoutSize: props.readoutSize ?? 0,
  });
  const render = useRenderMode('MeterBridge', props.render);
  const theme = useMeterTheme('MeterBridge', props.theme);
  const suspended = useMeterSuspended(source);
  const { canvasRef, canvasKey } = useCanvasView({
    spec: { type: 'level', options: view },
    views: LEVEL_VIEWS,
    specKey: viewOptionsKey(view),
    source,
    tracks: shown,
    style: styleFromProps('MeterBridge', props, scale, theme),
    pixelRatio,
    render,
  });

  const n = shown.length;
  const across = n * trackWidth + (n - 1) * trackGap;
  const at = (i: number) => i * (trackWidth + trackGap);
  const clipBand = clipIndicators ? CLIP + CLIP_GAP : 0;
  const textStyle: CSSProperties = {
    position: 'absolute',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    font: props.font ?? 'var(--meterkit-font, 10px sans-serif)',
    color: props.colors?.text ?? `var(--meterkit-text, ${THEME_COLORS[theme].text})`,
    lineHeight: `${vertical ? labelSize : trackWidth}px`,
  };
  const meterBox: CSSProperties = vertical
    ? { position: 'relative', width: across, height: meterLength }
    : { position: 'relative', width: meterLength, height: across };

  const meters = (
    <div style={meterBox}>
      <canvas
        key={canvasKey}
        ref={canvasRef}
        aria-hidden="true"
        style={{ display: 'block', width: '100%', height: '100%', willChange: 'transform', ...(suspended ? SUSPENDED_STYLE : null) }}
      />
      {shown.map((t, i) => (
        <TrackAria
          key={`${t}-${i}`}
          source={source}
          track={t}
          label={labels[i]}
          scale={scale}
          reading={reading}
          style={
            vertical
              ? { position: 'absolute', top: 0, left: at(i), width: trackWidth, height: '100%' }
              : { position: 'absolute', left: 0, top: at(i), height: trackWidth, width: '100%' }
          }
        />
      ))}
    </div>
  );
  const clips = clipIndicators ? (
    <div
      style={{
        ...(vertical
          ? { position: 'relative', width: across, height: CLIP, marginBottom: CLIP_GAP }
          : { position: 'relative', height: across, width: CLIP, marginLeft: CLIP_GAP }),
        ...(suspended ? SUSPENDED_STYLE : null),
      }}
    >
      {shown.map((t, i) => (
        <ClipIndicator
          key={`${t}-${i}`}
          source={source}
          track={t}
          label={labels[i]}
          width={vertical ? trackWidth : CLIP}
          height={vertical ? CLIP : trackWidth}
          theme={theme}
          color={props.colors?.clip}
          offColor={props.colors?.clipOff}
          style={vertical ? { position: 'absolute', left: at(i), top: 0 } : { position: 'absolute', top: at(i), left: 0 }}
        />
      ))}
    </div>
  ) : null;
  const labelBox =
    labelSize > 0 ? (
      <div
        aria-hidden="true"
        style={vertical ? { position: 'relative', width: across, height: labelSize } : { position: 'relative', height: across, width: labelSize }}
      >
        {labels.map((label, i) => (
          <div
            key={i}
            style={
              vertical
                ? { ...textStyle, left: at(i) - trackGap / 2, width: trackWidth + trackGap, top: 0, height: labelSize, textAlign: 'center' }
                : { ...textStyle, top: at(i), height: trackWidth, left: 0, width: labelSize - 4, textAlign: 'right' }
            }
          >
            {label}
          </div>
        ))}
      </div>
    ) : null;
  const scaleEl = showScale ? (
    <MeterScale
      render={render}
      scale={scale}
      orientation={orientation}
      side={vertical ? 'right' : 'bottom'}
      farInset={view.readoutSize}
      width={vertical ? 36 : meterLength}
      height={vertical ? meterLength : 24}
      pixelRatio={pixelRatio}
      theme={theme}
      colors={props.colors}
      font={props.font}
      style={vertical ? { marginTop: clipBand } : { marginLeft: labelSize }}
    />
  ) : null;

  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      className={props.className}
      data-meterkit="MeterBridge"
      data-suspended={suspended ? 'true' : undefined}
      role="group"
      aria-label={props.label ?? 'Meter bridge'}
      style={{
        display: 'inline-flex',
        flexDirection: vertical ? 'row' : 'column',
        alignItems: 'flex-start',
        gap: 4,
        ...props.style,
      }}
    >
      {scaleEl}
      {vertical ? (
        <div>
          {clips}
          {meters}
          {labelBox}
        </div>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'row' }}>
          {labelBox}
          {meters}
          {clips}
        </div>
      )}
    </div>
  );
});
