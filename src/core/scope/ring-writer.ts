/**
 * The producer side of a scope ring (layout and protocol: ./ring-layout.ts). One writer per
 * ring: the worklet (shared transport) or the engine applying the worklet's batched posts
 * (message transport).
 *
 * Thread: the audio thread (or the page for the message transport). `write` allocates nothing,
 * never blocks and never throws.
 */
import { checkScopeWords, ringBase, RING_HEADER_WORDS, R_WRITE, S_CAPACITY, S_MAX_BLOCK } from './ring-layout';

export class SampleRingWriter {
  private readonly words: Int32Array;
  private readonly data: Float32Array;
  private readonly base: number;
  private readonly mask: number;
  private readonly maxBlock: number;
  /** Frames written so far (uint32, wrapping), mirrored in WRITE after each publish. */
  private written: number;

  /** `ring`: the ring's index in the scope buffer `words`. */
  constructor(words: Int32Array, ring: number) {
    checkScopeWords('SampleRingWriter', words);
    const capacity = words[S_CAPACITY];
    this.words = words;
    this.base = ringBase(capacity, ring);
    this.data = new Float32Array(words.buffer, words.byteOffset + (this.base + RING_HEADER_WORDS) * 4, 2 * capacity);
    this.mask = capacity - 1;
    this.maxBlock = words[S_MAX_BLOCK];
    this.written = Atomics.load(words, this.base + R_WRITE) >>> 0;
  }

  /**
   * Appends frames `start … start + frames − 1` of `left` and `right` (the same array twice for
   * mono) and publishes them, at most MAX_BLOCK frames per publish.
   */
  write(left: Float32Array, right: Float32Array, start: number, frames: number): void {
    const data = this.data;
    const mask = this.mask;
    let w = this.written;
    let i = start;
    const end = start + frames;
    while (i < end) {
      const stop = Math.min(end, i + this.maxBlock);
      for (; i < stop; i++) {
        const slot = (w & mask) << 1;
        data[slot] = left[i];
        data[slot + 1] = right[i];
        w = (w + 1) >>> 0;
      }
      // publish: the frames above become visible to a reader that loads WRITE after this store.
      Atomics.store(this.words, this.base + R_WRITE, w | 0);
    }
    this.written = w;
  }

  /** Appends `frames` interleaved frames of `data` (L, R, L, R …) and publishes them. */
  writeInterleaved(data: Float32Array, frames: number): void {
    const ring = this.data;
    const mask = this.mask;
    let w = this.written;
    let i = 0;
    while (i < frames) {
      const stop = Math.min(frames, i + this.maxBlock);
      for (; i < stop; i++) {
        const slot = (w & mask) << 1;
        ring[slot] = data[2 * i];
        ring[slot + 1] = data[2 * i + 1];
        w = (w + 1) >>> 0;
      }
      // publish
      Atomics.store(this.words, this.base + R_WRITE, w | 0);
    }
    this.written = w;
  }

  /** Frames written so far (uint32, wrapping at 2^32). */
  get framesWritten(): number {
    return this.written;
  }
}
