'use client';
/**
 * A one-third-octave real-time analyser of one track: 31 bars from 20 Hz to 20 kHz (IEC
 * 61260-1 base-10 bands, class 1 filters, measured on the audio thread) with peak-hold caps, a
 * dB scale and band labels. The engine must analyse the track (`spectrum: [track]`); pass the
 * engine (or `engine.spectrumWords`) as `spectrum`.
 *
 * `role="img"`, its `aria-label` naming the loudest band and its level, updated at 2 Hz
 * directly on the element (never React state). Drawn on canvas when a bar moves; never
 * re-renders React. Paints in the render worker where the spectrum bank is shared; with the
 * message transport (a plain block on this thread) it paints here.
 */
import { useMemo, useRef, forwardRef, type CSSProperties } from 'react';
import {
  SPECTRUM_VIEWS,
  checkNumber,
  checkMeterStyleInput,
  resolveSpectrumOptions,
  spectrumWordsOf,
  watchTrackDom,
  SpectrumBankReader,
  THIRD_OCTAVE_BANDS,
  type SpectrumOptionsInput,
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
import { useMeterSuspended } from './use-meter-status';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';

export interface SpectrumMeterOwnProps extends Omit<SpectrumOptionsInput, 'track'> {
  /**
   * Bank track, 0-based; it must be in the engine's `spectrum` option.
   * @default 0
   */
  track?: number;
  /**
   * Source of the track's stale state (the bars fall while audio is suspended).
   * @default the nearest MeterProvider's source
   */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Accessible name.
   * @default Spectrum
   */
  label?: string;
  /**
   * CSS width, px.
   * @default 400
   */
  width?: number;
  /**
   * CSS height, px (the band labels included).
   * @default 200
   */
  height?: number;
  /**
   * Where the canvas paints: `'auto'`, `'worker'` or `'main'` (main with the message transport).
   * @default the provider's mode, else 'auto'
   */
  render?: RenderMode;
  /** @default the screen's */
  pixelRatio?: number;
  /**
   * Palette: `'dark'`, `'light'` or `'auto'` (prefers-color-scheme).
   * @default the provider's theme, else 'dark'
   */
  theme?: MeterThemeSetting;
  /**
   * `low` (bars), `hold` (caps; empty: `high`), `track` (grid lines), `text` (labels).
   * @default the theme's palette
   */
  colors?: Partial<MeterColors>;
  /** CSS font of the labels. @default 10px sans-serif (or --meterkit-font) */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

/** SpectrumMeter's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type SpectrumMeterProps = SpectrumMeterOwnProps & DomProps<SpectrumMeterOwnProps>;

const OWN_KEYS = [
  'track',
  'source',
  'label',
  'width',
  'height',
  'render',
  'pixelRatio',
  'theme',
  'colors',
  'font',
  'className',
  'style',
  'spectrum',
  'minDb',
  'maxDb',
  'scaleStepDb',
  'showHold',
  'tiltDbPerOctave',
  'staleFallDbPerSecond',
] as const satisfies readonly (keyof SpectrumMeterOwnProps)[];
const _everyOwnKey: ListsEveryKey<SpectrumMeterOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);
const QUIET = 1e9;

export const SpectrumMeter = /* @__PURE__ */ forwardRef<HTMLDivElement, SpectrumMeterProps>(function SpectrumMeter(props, ref) {
  const { track = 0, pixelRatio } = props;
  const source = useMeterSource(props.source, 'SpectrumMeter');
  checkTrackProp('SpectrumMeter', track, source);
  checkPixelRatioProp('SpectrumMeter', pixelRatio);
  checkMeterStyleInput('SpectrumMeter', { colors: props.colors, font: props.font });
  checkStringProp('SpectrumMeter', 'label', props.label);
  checkStringProp('SpectrumMeter', 'className', props.className);
  checkStyleObjectProp('SpectrumMeter', props.style);
  const width = checkNumber('SpectrumMeter: width', props.width ?? 400, 120, 8000, 'px');
  const height = checkNumber('SpectrumMeter: height', props.height ?? 200, 60, 4000, 'px');
  const words = spectrumWordsOf(props.spectrum);
  const { minDb, maxDb, scaleStepDb, showHold, tiltDbPerOctave, staleFallDbPerSecond } = props;
  const options = useMemo(
    () => resolveSpectrumOptions('SpectrumMeter', { track, spectrum: words, minDb, maxDb, scaleStepDb, showHold, tiltDbPerOctave, staleFallDbPerSecond }),
    [track, words, minDb, maxDb, scaleStepDb, showHold, tiltDbPerOctave, staleFallDbPerSecond],
  );
  const requested = useRenderMode('SpectrumMeter', props.render);
  const theme = useMeterTheme('SpectrumMeter', props.theme);
  const render = renderModeForBuffer(requested, words);
  const suspended = useMeterSuspended(source);
  const { canvasRef, canvasKey } = useCanvasView({
    spec: { type: 'spectrum', options },
    views: SPECTRUM_VIEWS,
    specKey: [options],
    source,
    tracks: [track],
    style: { theme, colors: props.colors, font: props.font },
    pixelRatio,
    render,
  });
  const imgRef = useRef<HTMLDivElement | null>(null);
  const label = props.label ?? 'Spectrum';

  // aria at 2 Hz: "Spectrum, loudest band 1k at -6 dB"; "… no signal" when stale or silent.
  useIsomorphicLayoutEffect(() => {
    const el = imgRef.current;
    const spectrum = options.spectrum;
    if (source === null || el === null || spectrum === null) return;
    const reader = new SpectrumBankReader(spectrum.words);
    const levels = new Float32Array(31);
    const holds = new Float32Array(31);
    return watchTrackDom(source, track, [
      {
        intervalMs: 500,
        key(trackLevels) {
          if (trackLevels.stale || reader.readInto(spectrum.slot, levels, holds) <= 0) return QUIET;
          let best = 0;
          for (let b = 1; b < 31; b++) if (levels[b] > levels[best]) best = b;
          return levels[best] > options.minDb ? best * 1000 + Math.round(levels[best]) + 500 : QUIET;
        },
        write(key) {
          if (key === QUIET) el.setAttribute('aria-label', `${label}, no signal`);
          else el.setAttribute('aria-label', `${label}, loudest band ${THIRD_OCTAVE_BANDS[Math.floor(key / 1000)].label} Hz at ${(key % 1000) - 500} dB`);
        },
      },
    ]);
  }, [source, track, label, options]);

  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      className={props.className}
      data-meterkit="SpectrumMeter"
      data-suspended={suspended ? 'true' : undefined}
      style={{ display: 'inline-block', width, ...props.style }}
    >
      <div ref={imgRef} role="img" aria-label={`${label}, no signal`} style={{ width, height }}>
        <canvas
          key={canvasKey}
          ref={canvasRef}
          aria-hidden="true"
          style={{ display: 'block', width: '100%', height: '100%', ...(suspended ? SUSPENDED_STYLE : null) }}
        />
      </div>
    </div>
  );
});
