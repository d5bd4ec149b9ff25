/**
 * The appearance props every canvas level meter takes (LedMeter, PeakHoldMeter, MeterBridge),
 * documented once, and their mapping to the core view options and style.
 */
import type { CSSProperties } from 'react';
import { checkStringProp, checkStyleObjectProp } from './props';
import {
  checkMeterStyleInput,
  resolveMeterViewOptions,
  type MeterKind,
  type MeterReading,
  type ResolvedMeterViewOptions,
  type RenderMode,
  type Orientation,
  type MeterScaleSpec,
  type MeterColors,
  type MeterStyleInput,
  type MeterTheme,
  type MeterThemeSetting,
} from '../core/internal';

export interface MeterAppearanceProps {
  /**
   * Channels drawn side by side, 1–8. Default: the source's channel count, else 2.
   * @default the source's channel count, else 2
   */
  channels?: number;
  /**
   * Scale (dB range, ticks). Default DIGITAL_SCALE, -60..0 dBFS.
   * @default DIGITAL_SCALE (-60..0 dBFS)
   */
  scale?: MeterScaleSpec;
  /**
   * `peak` (decaying peak, default), `rms`, or `ballistic` (the engine's ballistics preset; pair with `scaleForBallistics`).
   * @default peak
   */
  reading?: MeterReading;
  /**
   * LED segments per channel, 2–200 (LED meters). Default 30.
   * @default 30
   */
  segments?: number;
  /**
   * Gap between LED segments, CSS px. Default 1.
   * @default 1
   */
  segmentGap?: number;
  /**
   * Gap between channels, CSS px. Default 2.
   * @default 2
   */
  channelGap?: number;
  /**
   * Show the peak-hold indication. Default true.
   * @default true
   */
  showHold?: boolean;
  /**
   * Numeric peak-hold readout length at the far end, CSS px; 0 hides it.
   * @default 0 (LedMeter) / 14 (PeakHoldMeter)
   */
  readoutSize?: number;
  /**
   * Display fall when the audio clock stops (stale readings), dB/s. Default 20 dB / 1.7 s.
   * @default 20 (dB/s)
   */
  staleFallDbPerSecond?: number;
  /**
   * Where the canvas paints: `'auto'` (default: the provider's mode, else the page's render
   * worker where supported), `'worker'` (the render worker; main thread where impossible) or
   * `'main'` (this thread).
   * @default the provider's mode, else 'auto'
   */
  render?: RenderMode;
  /**
   * Device pixel ratio to render at; default the screen's (followed on change).
   * @default the screen's
   */
  pixelRatio?: number;
  /**
   * Palette: `'dark'` (for dark pages), `'light'` (for light pages) or `'auto'` (the user's
   * `prefers-color-scheme`, followed live). Default: the provider's `theme`, else `'dark'`.
   * @default the provider's theme, else 'dark'
   */
  theme?: MeterThemeSetting;
  /**
   * Colours (override the theme and the CSS custom properties --meterkit-*).
   * @default the theme's palette
   */
  colors?: Partial<MeterColors>;
  /**
   * Zone boundaries in dBFS. Defaults: the scale's zones, else -18 (mid) and -6 (high).
   * @default the scale's zones, else -18
   */
  midDb?: number;
  /** @default the scale's zones, else -6 */
  highDb?: number;
  /**
   * Opacity of unlit LED segments, 0–1. Default 0.18.
   * @default 0.18
   */
  segmentOffAlpha?: number;
  /**
   * CSS font for the readout and labels.
   * @default "10px sans-serif" (or --meterkit-font)
   */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

/**
 * View options from appearance props plus what the component decides itself. Throws the
 * RangeError of `resolveMeterViewOptions`, prefixed with the component name.
 */
export function viewOptionsFromProps(
  component: string,
  props: MeterAppearanceProps,
  fixed: {
    kind: MeterKind;
    orientation: Orientation;
    tracks: number;
    channels: number;
    scale: MeterScaleSpec;
    reading: MeterReading;
    clipSize?: number;
    trackGap?: number;
    readoutSize: number;
  },
): ResolvedMeterViewOptions {
  return resolveMeterViewOptions(
    {
      kind: fixed.kind,
      orientation: fixed.orientation,
      tracks: fixed.tracks,
      channels: fixed.channels,
      scale: fixed.scale,
      reading: fixed.reading,
      segments: props.segments,
      segmentGap: props.segmentGap,
      channelGap: props.channelGap,
      trackGap: fixed.trackGap,
      showHold: props.showHold,
      clipSize: fixed.clipSize,
      readoutSize: fixed.readoutSize,
      staleFallDbPerSecond: props.staleFallDbPerSecond,
    },
    `${component}: `,
  );
}

/**
 * Style input from appearance props: the scale's zones unless midDb/highDb are given.
 * Validates them (TypeError / RangeError naming `component` and the prop), so a bad colour or
 * font throws during render, never later in the frame loop.
 */
export function styleFromProps(component: string, props: MeterAppearanceProps, scale: MeterScaleSpec, theme: MeterTheme): MeterStyleInput {
  checkMeterStyleInput(component, { colors: props.colors, midDb: props.midDb, highDb: props.highDb, segmentOffAlpha: props.segmentOffAlpha, font: props.font });
  checkStringProp(component, 'className', props.className);
  checkStyleObjectProp(component, props.style);
  return {
    theme,
    colors: props.colors,
    midDb: props.midDb ?? scale.zones?.midDb,
    highDb: props.highDb ?? scale.zones?.highDb,
    segmentOffAlpha: props.segmentOffAlpha,
    font: props.font,
  };
}

/** The values resolved view options are made of, in a fixed order: a change of one rebuilds the view. */
export function viewOptionsKey(o: ResolvedMeterViewOptions): readonly unknown[] {
  return [
    o.kind,
    o.orientation,
    o.tracks,
    o.channels,
    o.scale,
    o.reading,
    o.segments,
    o.segmentGap,
    o.channelGap,
    o.trackGap,
    o.showHold,
    o.clipSize,
    o.readoutSize,
    o.staleFallDbPerSecond,
  ];
}
