/**
 * Why is the meter silent? The status of a meter source, one of {@link METER_STATUS_VALUES}:
 *
 * | status | when (checked in this order) |
 * | --- | --- |
 * | `'no-source'` | no source (null / undefined), its engine was disposed, or its context is closed |
 * | `'error'` | the engine failed: the processor reported an error or stopped on the audio thread |
 * | `'suspended'` | the audio context is `suspended` (autoplay policy, `context.suspend()`) or `interrupted` |
 * | `'stale'` | the context runs but the bank's heartbeat has not moved for more than the reader's `staleAfterMs` (default 250 ms), or the processor has not started / has stopped |
 * | `'no-signal'` | live, but every channel of every track has stayed below `floorDb` (default −90 dBFS, decaying peak and RMS) for `noSignalMs` (default 2000 ms) |
 * | `'live'` | otherwise: the clock moves and some channel is above the floor (or has been within `noSignalMs`) |
 *
 * A source without platform knowledge (a hand-written `MeterBankReader`, a manual bank) is
 * never `suspended` or `error`. Status is computed on demand (`meterStatus`, the reader's
 * `status`), never per frame by meterkit itself: `useMeterStatus` polls it at 5 Hz.
 *
 * Thread: main thread (or any thread holding the source). No allocation per call after the
 * first call for a source (one small record per source in a WeakMap).
 */
import { checkNumber, checkOptions, describeValue } from '../dsp/validate';
import { CHANNEL_STRIDE, C_DECAY, C_RMS, T_CHANNELS, trackBase, type BankLayout } from './bank/layout';
import { toMeterSource, hasReadInto, type MeterSource, type HasMeterSource } from './meter-source';

/** The status values, most fundamental first. */
export const METER_STATUS_VALUES = ['live', 'no-signal', 'suspended', 'stale', 'no-source', 'error'] as const;
/** Why a meter shows what it shows; see the module comment for the exact rules. */
export type MeterStatusValue = (typeof METER_STATUS_VALUES)[number];

/** What a source may know about its platform (an engine's bank does): null when nothing is wrong. */
export type PlatformStatus = () => 'no-source' | 'error' | 'suspended' | null;

/** Options of {@link meterStatus}. */
export interface MeterStatusOptions {
  /** Level below which a channel counts as no signal, dBFS (−200 to 0). Default −90. */
  floorDb?: number;
  /** How long every channel must stay below the floor before `'no-signal'`, ms (0 to 3,600,000). Default 2000. */
  noSignalMs?: number;
  /** The time, ms on the `performance.now()` timeline. Default `performance.now()`. */
  nowMs?: number;
}

export const DEFAULT_NO_SIGNAL_FLOOR_DB = -90;
export const DEFAULT_NO_SIGNAL_MS = 2000;

/** The part of a source meterStatus reads (a MeterBankReader has all of it). */
interface StatusSource extends MeterSource {
  readonly words?: Int32Array;
  readonly layout?: BankLayout;
  isStale?(): boolean;
  platformStatus?: PlatformStatus;
}

const lastSignalAt = new WeakMap<object, { t: number }>();
const bits = new Int32Array(1);
const asFloat = new Float32Array(bits.buffer);

function floatAt(words: Int32Array, index: number): number {
  bits[0] = Atomics.load(words, index);
  return asFloat[0];
}

/** Highest decaying peak or RMS (linear) over every channel of every track; observes only (takes no peak). */
function signalLevel(words: Int32Array, layout: BankLayout): number {
  let max = 0;
  for (let t = 0; t < layout.tracks; t++) {
    const base = trackBase(layout, t) + T_CHANNELS;
    for (let c = 0; c < layout.channels; c++) {
      const d = floatAt(words, base + c * CHANNEL_STRIDE + C_DECAY);
      const r = floatAt(words, base + c * CHANNEL_STRIDE + C_RMS);
      if (d > max) max = d;
      if (r > max) max = r;
    }
  }
  return max;
}

function isSource(value: unknown): value is MeterSource | HasMeterSource {
  return hasReadInto(value) || (value !== null && typeof value === 'object' && hasReadInto((value as { bank?: unknown }).bank));
}

/**
 * The status of `source` (an engine, a `MeterBankReader`, a manual bank's `source`, or
 * null) right now. Throws TypeError for something that is not a source, RangeError for bad
 * options. `'no-signal'` needs history: it counts from the first call for that source.
 */
export function meterStatus(source: MeterSource | HasMeterSource | null | undefined, options?: MeterStatusOptions): MeterStatusValue {
  if (source !== null && source !== undefined && !isSource(source)) {
    throw new TypeError(`meterStatus: source must be an engine, a meter source (with readInto) or null, got ${describeValue(source)}`);
  }
  let floorDb = DEFAULT_NO_SIGNAL_FLOOR_DB;
  let noSignalMs = DEFAULT_NO_SIGNAL_MS;
  let nowMs: number | undefined;
  if (options !== undefined) {
    checkOptions('meterStatus', options, 'floorDb, noSignalMs or nowMs');
    if (options.floorDb !== undefined) floorDb = checkNumber('meterStatus: floorDb', options.floorDb, -200, 0, 'dBFS');
    if (options.noSignalMs !== undefined) noSignalMs = checkNumber('meterStatus: noSignalMs', options.noSignalMs, 0, 3_600_000, 'ms');
    if (options.nowMs !== undefined) nowMs = checkNumber('meterStatus: nowMs', options.nowMs, -1e15, 1e15, 'ms');
  }
  const s = toMeterSource(source) as StatusSource | null;
  if (s === null) return 'no-source';
  const platform = typeof s.platformStatus === 'function' ? s.platformStatus() : null;
  if (platform !== null) return platform;
  if (typeof s.isStale === 'function' && s.isStale()) return 'stale';
  if (!(s.words instanceof Int32Array) || s.layout === undefined) return 'live';
  const now = nowMs ?? (typeof performance !== 'undefined' ? performance.now() : Date.now());
  let seen = lastSignalAt.get(s);
  if (seen === undefined) {
    seen = { t: now };
    lastSignalAt.set(s, seen);
  }
  const floor = Math.pow(10, floorDb / 20);
  if (signalLevel(s.words, s.layout) > floor) {
    seen.t = now;
    return 'live';
  }
  return now - seen.t >= noSignalMs ? 'no-signal' : 'live';
}

/** Human-readable reason of a status, as `<MeterStatus>` and the docs say it. */
export function meterStatusText(status: MeterStatusValue): string {
  switch (status) {
    case 'live':
      return 'Live';
    case 'no-signal':
      return 'No signal';
    case 'suspended':
      return 'Audio suspended';
    case 'stale':
      return 'Audio stalled: no measurements arriving';
    case 'no-source':
      return 'No audio source';
    case 'error':
      return 'Metering failed';
    default:
      throw new RangeError(`meterStatusText: status must be one of ${METER_STATUS_VALUES.map((v) => `"${v}"`).join(', ')}, got ${describeValue(status)}`);
  }
}
