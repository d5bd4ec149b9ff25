/**
 * Watching a meter source's status: one poll per source however many watchers (components,
 * hooks), every {@link STATUS_POLL_MS}, telling listeners only when the value changes. Status
 * never travels per frame and never through the frame loop; a level that moves changes nothing
 * here unless it crosses the no-signal floor for long enough.
 *
 * Thread: main thread. Nothing runs at import (SSR safe); the poll timer exists only while a
 * source has watchers.
 */
import { describeValue } from '../dsp/validate';
import { meterStatus, type MeterStatusValue } from './meter-status';
import { toMeterSource, type MeterSource, type HasMeterSource } from './meter-source';
import { createGridTimer, gridNow, nextDueMs, type GridTimer } from './grid-timer';

/**
 * How often a watched source's status is recomputed, ms (5 Hz), on the page's grid timer: the
 * polls share their timer task with the meter hubs' 100 ms clip checks and 500 ms aria values.
 */
export const STATUS_POLL_MS = 200;

interface Watched {
  value: MeterStatusValue;
  readonly listeners: Set<(status: MeterStatusValue) => void>;
  timer: GridTimer | null;
}

const watched = new Map<MeterSource, Watched>();

/**
 * The status of `source` as its watchers see it: the last polled value while it is watched,
 * else computed now ({@link meterStatus}).
 */
export function currentMeterStatus(source: MeterSource | HasMeterSource | null | undefined): MeterStatusValue {
  const s = toMeterSource(source);
  if (s === null) return 'no-source';
  return watched.get(s)?.value ?? meterStatus(s);
}

/**
 * Calls `listener(status)` whenever the status of `source` changes (polled every
 * STATUS_POLL_MS; not called for the current value). Returns the unsubscribe (idempotent).
 * A null source is `'no-source'` for good: nothing to poll.
 */
export function watchMeterStatus(source: MeterSource | HasMeterSource | null | undefined, listener: (status: MeterStatusValue) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError(`watchMeterStatus: listener must be a function, got ${describeValue(listener)}`);
  const s = toMeterSource(source);
  if (s === null) return () => {};
  let w = watched.get(s);
  if (w === undefined) {
    const entry: Watched = { value: meterStatus(s), listeners: new Set(), timer: null };
    const timer = createGridTimer((dueMs) => {
      timer.at(nextDueMs(Math.max(gridNow(), dueMs), STATUS_POLL_MS));
      const next = meterStatus(s);
      if (next === entry.value) return;
      entry.value = next;
      for (const l of [...entry.listeners]) l(next);
    });
    timer.at(nextDueMs(gridNow(), STATUS_POLL_MS));
    entry.timer = timer;
    watched.set(s, entry);
    w = entry;
  }
  const entry = w;
  const own = (status: MeterStatusValue) => listener(status);
  entry.listeners.add(own);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    entry.listeners.delete(own);
    if (entry.listeners.size === 0) {
      entry.timer?.cancel();
      watched.delete(s);
    }
  };
}

/** Sources whose status is being polled right now (diagnostics, leak tests). */
export function watchedStatusCount(): number {
  return watched.size;
}
