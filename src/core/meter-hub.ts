/**
 * The per-source fan-out between the frame loop and every meter on the page: in the `read`
 * phase it takes one snapshot of each track someone listens to (so the consuming reader reads
 * a track exactly once per frame, however many meters show it), and in the `update` phase it
 * hands that snapshot to each listener. Views then paint in the `draw` phase.
 *
 * Thread: main thread. No allocation per frame; (un)subscribing copies small arrays.
 */
import { describeValue } from '../dsp/validate';
import { createTrackLevels, type TrackLevels } from './bank/reader';
import { getFrameLoop, type FrameLoop, type FrameClock } from './frame-loop';
import { hasReadInto, type MeterSource } from './meter-source';
import { createGridTimer, gridNow, nextDueMs, GRID_SLACK_MS } from './grid-timer';

export { nextDueMs };

/**
 * Called once per frame in the update phase with the track's snapshot and the frame clock
 * (both updated in place: read them during the call, do not keep or mutate them).
 */
export type TrackListener = (levels: TrackLevels, clock: FrameClock) => void;

/** Called with 1 (latched over on some channel) or 0 when a track's clip state changes, and once when subscribed. */
export type ClipListener = (clipped: number) => void;

/**
 * How often clip listeners are checked, ms (10 Hz): an over is latched in the bank, so nothing
 * is lost between checks; a clip lights within 100 ms and stays lit until reset.
 */
export const CLIP_CHECK_MS = 100;

/** A hub sleeps only when its next listener is due further off than this, ms (two frames). */
const MIN_SLEEP_MS = 34;

/** The clock a sleeping hub serves its listeners with (the page's performance.now timeline, like rAF). */
class HubClock implements FrameClock {
  readonly time = new Float64Array([0, 0]);
  frame = 0;
  get nowMs(): number {
    return this.time[0];
  }
  get deltaMs(): number {
    return this.time[1];
  }
}

export class MeterHub {
  readonly source: MeterSource;
  readonly loop: FrameLoop;
  private readonly listeners: (TrackListener[] | undefined)[];
  /** Per track: the intervals its listeners asked for, parallel to `listeners`. */
  private readonly intervals: (number[] | undefined)[];
  /** Per track: the shortest interval of its listeners, ms (0 = every frame), and when it is next due. */
  private readonly minInterval: Float64Array;
  private readonly due: Float64Array;
  private readonly levels: (TrackLevels | undefined)[];
  private active: number[] = [];
  private count = 0;
  private offRead: (() => void) | null = null;
  private offUpdate: (() => void) | null = null;
  /** While every listener is throttled (auto mode): the timer that brings the hub back, and when it fires. */
  private readonly sleepTimer = createGridTimer(() => this.serveFromTimer());
  /** While asleep: the frame-clock time the hub is due again. */
  private sleepDue = 0;
  /** While asleep: the loop's mode listener (a switch to demand mode wakes the hub at once). */
  private offModeWatch: (() => void) | null = null;
  /** True while no shown track has an every-frame listener (the hub may sleep between due times). */
  private sleepable = false;
  private readonly ownClock = new HubClock();
  /**
   * The clip lane (sources with oversGeneration and clipped): per track its clip listeners and
   * last state (-1 = tell the listeners at the next check), the tracks that have any, and when
   * the lane is next due. A check reads one word while no over count changed anywhere.
   */
  private readonly clipListeners: (ClipListener[] | undefined)[];
  private readonly clipState: Int8Array;
  private clipTracks: number[] = [];
  private clipDue = -Infinity;
  private clipGen = NaN;

  constructor(source: MeterSource, loop: FrameLoop) {
    this.source = source;
    this.loop = loop;
    this.listeners = new Array(source.tracks);
    this.intervals = new Array(source.tracks);
    this.minInterval = new Float64Array(source.tracks);
    this.due = new Float64Array(source.tracks).fill(-Infinity);
    this.levels = new Array(source.tracks);
    this.clipListeners = new Array(source.tracks);
    this.clipState = new Int8Array(source.tracks).fill(-1);
  }

  /** Number of listeners across all tracks. */
  get listenerCount(): number {
    return this.count;
  }

  /**
   * The latest snapshot of `track` (allocated on first use; updated each frame while anyone
   * listens to the track).
   */
  snapshot(track: number): TrackLevels {
    let l = this.levels[track];
    if (l === undefined) {
      l = createTrackLevels(this.source.channels);
      this.levels[track] = l;
    }
    return l;
  }

  /**
   * Listens to `track`; returns the unsubscribe function (idempotent). RangeError for a bad
   * track. `intervalMs` (default 0: every frame) is the least frame time between two calls the
   * listener needs: a track whose listeners all have intervals is read — and its listeners
   * called — only that often (DOM values at 2–10 Hz cost nothing in the frames between; a
   * consuming reader's peaks wait in the bank, nothing is lost).
   */
  subscribe(track: number, listener: TrackListener, intervalMs = 0): () => void {
    this.checkTrackArg(track);
    if (!(intervalMs >= 0 && intervalMs <= 60_000)) throw new RangeError(`intervalMs must be a number from 0 to 60000 ms, got ${String(intervalMs)}`);
    this.snapshot(track);
    const list = this.listeners[track];
    this.listeners[track] = list === undefined ? [listener] : [...list, listener];
    this.intervals[track] = [...(this.intervals[track] ?? []), intervalMs];
    this.syncInterval(track);
    if (list === undefined || list.length === 0) this.active = [...this.active, track];
    this.syncSleepable();
    this.count++;
    this.attach();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      const current = this.listeners[track] ?? [];
      const at = current.indexOf(listener);
      const next = current.filter((_, i) => i !== at);
      this.listeners[track] = next;
      this.intervals[track] = (this.intervals[track] ?? []).filter((_, i) => i !== at);
      this.syncInterval(track);
      if (next.length === 0) this.active = this.active.filter((t) => t !== track);
      this.syncSleepable();
      this.count--;
      if (this.count === 0) this.detach();
    };
  }

  /**
   * Calls `listener(clipped)` with `track`'s latched clip state (1: an over on some channel,
   * 0: none) at the next frame, then whenever it changes, checked every {@link CLIP_CHECK_MS}.
   * Returns the unsubscribe (idempotent). RangeError for a bad track. A source with
   * `oversGeneration` and `clipped` (an engine's bank, a manual bank) is checked for all its
   * tracks with one word read while nothing changed; any other through a throttled snapshot.
   */
  subscribeClip(track: number, listener: ClipListener): () => void {
    const source = this.source;
    if (typeof source.oversGeneration !== 'function' || typeof source.clipped !== 'function') {
      let last = -1;
      return this.subscribe(
        track,
        (levels) => {
          let clipped = 0;
          for (let c = 0; c < levels.channels; c++) if (levels.overs[c] > 0) clipped = 1;
          if (clipped !== last) listener((last = clipped));
        },
        CLIP_CHECK_MS,
      );
    }
    this.checkTrackArg(track);
    const list = this.clipListeners[track];
    this.clipListeners[track] = list === undefined ? [listener] : [...list, listener];
    if (list === undefined || list.length === 0) this.clipTracks = [...this.clipTracks, track];
    this.wakeClip(track);
    this.syncSleepable();
    this.count++;
    this.attach();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      const current = this.clipListeners[track] ?? [];
      const at = current.indexOf(listener);
      const next = current.filter((_, i) => i !== at);
      this.clipListeners[track] = next;
      if (next.length === 0) this.clipTracks = this.clipTracks.filter((t) => t !== track);
      this.syncSleepable();
      this.count--;
      if (this.count === 0) this.detach();
    };
  }

  /** Serves `track`'s listeners (clip listeners too) at the next frame, whatever their intervals (e.g. after a reset click). */
  wake(track: number): void {
    if (track >= 0 && track < this.due.length) {
      this.due[track] = -Infinity;
      this.wakeClip(track);
    }
    if (this.count > 0) this.attach();
  }

  private wakeClip(track: number): void {
    this.clipState[track] = -1;
    this.clipDue = -Infinity;
    this.clipGen = NaN;
  }

  private checkTrackArg(track: number): void {
    if (!(Number.isInteger(track) && track >= 0 && track < this.source.tracks)) {
      throw new RangeError(`track must be an integer from 0 to ${this.source.tracks - 1}, got ${String(track)}`);
    }
  }

  /** The clip lane's check (update phase): one word unless an over count changed somewhere. */
  private serveClips(clock: FrameClock): void {
    const nowMs = clock.time[0];
    if (this.clipTracks.length === 0 || nowMs < this.clipDue) return;
    this.clipDue = nextDueMs(nowMs, CLIP_CHECK_MS);
    const source = this.source;
    // On the frame clock, like the reads (a delayed source times its clip latches by it).
    source.setFrameClock?.(clock);
    try {
      const gen = source.oversGeneration!();
      if (gen === this.clipGen) return;
      this.clipGen = gen;
      const tracks = this.clipTracks;
      for (let i = 0; i < tracks.length; i++) {
        const t = tracks[i];
        const clipped = source.clipped!(t);
        if (clipped === this.clipState[t]) continue;
        this.clipState[t] = clipped;
        const list = this.clipListeners[t]!;
        for (let j = 0; j < list.length; j++) list[j](clipped);
      }
    } finally {
      source.setFrameClock?.(null);
    }
  }

  /** Subscribes the read and update phases (and cancels a pending sleep). */
  private attach(): void {
    this.cancelSleep();
    if (this.offRead === null) {
      this.offRead = this.loop.subscribe(this.read, 'read');
      this.offUpdate = this.loop.subscribe(this.update, 'update');
    }
  }

  private cancelSleep(): void {
    this.sleepTimer.cancel();
    this.offModeWatch?.();
    this.offModeWatch = null;
  }

  private detach(): void {
    this.cancelSleep();
    this.offRead?.();
    this.offUpdate?.();
    this.offRead = null;
    this.offUpdate = null;
  }

  /**
   * When no shown track needs every frame (only throttled listeners: aria values, clip buttons
   * — e.g. every canvas is painted by the render worker), the hub leaves the frame loop and
   * serves its listeners from a timer when they fall due, so the page does not run an
   * animation frame 60 times a second to read nothing. Auto mode only: a demand-mode loop runs
   * exactly the frames it is told to (a switch to demand mode brings the hub back at once).
   */
  private sleepUntilDue(clock: FrameClock): void {
    if (this.loop.mode !== 'auto' || typeof setTimeout !== 'function') return;
    const active = this.active;
    const due = this.due;
    let next = this.clipTracks.length > 0 ? this.clipDue : Infinity;
    for (let i = 0; i < active.length; i++) if (due[active[i]] < next) next = due[active[i]];
    const waitMs = next - clock.time[0];
    if (!(waitMs > MIN_SLEEP_MS)) {
      // Due within a frame or two: stay on (or, served from the timer, rejoin) the loop.
      if (this.offRead === null) this.attach();
      return;
    }
    if (this.offRead !== null) {
      this.offRead();
      this.offUpdate?.();
      this.offRead = null;
      this.offUpdate = null;
      // Held only while asleep (a permanent listener would keep every hub alive with the loop).
      this.offModeWatch = this.loop.onModeChange((mode) => {
        if (mode === 'demand' && this.count > 0) this.attach();
      });
    }
    // On the page's grid timer (services due together share one task), in the timer's clock
    // (the loop's is the same performance.now timeline on a page; a test's may not be).
    this.sleepDue = next;
    this.sleepTimer.at(next + (gridNow() - this.loop.now()));
  }

  /** A sleeping hub's service: the read and update phases on the hub's own clock, then sleep again. */
  private serveFromTimer(): void {
    if (this.count === 0) return;
    if (!this.sleepable || this.loop.mode !== 'auto') {
      this.attach();
      return;
    }
    const c = this.ownClock;
    // The grid timer runs services due within a few ms together: one served a little early is
    // served as of its due time (else it would find nothing due and rejoin the frame loop).
    const t = this.loop.now();
    const now = t < this.sleepDue && t >= this.sleepDue - GRID_SLACK_MS ? this.sleepDue : t;
    c.time[1] = now - c.time[0];
    c.time[0] = now;
    c.frame++;
    this.read(c);
    this.update(c); // ends by sleeping until the next due time
  }

  private syncSleepable(): void {
    this.sleepable = this.active.length + this.clipTracks.length > 0 && this.active.every((t) => this.minInterval[t] > 0);
  }

  private syncInterval(track: number): void {
    const list = this.intervals[track] ?? [];
    let min = list.length === 0 ? 0 : Infinity;
    for (const ms of list) if (ms < min) min = ms;
    this.minInterval[track] = min;
    this.due[track] = -Infinity; // a new listener is served at the next frame
  }

  private readonly read = (clock: FrameClock): void => {
    const active = this.active;
    const source = this.source;
    const time = clock.time;
    const due = this.due;
    // Demand-mode frames run on a virtual clock: staleness then follows that clock too.
    source.setFrameClock?.(clock);
    for (let i = 0; i < active.length; i++) {
      const t = active[i];
      if (time[0] < due[t]) continue;
      const levels = this.levels[t]!;
      // A read that gave up (the writer kept the track busy) leaves the last snapshot: show it
      // again without its sample peak, which the listeners were given when it was read.
      if (!source.readInto(t, levels)) levels.peak.fill(0);
    }
    source.setFrameClock?.(null);
  };

  private readonly update = (clock: FrameClock): void => {
    const active = this.active;
    const time = clock.time;
    const due = this.due;
    for (let i = 0; i < active.length; i++) {
      const t = active[i];
      if (time[0] < due[t]) continue;
      // Throttled tracks fall due on a grid of their interval, so tracks with the same interval
      // are served in the same frame (and the hub can sleep between), not one every frame.
      due[t] = nextDueMs(time[0], this.minInterval[t]);
      const list = this.listeners[t]!;
      const levels = this.levels[t]!;
      for (let j = 0; j < list.length; j++) list[j](levels, clock);
    }
    this.serveClips(clock);
    if (this.sleepable) this.sleepUntilDue(clock);
  };
}

/** TypeError naming `owner` unless `source` is a meter source and `loop` a frame loop. */
export function checkHubArgs(owner: string, source: unknown, loop: unknown): void {
  if (!hasReadInto(source) || !Number.isInteger(source.tracks)) {
    throw new TypeError(`${owner}: source must be a meter source (engine.bank, a manual bank's source), got ${describeValue(source)}`);
  }
  if (typeof loop !== 'object' || loop === null || typeof (loop as FrameLoop).subscribe !== 'function') {
    throw new TypeError(`${owner}: loop must be a frame loop (getFrameLoop(), createFrameLoop()), got ${describeValue(loop)}`);
  }
}

const hubs = new WeakMap<FrameLoop, WeakMap<MeterSource, MeterHub>>();

/** The hub of `source` on `loop` (default: the page's shared loop), created on first use. */
export function getMeterHub(source: MeterSource, loop: FrameLoop = getFrameLoop()): MeterHub {
  checkHubArgs('getMeterHub', source, loop);
  let perLoop = hubs.get(loop);
  if (perLoop === undefined) {
    perLoop = new WeakMap();
    hubs.set(loop, perLoop);
  }
  let hub = perLoop.get(source);
  if (hub === undefined) {
    hub = new MeterHub(source, loop);
    perLoop.set(source, hub);
  }
  return hub;
}
