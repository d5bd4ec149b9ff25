/**
 * The bank reader: consistent, allocation-free snapshots of a track for any number of readers.
 *
 * Seqlock read: load the track's sequence word; if odd, the writer is inside — retry; copy the
 * fields with `Atomics.load` into a private scratch; load the sequence again; if it changed,
 * retry. After at most `maxRetries` attempts the read gives up and leaves the caller's object
 * untouched (returns false). It never blocks and never waits on the audio thread.
 *
 * Thread: any thread except the writer's; one reader object per thread.
 *
 * Length (≈410 lines): the seqlock copy, the consumer-slot protocol and staleness share the
 * reader's private scratch and clocks; TrackLevels, the options and slot claims have their own modules.
 */
import { checkInteger, checkNumber, checkOptions, checkBoolean, describeValue } from '../../dsp/validate';
import { meterStatus, type MeterStatusValue } from '../meter-status';
import { type TrackLevels, fieldCount } from './track-levels';
import type { BankReaderOptions } from './reader-options';
import { CHANNEL_FIELDS, TRACK_FIELDS } from './schema';
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
  WRITER_RUNNING,
  NAN_BITS,
  CONSUMER_SLOTS,
  slotBaseOffset,
  slotPeakOffset,
} from './layout';
import { markConsumerSlot, releaseConsumerSlot } from './consumers';
import { oversGeneration, trackClipped } from './clip-state';

/** 1 where a channel / track field is an unsigned count (schema.ts `kind`), precomputed once. */
const CHANNEL_UINT = Uint8Array.from(CHANNEL_FIELDS, (f) => (f.kind === 'uint' ? 1 : 0));
const TRACK_UINT = Uint8Array.from(TRACK_FIELDS, (f) => (f.kind === 'uint' ? 1 : 0));

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export { type TrackLevels, createTrackLevels, fieldCount } from './track-levels';
export type { BankReaderOptions } from './reader-options';

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
  private consume: boolean;
  private readonly slot: number;
  /** Scratch index of the consumer words copied after the fields: BASE, then slot PEAK × channels. */
  private readonly tail: number;
  private readonly baseAt: number;
  private readonly peakAt: Int32Array;
  private readonly now: () => number;
  private readonly staleAfterMs: number;
  private readonly isClockRunning: (() => boolean) | null;
  private readonly maxRetries: number;
  private readonly onControl: (() => void) | null;
  /** The platform's part of the status (BankReaderOptions.platformStatus), if known. */
  readonly platformStatus: (() => 'no-source' | 'error' | 'suspended' | null) | undefined;
  private lastHeartbeat: number;
  private lastBeatAt: number;
  private frameClock: { readonly nowMs: number; readonly frame?: number } | null = null;
  /**
   * isClockRunning's answer for frame `clockFrame` of clock `clockOwner` (asked once per frame,
   * not per track). Keyed on the clock too: two clocks (a frame loop's, a sleeping hub's) count
   * their frames independently, so a frame number alone would reuse another clock's answer.
   */
  private clockFrame = -1;
  private clockOwner: object | null = null;
  private clockRunning = true;
  /** Words per copy: up to the extras, or through them when the writer publishes any. */
  private copyLevelsOnly: number;
  /** Reads that gave up after maxRetries (diagnostics). */
  contended = 0;

  constructor(words: Int32Array, options: BankReaderOptions = {}) {
    checkReaderArgs(words, options);
    this.words = words;
    this.layout = layoutFromWords(words);
    this.tracks = this.layout.tracks;
    this.channels = this.layout.channels;
    const f = new Int32Array([Atomics.load(words, H_SAMPLE_RATE)]);
    this.sampleRate = new Float32Array(f.buffer)[0];
    this.copyWords = this.layout.extrasOffset + EXTRA_WORDS - T_PUBLISH;
    this.copyLevelsOnly = this.layout.extrasOffset - T_PUBLISH;
    this.tail = this.copyWords;
    this.scratch = new Int32Array(this.copyWords + 1 + this.channels);
    // Extras read as NaN ("not measured") until a copy brings real values.
    this.scratch.fill(NAN_BITS, this.copyLevelsOnly);
    this.scratchF = new Float32Array(this.scratch.buffer);
    this.acked = new Int32Array(this.tracks);
    this.consume = options.consume ?? false;
    if (options.consumerSlot !== undefined && !this.consume) {
      throw new RangeError(`consumerSlot needs consume: true, got consumerSlot = ${String(options.consumerSlot)} with consume = ${String(options.consume)}`);
    }
    this.slot = checkInteger('consumerSlot', options.consumerSlot ?? 0, 0, CONSUMER_SLOTS - 1);
    this.baseAt = slotBaseOffset(this.layout, this.slot);
    this.peakAt = Int32Array.from({ length: this.channels }, (_, c) => slotPeakOffset(this.layout, this.slot, c));
    if (this.consume) {
      // Count from the slot's current acknowledgements (a reused slot keeps its last owner's).
      for (let t = 0; t < this.tracks; t++) this.acked[t] = Atomics.load(words, controlBase(this.layout, t) + K_CONSUMED + this.slot);
      markConsumerSlot(words, this.slot);
    }
    this.now = options.now ?? defaultNow;
    this.staleAfterMs = checkNumber('staleAfterMs', options.staleAfterMs ?? 250, 1, 60_000, 'ms', true);
    this.isClockRunning = options.isClockRunning ?? null;
    this.maxRetries = checkInteger('maxRetries', options.maxRetries ?? 64, 1, 10_000);
    this.onControl = options.onControl ?? null;
    if (options.platformStatus !== undefined && typeof options.platformStatus !== 'function') {
      throw new TypeError(`MeterBankReader: platformStatus must be a function, got ${describeValue(options.platformStatus)}`);
    }
    this.platformStatus = options.platformStatus;
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
    // Straight-line stores of the schema's named offsets (monomorphic, no keyed lookups per
    // frame); test/unit/bank-schema.test.ts checks every schema field lands in its key.
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
   * `offset`: per channel the CHANNEL_FIELDS [peak, decayingPeak, hold, rms, overs, nonFinite,
   * ballistic], then the TRACK_FIELDS [momentary, shortTerm, integrated, loudnessRange,
   * truePeak, correlation, balance, loudnessSeconds] (schema.ts; {@link fieldCount} values).
   * Returns false (array untouched) if the read gave up.
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
    // Derived from the schema: every channel field, then every track field, in bank order.
    for (let c = 0; c < this.channels; c++) {
      const b = o + c * CHANNEL_STRIDE;
      const d = offset + c * CHANNEL_STRIDE;
      for (let i = 0; i < CHANNEL_STRIDE; i++) out[d + i] = CHANNEL_UINT[i] === 1 ? s[b + i] >>> 0 : f[b + i];
    }
    const x = this.layout.extrasOffset - T_PUBLISH;
    const d = offset + this.channels * CHANNEL_STRIDE;
    for (let i = 0; i < EXTRA_WORDS; i++) out[d + i] = TRACK_UINT[i] === 1 ? s[x + i] >>> 0 : f[x + i];
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
      const consume = this.consume;
      if (consume) {
        // This slot's BASE and (slots 1..3) its own peak words, in the same seqlock attempt.
        s[this.tail] = Atomics.load(w, base + this.baseAt);
        if (this.slot !== 0) for (let c = 0; c < this.channels; c++) s[this.tail + 1 + c] = Atomics.load(w, base + this.peakAt[c]);
      }
      if (Atomics.load(w, base + T_SEQ) !== seq) continue;
      if (consume) this.consumePeaks(track);
      return true;
    }
    this.contended++;
    return false;
  }

  /**
   * Turns the copied snapshot's peaks into this consumer's: its slot's peaks when they count
   * from this reader's last acknowledgement (then acknowledges this snapshot), else zeros —
   * nothing new was published, or the writer had not seen the last acknowledgement yet, so the
   * peaks may hold spikes already delivered; they stay pending for a later snapshot.
   */
  private consumePeaks(track: number): void {
    const s = this.scratch;
    const o = T_CHANNELS - T_PUBLISH + C_PEAK;
    const acked = this.acked[track];
    if (s[0] === acked || s[this.tail] !== acked) {
      for (let c = 0; c < this.channels; c++) s[o + c * CHANNEL_STRIDE] = 0;
      return;
    }
    if (this.slot !== 0) for (let c = 0; c < this.channels; c++) s[o + c * CHANNEL_STRIDE] = s[this.tail + 1 + c];
    this.acked[track] = s[0];
    // publish the acknowledgement: the writer restarts this slot's sample peak after it.
    Atomics.store(this.words, controlBase(this.layout, track) + K_CONSUMED + this.slot, s[0]);
  }

  /** The writer's overs generation (clip-state.ts): unchanged = every clip latch as it was. */
  oversGeneration(): number {
    return oversGeneration(this.words);
  }

  /** 1 when `track` has a latched over on any channel, else 0, without a snapshot. RangeError for a bad track. */
  clipped(track: number): number {
    this.checkTrack(track);
    return trackClipped(this.words, this.layout, track);
  }

  /** The consumer slot of this reader, or -1 for an observing (or released) reader. */
  get consumerSlot(): number {
    return this.consume ? this.slot : -1;
  }

  /**
   * Releases this consumer's slot (another consumer may claim it) and turns this reader into
   * an observer (it then reads slot 0's peak and acknowledges nothing). Idempotent.
   */
  release(): void {
    if (!this.consume) return;
    this.consume = false;
    releaseConsumerSlot(this.words, this.slot);
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
        if (clock.frame !== this.clockFrame || clock !== this.clockOwner) {
          this.clockFrame = clock.frame;
          this.clockOwner = clock;
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

  /** Why the meter shows what it shows: `meterStatus(this)` (meter-status.ts has the rules). */
  get status(): MeterStatusValue {
    return meterStatus(this);
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

function checkReaderArgs(words: unknown, options: BankReaderOptions): void {
  if (!(words instanceof Int32Array)) throw new TypeError(`MeterBankReader: words must be an Int32Array of a meter bank, got ${describeValue(words)}`);
  checkOptions('MeterBankReader', options, 'no required fields (pass {} or omit it)');
  if (options.consume !== undefined) checkBoolean('MeterBankReader: consume', options.consume);
  for (const name of ['now', 'isClockRunning', 'onControl'] as const) {
    const f = options[name];
    if (f !== undefined && typeof f !== 'function') throw new TypeError(`MeterBankReader: ${name} must be a function, got ${describeValue(f)}`);
  }
}
