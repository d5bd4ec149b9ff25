/**
 * The meter engine: one AudioWorkletNode that measures every track, its meter bank, and the
 * wiring between them.
 *
 * Options and their validation live in engine-options.ts.
 *
 * Thread: main thread. Nothing here touches `window` or audio at import time (SSR safe).
 *
 * The engine object is one lifecycle (node, port, transport, dispose); its public interface is
 * in engine-api.ts, its options in engine-options.ts.
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
import { createSpectrumWords, SpectrumBankReader, spectrumSlotOf } from './spectrum/spectrum-bank';
import { DelayedSource, outputLatencyMs, baseLatencyMs } from './delayed-source';
import { LatencyGate, followsContextLatency } from './latency-gate';
import type { MeterSource } from './meter-source';
import type { MeterEngine } from './engine-api';
import { PROCESSOR_NAME, type ProcessorInit, type FromProcessor, type ToProcessor, type LevelKernelKind } from './protocol';

export type { MeterEngine } from './engine-api';

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
  readonly meterSource: MeterSource;
  /** Output alignment: the delayed view of the bank (null when off) and its 1 Hz latency poll. */
  private readonly aligned: DelayedSource | null;
  private latencyTimer: ReturnType<typeof setInterval> | null = null;
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
  readonly spectrumWords: Int32Array | null;
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
    this.words = shared ? createBankWords({ tracks: this.bankTracks, channels: o.channels, sampleRate: context.sampleRate, shared: true }) : this.mirror!.words;
    const scope = { tracks: o.scope, capacity: o.scopeCapacity, sampleRate: context.sampleRate, shared, bankTracks: this.bankTracks };
    this.scope = o.scope.length === 0 ? null : new EngineScope(scope);
    this.scopeWords = this.scope?.words ?? null;
    this.spectrumWords = o.spectrum.length === 0 ? null : createSpectrumWords({ tracks: o.spectrum, sampleRate: context.sampleRate, shared });
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
      spectrum: o.spectrum,
      spectrumTimeWeighting: o.spectrumTimeWeighting,
      spectrumWords: shared ? this.spectrumWords : null,
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
    // Output alignment: an AudioContext (not offline) that reports a latency, or a fixed one.
    // Followed at 1 Hz, and `outputLatency` only read once the gate allows it (a read while the
    // stream starts can hang Firefox; until then baseLatency alone).
    const align = o.alignToOutput;
    const gate = align.mode === 'auto' && followsContextLatency(context) ? new LatencyGate(context) : null;
    // A closed context's processor may never answer again: settle pending flushes then (bug 4).
    this.onStateChange = () => {
      gate?.onStateChange();
      if (context.state === 'closed') this.settleFlushesSoon();
    };
    context.addEventListener('statechange', this.onStateChange);
    registerWorkerLink(this.bank, () => this.linkForWorker());
    if (align.mode === 'fixed') this.aligned = new DelayedSource(this.bank, align.latencyMs);
    else if (gate !== null) {
      const aligned = new DelayedSource(this.bank, baseLatencyMs(context));
      this.aligned = aligned;
      this.latencyTimer = setInterval(() => {
        if (gate.ready()) aligned.setDelayMs(outputLatencyMs(context));
      }, 1000);
    } else this.aligned = null;
    this.meterSource = this.aligned ?? this.bank;
  }

  get outputLatencyMs(): number {
    return this.aligned?.delayMs ?? 0;
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
    else if (msg.type === 'spectrum') {
      if (this.spectrumWords !== null && msg.words.length === this.spectrumWords.length) this.spectrumWords.set(msg.words);
    } else if (msg.type === 'error') this.error = msg.message;
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

  createSpectrumReader(): SpectrumBankReader {
    if (this.spectrumWords === null)
      throw new RangeError('createSpectrumReader: this engine has no spectrum (pass the spectrum option, e.g. spectrum: [engine.masterTrack])');
    return new SpectrumBankReader(this.spectrumWords);
  }

  resetSpectrumHolds(track?: number): void {
    if (this.spectrumWords === null) throw new RangeError('resetSpectrumHolds: this engine has no spectrum (pass the spectrum option)');
    if (track === undefined) return this.post({ type: 'spectrum-reset', slot: -1 });
    checkInteger('track', track, 0, this.bankTracks - 1);
    const slot = spectrumSlotOf(this.spectrumWords, track);
    if (slot < 0) throw new RangeError(`resetSpectrumHolds: bank track ${track} has no spectrum (add it to the spectrum option)`);
    this.post({ type: 'spectrum-reset', slot });
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
    if (this.mirror === null || this.disposed) return Promise.resolve();
    return new Promise((resolve) => {
      this.flushWaiters.push(resolve);
      this.post({ type: 'flush' });
      // Closed: an OfflineAudioContext is 'closed' once rendered, and its processor still
      // answers with the last snapshot; a closed realtime context's may not. Either way the
      // flush settles: on the reply, or after a short grace (the bank keeps what it has).
      if (this.context.state === 'closed') this.settleFlushesSoon();
    });
  }

  /** Settles pending flushes after {@link closedFlushGraceMs} unless the processor answers first. */
  private settleFlushesSoon(): void {
    setTimeout(() => this.settleFlushes(), closedFlushGraceMs(this.context));
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
    if (this.latencyTimer !== null) clearInterval(this.latencyTimer);
    this.latencyTimer = null;
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

/**
 * How long a flush on a closed context waits for the processor's reply, ms: an offline context's
 * processor answers after rendering (1 s is a generous bound on a loaded machine); a closed
 * realtime context's may never answer, so its flush settles almost at once.
 */
function closedFlushGraceMs(context: BaseAudioContext): number {
  return 'startRendering' in context ? 1000 : 50;
}
