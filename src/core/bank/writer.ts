/**
 * The bank writer: the single writer of the meter fields (the worklet, or the main-thread side
 * of the message transport). Publishes each track under its seqlock.
 *
 * Sample peak semantics, per consumer slot k (0..CONSUMER_SLOTS−1): slot k's PEAK word of a
 * snapshot is the max |x| over every sample since the publish slot k last acknowledged (its
 * CONSUMED k word), and the snapshot's BASE k word says which acknowledgement that was. So a
 * one-sample spike is never lost however rarely a consumer reads, and a consumer that checks
 * BASE k against its own last acknowledgement never sees it twice. The writer keeps the
 * per-publish peaks of the last {@link PEAK_RING} publishes (shared by all slots) to compute
 * that exactly; if it sees an acknowledgement more than PEAK_RING publishes after the publish
 * it acknowledges (a consumer stalled between its copy and its acknowledgement for that long),
 * it keeps the running max (it may then over-report, never lose). Slot 0 is always kept (it is
 * also what observing readers read); slots 1..3 only while their bit is set in H_CONSUMERS.
 *
 * Thread: the writer's thread only. Nothing allocates after construction.
 *
 * Length (≈330 lines): the seqlock publish, the per-slot peak bookkeeping and the control scan
 * share the writer's private shadow and ring; nothing here is independent of them.
 */
import {
  type BankLayout,
  layoutFromWords,
  trackBase,
  controlBase,
  T_SEQ,
  T_PUBLISH,
  T_CHANNELS,
  CHANNEL_STRIDE,
  C_DECAY,
  C_HOLD,
  C_RMS,
  C_OVERS,
  C_NONFINITE,
  C_BALLISTIC,
  H_PUBLISH,
  H_HEARTBEAT,
  H_WRITER_STATE,
  H_FEATURES,
  H_CONTROL_GEN,
  H_OVERS_GEN,
  H_RESET_ALL_OVERS,
  H_RESET_ALL_HOLDS,
  H_RESET_ALL_LOUDNESS,
  H_STOP_REQUEST,
  K_CLEAR_OVERS,
  K_CLEAR_HOLD,
  K_RESET_LOUDNESS,
  K_CONSUMED,
  EXTRA_WORDS,
  CONSUMER_SLOTS,
  H_CONSUMERS,
  slotBaseOffset,
  slotPeakOffset,
  NAN_BITS,
  WRITER_RUNNING,
  WRITER_STOPPED,
} from './layout';

/**
 * Publishes remembered per track for exact peak-since-consumed (a power of two): 128 publishes
 * are 341 ms at 48 kHz, so a consumer preempted inside a read (a busy machine, a GC pause)
 * still gets every spike exactly once. Float32 per entry (sample peaks are float32 values):
 * 128 KB per 128 stereo tracks.
 */
export const PEAK_RING = 128;

/** Bits returned by {@link BankWriter.takeResets}. */
export const RESET_OVERS = 1;
export const RESET_HOLD = 2;
export const RESET_LOUDNESS = 4;

/**
 * What the writer publishes for one channel; `LevelMeter` from `meterkit/dsp` satisfies it.
 * `takePeak` returns the sample peak since its previous call and starts a new interval.
 */
export interface ChannelLevelSource {
  takePeak(): number;
  readonly decayingPeak: number;
  readonly hold: number;
  readonly rms: number;
  readonly overs: number;
  readonly nonFinite: number;
}

export class BankWriter {
  readonly words: Int32Array;
  readonly layout: BankLayout;
  private readonly bits = new Int32Array(1);
  private readonly floats = new Float32Array(this.bits.buffer);
  private readonly seq: Int32Array;
  /** Per track: the publish number it was last written in (ring entries after it are stale). */
  private readonly written: Int32Array;
  /** Per track and slot: the CONSUMED word last seen. */
  private readonly lastConsumed: Int32Array;
  /** Per slot, track and channel: the peak since lastConsumed. */
  private readonly pending: Float64Array;
  /** Per slot, for the track being written: did its acknowledgement move, and how far behind is it. */
  private readonly moved = new Uint8Array(CONSUMER_SLOTS);
  private readonly behind = new Int32Array(CONSUMER_SLOTS);
  /** Word offsets within a track block of each slot's PEAK words (per channel) and BASE word. */
  private readonly peakAt: Int32Array;
  private readonly baseAt: Int32Array;
  /** Bits of the consumer slots kept this publish (bit 0 always). */
  private slots = 1;
  private readonly ring: Float32Array;
  /** Last seen values of the UI's request counters: 3 globals, then 3 per track. */
  private readonly seenControl: Int32Array;
  /** What this writer last stored in each word it owns. */
  private readonly shadow: Int32Array;
  private seenGen = 0;
  private publishNumber = 0;
  private late = 0;
  /** Some track's OVERS word changed in this publish. */
  private oversMoved = false;

  constructor(words: Int32Array) {
    this.words = words;
    this.layout = layoutFromWords(words);
    const { tracks, channels } = this.layout;
    this.seq = new Int32Array(tracks);
    this.written = new Int32Array(tracks);
    this.lastConsumed = new Int32Array(tracks * CONSUMER_SLOTS);
    this.pending = new Float64Array(CONSUMER_SLOTS * tracks * channels);
    this.peakAt = new Int32Array(CONSUMER_SLOTS * channels);
    this.baseAt = new Int32Array(CONSUMER_SLOTS);
    for (let k = 0; k < CONSUMER_SLOTS; k++) {
      this.baseAt[k] = slotBaseOffset(this.layout, k);
      for (let c = 0; c < channels; c++) this.peakAt[k * channels + c] = slotPeakOffset(this.layout, k, c);
    }
    this.ring = new Float32Array(tracks * channels * PEAK_RING);
    this.seenControl = new Int32Array(3 + tracks * 3);
    this.shadow = new Int32Array(words.length);
    for (let t = 0; t < tracks; t++) {
      const xb = trackBase(this.layout, t) + this.layout.extrasOffset;
      for (let i = 0; i < EXTRA_WORDS; i++) {
        this.shadow[xb + i] = NAN_BITS;
        Atomics.store(words, xb + i, NAN_BITS);
      }
    }
    this.syncControl();
  }

  /** Marks the writer running and records which optional fields it publishes. */
  start(features: number): void {
    Atomics.store(this.words, H_FEATURES, features);
    Atomics.store(this.words, H_WRITER_STATE, WRITER_RUNNING);
  }

  /** Marks the writer stopped (disposed); readers then report stale at once. */
  stop(): void {
    Atomics.store(this.words, H_WRITER_STATE, WRITER_STOPPED);
  }

  /** True once the UI asked the writer to stop (engine disposed). */
  stopRequested(): boolean {
    return Atomics.load(this.words, H_STOP_REQUEST) !== 0;
  }

  /**
   * Starts a publish; returns its publish number (1, 2, …, wrapping at 2^32). A publish need
   * not write every track: a track skipped in some publishes counts as silent in them (its
   * sample peak is carried by the meter's `takePeak` into the next publish that writes it).
   */
  beginPublish(): number {
    this.publishNumber = (this.publishNumber + 1) | 0;
    const slots = (Atomics.load(this.words, H_CONSUMERS) & ((1 << CONSUMER_SLOTS) - 1)) | 1;
    if (slots !== this.slots) this.slotsChanged(slots);
    return this.publishNumber;
  }

  /**
   * The UI claimed or released consumer slots. A newly claimed slot starts from its current
   * CONSUMED words with nothing pending: its consumer sees the spikes from now on. O(tracks ×
   * channels), only when the claims change; no allocation.
   */
  private slotsChanged(slots: number): void {
    const { tracks, channels } = this.layout;
    const fresh = slots & ~this.slots;
    this.slots = slots;
    for (let k = 1; k < CONSUMER_SLOTS; k++) {
      if ((fresh & (1 << k)) === 0) continue;
      for (let t = 0; t < tracks; t++) {
        this.lastConsumed[t * CONSUMER_SLOTS + k] = Atomics.load(this.words, controlBase(this.layout, t) + K_CONSUMED + k);
        this.pending.fill(0, (k * tracks + t) * channels, (k * tracks + t + 1) * channels);
      }
    }
  }

  /**
   * Publishes track `t` from its channel meters (one per channel), consuming each meter's
   * sample peak (`takePeak`). `ballistic` holds one ballistic indication per channel (null:
   * the decaying peak is the indication, as for the digital peak preset). `extras`
   * (EXTRA_WORDS floats) are the track's loudness and correlation readings; null leaves them as
   * they are — NaN ("not measured") on a track that never had any. Words whose value did not
   * change are not stored again.
   */
  writeTrack(t: number, meters: readonly ChannelLevelSource[], ballistic: Float64Array | null, extras: Float64Array | null): void {
    const w = this.words;
    const { channels, tracks } = this.layout;
    const n = this.publishNumber;
    const base = trackBase(this.layout, t);
    const slot = n & (PEAK_RING - 1);
    const kb = controlBase(this.layout, t) + K_CONSUMED;
    const slots = this.slots;
    // Slots 0 .. highest claimed: just slot 0 (one iteration) while no other consumer exists.
    const kEnd = 32 - Math.clz32(slots);

    // Which publishes has each consumer seen? Recompute its pending peak from the ring only
    // when its acknowledgement moved.
    for (let k = 0; k < kEnd; k++) {
      if ((slots & (1 << k)) === 0) continue;
      const consumed = Atomics.load(w, kb + k);
      const li = t * CONSUMER_SLOTS + k;
      this.moved[k] = consumed !== this.lastConsumed[li] ? 1 : 0;
      this.lastConsumed[li] = consumed;
      this.behind[k] = (n - consumed) | 0;
      // A consumer stalled between its copy and its acknowledgement for more than PEAK_RING publishes.
      if (this.moved[k] === 1 && this.behind[k] > PEAK_RING) this.late++;
    }

    // Publishes that skipped this track measured nothing for it: zero their ring entries, so an
    // exact recompute below never reads a peak left from PEAK_RING publishes earlier.
    const gap = (n - this.written[t] - 1) | 0;
    if (gap > 0) {
      const skipped = gap < PEAK_RING ? gap : PEAK_RING;
      for (let c = 0; c < channels; c++) {
        const ringBase = (t * channels + c) * PEAK_RING;
        for (let j = 1; j <= skipped; j++) this.ring[ringBase + ((n - j) & (PEAK_RING - 1))] = 0;
      }
    }
    this.written[t] = n;

    const seq = (this.seq[t] + 1) | 0;
    Atomics.store(w, base + T_SEQ, seq); // odd: writer inside
    for (let c = 0; c < channels; c++) {
      const m = meters[c];
      const q = m.takePeak();
      const ringBase = (t * channels + c) * PEAK_RING;
      this.ring[ringBase + slot] = q;
      for (let k = 0; k < kEnd; k++) {
        if ((slots & (1 << k)) === 0) continue;
        const pi = (k * tracks + t) * channels + c;
        let p = this.pending[pi];
        const behind = this.behind[k];
        if (this.moved[k] === 1 && behind >= 1 && behind <= PEAK_RING) {
          p = 0;
          for (let j = 0; j < behind; j++) {
            const v = this.ring[ringBase + ((n - j) & (PEAK_RING - 1))];
            if (v > p) p = v;
          }
        } else if (q > p) {
          p = q;
        }
        this.pending[pi] = p;
        this.put(base + this.peakAt[k * channels + c], this.floatBits(p));
      }
      const cb = base + T_CHANNELS + c * CHANNEL_STRIDE;
      const decay = m.decayingPeak;
      this.put(cb + C_DECAY, this.floatBits(decay));
      this.put(cb + C_HOLD, this.floatBits(m.hold));
      this.put(cb + C_RMS, this.floatBits(m.rms));
      const overs = clampCount(m.overs);
      if (this.shadow[cb + C_OVERS] !== overs) this.oversMoved = true;
      this.put(cb + C_OVERS, overs);
      this.put(cb + C_NONFINITE, clampCount(m.nonFinite));
      this.put(cb + C_BALLISTIC, this.floatBits(ballistic !== null ? ballistic[c] : decay));
    }
    // Each kept slot's peak counts from the acknowledgement just loaded.
    for (let k = 0; k < kEnd; k++) {
      if ((slots & (1 << k)) !== 0) this.put(base + this.baseAt[k], this.lastConsumed[t * CONSUMER_SLOTS + k]);
    }
    const xb = base + this.layout.extrasOffset;
    // Without extras the words keep the NaN ("not measured") written at construction.
    if (extras !== null) for (let i = 0; i < EXTRA_WORDS; i++) this.put(xb + i, this.floatBits(extras[i]));
    this.put(base + T_PUBLISH, n);
    // publish: the even sequence tells readers the fields above are complete.
    Atomics.store(w, base + T_SEQ, (seq + 1) | 0);
    this.seq[t] = (seq + 1) | 0;
  }

  /**
   * How many acknowledgements arrived more than {@link PEAK_RING} publishes after the publish
   * they acknowledge (counted per track and slot). Each is a point where that consumer's peak
   * was kept as a running max: it may show a spike it already showed once more, never lose one.
   * A diagnostic for tests and benchmarks; 0 on any machine not stalled for 341 ms inside a read.
   */
  get lateAcknowledgements(): number {
    return this.late;
  }

  /** Ends a publish: advances the publish counter and the audio-clock heartbeat. */
  endPublish(audioFrame: number): void {
    if (this.oversMoved) {
      this.oversMoved = false;
      // publish: after the OVERS words, so a reader that sees the new value reads the new latches.
      Atomics.add(this.words, H_OVERS_GEN, 1);
    }
    Atomics.store(this.words, H_HEARTBEAT, audioFrame | 0);
    Atomics.store(this.words, H_PUBLISH, this.publishNumber);
  }

  /**
   * Marks every track consumed (slot 0) up to the current publish. Used by the message
   * transport's sending side, where "consumed" means "posted to the main thread" (the main
   * thread's MessageMirror keeps the slots of its own consumers).
   */
  markAllConsumed(): void {
    const n = this.publishNumber;
    for (let t = 0; t < this.layout.tracks; t++) {
      Atomics.store(this.words, controlBase(this.layout, t) + K_CONSUMED, n);
    }
  }

  /** True when the UI has written any control word since the last {@link takeResets} scan. */
  controlChanged(): boolean {
    return Atomics.load(this.words, H_CONTROL_GEN) !== this.seenGen;
  }

  /**
   * Scans the UI's request counters once and calls `apply(track, mask)` for every track with a
   * pending reset (mask of RESET_OVERS | RESET_HOLD | RESET_LOUDNESS). `apply` must not
   * allocate if the caller runs on the audio thread (pass a pre-bound function).
   */
  takeResets(apply: (track: number, mask: number) => void): void {
    const w = this.words;
    this.seenGen = Atomics.load(w, H_CONTROL_GEN);
    let all = 0;
    all |= this.changed(0, Atomics.load(w, H_RESET_ALL_OVERS)) ? RESET_OVERS : 0;
    all |= this.changed(1, Atomics.load(w, H_RESET_ALL_HOLDS)) ? RESET_HOLD : 0;
    all |= this.changed(2, Atomics.load(w, H_RESET_ALL_LOUDNESS)) ? RESET_LOUDNESS : 0;
    for (let t = 0; t < this.layout.tracks; t++) {
      const kb = controlBase(this.layout, t);
      const i = 3 + t * 3;
      let mask = all;
      mask |= this.changed(i, Atomics.load(w, kb + K_CLEAR_OVERS)) ? RESET_OVERS : 0;
      mask |= this.changed(i + 1, Atomics.load(w, kb + K_CLEAR_HOLD)) ? RESET_HOLD : 0;
      mask |= this.changed(i + 2, Atomics.load(w, kb + K_RESET_LOUDNESS)) ? RESET_LOUDNESS : 0;
      if (mask !== 0) apply(t, mask);
    }
  }

  private changed(i: number, value: number): boolean {
    if (this.seenControl[i] === value) return false;
    this.seenControl[i] = value;
    return true;
  }

  private syncControl(): void {
    const w = this.words;
    this.seenGen = Atomics.load(w, H_CONTROL_GEN);
    this.seenControl[0] = Atomics.load(w, H_RESET_ALL_OVERS);
    this.seenControl[1] = Atomics.load(w, H_RESET_ALL_HOLDS);
    this.seenControl[2] = Atomics.load(w, H_RESET_ALL_LOUDNESS);
    for (let t = 0; t < this.layout.tracks; t++) {
      const kb = controlBase(this.layout, t);
      this.seenControl[3 + t * 3] = Atomics.load(w, kb + K_CLEAR_OVERS);
      this.seenControl[4 + t * 3] = Atomics.load(w, kb + K_CLEAR_HOLD);
      this.seenControl[5 + t * 3] = Atomics.load(w, kb + K_RESET_LOUDNESS);
    }
  }

  /**
   * Stores `bits` at word `i` unless that is what the word already holds (the writer is its
   * only writer, so its shadow copy is exact): an unchanged field costs no atomic store.
   */
  private put(i: number, bits: number): void {
    if (this.shadow[i] !== bits) {
      this.shadow[i] = bits;
      Atomics.store(this.words, i, bits);
    }
  }

  private floatBits(v: number): number {
    this.floats[0] = v;
    return this.bits[0];
  }
}

/** Counts are published as uint32 bit patterns, saturating at 2^32 − 1. */
function clampCount(n: number): number {
  return n >= 4294967295 ? -1 : n | 0;
}
