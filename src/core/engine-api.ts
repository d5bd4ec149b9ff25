/**
 * The public interface of a meter engine (created by `createMeterEngine`, engine.ts).
 *
 * Thread: main thread. Types only.
 */
import type { MeterBankReader } from './bank/reader';
import type { TransportKind } from './transport';
import type { TrackBallisticsInfo } from './engine-ballistics';
import type { SpectrumBankReader } from './spectrum/spectrum-bank';
import type { MeterSource } from './meter-source';
import type { SampleRingReader } from './scope/ring-reader';
import type { LevelKernelKind } from './protocol';

/** A running meter engine. */
export interface MeterEngine {
  readonly context: BaseAudioContext;
  /** Input tracks (the node's inputs). */
  readonly tracks: number;
  /** Tracks in the bank: inputs, then groups, then the master bus. */
  readonly bankTracks: number;
  /** Bank track of the master bus, or -1 without one. */
  readonly masterTrack: number;
  /** Bank track of group `i` (RangeError for a bad index). */
  groupTrack(i: number): number;
  /**
   * The ballistics bank track `track` runs (its BALLISTIC reading): the preset and its
   * reference, dBFS (`'digital-peak'` at 0 when none). Pass it to `scaleForBallistics` for the
   * track's scale. RangeError for a bad index.
   */
  ballisticsOf(track: number): TrackBallisticsInfo;
  /**
   * The scope buffer (the sample rings of the `scope` tracks; core/scope/ring-layout.ts), or
   * null without `scope`. A SharedArrayBuffer view with the shared transport (post it to a
   * worker and read it there); a plain buffer the engine fills from the worklet's batched posts
   * with the message transport.
   */
  readonly scopeWords: Int32Array | null;
  /**
   * A new reader of bank track `track`'s sample ring (its own position and loss count; it starts
   * at the newest frame). RangeError when the track is not in `scope`. Allocates: create it once.
   */
  createScopeReader(track: number): SampleRingReader;
  /**
   * The spectrum bank (31 one-third-octave levels and holds of each `spectrum` track;
   * core/spectrum/spectrum-bank.ts), or null without `spectrum`. Shared with the worklet on the
   * shared transport (post it to a worker and read it there); on the message transport a plain
   * block the engine refreshes with every snapshot.
   */
  readonly spectrumWords: Int32Array | null;
  /** A reader of the spectrum bank (`readInto(slot, levels, holds)`, `slotOf(track)`). RangeError without `spectrum`. */
  createSpectrumReader(): SpectrumBankReader;
  /** Drops the spectrum holds of bank track `track` (every analysed track when omitted) to the current levels. */
  resetSpectrumHolds(track?: number): void;
  readonly channels: number;
  /** Sample rate of the measured signal (the context's), Hz. */
  readonly sampleRate: number;
  /** How snapshots reach this thread: `shared` (SharedArrayBuffer) or `message` (MessagePort). */
  readonly transport: TransportKind;
  /** The engine's consuming reader: `readInto(track, out)` and the reset requests. */
  readonly bank: MeterBankReader;
  /**
   * What components read when given the engine: `bank` delayed by the output latency
   * (`alignToOutput`, a {@link DelayedSource}), or `bank` itself when alignment is off or the
   * context reports no latency. Read `bank` for readings as measured, `meterSource` for readings
   * as heard.
   */
  readonly meterSource: MeterSource;
  /** The delay `meterSource` applies now, ms (0: not aligned). */
  readonly outputLatencyMs: number;
  /** The bank's words (a SharedArrayBuffer view with the shared transport; post it to a worker to read there). */
  readonly words: Int32Array;
  /** The metering node. It has one input per track and no outputs; it never touches the signal. */
  readonly node: AudioWorkletNode;
  /** The last error the processor reported, or null. */
  readonly error: string | null;
  /**
   * The level kernel the processor measures with — `'wasm-simd'` or `'js'` (option `kernel`,
   * docs/audio-thread.md) — once the processor has reported it (shortly after the audio
   * thread constructs it); null before.
   */
  readonly kernel: LevelKernelKind | null;
  /** True after {@link dispose}. */
  readonly disposed: boolean;
  /**
   * An AudioNode to connect track `track`'s source to (a unity GainNode into the meter node,
   * created on first use) — for APIs that need a node. `connect(node, track)` is cheaper: it
   * connects straight to the meter node. Throws RangeError for a bad index, Error after dispose.
   */
  input(track: number): AudioNode;
  /**
   * Connects `node` (its output `output`, default 0) straight to input `track` of the meter
   * node and returns a function that disconnects it again. Connections made this way are also
   * undone by `dispose()`.
   */
  connect(node: AudioNode, track: number, output?: number): () => void;
  /** A new non-consuming reader of this engine's bank, e.g. for numbers without UI. */
  createReader(): MeterBankReader;
  /**
   * A new consumer of the sample peak on this thread: claims a free consumer slot (1 to 3;
   * slot 0 is `bank`'s) and returns a consuming reader for it, which sees every spike exactly
   * once whatever `bank` and other consumers read. `reader.release()` frees the slot. Throws an
   * Error when all CONSUMER_SLOTS (4) are in use.
   */
  createConsumer(): MeterBankReader;
  /**
   * Claims a free consumer slot for a consumer on another thread: post `engine.words` and the
   * returned slot to a worker, which reads with `new MeterBankReader(words, { consume: true,
   * consumerSlot })`; free it with {@link releaseConsumerSlot}. Throws an Error when all slots
   * are in use. (Shared transport; with the message transport only this thread sees the bank.)
   */
  claimConsumerSlot(): number;
  /** Frees a slot from {@link claimConsumerSlot} (RangeError for a slot outside 0 to 3). Idempotent. */
  releaseConsumerSlot(slot: number): void;
  /** Clears the clip latch (over counts) and the peak holds of one track, or of all. */
  resetClips(track?: number): void;
  /** Starts a new integrated loudness / LRA / true-peak measurement of one bank track, or of all. */
  resetLoudness(track?: number): void;
  /**
   * Resolves when the bank holds everything the processor has measured so far: at once with
   * the shared transport; after a fresh snapshot arrives with the message transport (e.g.
   * after `OfflineAudioContext.startRendering()` or `suspend()`). Resolves at once after dispose
   * or once the context is closed (nothing more can arrive; the bank keeps the last snapshot).
   */
  flush(): Promise<void>;
  /** Disconnects every node, stops the processor, closes its port. Idempotent. */
  dispose(): void;
}
