/**
 * Options of the level meter view ({@link MeterView}): their defaults, stated once, and the one
 * validation at the boundary. Components and factories resolve options here; the view takes
 * the resolved result and never re-checks it.
 *
 * Thread: any.
 */
import { checkInteger, checkNumber, checkOneOf, checkOptions } from '../../dsp/validate';
import { DEFAULT_FALL_DB_PER_SECOND } from '../../dsp/level-meter';
import { type MeterScaleSpec, DIGITAL_SCALE } from '../render/scale';
import type { Orientation } from '../render/geometry';
import { MAX_TRACKS, MAX_CHANNELS } from '../bank/layout';

export type MeterKind = 'led' | 'bar';
/** What a meter shows: the decaying peak, the RMS, or the engine's ballistics preset (PPM, VU, K). */
export type MeterReading = 'peak' | 'rms' | 'ballistic';

/** Layout and behaviour of a level meter view. Sizes in CSS pixels. */
export interface MeterViewOptions {
  /** `led` (segments) or `bar` (continuous with a hold line). Default `led`. */
  kind?: MeterKind;
  /** Default `vertical`. */
  orientation?: Orientation;
  /** Tracks drawn side by side on this canvas, 1 to 1024. Default 1. */
  tracks?: number;
  /** Channels per track, 1 to 8. Default 2. */
  channels?: number;
  /** Default {@link DIGITAL_SCALE} (-60..0 dBFS). */
  scale?: MeterScaleSpec;
  /** What the bar shows: `peak` (decaying peak, default), `rms`, or `ballistic` (the engine's ballistics preset). */
  reading?: MeterReading;
  /** LED segments per channel, 2 to 200. Default 30. */
  segments?: number;
  /** Gap between LED segments, CSS px (0 to 10). Default 1. */
  segmentGap?: number;
  /** Gap between channels of a track, CSS px (0 to 50). Default 2. */
  channelGap?: number;
  /** Gap between tracks, CSS px (0 to 100). Default 6. */
  trackGap?: number;
  /** Peak-hold indication. Default true. */
  showHold?: boolean;
  /** Clip LED per channel at the far end, this many CSS px long (0 = none, up to 40). Default 6. */
  clipSize?: number;
  /** Numeric peak-hold readout per track at the far end, this many CSS px long (0 = none, up to 40). Default 0. */
  readoutSize?: number;
  /**
   * Fall of the display when the audio clock stops (stale snapshots), dB/s (0 to 100000).
   * Default 20 dB / 1.7 s. Not the engine's decaying-peak fall (`fallDbPerSecond`).
   */
  staleFallDbPerSecond?: number;
}

/** Options after {@link resolveMeterViewOptions}: every field present and valid. Plain data (structured-cloneable). */
export type ResolvedMeterViewOptions = Readonly<Required<MeterViewOptions>>;

const DEFAULTS: ResolvedMeterViewOptions = {
  kind: 'led',
  orientation: 'vertical',
  tracks: 1,
  channels: 2,
  scale: DIGITAL_SCALE,
  reading: 'peak',
  segments: 30,
  segmentGap: 1,
  channelGap: 2,
  trackGap: 6,
  showHold: true,
  clipSize: 6,
  readoutSize: 0,
  staleFallDbPerSecond: DEFAULT_FALL_DB_PER_SECOND,
};

/**
 * Validates view options and fills the defaults. Throws a RangeError (TypeError for a scale
 * that is not one) naming the option (prefixed with `prefix`, e.g. "LedMeter: "), the value
 * received and the valid range.
 */
export function resolveMeterViewOptions(o: MeterViewOptions, prefix = ''): ResolvedMeterViewOptions {
  checkOptions(prefix === '' ? 'resolveMeterViewOptions' : prefix.replace(/[.:]\s*$/, ''), o, 'tracks and channels (or {} for the defaults)');
  const r = { ...DEFAULTS } as Required<MeterViewOptions>;
  for (const key of Object.keys(o) as (keyof MeterViewOptions)[]) {
    if (o[key] !== undefined) (r as unknown as Record<string, unknown>)[key] = o[key];
  }
  const n = (name: string) => prefix + name;
  checkOneOf(n('kind'), r.kind, ['led', 'bar'] as const);
  checkOneOf(n('orientation'), r.orientation, ['vertical', 'horizontal'] as const);
  checkOneOf(n('reading'), r.reading, ['peak', 'rms', 'ballistic'] as const);
  checkInteger(n('tracks'), r.tracks, 1, MAX_TRACKS);
  checkInteger(n('channels'), r.channels, 1, MAX_CHANNELS);
  checkInteger(n('segments'), r.segments, 2, 200);
  checkNumber(n('segmentGap'), r.segmentGap, 0, 10, 'px');
  checkNumber(n('channelGap'), r.channelGap, 0, 50, 'px');
  checkNumber(n('trackGap'), r.trackGap, 0, 100, 'px');
  checkNumber(n('clipSize'), r.clipSize, 0, 40, 'px');
  checkNumber(n('readoutSize'), r.readoutSize, 0, 40, 'px');
  checkNumber(n('staleFallDbPerSecond'), r.staleFallDbPerSecond, 0, 100_000, 'dB/s');
  if (typeof r.scale !== 'object' || r.scale === null || !Array.isArray(r.scale.breakpoints)) {
    throw new TypeError(`${n('scale')} must be a scale from createDbScale() or a preset such as DIGITAL_SCALE`);
  }
  return r;
}
