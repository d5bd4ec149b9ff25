/**
 * The meter engine: one AudioWorkletNode that measures every track, its meter bank, and the
 * wiring between them.
 *
 * Options and their validation live in engine-options.ts.
 *
 * Thread: main thread. Nothing here touches `window` or audio at import time (SSR safe).
 *
 * Length (≈310 lines): the engine object is one lifecycle (node, port, transport, dispose);
 * its options live in engine-options.ts.
 */
import { checkInteger, describeValue } from '../dsp/validate';
import { createBankWords, H_WRITER_STATE, WRITER_STOPPED } from './bank/layout';
import { MeterBankReader } from './bank/reader';
import { claimConsumerSlot, releaseConsumerSlot } from './bank/consumers';
import { MessageMirror, type TransportKind } from './transport';
import { resolveEngineOptions, closedError, type MeterEngineOptions, type ResolvedEngineOptions } from './engine-options';
import { loadMeterWorklet } from './worklet-loader';
import { registerWorkerLink, sharedBankLink, portBankLink, type LinkClock } from './render-worker/links';
import type { WorkerSourceLink } from './render-worker/protocol';
export type { MeterEngineOptions, EngineBallistics, TrackBallistics, TrackBallisticsMap } from './engine-options';
import { ballisticsInfo, type ResolvedTrackBallistics, type TrackBallisticsInfo } from './engine-ballistics';
export type { TrackBallisticsInfo } from './engine-ballistics';
import type { SampleRingReader } from './scope/ring-reader';
import { EngineScope } from './scope/engine-scope';
import { PROCESSOR_NAME, type ProcessorInit, type FromProcessor, type ToProcessor, type LevelKernelKind } from './protocol';

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
  readonly channels: number;
  /** Sample rate of the measured signal (the context's), Hz. */
  readonly sampleRate: number;
  /** How snapshots reach this thread: `shared` (SharedArrayBuffer) or `message` (MessagePort). */
  readonly transport: TransportKind;
  /** The engine's consuming reader: `readInto(track, out)` and the reset requests. */
  readonly bank: MeterBankReader;
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

/**
 * Creates a meter engine on `context` (an AudioContext or OfflineAudioContext), loading the
 * worklet first if this context has not loaded it yet.
 *
 * Errors: RangeError naming the option for bad tracks, channels, level options or a sample
 * rate outside 8–192 kHz; Error for a closed context, a missing AudioWorklet, an unloadable
 * worklet, or `transport: 'shared'` without cross-origin isolation.
 */
export async function createMeterEngine(context: BaseAudioContext, options: MeterEngineOptions): Promise<MeterEngine> {
  const o = resolveEngineOptions(context, options);
  await loadMeterWorklet(context, options.workletUrl);
  if (context.state === 'closed') throw closedError();
  return new Engine(context, o);
}

class Engine implements MeterEngine {
  readonly context: BaseAudioContext;
  readonly tracks: number;
  readonly bankTracks: number;
  readonly masterTrack: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly transport: TransportKind;
  readonly bank: MeterBankReader;
  readonly words: Int32Array;
  readonly node: AudioWorkletNode;
  error: string | null = null;
  kernel: LevelKernelKind | null = null;
  disposed = false;
  private readonly inputs: (GainNode | undefined)[];
  private readonly mirror: MessageMirror | null;
  private readonly staleAfterMs: number;
  private flushWaiters: (() => void)[] = [];
  private readonly connections = new Set<() => void>();
  private readonly groupCount: number;
  private readonly ballistics: readonly ResolvedTrackBallistics[];
  readonly scopeWords: Int32Array | null;
  private readonly scope: EngineScope | null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Ids of the snapshot ports attached to the processor for render workers (message transport). */
  private nextPortId = 1;
  /** Message transport: forwards the UI's control words after a reset request. */
  private readonly bankOnControl: (() => void) | undefined;
  private readonly onStateChange: () => void;
  private readonly platformStatus: () => 'no-source' | 'error' | 'suspended' | null;

  constructor(context: BaseAudioContext, o: ResolvedEngineOptions) {
    this.context = context;
    this.tracks = o.tracks;
    this.bankTracks = o.bankTracks;
    this.masterTrack = o.master ? this.bankTracks - 1 : -1;
    this.groupCount = o.groups.length;
    this.ballistics = o.ballistics;
    this.channels = o.channels;
    this.sampleRate = context.sampleRate;
    this.transport = o.transport;
    this.staleAfterMs = o.staleAfterMs;
    this.inputs = new Array(o.tracks);
    const shared = o.transport === 'shared';
    this.mirror = shared ? null : new MessageMirror(this.bankTracks, o.channels, context.sampleRate);
    this.words = shared
      ? createBankWords({ tracks: this.bankTracks, channels: o.channels, sampleRate: context.sampleRate, shared: true })
      : this.mirror!.words;
    const scope = { tracks: o.scope, capacity: o.scopeCapacity, sampleRate: context.sampleRate, shared, bankTracks: this.bankTracks };
    this.scope = o.scope.length === 0 ? null : new EngineScope(scope);
    this.scopeWords = this.scope?.words ?? null;
    const init: ProcessorInit = {
      tracks: o.tracks,
      channels: o.channels,
      groups: o.groups,
      master: o.master,
      ballistics: o.ballistics,
      loudness: o.loudness,
      correlation: o.correlation,
      correlationWindowMs: o.correlationWindowMs,
      transport: o.transport,
      words: shared ? this.words : null,
      level: o.level,
      messageRateHz: o.messageRateHz,
      kernel: o.kernel,
      scope: o.scope,
      scopeWords: shared ? this.scopeWords : null,
    };
    this.node = new AudioWorkletNode(context, PROCESSOR_NAME, {
      numberOfInputs: o.tracks,
      numberOfOutputs: 0,
      channelCount: o.channels,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: init,
    });
    this.bankOnControl = this.mirror ? () => this.post({ type: 'control', words: this.mirror!.controlWords() }) : undefined;
    this.node.port.onmessage = (e: MessageEvent<FromProcessor>) => this.onMessage(e.data);
    this.node.onprocessorerror = () => {
      this.error = 'the meterkit processor stopped with an error on the audio thread';
    };
    this.platformStatus = () => {
      if (this.disposed || context.state === 'closed') return 'no-source';
      if (this.error !== null) return 'error';
      return context.state === 'running' ? null : 'suspended';
    };
    this.bank = new MeterBankReader(this.words, {
      consume: true,
      staleAfterMs: o.staleAfterMs,
      isClockRunning: () => !this.disposed && context.state === 'running',
      onControl: this.bankOnControl,
      platformStatus: this.platformStatus,
    });
    // A closed context's processor never answers again: settle pending flushes then (bug 4).
    this.onStateChange = () => {
      if (context.state === 'closed') this.settleFlushes();
    };
    context.addEventListener('statechange', this.onStateChange);
    registerWorkerLink(this.bank, () => this.linkForWorker());
  }

  /**
   * The render worker's way in: with the shared transport, the bank's words and a consumer slot
   * of its own; with the message transport, a port the processor posts its snapshots to as
   * well (straight from the audio thread, not through this thread).
   */
  private linkForWorker(): WorkerSourceLink | null {
    if (this.disposed) return null;
    const context = this.context;
    const clock: LinkClock = {
      staleAfterMs: this.staleAfterMs,
      running: () => !this.disposed && context.state === 'running',
      onRunningChange: (listener) => {
        context.addEventListener('statechange', listener);
        return () => context.removeEventListener('statechange', listener);
      },
    };
    if (this.mirror === null) return sharedBankLink(this.words, clock);
    const channel = new MessageChannel();
    const id = this.nextPortId++;
    this.node.port.postMessage({ type: 'attach-port', id, port: channel.port2 } satisfies ToProcessor, [channel.port2]);
    return portBankLink(channel.port1, { tracks: this.bankTracks, channels: this.channels, sampleRate: this.sampleRate }, clock, () =>
      this.post({ type: 'detach-port', id }),
    );
  }

  private onMessage(msg: FromProcessor): void {
    if (msg.type === 'snapshot') {
      this.mirror?.receive(msg.words);
      if (msg.reply) this.settleFlushes();
      if (this.disposed && Atomics.load(msg.words, H_WRITER_STATE) === WRITER_STOPPED) this.closePort();
    } else if (msg.type === 'scope') this.scope?.receive(msg.ring, msg.data, msg.frames);
    else if (msg.type === 'error') this.error = msg.message;
    else if (msg.type === 'kernel') this.kernel = msg.kernel;
  }

  private settleFlushes(): void {
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private closePort(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
    this.node.port.onmessage = null;
    this.node.port.close();
  }

  private post(msg: ToProcessor): void {
    if (!this.disposed) this.node.port.postMessage(msg);
  }

  groupTrack(i: number): number {
    if (this.groupCount === 0) throw new RangeError('this engine has no groups (pass the groups option)');
    checkInteger('group', i, 0, this.groupCount - 1);
    return this.tracks + i;
  }

  ballisticsOf(track: number): TrackBallisticsInfo {
    checkInteger('track', track, 0, this.bankTracks - 1);
    return ballisticsInfo(this.ballistics[track]);
  }

  createScopeReader(track: number): SampleRingReader {
    if (this.scope === null) throw new RangeError(`createScopeReader: this engine has no sample rings (pass the scope option, e.g. scope: [${track}])`);
    return this.scope.createReader(track);
  }

  input(track: number): AudioNode {
    checkInteger('track', track, 0, this.tracks - 1);
    if (this.disposed) throw new Error('meterkit: this meter engine was disposed; create a new one');
    let gain = this.inputs[track];
    if (gain === undefined) {
      gain = this.context.createGain();
      gain.channelCount = this.channels;
      gain.channelCountMode = 'explicit';
      gain.channelInterpretation = 'speakers';
      gain.connect(this.node, 0, track);
      this.inputs[track] = gain;
    }
    return gain;
  }

  connect(node: AudioNode, track: number, output = 0): () => void {
    if (typeof AudioNode === 'function' && !(node instanceof AudioNode)) {
      throw new TypeError(`engine.connect: node must be an AudioNode, got ${describeValue(node)}`);
    }
    checkInteger('engine.connect: track', track, 0, this.tracks - 1);
    checkInteger('engine.connect: output', output, 0, Math.max(0, node.numberOfOutputs - 1));
    if (this.disposed) throw new Error('meterkit: this meter engine was disposed; create a new one');
    // Straight into the meter node's input: no extra node on the audio thread.
    node.connect(this.node, output, track);
    let connected = true;
    const undo = () => {
      if (!connected) return;
      connected = false;
      this.connections.delete(undo);
      try {
        node.disconnect(this.node, output, track);
      } catch {
        // Already disconnected by the application: nothing to undo.
      }
    };
    this.connections.add(undo);
    return undo;
  }

  createReader(): MeterBankReader {
    return new MeterBankReader(this.words, {
      staleAfterMs: this.staleAfterMs,
      isClockRunning: () => !this.disposed && this.context.state === 'running',
    });
  }

  createConsumer(): MeterBankReader {
    const consumerSlot = claimConsumerSlot(this.words);
    return new MeterBankReader(this.words, {
      consume: true,
      consumerSlot,
      staleAfterMs: this.staleAfterMs,
      isClockRunning: () => !this.disposed && this.context.state === 'running',
      onControl: this.bankOnControl,
    });
  }

  claimConsumerSlot(): number {
    return claimConsumerSlot(this.words);
  }

  releaseConsumerSlot(slot: number): void {
    releaseConsumerSlot(this.words, slot);
  }

  flush(): Promise<void> {
    // Closed: no snapshot will ever come; the bank already holds the last one received.
    if (this.mirror === null || this.disposed || this.context.state === 'closed') return Promise.resolve();
    return new Promise((resolve) => {
      this.flushWaiters.push(resolve);
      this.post({ type: 'flush' });
    });
  }

  resetClips(track?: number): void {
    this.bank.clearOvers(track);
    this.bank.clearHolds(track);
  }

  resetLoudness(track?: number): void {
    this.bank.resetLoudness(track);
  }

  dispose(): void {
    if (this.disposed) return;
    this.bank.requestStop();
    this.post({ type: 'dispose' });
    this.disposed = true;
    for (const undo of [...this.connections]) undo();
    for (const gain of this.inputs) gain?.disconnect();
    this.inputs.fill(undefined);
    this.node.disconnect();
    this.node.onprocessorerror = null;
    this.context.removeEventListener('statechange', this.onStateChange);
    this.settleFlushes();
    if (this.mirror === null) {
      // Shared transport: the processor also sees the stop word, so the port can go now.
      this.closePort();
    } else {
      // Message transport: keep the port open for the processor's last snapshot (it carries
      // WRITER_STOPPED); close it then, or after a second if none comes (context closed).
      this.closeTimer = setTimeout(() => {
        this.mirror!.stop();
        this.closePort();
      }, 1000);
    }
  }
}
