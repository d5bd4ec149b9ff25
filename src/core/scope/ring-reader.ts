/**
 * The consumer side of a scope ring (layout and protocol: ./ring-layout.ts): takes every frame
 * that arrived since the previous read, into caller-owned arrays, without allocating.
 *
 * - All of it: when no more frames arrived than the output holds (`out.length`), every frame.
 * - Decimation above that bound: when `n` frames arrived and the output holds `max`, the
 *   reader takes every d-th frame, d = ceil(n / max) (point decimation: each returned frame is
 *   a real L/R pair, which is what a Lissajous figure needs; no filter). `lastStep` says d.
 * - Overrun: when the reader fell more than the ring's safe span (CAPACITY − MAX_BLOCK frames)
 *   behind, it skips to the newest frames; skipped frames, and frames the writer overwrote
 *   while they were copied, are added to `lostFrames` and never returned.
 * - Lag (output alignment): with `lagFrames` > 0 a read stops that many frames short of the
 *   newest, so the frames returned are the ones being heard now (the delay between the
 *   measurement and the ears, in frames). The lag is capped at {@link maxLagFrames} (three
 *   quarters of the safe span, leaving a quarter for the frames arriving between two reads). A
 *   lag that grew holds (nothing is returned until the writer is that far ahead again, never a
 *   frame twice); one that shrank returns the frames in between with the next read (decimated
 *   above the bound like any other read).
 *
 * Thread: any (the frame loop on the page or in the render worker). `readInto` allocates
 * nothing, never blocks; "this can be late": it returns what was published when it loaded WRITE.
 */
import { checkScopeWords, ringBase, RING_HEADER_WORDS, R_WRITE, R_TRACK, S_CAPACITY, S_MAX_BLOCK, S_SAMPLE_RATE } from './ring-layout';

export class SampleRingReader {
  /** Bank track this ring scopes. */
  readonly track: number;
  /** Frames per second of the ring's samples (the context's sample rate). */
  readonly sampleRate: number;
  /** Ring capacity, frames. */
  readonly capacity: number;
  private readonly words: Int32Array;
  private readonly data: Float32Array;
  private readonly base: number;
  private readonly mask: number;
  /** Largest span behind WRITE that cannot be being overwritten: CAPACITY − MAX_BLOCK. */
  private readonly safe: number;
  private pos: number;
  /** The largest lag a read honours, frames (CAPACITY − MAX_BLOCK − CAPACITY / 4). */
  readonly maxLagFrames: number;
  private lost = 0;
  private step = 1;

  /** `ring`: the ring's index in the scope buffer `words`. Starts at the newest frame (reads nothing old). */
  constructor(words: Int32Array, ring: number) {
    checkScopeWords('SampleRingReader', words);
    const capacity = words[S_CAPACITY];
    this.words = words;
    this.capacity = capacity;
    this.base = ringBase(capacity, ring);
    this.track = words[this.base + R_TRACK];
    this.sampleRate = words[S_SAMPLE_RATE];
    this.data = new Float32Array(words.buffer, words.byteOffset + (this.base + RING_HEADER_WORDS) * 4, 2 * capacity);
    this.mask = capacity - 1;
    this.safe = capacity - words[S_MAX_BLOCK];
    this.maxLagFrames = this.safe - (capacity >> 2);
    this.pos = Atomics.load(words, this.base + R_WRITE) >>> 0;
  }

  /** Frames lost to overruns since construction (or the last {@link resetLostFrames}). */
  get lostFrames(): number {
    return this.lost;
  }

  resetLostFrames(): void {
    this.lost = 0;
  }

  /** Decimation of the last read: 1 = every frame, d = every d-th frame. */
  get lastStep(): number {
    return this.step;
  }

  /** `lagFrames` as a whole number of frames from 0 to {@link maxLagFrames} (NaN: 0). */
  private lagOf(lagFrames: number): number {
    const lag = Math.floor(lagFrames);
    return lag > this.maxLagFrames ? this.maxLagFrames : lag > 0 ? lag : 0;
  }

  /**
   * Moves the read position back to the newest `frames` frames already written, or with
   * `lagFrames` to the `frames` frames before the newest `lagFrames` (at most the ring's safe
   * span, and never before the first frame), so the next read returns them again — e.g. for a
   * view built after the samples arrived (a frozen state, a remount).
   */
  rewind(frames: number, lagFrames = 0): void {
    const w = Atomics.load(this.words, this.base + R_WRITE) >>> 0;
    const lag = this.lagOf(lagFrames);
    const written = w >= this.safe ? this.safe : w; // (after a 2^32 wrap: a shorter rewind, never a wrong one)
    if (written <= lag) {
      // Nothing written is old enough to be heard yet: start at the first frame (or, after a
      // wrap, the oldest kept), which the next reads reach once the writer is `lag` ahead.
      this.pos = (w - written) >>> 0;
      return;
    }
    const back = Math.max(0, Math.min(Math.floor(frames), written - lag));
    this.pos = (w - lag - back) >>> 0;
  }

  /**
   * Copies the frames published since the last read into `left[0…]` and `right[0…]` (at most
   * `min(left.length, right.length)` of them, decimated above that) and returns how many.
   * `lagFrames` (default 0): stop that many frames short of the newest (see the module comment).
   */
  readInto(left: Float32Array, right: Float32Array, lagFrames = 0): number {
    const max = Math.min(left.length, right.length);
    const words = this.words;
    if (max === 0) return 0;
    const w = Atomics.load(words, this.base + R_WRITE) >>> 0;
    let from = this.pos;
    let ahead = (w - from) >>> 0; // frames from the read position to the newest
    if (ahead > this.safe) {
      // overrun: skip to the oldest frame the writer cannot be overwriting now.
      this.lost += ahead - this.safe;
      from = (w - this.safe) >>> 0;
      ahead = this.safe;
    }
    // Not positive when the lag grew past the read position: hold until the writer is ahead.
    const avail = ahead - this.lagOf(lagFrames);
    if (avail <= 0) return 0;
    const step = avail <= max ? 1 : Math.ceil(avail / max);
    const n = Math.ceil(avail / step);
    const data = this.data;
    const mask = this.mask;
    for (let k = 0; k < n; k++) {
      const slot = (((from + k * step) >>> 0) & mask) << 1;
      left[k] = data[slot];
      right[k] = data[slot + 1];
    }
    // Frames the writer may have overwritten during the copy: every index below w2 − safe.
    const w2 = Atomics.load(words, this.base + R_WRITE) >>> 0;
    const behind = (w2 - from) >>> 0; // how far the first copied frame is behind the writer now
    let drop = 0;
    if (behind > this.safe) drop = Math.min(n, Math.ceil((behind - this.safe) / step));
    if (drop > 0) {
      left.copyWithin(0, drop, n);
      right.copyWithin(0, drop, n);
      this.lost += drop * step;
    }
    this.pos = (from + avail) >>> 0;
    this.step = step;
    return n - drop;
  }
}
