/**
 * Meters in time with what is heard: a {@link MeterSource} that shows each reading of another
 * source `delayMs` after it was read — the time its audio takes to reach the ears
 * (`AudioContext.outputLatency` + `baseLatency`: 10–40 ms on wired output, 150–300 ms over
 * Bluetooth). See {@link outputLatencyMs} and the engine option `alignToOutput`.
 *
 * It keeps a short time-indexed history of snapshots per track (never a copy of the audio):
 * every read of a track reads the inner source into the newest history entry, stamped with the
 * frame time, and hands out the entry nearest to `delayMs` ago (the newest one at least that
 * old, or the next when it is nearer: reads every frame are then at most half a frame off, and
 * a track read only at 2 Hz — aria values — is shown at its latest read rather than one
 * interval late). Peaks stay exact: the
 * sample peak handed out is the maximum of every entry since the previous hand-out, so a
 * one-sample spike is shown once, at the time it is heard — also when the delay changes (a
 * longer delay holds the last entry instead of going back in time; a shorter one jumps forward
 * with the skipped entries' peaks folded in) and when the history overflows (an overwritten
 * entry's peak is kept until it is shown). Everything else in a snapshot (decaying peak, hold,
 * RMS, ballistics, loudness, correlation, stale) is the delayed entry's own.
 *
 * The clip latch (`clipped`, `oversGeneration`, the hub's 10 Hz clip lane) is delayed too: a
 * track's latch reads set once it has been seen set for `delayMs` (so a clip light comes on when
 * the over is heard, up to one clip check — 100 ms — later, as without a delay); a latch the
 * inner source cleared reads clear at once (a reset is the user's action, not audio). Not
 * delayed: the requests (`clearOvers`, `clearHolds`, `resetLoudness`), which go straight to the
 * inner source.
 *
 * Thread: any (the main thread, or the render worker with the same delay). `readInto`
 * allocates nothing after a track's first read (its history is allocated then: one
 * Float64Array of HISTORY snapshots, 24.6 KB for a stereo track).
 */
import { checkNumber, describeValue } from '../dsp/validate';
import { createTrackLevels, type TrackLevels } from './bank/reader';
import type { MeterSource } from './meter-source';
import type { WorkerSourceLink } from './render-worker/protocol';
import { isLinkable, linkOf } from './render-worker/links';

/**
 * Snapshots kept per track: 128 frames — 2.1 s at 60 Hz, 0.9 s at 144 Hz, enough for Bluetooth
 * latencies at any common refresh rate (a longer delay than the history is HISTORY frames).
 */
export const HISTORY = 128;
/** The longest delay, ms. */
export const MAX_DELAY_MS = 2000;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Per entry: the read time, the snapshot's scalars, then 7 values per channel. */
const SCALARS = ['publish', 'stale', 'momentary', 'shortTerm', 'integrated', 'loudnessRange', 'truePeak', 'correlation', 'balance', 'loudnessSeconds'] as const;
const T_TIME = 0;
const T_SCALARS = 1;
const CHANNEL_VALUES = 7; // peak, decayingPeak, hold, rms, overs, nonFinite, ballistic

interface TrackHistory {
  /** HISTORY entries of `stride` values, one Float64Array for the track (no object per entry). */
  readonly data: Float64Array;
  readonly stride: number;
  /** Entries written so far (the next is entry written % HISTORY). */
  written: number;
  /** The last entry handed out (−1: none yet). */
  shown: number;
  /** Peaks of entries overwritten before they were handed out, per channel. */
  readonly lostPeak: Float32Array;
}

export class DelayedSource implements MeterSource {
  readonly inner: MeterSource;
  private delay: number;
  private readonly histories: (TrackHistory | undefined)[];
  private clock: { readonly nowMs: number } | null = null;
  readonly platformStatus: MeterSource['platformStatus'];
  private readonly delayListeners = new Set<() => void>();
  /** Where the inner source's snapshot is read before it is packed into a track's history. */
  private readonly scratch: TrackLevels;

  constructor(inner: MeterSource, delayMs: number) {
    if (inner === null || typeof inner !== 'object' || typeof inner.readInto !== 'function') {
      throw new TypeError(`DelayedSource: inner must be a meter source (with readInto), got ${describeValue(inner)}`);
    }
    this.inner = inner;
    this.delay = checkNumber('DelayedSource: delayMs', delayMs, 0, MAX_DELAY_MS, 'ms');
    this.histories = new Array(inner.tracks);
    this.scratch = createTrackLevels(inner.channels);
    this.platformStatus = inner.platformStatus;
    if (isLinkable(inner)) this.linkForWorker = () => this.delayedLink();
    if (typeof inner.oversGeneration === 'function' && typeof inner.clipped === 'function') {
      const innerGeneration = inner.oversGeneration.bind(inner);
      const innerClipped = inner.clipped.bind(inner);
      const since = new Float64Array(inner.tracks).fill(NaN);
      const pending = new Uint8Array(inner.tracks);
      let waiting = 0;
      let matured = 0;
      // Moves when the inner generation moves or a latch waiting to be heard comes due, so the
      // clip lane reads `clipped` again then (and only then).
      this.oversGeneration = () => {
        if (waiting > 0) {
          const t = this.clock?.nowMs ?? now();
          for (let k = 0; k < pending.length; k++) {
            if (pending[k] === 1 && t - since[k] >= this.delay) {
              pending[k] = 0;
              waiting--;
              matured++;
            }
          }
        }
        return (innerGeneration() + matured) | 0;
      };
      this.clipped = (track: number) => {
        const latched = innerClipped(track);
        if (latched === 0) {
          if (pending[track] === 1) {
            pending[track] = 0;
            waiting--;
          }
          since[track] = NaN;
          return 0;
        }
        const t = this.clock?.nowMs ?? now();
        if (since[track] !== since[track]) {
          since[track] = t; // first seen set: heard `delay` from now
          if (this.delay > 0) {
            pending[track] = 1;
            waiting++;
            return 0;
          }
        }
        return t - since[track] >= this.delay ? 1 : 0;
      };
    }
  }

  get tracks(): number {
    return this.inner.tracks;
  }
  get channels(): number {
    return this.inner.channels;
  }

  /** The inner bank's words and layout, for meterStatus (which observes the bank as measured). */
  get words(): Int32Array | undefined {
    return (this.inner as { words?: Int32Array }).words;
  }
  get layout(): unknown {
    return (this.inner as { layout?: unknown }).layout;
  }
  /** The inner source's staleness now (for meterStatus). */
  isStale(): boolean {
    return (this.inner as { isStale?: () => boolean }).isStale?.() ?? false;
  }

  /** The delay in use, ms. */
  get delayMs(): number {
    return this.delay;
  }

  /** Changes the delay (e.g. the output device changed); peaks stay exact (see the module comment). */
  setDelayMs(delayMs: number): void {
    const d = checkNumber('DelayedSource.setDelayMs: delayMs', delayMs, 0, MAX_DELAY_MS, 'ms');
    if (d === this.delay) return;
    this.delay = d;
    for (const listener of this.delayListeners) listener();
  }

  /** Calls `listener` after every change of the delay; returns the unsubscribe. */
  onDelayChange(listener: () => void): () => void {
    this.delayListeners.add(listener);
    return () => this.delayListeners.delete(listener);
  }

  setFrameClock(clock: { readonly nowMs: number } | null): void {
    this.clock = clock;
    this.inner.setFrameClock?.(clock);
  }

  readInto(track: number, out: TrackLevels): boolean {
    let h = this.histories[track];
    if (h === undefined) {
      if (!(track >= 0 && track < this.inner.tracks)) return false;
      const stride = T_SCALARS + SCALARS.length + CHANNEL_VALUES * this.inner.channels;
      h = this.histories[track] = { data: new Float64Array(HISTORY * stride), stride, written: 0, shown: -1, lostPeak: new Float32Array(this.inner.channels) };
    }
    const t = this.clock?.nowMs ?? now();
    const channels = this.scratch.channels;
    const base = (h.written % HISTORY) * h.stride;
    // An entry about to be overwritten that was never handed out keeps its peak.
    if (h.written >= HISTORY && h.written - HISTORY > h.shown) {
      const peaks = base + T_SCALARS + SCALARS.length;
      for (let c = 0; c < channels; c++) {
        const p = h.data[peaks + c * CHANNEL_VALUES];
        if (p > h.lostPeak[c]) h.lostPeak[c] = p;
      }
    }
    if (this.inner.readInto(track, this.scratch)) {
      pack(this.scratch, h.data, base, t);
      h.written++;
    }
    return this.handOut(h, t, out);
  }

  /** Copies the entry nearest to `delay` ago into `out`, with the peaks since the last hand-out. */
  private handOut(h: TrackHistory, t: number, out: TrackLevels): boolean {
    const { data, stride } = h;
    const oldest = Math.max(0, h.written - HISTORY);
    const target = t - this.delay;
    let pick = -1;
    for (let k = h.written - 1; k >= oldest; k--) {
      if (data[(k % HISTORY) * stride + T_TIME] <= target) {
        pick = k;
        break;
      }
    }
    // The entry nearest the time being heard: with reads every frame at most half a frame off;
    // with sparse reads (a track only aria listens to, at 2 Hz) the newer entry when it is nearer.
    if (pick >= 0 && pick + 1 < h.written && data[((pick + 1) % HISTORY) * stride + T_TIME] - target < target - data[(pick % HISTORY) * stride + T_TIME])
      pick++;
    // Nothing is `delay` old: at start (show nothing yet), after the delay grew (hold), or when
    // the delay spans more frames than the history holds (show the oldest kept: the delay is then
    // HISTORY frames).
    if (pick < 0) {
      // Entries older than the shown one were overwritten: the oldest kept is as late as it gets.
      if (h.written > HISTORY && oldest > h.shown) pick = oldest;
      else if (h.shown < 0) return false;
      else pick = h.shown;
    }
    const channels = out.channels < this.scratch.channels ? out.channels : this.scratch.channels;
    if (pick <= h.shown) {
      // The delay grew: hold the last entry shown, with no new peak.
      unpack(data, (h.shown % HISTORY) * stride, out, channels);
      for (let c = 0; c < channels; c++) out.peak[c] = 0;
      return true;
    }
    unpack(data, (pick % HISTORY) * stride, out, channels);
    const from = Math.max(h.shown + 1, oldest);
    const peaks = T_SCALARS + SCALARS.length;
    for (let c = 0; c < channels; c++) {
      let p = h.lostPeak[c];
      for (let k = from; k <= pick; k++) {
        const v = data[(k % HISTORY) * stride + peaks + c * CHANNEL_VALUES];
        if (v > p) p = v;
      }
      out.peak[c] = p;
      h.lostPeak[c] = 0;
    }
    h.shown = pick;
    return true;
  }

  /** The inner source's clip lane, delayed (present when the inner source has it; see the module comment). */
  readonly oversGeneration?: () => number;
  readonly clipped?: (track: number) => number;

  clearOvers(track?: number): void {
    this.inner.clearOvers(track);
  }
  clearHolds(track?: number): void {
    this.inner.clearHolds(track);
  }
  resetLoudness(track?: number): void {
    this.inner.resetLoudness?.(track);
  }

  /** The inner source's link, carrying the delay (the worker delays its own reads the same way); present when the inner source can link. */
  readonly linkForWorker?: () => WorkerSourceLink | null;

  private delayedLink(): WorkerSourceLink | null {
    const link = linkOf(this.inner);
    if (link === null) return null;
    return { ...link, link: { ...link.link, delayMs: this.delay }, delayMs: () => this.delay, onDelayChange: (l: () => void) => this.onDelayChange(l) };
  }
}

/** Packs a snapshot and its read time into `data` from `base`. */
function pack(l: TrackLevels, data: Float64Array, base: number, time: number): void {
  data[base + T_TIME] = time;
  let o = base + T_SCALARS;
  data[o++] = l.publish;
  data[o++] = l.stale ? 1 : 0;
  data[o++] = l.momentary;
  data[o++] = l.shortTerm;
  data[o++] = l.integrated;
  data[o++] = l.loudnessRange;
  data[o++] = l.truePeak;
  data[o++] = l.correlation;
  data[o++] = l.balance;
  data[o++] = l.loudnessSeconds;
  for (let c = 0; c < l.channels; c++) {
    data[o++] = l.peak[c];
    data[o++] = l.decayingPeak[c];
    data[o++] = l.hold[c];
    data[o++] = l.rms[c];
    data[o++] = l.overs[c];
    data[o++] = l.nonFinite[c];
    data[o++] = l.ballistic[c];
  }
}

/** Unpacks the snapshot at `base` into `l` (its first `channels` channels). */
function unpack(data: Float64Array, base: number, l: TrackLevels, channels: number): void {
  let o = base + T_SCALARS;
  l.publish = data[o++];
  l.stale = data[o++] !== 0;
  l.momentary = data[o++];
  l.shortTerm = data[o++];
  l.integrated = data[o++];
  l.loudnessRange = data[o++];
  l.truePeak = data[o++];
  l.correlation = data[o++];
  l.balance = data[o++];
  l.loudnessSeconds = data[o++];
  for (let c = 0; c < channels; c++) {
    l.peak[c] = data[o++];
    l.decayingPeak[c] = data[o++];
    l.hold[c] = data[o++];
    l.rms[c] = data[o++];
    l.overs[c] = data[o++];
    l.nonFinite[c] = data[o++];
    l.ballistic[c] = data[o++];
  }
}

/** A latency property's value in seconds: 0 when missing or not finite. */
function latencyS(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** `seconds` as a delay in ms, clamped to 0 … MAX_DELAY_MS. */
function delayMsOf(seconds: number): number {
  const ms = seconds * 1000;
  return ms > MAX_DELAY_MS ? MAX_DELAY_MS : ms > 0 ? ms : 0;
}

type LatencyContext = BaseAudioContext & { outputLatency?: number; baseLatency?: number };

/**
 * What `context` reports of the time from a sample's rendering to the ears, ms:
 * `outputLatency + baseLatency` (either missing counts 0; an OfflineAudioContext has neither).
 * Clamped to 0 … MAX_DELAY_MS.
 */
export function outputLatencyMs(context: BaseAudioContext): number {
  const c = context as LatencyContext;
  return delayMsOf(latencyS(c.outputLatency) + latencyS(c.baseLatency));
}

/**
 * `baseLatency` of `context` in ms (0 when missing), clamped to 0 … MAX_DELAY_MS: what the engine
 * uses until `outputLatency` may be read (see LatencyGate in latency-gate.ts).
 */
export function baseLatencyMs(context: BaseAudioContext): number {
  return delayMsOf(latencyS((context as LatencyContext).baseLatency));
}
