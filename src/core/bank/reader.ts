/**
 * The bank reader: consistent, allocation-free snapshots of a track for any number of readers.
 *
 * Seqlock read: load the track's sequence word; if odd, the writer is inside — retry; copy the
 * fields with `Atomics.load` into a private scratch; load the sequence again; if it changed,
 * retry. After at most `maxRetries` attempts the read gives up and leaves the caller's object
 * untouched (returns false). It never blocks and never waits on the audio thread.
 *
 * Thread: any thread except the writer's; one reader object per thread.
 */
import { checkInteger, checkNumber } from '../../dsp/validate';
import {
  type BankLayout,
  layoutFromWords,
  trackBase,
  controlBase,
  T_SEQ,
  T_PUBLISH,
  T_CHANNELS,
  CHANNEL_STRIDE,
  C_PEAK,
  C_DECAY,
  C_HOLD,
  C_RMS,
  C_OVERS,
  C_NONFINITE,
  C_BALLISTIC,
  EXTRA_WORDS,
  X_MOMENTARY,
  X_SHORT_TERM,
  X_INTEGRATED,
  X_LOUDNESS_RANGE,
  X_TRUE_PEAK,
  X_CORRELATION,
  X_BALANCE,
  X_LOUDNESS_SECONDS,
  H_SAMPLE_RATE,
  H_PUBLISH,
  H_HEARTBEAT,
  H_WRITER_STATE,
  H_FEATURES,
  H_CONTROL_GEN,
  H_RESET_ALL_OVERS,
  H_RESET_ALL_HOLDS,
  H_RESET_ALL_LOUDNESS,
  H_STOP_REQUEST,
  K_CLEAR_OVERS,
  K_CLEAR_HOLD,
  K_RESET_LOUDNESS,
  K_CONSUMED,
  FEATURE_LOUDNESS,
  FEATURE_CORRELATION,
  WRITER_RUNNING,
} from './layout';

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

/** Allocates a snapshot for `channels` channels (1 to 8). Allocate once, reuse every frame. */
export function createTrackLevels(channels: number): TrackLevels {
  checkInteger('channels', channels, 1, 8);
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

/** Options of {@link MeterBankReader}; every field optional. */
export interface BankReaderOptions {
  /**
   * This reader acknowledges what it read, so the next snapshot's `peak` covers only samples
   * after it. Give at most one reader per bank `consume: true` (the engine's own reader).
   * Default false.
   */
  consume?: boolean;
  /** Clock in ms for staleness. Default `performance.now`. */
  now?: () => number;
  /**
   * The heartbeat must move within this many ms, else the reader reports stale (1 to 60,000,
   * or Infinity to ignore the heartbeat, e.g. for hand-written banks). Default 250.
   */
  staleAfterMs?: number;
  /** Extra staleness signal from the platform, e.g. `() => context.state === 'running'`. */
  isClockRunning?: () => boolean;
  /** Seqlock attempts before a read gives up (1 to 10,000). Default 64. */
  maxRetries?: number;
  /** Called after this reader wrote a control word (the message transport forwards them). */
  onControl?: () => void;
}

/** Number of values {@link MeterBankReader.readFieldsInto} writes for a bank's track. */
export function fieldCount(channels: number): number {
  return channels * CHANNEL_STRIDE + EXTRA_WORDS;
}

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class MeterBankReader {
  readonly words: Int32Array;
  readonly layout: BankLayout;
  readonly tracks: number;
  readonly channels: number;
  /** Sample rate of the measured signal, Hz. */
  readonly sampleRate: number;
  private readonly scratch: Int32Array;
  private readonly scratchF: Float32Array;
  private readonly copyWords: number;
  private readonly acked: Int32Array;
  private readonly consume: boolean;
  private readonly now: () => number;
  private readonly staleAfterMs: number;
  private readonly isClockRunning: (() => boolean) | null;
  private readonly maxRetries: number;
  private readonly onControl: (() => void) | null;
  private lastHeartbeat: number;
  private lastBeatAt: number;
  private frameClock: { readonly nowMs: number; readonly frame?: number } | null = null;
  /** isClockRunning's answer for frame `clockFrame` (asked once per frame, not per track). */
  private clockFrame = -1;
  private clockRunning = true;
  /** Words per copy: up to the extras, or through them when the writer publishes any. */
  private copyLevelsOnly: number;
  /** Reads that gave up after maxRetries (diagnostics). */
  contended = 0;

  constructor(words: Int32Array, options: BankReaderOptions = {}) {
    this.words = words;
    this.layout = layoutFromWords(words);
    this.tracks = this.layout.tracks;
    this.channels = this.layout.channels;
    const f = new Int32Array([Atomics.load(words, H_SAMPLE_RATE)]);
    this.sampleRate = new Float32Array(f.buffer)[0];
    this.copyWords = this.layout.extrasOffset + EXTRA_WORDS - T_PUBLISH;
    this.copyLevelsOnly = this.layout.extrasOffset - T_PUBLISH;
    this.scratch = new Int32Array(this.copyWords);
    // Extras read as NaN ("not measured") until a copy brings real values.
    this.scratch.fill(0x7fc00000, this.copyLevelsOnly);
    this.scratchF = new Float32Array(this.scratch.buffer);
    this.acked = new Int32Array(this.tracks);
    this.consume = options.consume ?? false;
    this.now = options.now ?? defaultNow;
    this.staleAfterMs = checkNumber('staleAfterMs', options.staleAfterMs ?? 250, 1, 60_000, 'ms', true);
    this.isClockRunning = options.isClockRunning ?? null;
    this.maxRetries = checkInteger('maxRetries', options.maxRetries ?? 64, 1, 10_000);
    this.onControl = options.onControl ?? null;
    this.lastHeartbeat = Atomics.load(words, H_HEARTBEAT);
    this.lastBeatAt = this.now();
  }

  /** Throws a RangeError unless `track` is an integer in 0..tracks−1. */
  checkTrack(track: number): void {
    if (!(Number.isInteger(track) && track >= 0 && track < this.tracks)) {
      checkInteger('track', track, 0, this.tracks - 1);
    }
  }

  /**
   * Copies a consistent snapshot of `track` into `out` (allocated with
   * `createTrackLevels(channels)`). Returns true on success; false if the writer kept the
   * track busy for `maxRetries` attempts, in which case `out` is left as it was.
   * Throws RangeError for a bad track index or an `out` with the wrong channel count.
   */
  readInto(track: number, out: TrackLevels): boolean {
    this.checkTrack(track);
    if (out.channels !== this.channels) {
      throw new RangeError(`out.channels must be ${this.channels} for this bank, got ${out.channels}`);
    }
    if (!this.copy(track)) return false;
    const s = this.scratch;
    const f = this.scratchF;
    const o = T_CHANNELS - T_PUBLISH;
    for (let c = 0; c < this.channels; c++) {
      const b = o + c * CHANNEL_STRIDE;
      out.peak[c] = f[b + C_PEAK];
      out.decayingPeak[c] = f[b + C_DECAY];
      out.hold[c] = f[b + C_HOLD];
      out.rms[c] = f[b + C_RMS];
      out.overs[c] = s[b + C_OVERS];
      out.nonFinite[c] = s[b + C_NONFINITE];
      out.ballistic[c] = f[b + C_BALLISTIC];
    }
    // Tracks without a measurement carry NaN in these words.
    const x = this.layout.extrasOffset - T_PUBLISH;
    out.momentary = f[x + X_MOMENTARY];
    out.shortTerm = f[x + X_SHORT_TERM];
    out.integrated = f[x + X_INTEGRATED];
    out.loudnessRange = f[x + X_LOUDNESS_RANGE];
    out.truePeak = f[x + X_TRUE_PEAK];
    out.correlation = f[x + X_CORRELATION];
    out.balance = f[x + X_BALANCE];
    out.loudnessSeconds = f[x + X_LOUDNESS_SECONDS];
    out.publish = s[0] >>> 0;
    out.stale = this.isStale();
    return true;
  }

  /**
   * Copies a consistent snapshot of `track` into a caller-owned typed array as numbers, from
   * `offset`: per channel [peak, decayingPeak, hold, rms, overs, nonFinite, ballistic], then the
   * 8 extras [momentary, shortTerm, integrated, loudnessRange, truePeak, correlation, balance,
   * loudnessSeconds]
   * ({@link fieldCount} values). Returns false (array untouched) if the read gave up.
   */
  readFieldsInto(track: number, out: Float32Array | Float64Array, offset = 0): boolean {
    this.checkTrack(track);
    const n = fieldCount(this.channels);
    if (!(offset >= 0 && offset + n <= out.length)) {
      throw new RangeError(`out must have room for ${n} values from offset ${offset}, got length ${out.length}`);
    }
    if (!this.copy(track)) return false;
    const s = this.scratch;
    const f = this.scratchF;
    const o = T_CHANNELS - T_PUBLISH;
    for (let c = 0; c < this.channels; c++) {
      const b = o + c * CHANNEL_STRIDE;
      const d = offset + c * CHANNEL_STRIDE;
      out[d] = f[b + C_PEAK];
      out[d + 1] = f[b + C_DECAY];
      out[d + 2] = f[b + C_HOLD];
      out[d + 3] = f[b + C_RMS];
      out[d + 4] = s[b + C_OVERS] >>> 0;
      out[d + 5] = s[b + C_NONFINITE] >>> 0;
      out[d + 6] = f[b + C_BALLISTIC];
    }
    const x = this.layout.extrasOffset - T_PUBLISH;
    const d = offset + this.channels * CHANNEL_STRIDE;
    for (let i = 0; i < EXTRA_WORDS; i++) out[d + i] = f[x + i];
    return true;
  }

  /** Seqlock copy of track `t`'s fields into the scratch. */
  private copy(track: number): boolean {
    const w = this.words;
    const base = trackBase(this.layout, track);
    const from = base + T_PUBLISH;
    // Extras hold NaN unless the writer measures loudness or correlation somewhere: skip them then.
    const n = Atomics.load(w, H_FEATURES) === 0 ? this.copyLevelsOnly : this.copyWords;
    const s = this.scratch;
    for (let attempt = 0; attempt < this.maxRetries; attempt++) {
      const seq = Atomics.load(w, base + T_SEQ);
      if ((seq & 1) !== 0) continue;
      for (let i = 0; i < n; i++) s[i] = Atomics.load(w, from + i);
      if (Atomics.load(w, base + T_SEQ) !== seq) continue;
      if (this.consume) {
        if (s[0] === this.acked[track]) {
          // Nothing was published since this reader's last read: its peaks were delivered then.
          for (let c = 0; c < this.channels; c++) s[T_CHANNELS - T_PUBLISH + c * CHANNEL_STRIDE + C_PEAK] = 0;
        } else {
          this.acked[track] = s[0];
          // publish the acknowledgement: the writer restarts this track's sample peak after it.
          Atomics.store(w, controlBase(this.layout, track) + K_CONSUMED, s[0]);
        }
      }
      return true;
    }
    this.contended++;
    return false;
  }

  /**
   * True when the audio clock has stopped: the writer is not running (never started or
   * disposed), the platform says the clock is not running, or the heartbeat has not moved for
   * `staleAfterMs`. A meter should then fall to silence rather than freeze.
   */
  isStale(): boolean {
    if (Atomics.load(this.words, H_WRITER_STATE) !== WRITER_RUNNING) return true;
    if (this.isClockRunning !== null) {
      const clock = this.frameClock;
      if (clock !== null && clock.frame !== undefined) {
        if (clock.frame !== this.clockFrame) {
          this.clockFrame = clock.frame;
          this.clockRunning = this.isClockRunning();
        }
        if (!this.clockRunning) return true;
      } else if (!this.isClockRunning()) {
        return true;
      }
    }
    if (this.staleAfterMs === Infinity) return false;
    const beat = Atomics.load(this.words, H_HEARTBEAT);
    // The frame clock, when a frame loop set one, saves a clock call per read (and the heap
    // number each performance.now() call allocates).
    const t = this.frameClock !== null ? this.frameClock.nowMs : this.now();
    if (beat !== this.lastHeartbeat) {
      this.lastHeartbeat = beat;
      this.lastBeatAt = t;
      return false;
    }
    return t - this.lastBeatAt > this.staleAfterMs;
  }

  /**
   * Makes staleness checks read the time from `clock.nowMs` (ms, on the `now` clock's timeline)
   * instead of calling `now`; `null` returns to `now`. A frame loop sets its clock around a
   * frame's reads, so reading many tracks costs no clock calls and allocates nothing.
   */
  setFrameClock(clock: { readonly nowMs: number; readonly frame?: number } | null): void {
    this.frameClock = clock;
  }

  /** Number of publishes so far (wraps at 2^32). */
  get publishCount(): number {
    return Atomics.load(this.words, H_PUBLISH) >>> 0;
  }

  /** Audio frames rendered when the writer last published (low 32 bits). */
  get heartbeat(): number {
    return Atomics.load(this.words, H_HEARTBEAT) >>> 0;
  }

  /** Clears the over count (clip latch) of one track, or of every track when omitted. */
  clearOvers(track?: number): void {
    this.request(track, H_RESET_ALL_OVERS, K_CLEAR_OVERS);
  }

  /** Drops the peak-hold of one track, or of every track, to the current level. */
  clearHolds(track?: number): void {
    this.request(track, H_RESET_ALL_HOLDS, K_CLEAR_HOLD);
  }

  /** Restarts integrated loudness, loudness range and true peak of one track, or of all. */
  resetLoudness(track?: number): void {
    this.request(track, H_RESET_ALL_LOUDNESS, K_RESET_LOUDNESS);
  }

  /**
   * Asks the writer to stop for good (used by the engine's dispose). With the shared transport
   * the processor sees it at its next render quantum even if no port message gets through.
   */
  requestStop(): void {
    Atomics.store(this.words, H_STOP_REQUEST, 1);
  }

  private request(track: number | undefined, globalWord: number, trackWord: number): void {
    const w = this.words;
    if (track === undefined) {
      Atomics.add(w, globalWord, 1);
    } else {
      this.checkTrack(track);
      Atomics.add(w, controlBase(this.layout, track) + trackWord, 1);
    }
    // publish the request: the writer scans control words only after the generation moves.
    Atomics.add(w, H_CONTROL_GEN, 1);
    if (this.onControl !== null) this.onControl();
  }
}
