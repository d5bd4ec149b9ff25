/**
 * The engine's side of the scope rings: it creates the scope buffer (shared: the worklet
 * writes it; message: a plain buffer this side writes from the worklet's batched posts with the
 * same ring writer) and hands out readers.
 *
 * Thread: main thread. Allocates at construction and in `createReader` only.
 */
import { checkInteger } from '../../dsp/validate';
import { createScopeWords, ringOfTrack } from './ring-layout';
import { SampleRingReader } from './ring-reader';
import { SampleRingWriter } from './ring-writer';

export class EngineScope {
  /** The scope buffer (see ring-layout.ts). */
  readonly words: Int32Array;
  private readonly tracks: readonly number[];
  private readonly bankTracks: number;
  private readonly writers: SampleRingWriter[] | null;

  constructor(o: { tracks: readonly number[]; capacity: number; sampleRate: number; shared: boolean; bankTracks: number }) {
    this.tracks = o.tracks;
    this.bankTracks = o.bankTracks;
    this.words = createScopeWords({ tracks: o.tracks, capacity: o.capacity, sampleRate: o.sampleRate, shared: o.shared });
    this.writers = o.shared ? null : o.tracks.map((_, r) => new SampleRingWriter(this.words, r));
  }

  /** Message transport: a batch the worklet posted (`frames` interleaved L, R frames of ring `ring`). */
  receive(ring: number, data: Float32Array, frames: number): void {
    const writer = this.writers?.[ring];
    if (writer !== undefined) writer.writeInterleaved(data, Math.min(frames, data.length >> 1));
  }

  /** A new reader of bank track `track`'s ring; RangeError naming the scoped tracks when it has none. */
  createReader(track: number): SampleRingReader {
    checkInteger('track', track, 0, this.bankTracks - 1);
    const ring = ringOfTrack(this.words, track);
    if (ring < 0) {
      throw new RangeError(
        `createScopeReader: bank track ${track} has no sample ring; scoped tracks: [${this.tracks.join(', ')}] (add it to the engine's scope option)`,
      );
    }
    return new SampleRingReader(this.words, ring);
  }
}
