/**
 * Options of the level kernel ({@link LevelMeter} in level-meter.ts): the option types, their
 * defaults (stated once), their validation, and the RMS ring geometry shared with the
 * correlation meter.
 *
 * Thread: `resolveLevelOptions` runs at construction (main thread or processor set-up), never
 * per block; `rmsRingGeometry` is pure and allocates one small object.
 */
import { checkInteger, checkNumber, checkBoolean, checkOptions } from './validate';

/** Measurement options of the level kernel. Every field is optional except `sampleRate`. */
export interface LevelMeterOptions {
  /** Sample rate of the signal in Hz (1 to 1,000,000). Required. */
  sampleRate: number;
  /**
   * Fall rate of the decaying peak in dB per second (0 to 100,000; 0 = never falls).
   * Default {@link DEFAULT_FALL_DB_PER_SECOND}: 20 dB in 1.7 s, the IEC 60268-18 digital
   * peak programme meter return time.
   */
  fallDbPerSecond?: number;
  /**
   * How long the peak-hold value stays at a maximum, in ms (0 to 3,600,000, or `Infinity` =
   * until cleared). After the hold time the hold value follows the decaying peak down.
   * Default 1500 ms.
   */
  holdMs?: number;
  /** Length of the sliding RMS window in ms (1 to 10,000). Default 300 ms. */
  rmsWindowMs?: number;
  /**
   * AES-17 sine alignment: add 3.01 dB to RMS so a sine reads the same RMS as its peak.
   * Default false (plain RMS: a full-scale sine reads -3.01 dBFS).
   */
  rmsSineAligned?: boolean;
  /** Over (clip) threshold in dBFS (-120 to +24). A sample counts at or above it. Default 0. */
  overThresholdDb?: number;
  /**
   * Consecutive samples at or above the threshold before samples count as overs (1 to 1000).
   * With N > 1, a run of L ≥ N such samples adds L − N + 1 to the over count. Default 1.
   */
  overConsecutive?: number;
}

/** 20 dB in 1.7 s (IEC 60268-18 digital peak meter return time), ≈ 11.76 dB/s. */
export const DEFAULT_FALL_DB_PER_SECOND = 20 / 1.7;

/** Defaults of every optional level option, stated once. */
export const LEVEL_DEFAULTS = Object.freeze({
  fallDbPerSecond: DEFAULT_FALL_DB_PER_SECOND,
  holdMs: 1500,
  rmsWindowMs: 300,
  rmsSineAligned: false,
  overThresholdDb: 0,
  overConsecutive: 1,
});

/** Level options with every default filled in and every value validated. */
export type ResolvedLevelOptions = Required<LevelMeterOptions>;

/**
 * Validates level options and fills defaults.
 * Throws `RangeError` naming the option, the value received and the valid range.
 */
export function resolveLevelOptions(options: LevelMeterOptions): ResolvedLevelOptions {
  checkOptions('LevelMeter', options, 'sampleRate');
  const o = { ...LEVEL_DEFAULTS, ...stripUndefined(options) } as ResolvedLevelOptions;
  checkNumber('sampleRate', o.sampleRate, 1, 1_000_000, 'Hz');
  checkNumber('fallDbPerSecond', o.fallDbPerSecond, 0, 100_000, 'dB/s');
  checkNumber('holdMs', o.holdMs, 0, 3_600_000, 'ms', true);
  checkNumber('rmsWindowMs', o.rmsWindowMs, 1, 10_000, 'ms');
  checkBoolean('rmsSineAligned', o.rmsSineAligned);
  checkNumber('overThresholdDb', o.overThresholdDb, -120, 24, 'dBFS');
  checkInteger('overConsecutive', o.overConsecutive, 1, 1000);
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] !== undefined) out[key] = o[key];
  return out;
}

/** Maximum number of sub-block sums in the RMS ring. */
const MAX_RMS_SLOTS = 1024;

/**
 * Splits an RMS window of `windowSamples` into `slots` sub-blocks of `slotSamples` each, so
 * the ring stays small whatever the window and rate. The slot length is the smallest divisor
 * of the window that keeps the ring at most 1024 slots; when the window has no such divisor,
 * the window is rounded to the nearest whole number of slots (error < 0.1 %).
 */
export function rmsRingGeometry(windowSamples: number): { slotSamples: number; slots: number } {
  checkNumber('rmsRingGeometry: windowSamples', windowSamples, 0, 1e10);
  const w = Math.max(1, Math.round(windowSamples));
  const minSlot = Math.ceil(w / MAX_RMS_SLOTS);
  for (let s = minSlot; s <= minSlot * 2; s++) if (w % s === 0) return { slotSamples: s, slots: w / s };
  return { slotSamples: minSlot, slots: Math.max(1, Math.round(w / minSlot)) };
}

/**
 * When a sub-block sum more than 2^20 times the remaining window sum leaves the ring, the running
 * sum is re-added from the ring instead of trusted (its error is up to 2^-53 of what left, i.e.
 * more than 2^-33 of what stays). Huge finite samples (3.4e38, 1e30) thus never leave the RMS
 * reading at ~0 after they pass: it recovers within its window, as after NaN. Each re-sum costs
 * one pass over ≤ 1024 slots and needs a 60 dB drop within one slot, so at most ~28 happen per
 * window even for adversarial input; ordinary programme triggers one only when it drops 60 dB
 * within one slot (a tone cut to digital silence), which also returns the sum to exactly 0.
 */
export const CANCELLATION_RATIO = 2 ** 20;

/** Σ of a ring of sums, in index order (the exact re-sum after a cancellation). */
export function sumOf(ring: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) sum += ring[i];
  return sum;
}
