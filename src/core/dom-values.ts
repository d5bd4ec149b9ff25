/**
 * Per-frame DOM output of the components — numeric readouts, throttled aria values, clip
 * state — through one helper: each value is recomputed at most every `intervalMs` of frame
 * time, reduced to a number key, and written to the DOM only when that key changes. Writes go
 * straight to elements, never through React state.
 *
 * Thread: main thread. No allocation per frame (aria strings are cached per value).
 */
import { checkNumber, checkOptions, describeValue } from '../dsp/validate';
import type { TrackLevels } from './bank/reader';
import type { MeterSource } from './meter-source';
import { getMeterHub, checkHubArgs, nextDueMs } from './meter-hub';
import { getFrameLoop, type FrameLoop } from './frame-loop';

/** A value shown in the DOM from a track's snapshots. */
export interface TrackDomValue {
  /** Minimum ms of frame time between recomputations; 0 = every frame. */
  readonly intervalMs: number;
  /** What would be shown, as a number (not NaN): equal keys write nothing. */
  key(levels: TrackLevels): number;
  /** Writes what `key` shows. */
  write(key: number, levels: TrackLevels): void;
}

/** The unsubscribe function of {@link watchTrackDom}, with `refresh()`: recompute every value at the next frame. */
export type TrackDomWatch = (() => void) & { refresh(): void };

/**
 * Keeps `values` of `track` current in the DOM (one hub subscription on `loop`, served no more
 * often than the most frequent value needs). Returns the unsubscribe, whose `refresh()` makes
 * every value recompute at the next frame (e.g. right after a reset click).
 */
export function watchTrackDom(source: MeterSource, track: number, values: readonly TrackDomValue[], loop: FrameLoop = getFrameLoop()): TrackDomWatch {
  checkHubArgs('watchTrackDom', source, loop);
  if (!Array.isArray(values)) throw new TypeError(`watchTrackDom: values must be an array of { intervalMs, key, write }, got ${describeValue(values)}`);
  values.forEach((v: TrackDomValue, k: number) => {
    if (typeof v !== 'object' || v === null || typeof v.key !== 'function' || typeof v.write !== 'function') {
      throw new TypeError(`watchTrackDom: values[${k}] must be { intervalMs, key(levels), write(key, levels) }, got ${describeValue(v)}`);
    }
    checkNumber(`watchTrackDom: values[${k}].intervalMs`, v.intervalMs, 0, 60_000, 'ms');
  });
  const n = values.length;
  const state = new Float64Array(2 * n).fill(NaN); // [next time, last key] per value
  for (let k = 0; k < n; k++) state[2 * k] = -Infinity;
  // The hub serves this track no more often than the most frequent value needs.
  let every = Infinity;
  for (let k = 0; k < n; k++) if (values[k].intervalMs < every) every = values[k].intervalMs;
  const hub = getMeterHub(source, loop);
  const off = hub.subscribe(
    track,
    (levels, clock) => {
      const now = clock.nowMs;
      for (let k = 0; k < n; k++) {
        if (now < state[2 * k]) continue;
        const v = values[k];
        // Due as the hub computes it (so the two never miss each other).
        state[2 * k] = nextDueMs(now, v.intervalMs);
        const key = v.key(levels);
        if (key === state[2 * k + 1]) continue;
        state[2 * k + 1] = key;
        v.write(key, levels);
      }
    },
    n === 0 ? 0 : every,
  );
  return Object.assign(off, {
    refresh() {
      for (let k = 0; k < n; k++) state[2 * k] = -Infinity;
      hub.wake(track);
    },
  });
}

/**
 * Keeps a clip display of `track` current: `write(clipped)` with 1 (a latched over on some
 * channel) or 0 at the next frame and whenever the latch changes, checked every
 * CLIP_CHECK_MS (10 Hz) through the hub's clip lane — one word read for all tracks of an
 * engine while no over count changed. Returns the unsubscribe, whose `refresh()` re-reads the
 * latch at the next frame (e.g. right after a reset click).
 */
export function watchTrackClip(source: MeterSource, track: number, write: (clipped: number) => void, loop: FrameLoop = getFrameLoop()): TrackDomWatch {
  checkHubArgs('watchTrackClip', source, loop);
  if (typeof write !== 'function') throw new TypeError(`watchTrackClip: write must be a function (clipped: 0 | 1) => void, got ${describeValue(write)}`);
  const hub = getMeterHub(source, loop);
  const off = hub.subscribeClip(track, write);
  return Object.assign(off, {
    refresh() {
      hub.wake(track);
    },
  });
}

/** Options of {@link levelAria}. */
export interface LevelAriaOptions {
  minDb: number;
  maxDb: number;
  reading?: 'peak' | 'rms' | 'ballistic';
  /** Default 500 ms (≈ 2 Hz). */
  intervalMs?: number;
  /** Unit spoken after the value. Default "dBFS". */
  unit?: string;
  /**
   * The source shown: when its `platformStatus()` says `'suspended'` the text is "audio
   * suspended" (not "silent") and the element gets `data-meter-status="suspended"`.
   */
  source?: MeterSource | null;
}

const valueText = new Map<number, string>();
const valueNow = new Map<number, string>();
const SILENT_KEY = 1e7;
/** The context is suspended: "audio suspended", whatever the (stale) levels say. */
const SUSPENDED_KEY = 1e7 + 1;

function ariaValueNow(tenths: number): string {
  let now = valueNow.get(tenths);
  if (now === undefined) {
    now = String(tenths / 10);
    valueNow.set(tenths, now);
  }
  return now;
}

/** Texts of levels within ±CACHED_TENTHS / 10 dB are kept (the cache stays bounded); others are built when needed. */
const CACHED_TENTHS = 2000;
/** Levels are spoken up to this many dB (a float sample's largest level is about +770 dBFS). */
const MAX_SPOKEN_DB = 999;

function ariaValueText(tenths: number, silent: boolean, clipped: boolean, unit: string, suspended = false): string {
  const key = (suspended ? SUSPENDED_KEY : silent ? SILENT_KEY : tenths) * 2 + (clipped ? 1 : 0);
  const cached = unit === 'dBFS' && (suspended || silent || (tenths >= -CACHED_TENTHS && tenths <= CACHED_TENTHS));
  let text = cached ? valueText.get(key) : undefined;
  if (text === undefined) {
    text = (suspended ? 'audio suspended' : silent ? 'silent' : `${(tenths / 10).toFixed(1)} ${unit}`) + (clipped ? ', clipped' : '');
    if (cached) valueText.set(key, text);
  }
  return text;
}

/**
 * `aria-valuenow` / `aria-valuetext` of a `role="meter"` element showing a track's level: the
 * highest channel level in dBFS to 0.1 dB — `aria-valuenow` clamped to [minDb, maxDb] (the
 * element's range), the text the level itself, such as "-12.4 dBFS, clipped", "3.0 dBFS" above
 * the scale's top, or "silent".
 */
export function levelAria(el: Element, options: LevelAriaOptions): TrackDomValue {
  if (typeof el !== 'object' || el === null || typeof (el as Element).setAttribute !== 'function') {
    throw new TypeError(`levelAria: el must be a DOM element, got ${describeValue(el)}`);
  }
  checkOptions('levelAria', options, 'minDb and maxDb');
  const { minDb, maxDb, reading = 'peak', intervalMs = 500, unit = 'dBFS', source = null } = options;
  checkNumber('levelAria: minDb', minDb, -1000, 1000, 'dB');
  checkNumber(`levelAria: maxDb (above minDb ${minDb})`, maxDb, minDb + 1e-9, 1000, 'dB');
  checkNumber('levelAria: intervalMs', intervalMs, 0, 60_000, 'ms');
  if (reading !== 'peak' && reading !== 'rms' && reading !== 'ballistic')
    throw new RangeError(`levelAria: reading must be one of "peak", "rms", "ballistic", got ${describeValue(reading)}`);
  if (typeof unit !== 'string') throw new TypeError(`levelAria: unit must be a string, got ${describeValue(unit)}`);
  const minTenths = Math.round(minDb * 10);
  const maxTenths = Math.round(maxDb * 10);
  const platform = source?.platformStatus;
  let marked = false; // data-meter-status="suspended" is on the element
  return {
    intervalMs,
    key(levels) {
      let maxLin = 0;
      let clipped = 0;
      for (let c = 0; c < levels.channels; c++) {
        const v = reading === 'rms' ? levels.rms[c] : reading === 'ballistic' ? levels.ballistic[c] : levels.decayingPeak[c];
        if (v > maxLin) maxLin = v;
        if (levels.overs[c] > 0) clipped = 1;
      }
      if (levels.stale && platform !== undefined && platform() === 'suspended') return SUSPENDED_KEY * 2 + clipped;
      const db = levels.stale ? -Infinity : 20 * Math.log10(maxLin);
      return (db > minDb ? Math.round(Math.min(db, MAX_SPOKEN_DB) * 10) : SILENT_KEY) * 2 + clipped;
    },
    write(key) {
      const clipped = (key & 1) === 1;
      const k = (key - (clipped ? 1 : 0)) / 2;
      const suspended = k === SUSPENDED_KEY;
      const silent = k === SILENT_KEY;
      const tenths = silent || suspended ? minTenths : k;
      el.setAttribute('aria-valuenow', ariaValueNow(tenths < maxTenths ? tenths : maxTenths));
      el.setAttribute('aria-valuetext', ariaValueText(tenths, silent, clipped, unit, suspended));
      if (suspended !== marked) {
        marked = suspended;
        if (suspended) el.setAttribute('data-meter-status', 'suspended');
        else el.removeAttribute('data-meter-status');
      }
    },
  };
}

/** 1 when any channel of the snapshot has an over (the latched clip state), else 0. */
export function clippedKey(levels: TrackLevels): number {
  for (let c = 0; c < levels.channels; c++) if (levels.overs[c] > 0) return 1;
  return 0;
}
