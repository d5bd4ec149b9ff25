/**
 * What a read of one track delivers: the {@link TrackLevels} snapshot object (one key per
 * schema field) and the flat field order of `readFieldsInto`.
 *
 * Thread: any; allocation only in {@link createTrackLevels}.
 */
import { checkInteger } from '../../dsp/validate';
import { MAX_CHANNELS, CHANNEL_STRIDE, EXTRA_WORDS } from './layout';

/**
 * A snapshot of one track. Levels are linear amplitude (1.0 = 0 dBFS), per channel.
 * Create with {@link createTrackLevels}; fill with {@link MeterBankReader.readInto}.
 */
export interface TrackLevels {
  /** Number of channels (length of every per-channel array). */
  readonly channels: number;
  /**
   * Sample peak: max |x| over the samples since the consuming reader's previous read of this
   * track (for the consuming reader itself: 0 when nothing new was published since).
   */
  readonly peak: Float32Array;
  /** Decaying peak (ballistic peak level). */
  readonly decayingPeak: Float32Array;
  /** Peak-hold value. */
  readonly hold: Float32Array;
  /** Sliding-window RMS. */
  readonly rms: Float32Array;
  /** Samples at or above the over threshold since the last clear (latched). */
  readonly overs: Uint32Array;
  /** NaN/±Infinity samples since the last clear; excluded from every measure. */
  readonly nonFinite: Uint32Array;
  /**
   * The indication of the engine's ballistics preset (PPM, VU, K-system), linear: a steady
   * sine reads its amplitude. Equals `decayingPeak` for the digital peak preset.
   */
  readonly ballistic: Float32Array;
  /** Momentary loudness, LUFS (-Infinity until measured; NaN when loudness is off for this track). */
  momentary: number;
  /** Short-term loudness, LUFS. */
  shortTerm: number;
  /** Integrated loudness since reset, LUFS. */
  integrated: number;
  /** Loudness range since reset, LU. */
  loudnessRange: number;
  /** True peak since reset, dBTP. */
  truePeak: number;
  /** Phase correlation, -1..+1 (NaN when correlation is off). */
  correlation: number;
  /** Stereo balance, -1 (left) .. +1 (right) (NaN when correlation is off). */
  balance: number;
  /** Seconds in the current integrated / LRA measurement (NaN when loudness is off). */
  loudnessSeconds: number;
  /** Publish number of this snapshot (increases by one per writer publish, wraps at 2^32). */
  publish: number;
  /** True when the audio clock has stopped: context suspended or closed, node disposed. */
  stale: boolean;
}

/** Allocates a snapshot for `channels` channels (1 to MAX_CHANNELS = 8). Allocate once, reuse every frame. */
export function createTrackLevels(channels: number): TrackLevels {
  checkInteger('channels', channels, 1, MAX_CHANNELS);
  return {
    channels,
    peak: new Float32Array(channels),
    decayingPeak: new Float32Array(channels),
    hold: new Float32Array(channels),
    rms: new Float32Array(channels),
    overs: new Uint32Array(channels),
    nonFinite: new Uint32Array(channels),
    ballistic: new Float32Array(channels),
    momentary: NaN,
    shortTerm: NaN,
    integrated: NaN,
    loudnessRange: NaN,
    truePeak: NaN,
    correlation: NaN,
    balance: NaN,
    loudnessSeconds: NaN,
    publish: 0,
    stale: true,
  };
}

/**
 * Number of values `MeterBankReader.readFieldsInto` writes for a bank's track: per channel the
 * CHANNEL_FIELDS, then the TRACK_FIELDS (schema.ts), in schema order.
 */
export function fieldCount(channels: number): number {
  return channels * CHANNEL_STRIDE + EXTRA_WORDS;
}
