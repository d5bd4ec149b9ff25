/**
 * The one requestAnimationFrame loop for every meter on a page.
 *
 * - Ordered phases per frame: every `read` subscriber (take snapshots from banks), then every
 *   `update` (ballistics, state), then every `draw` (canvas/DOM writes) — reads never
 *   interleave with writes, so the browser does no forced layout.
 * - Stops itself when nothing is subscribed; pauses while the page is hidden.
 * - Platform capabilities are options (`raf`, `caf`, `now`, `document`), so it runs in tests
 *   and without a DOM.
 * - Demand mode: no rAF at all; `advance(dtMs)` runs exactly one frame on a virtual clock.
 *   For tests and screenshots: deterministic, no sleeps.
 *
 * Thread: main thread. Nothing allocates per frame (subscriber lists are copied on change).
 */

import { checkNumber, checkOneOf, checkOptions, describeValue } from '../dsp/validate';
export type FramePhase = 'read' | 'update' | 'draw';

/**
 * The loop's clock, passed to every callback. It is one object updated in place each frame
 * (so a frame allocates nothing — a fresh number per callback would be a heap object in V8):
 * read its fields during the callback, do not keep it expecting old values.
 */
export interface FrameClock {
  /** Time of this frame, ms (rAF timestamp; virtual time in demand mode). */
  readonly nowMs: number;
  /** ms since the previous frame (0 on the first). */
  readonly deltaMs: number;
  /** Frames run so far, including this one. */
  readonly frame: number;
  /**
   * `[nowMs, deltaMs]` as stored: read these in a hot loop instead of the getters, whose double
   * result V8 may box (allocate) where the getter is not inlined. Do not write.
   */
  readonly time: Float64Array;
}

/** Called once per frame with the loop's clock. */
export type FrameCallback = (clock: FrameClock) => void;

export interface FrameLoopOptions {
  /** Default `globalThis.requestAnimationFrame`. */
  raf?: (callback: (timeMs: number) => void) => number;
  /** Default `globalThis.cancelAnimationFrame`. */
  caf?: (handle: number) => void;
  /** Clock in ms. Default `performance.now`. */
  now?: () => number;
  /** For visibility; default `globalThis.document` (null: never hidden). */
  document?: VisibilitySource | null;
  /** `auto` (default) runs on rAF; `demand` runs only on {@link FrameLoop.advance}. */
  mode?: 'auto' | 'demand';
  /** Receives errors thrown by subscribers; default: rethrown asynchronously (the loop keeps going). */
  onError?: (error: unknown) => void;
}

/** The part of `Document` the loop needs. */
export interface VisibilitySource {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface FrameLoop {
  /** Adds `callback` to `phase` (default `draw`); returns the unsubscribe function (idempotent). */
  subscribe(callback: FrameCallback, phase?: FramePhase): () => void;
  /** Number of subscriptions across all phases. */
  readonly subscriberCount: number;
  /** True while a frame is scheduled (auto mode). */
  readonly running: boolean;
  /** Frames run so far. */
  readonly frameCount: number;
  /** Time of the last frame, ms (NaN before the first). */
  readonly lastFrameMs: number;
  /** The clock object every callback receives. */
  readonly clock: FrameClock;
  /** The loop's real clock now, ms (its `now` option; the timeline of rAF timestamps). */
  now(): number;
  /** Current mode. Switching to `demand` cancels the pending frame; to `auto` resumes. */
  mode: 'auto' | 'demand';
  /**
   * Calls `listener(mode)` after every change of {@link mode} (e.g. so the render worker's loop
   * follows the page's into demand mode); returns the unsubscribe function.
   */
  onModeChange(listener: (mode: 'auto' | 'demand') => void): () => void;
  /**
   * Runs one frame now. In demand mode the virtual clock moves by `deltaMs` (default 1000/60);
   * in auto mode it uses the real clock. Works with zero subscribers (a no-op frame).
   */
  advance(deltaMs?: number): void;
}

const PHASES: readonly FramePhase[] = ['read', 'update', 'draw'];

/** The clock object: times live in a Float64Array, so updating them never allocates. */
class LoopClock implements FrameClock {
  /** [nowMs, deltaMs] */
  readonly time = new Float64Array([NaN, 0]);
  frame = 0;
  get nowMs(): number {
    return this.time[0];
  }
  get deltaMs(): number {
    return this.time[1];
  }
}
const NOOP = (): void => {};
/** Longest single `advance` step, ms (one hour). */
export const MAX_ADVANCE_MS = 3_600_000;

function checkFrameLoopOptions(options: FrameLoopOptions): void {
  checkOptions('createFrameLoop', options, 'no required fields (pass {} or omit it)');
  for (const name of ['raf', 'caf', 'now', 'onError'] as const) {
    const f = options[name];
    if (f !== undefined && typeof f !== 'function') throw new TypeError(`createFrameLoop: ${name} must be a function, got ${describeValue(f)}`);
  }
  if (options.mode !== undefined) checkOneOf('createFrameLoop: mode', options.mode, ['auto', 'demand'] as const);
  const d = options.document;
  if (d !== undefined && d !== null && (typeof d !== 'object' || typeof d.addEventListener !== 'function' || typeof d.removeEventListener !== 'function')) {
    throw new TypeError(`createFrameLoop: document must be null or have hidden, addEventListener and removeEventListener, got ${describeValue(d)}`);
  }
}

/** Creates an independent frame loop. Most code wants the shared {@link getFrameLoop}. */
export function createFrameLoop(options: FrameLoopOptions = {}): FrameLoop {
  checkFrameLoopOptions(options);
  const g = globalThis as typeof globalThis & { document?: VisibilitySource };
  const raf = options.raf ?? (typeof g.requestAnimationFrame === 'function' ? g.requestAnimationFrame.bind(g) : null);
  const caf = options.caf ?? (typeof g.cancelAnimationFrame === 'function' ? g.cancelAnimationFrame.bind(g) : NOOP);
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const doc = options.document === undefined ? (g.document ?? null) : options.document;
  const onError =
    options.onError ??
    ((error: unknown) =>
      setTimeout(() => {
        throw error;
      }, 0));

  // Copy-on-write subscriber lists: a frame iterates the array it started with.
  const lists: Record<FramePhase, FrameCallback[]> = { read: [], update: [], draw: [] };
  let count = 0;
  let handle: number | null = null;
  let mode = options.mode ?? 'auto';
  const clock = new LoopClock();
  let listening = false;
  let modeListeners: ((mode: 'auto' | 'demand') => void)[] = [];

  const hidden = (): boolean => doc !== null && doc.hidden;

  /** Runs one frame at `clock.nowMs` (already set by the caller). */
  const runFrame = (): void => {
    for (let p = 0; p < PHASES.length; p++) {
      const list = lists[PHASES[p]];
      for (let i = 0; i < list.length; i++) {
        try {
          list[i](clock);
        } catch (error) {
          onError(error);
        }
      }
    }
  };

  const setTime = (t: number): void => {
    const time = clock.time;
    time[1] = t - (clock.frame === 0 ? t : time[0]);
    time[0] = t;
    clock.frame++;
  };

  /** Demand mode: virtual time; the frame's delta is exactly deltaMs (the first frame's too). */
  const stepVirtual = (deltaMs: number): void => {
    const time = clock.time;
    // One float64 expression (a ternary mixing the tagged argument with a float64 sum would
    // make the optimizer box the sum).
    time[0] = (clock.frame === 0 ? 0 : time[0]) + deltaMs;
    time[1] = deltaMs;
    clock.frame++;
  };

  const tick = (t: number): void => {
    handle = null;
    setTime(t);
    runFrame();
    schedule();
  };

  function schedule(): void {
    if (handle !== null || mode !== 'auto' || count === 0 || raf === null || hidden()) return;
    handle = raf(tick);
  }

  function cancel(): void {
    if (handle !== null) caf(handle);
    handle = null;
  }

  const onVisibility = (): void => {
    if (hidden()) cancel();
    else schedule();
  };

  function syncListener(): void {
    const want = count > 0 && doc !== null;
    if (want && !listening) doc!.addEventListener('visibilitychange', onVisibility);
    if (!want && listening) doc!.removeEventListener('visibilitychange', onVisibility);
    listening = want;
  }

  return {
    subscribe(callback: FrameCallback, phase: FramePhase = 'draw'): () => void {
      if (typeof callback !== 'function') throw new TypeError(`FrameLoop.subscribe: callback must be a function, got ${describeValue(callback)}`);
      if (!PHASES.includes(phase)) throw new RangeError(`FrameLoop.subscribe: phase must be one of "read", "update", "draw", got ${describeValue(phase)}`);
      lists[phase] = [...lists[phase], callback];
      count++;
      syncListener();
      schedule();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        const list = lists[phase];
        const i = list.indexOf(callback);
        if (i >= 0) lists[phase] = list.slice(0, i).concat(list.slice(i + 1));
        count--;
        syncListener();
        if (count === 0) cancel();
      };
    },
    get subscriberCount() {
      return count;
    },
    get running() {
      return handle !== null;
    },
    get frameCount() {
      return clock.frame;
    },
    get lastFrameMs() {
      return clock.nowMs;
    },
    clock,
    now,
    get mode() {
      return mode;
    },
    set mode(next: 'auto' | 'demand') {
      if (next !== 'auto' && next !== 'demand') throw new RangeError(`FrameLoop: mode must be "auto" or "demand", got ${describeValue(next)}`);
      const changed = next !== mode;
      mode = next;
      if (mode === 'demand') cancel();
      else schedule();
      if (changed) for (const listener of modeListeners) listener(mode);
    },
    onModeChange(listener: (mode: 'auto' | 'demand') => void): () => void {
      if (typeof listener !== 'function') throw new TypeError(`onModeChange needs a function, got ${typeof listener}`);
      modeListeners = [...modeListeners, listener];
      return () => {
        modeListeners = modeListeners.filter((l) => l !== listener);
      };
    },
    advance(deltaMs = 1000 / 60): void {
      // A NaN or negative delta would poison the virtual clock for good.
      if (!(typeof deltaMs === 'number' && deltaMs >= 0 && deltaMs <= MAX_ADVANCE_MS))
        checkNumber('FrameLoop.advance: deltaMs', deltaMs, 0, MAX_ADVANCE_MS, 'ms');
      if (mode === 'demand') {
        stepVirtual(deltaMs);
      } else {
        setTime(now());
      }
      runFrame();
    },
  };
}

let shared: FrameLoop | null = null;

/**
 * The page-wide frame loop, created on first use (never at import, so SSR is safe). Every
 * meterkit component subscribes here; tests switch it to demand mode with
 * `getFrameLoop().mode = 'demand'`.
 */
export function getFrameLoop(): FrameLoop {
  if (shared === null) shared = createFrameLoop();
  return shared;
}
