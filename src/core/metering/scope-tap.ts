/**
 * The worklet's scope work, platform-free: after each block it appends the first two channels
 * of every scoped bank track (the same channel twice for mono) to that track's sample ring
 * (./../scope/ring-layout.ts).
 *
 * - Shared transport: straight into the rings of the engine's SharedArrayBuffer.
 * - Message transport: into one preallocated interleaved batch per ring; every
 *   `batchFrames` frames (≈ 20 ms, see {@link scopeBatchFrames}) `flush` hands each batch to a
 *   post function, so the port carries ~50 posts per second per ring, never one per render
 *   quantum. The engine writes the posted frames into its own (plain) scope buffer with the
 *   same ring writer, so the reader API is identical.
 *
 * Thread: the audio thread. Allocates only in the constructor; `write` never throws.
 */
import { SampleRingWriter } from '../scope/ring-writer';

/** One batch of a ring's frames, interleaved L, R (message transport). Posted as is. */
export interface ScopeBatch {
  type: 'scope';
  ring: number;
  frames: number;
  data: Float32Array;
}

/** Frames per batch on the message transport: 20 ms of audio, in whole render quanta. */
export function scopeBatchFrames(sampleRate: number, quantum = 128): number {
  return Math.max(quantum, Math.round((sampleRate * 0.02) / quantum) * quantum);
}

/** Where the tap finds a bank track's channels after a block (BankMetering.channelsOf). */
export interface ChannelSource {
  channelsOf(track: number): readonly Float32Array[];
}

export class ScopeTap {
  /** Scoped bank tracks, in ring order. */
  readonly tracks: Int32Array;
  private readonly writers: SampleRingWriter[] | null;
  private readonly batches: ScopeBatch[] | null;
  private readonly batchFrames: number;

  /**
   * `words`: the shared scope buffer (shared transport), or null for the message transport,
   * which batches `batchFrames` frames per ring instead.
   */
  constructor(tracks: readonly number[], words: Int32Array | null, batchFrames: number) {
    this.tracks = Int32Array.from(tracks);
    this.batchFrames = batchFrames;
    this.writers = words === null ? null : tracks.map((_, r) => new SampleRingWriter(words, r));
    this.batches = words === null ? tracks.map((_, ring) => ({ type: 'scope' as const, ring, frames: 0, data: new Float32Array(2 * batchFrames) })) : null;
  }

  /**
   * Appends `frames` samples of every scoped track. Message transport: calls `post(batch)` for
   * each full batch (the batch is reused after `post` returns: copy or clone it there).
   */
  write(source: ChannelSource, frames: number, post: ((batch: ScopeBatch) => void) | null): void {
    for (let r = 0; r < this.tracks.length; r++) {
      const chans = source.channelsOf(this.tracks[r]);
      if (chans.length === 0) continue;
      const left = chans[0];
      const right = chans.length > 1 ? chans[1] : chans[0];
      if (this.writers !== null) {
        this.writers[r].write(left, right, 0, frames);
        continue;
      }
      const batch = this.batches![r];
      const data = batch.data;
      for (let i = 0; i < frames; i++) {
        if (batch.frames === this.batchFrames) this.flushOne(batch, post);
        const k = batch.frames << 1;
        data[k] = left[i];
        data[k + 1] = right[i];
        batch.frames++;
      }
      if (batch.frames === this.batchFrames) this.flushOne(batch, post);
    }
  }

  /** Message transport: posts every non-empty batch now (a flush request, or before stopping). */
  flush(post: (batch: ScopeBatch) => void): void {
    if (this.batches === null) return;
    for (const batch of this.batches) if (batch.frames > 0) this.flushOne(batch, post);
  }

  private flushOne(batch: ScopeBatch, post: ((batch: ScopeBatch) => void) | null): void {
    if (post !== null) post(batch);
    batch.frames = 0;
  }
}
