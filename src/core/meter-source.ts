/**
 * What meter components read: anything with tracks, channels and a zero-allocation
 * `readInto`. A `MeterBankReader` (e.g. `engine.bank`) is one; so is a manual bank for demos,
 * tests and frozen screenshots.
 */
import type { TrackLevels } from './bank/reader';
import { describeValue } from '../dsp/validate';
import type { WorkerSourceLink } from './render-worker/protocol';

export interface MeterSource {
  readonly tracks: number;
  readonly channels: number;
  /** Copies a consistent snapshot of `track` into `out`; false if none was available (out untouched). */
  readInto(track: number, out: TrackLevels): boolean;
  /**
   * Optional: a counter that changes whenever any track's over count changes (new overs or a
   * reset). With {@link clipped} it lets clip indicators check every track for one read when
   * nothing changed. An engine's `bank` and a manual bank's `source` have both.
   */
  oversGeneration?(): number;
  /** Optional (with oversGeneration): 1 when `track` has a latched over on any channel, else 0. */
  clipped?(track: number): number;
  /** Clears the clip latch of one track, or of all. */
  clearOvers(track?: number): void;
  /** Drops the peak holds of one track, or of all. */
  clearHolds(track?: number): void;
  /** Restarts the integrated loudness measurement of one track, or of all (where loudness is measured). */
  resetLoudness?(track?: number): void;
  /** Optional: the frame clock for staleness checks during a frame's reads; null after. */
  setFrameClock?(clock: { readonly nowMs: number } | null): void;
  /**
   * Optional: lets the render worker read this source itself (a consumer slot of a shared
   * bank, or a port its snapshots are posted to); null when it cannot right now. Sources
   * without it are painted on the main thread. An engine's `bank` and a manual bank's `source`
   * have it.
   */
  linkForWorker?(): WorkerSourceLink | null;
  /**
   * Optional: what the platform knows (an engine's bank has it): `'no-source'` (engine
   * disposed, context closed), `'error'`, `'suspended'`, or null. See meter-status.ts.
   */
  readonly platformStatus?: (() => 'no-source' | 'error' | 'suspended' | null) | undefined;
  /**
   * Optional: how long after measurement this source shows a reading, ms — a
   * {@link DelayedSource}'s delay (an engine's `meterSource` when output-aligned). Views that
   * read buffers of their own (the spectrum) delay them by as much. Absent: 0.
   */
  readonly delayMs?: number;
}

/** A MeterEngine-like object: anything with a `bank` that is a MeterSource (and optionally the `meterSource` to show). */
export interface HasMeterSource {
  readonly bank: MeterSource;
  /** What to show instead of `bank` (an engine's output-aligned view of it). */
  readonly meterSource?: MeterSource;
}

/** True for an object with a `readInto` function: the shape every MeterSource has. */
export function hasReadInto(value: unknown): value is MeterSource {
  return value !== null && typeof value === 'object' && typeof (value as MeterSource).readInto === 'function';
}

/**
 * Accepts an engine (its `meterSource` — the bank aligned with the output — else its `bank`)
 * or a source; null / undefined give null. Throws a TypeError for anything else (a string, an
 * object without `readInto`).
 */
export function toMeterSource(value: MeterSource | HasMeterSource | null | undefined): MeterSource | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const shown = (value as { meterSource?: unknown }).meterSource;
    if (hasReadInto(shown)) return shown;
    const bank = (value as { bank?: unknown }).bank;
    if (hasReadInto(bank)) return bank;
    if (hasReadInto(value)) return value;
  }
  throw new TypeError(`toMeterSource: source must be a meter engine, a meter source (with readInto) or null, got ${describeValue(value)}`);
}
