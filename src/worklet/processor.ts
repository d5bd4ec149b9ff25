/**
 * The meterkit AudioWorkletProcessor: a thin shell that adapts `AudioWorkletProcessor` to
 * {@link BankMetering} (src/core/metering/bank-metering.ts), which measures every track, group
 * and master bus and publishes into the meter bank once per render quantum. This file only
 * handles the port (control words, flush, dispose), the message transport's posts and the
 * stop request.
 *
 * Built alone into one self-contained file (`meterkit/worklet`): AudioWorkletGlobalScope
 * cannot resolve imports. Thread: the audio thread. After construction nothing allocates in
 * `process` and nothing throws there: bad samples are counted, not thrown on.
 */
import { BankMetering, RENDER_QUANTUM } from '../core/metering/bank-metering';
import { createBankWords } from '../core/bank/layout';
import { applyControlWords } from '../core/bank/control';
import { ScopeTap, scopeBatchFrames, type ScopeBatch } from '../core/metering/scope-tap';
import { SpectrumTap } from '../core/metering/spectrum-tap';
import { createSpectrumWords } from '../core/spectrum/spectrum-bank';
import { PROCESSOR_NAME, MAX_ATTACHED_PORTS, type ProcessorInit, type ToProcessor, type SnapshotMessage, type KernelMessage } from '../core/protocol';

// Globals of AudioWorkletGlobalScope, declared here so the file type-checks with the DOM lib.
declare const sampleRate: number;
declare const currentFrame: number;
declare function registerProcessor(name: string, ctor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}

class MeterProcessor extends AudioWorkletProcessor {
  private readonly metering: BankMetering | null = null;
  private readonly words: Int32Array | null = null;
  private readonly message: boolean = false;
  private readonly postEvery: number = 1;
  private readonly outbox: Int32Array | null = null;
  /** Posted as is every time: no per-post object allocation. */
  private readonly snapshotMessage: SnapshotMessage = { type: 'snapshot', words: new Int32Array(0), reply: false };
  /** The answer to a flush or dispose request: marked so the engine knows it is the latest. */
  private readonly replyMessage: SnapshotMessage = { type: 'snapshot', words: new Int32Array(0), reply: true };
  /** Message transport: extra snapshot destinations (the render worker), in fixed slots. */
  private readonly extraPorts: (MessagePort | null)[] = new Array<MessagePort | null>(MAX_ATTACHED_PORTS).fill(null);
  private readonly extraIds = new Int32Array(MAX_ATTACHED_PORTS);
  /** Scoped tracks' sample rings (null: no scope). */
  private readonly scope: ScopeTap | null = null;
  /** The analysed tracks' spectrum (null: none), its bank, and on the message transport its posted copy. */
  private readonly spectrum: SpectrumTap | null = null;
  private readonly spectrumWords: Int32Array | null = null;
  private readonly spectrumMessage: { type: 'spectrum'; words: Int32Array } | null = null;
  /** Message transport: posts a scope batch (structured clone copies its data). */
  private readonly postScope = (batch: ScopeBatch): void => this.port.postMessage(batch);
  private sincePost = 0;
  private alive = true;

  constructor(options: { processorOptions: ProcessorInit }) {
    super(options);
    try {
      const init = options.processorOptions;
      this.message = init.transport === 'message';
      const bankTracks = init.tracks + init.groups.length + (init.master ? 1 : 0);
      this.words = init.words ?? createBankWords({ tracks: bankTracks, channels: init.channels, sampleRate, shared: false });
      this.metering = new BankMetering(init, this.words, sampleRate);
      if (init.scope !== undefined && init.scope.length > 0) {
        this.scope = new ScopeTap(init.scope, this.message ? null : (init.scopeWords ?? null), scopeBatchFrames(sampleRate));
      }
      if (init.spectrum !== undefined && init.spectrum.length > 0) {
        const words = this.message ? null : (init.spectrumWords ?? null);
        this.spectrumWords = words ?? createSpectrumWords({ tracks: init.spectrum, sampleRate, shared: false });
        const level = init.level;
        this.spectrum = new SpectrumTap(
          {
            tracks: init.spectrum,
            channels: init.channels,
            sampleRate,
            timeWeighting: init.spectrumTimeWeighting ?? 'fast',
            holdMs: level.holdMs,
            fallDbPerSecond: level.fallDbPerSecond,
          },
          this.spectrumWords,
        );
        if (this.message) this.spectrumMessage = { type: 'spectrum', words: new Int32Array(this.spectrumWords.length) };
      }
      if (this.message) {
        this.outbox = new Int32Array(this.words.length);
        this.snapshotMessage.words = this.outbox;
        this.replyMessage.words = this.outbox;
        this.postEvery = Math.max(1, Math.floor(sampleRate / RENDER_QUANTUM / init.messageRateHz));
      }
      this.port.onmessage = (e: MessageEvent<ToProcessor>) => this.onMessage(e.data);
      this.port.postMessage({ type: 'kernel', kernel: this.metering.kernel } satisfies KernelMessage);
    } catch (error) {
      this.alive = false;
      this.port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private onMessage(msg: ToProcessor): void {
    if (msg.type === 'dispose') {
      this.stop();
    } else if (msg.type === 'flush') {
      if (this.message && this.alive) {
        this.scope?.flush(this.postScope);
        this.post(this.replyMessage);
      }
    } else if (msg.type === 'control' && this.words !== null) {
      // The UI's control words arrive over the port; the CONSUMED words stay ours (= posted).
      applyControlWords(this.words, this.metering!.writer.layout, msg.words);
    } else if (msg.type === 'spectrum-reset') {
      this.spectrum?.resetHolds(msg.slot);
    } else if (msg.type === 'attach-port') {
      // Another reader of the snapshots (the render worker). Ports are kept in fixed slots so
      // posting to them allocates nothing.
      const free = this.extraIds.indexOf(0);
      if (free < 0 || !this.message) {
        msg.port.close();
        return;
      }
      this.extraIds[free] = msg.id;
      this.extraPorts[free] = msg.port;
    } else if (msg.type === 'detach-port') {
      const i = this.extraIds.indexOf(msg.id);
      if (i < 0) return;
      this.extraPorts[i]?.close();
      this.extraPorts[i] = null;
      this.extraIds[i] = 0;
    }
  }

  /** Stops for good: publishes WRITER_STOPPED (and a last snapshot over the port), closes the port. */
  private stop(): void {
    if (!this.alive) return;
    this.alive = false;
    this.metering?.writer.stop();
    if (this.message) this.scope?.flush(this.postScope);
    if (this.message && this.outbox !== null) this.post(this.replyMessage);
    this.port.onmessage = null;
    this.port.close();
    for (let i = 0; i < this.extraPorts.length; i++) {
      this.extraPorts[i]?.close();
      this.extraPorts[i] = null;
      this.extraIds[i] = 0;
    }
  }

  process(inputs: Float32Array[][]): boolean {
    const metering = this.metering;
    if (!this.alive || metering === null) return false;
    if (metering.writer.stopRequested()) {
      this.stop();
      return false;
    }
    let frames = RENDER_QUANTUM;
    for (let t = 0; t < metering.tracks; t++) {
      const input = inputs[t];
      if (input !== undefined && input.length > 0) {
        frames = input[0].length;
        break;
      }
    }
    metering.process(inputs, frames, currentFrame + frames);
    this.scope?.write(metering, frames, this.message ? this.postScope : null);
    this.spectrum?.write(metering, frames);
    if (this.message && ++this.sincePost >= this.postEvery) this.post(this.snapshotMessage);
    return true;
  }

  /** Message transport: posts a copy of the bank; the posted peaks count as consumed. */
  private post(message: SnapshotMessage): void {
    this.sincePost = 0;
    this.outbox!.set(this.words!);
    // Structured clone copies the outbox natively; no garbage on this thread's heap. Every
    // destination gets the same snapshot, so "consumed" (= posted) holds for all of them.
    // The spectrum first: when the engine sees a flush's reply snapshot, the spectrum is in.
    if (this.spectrumMessage !== null) {
      if (message.reply) this.spectrum!.publish();
      this.spectrumMessage.words.set(this.spectrumWords!);
      this.port.postMessage(this.spectrumMessage);
    }
    this.port.postMessage(message);
    for (let i = 0; i < this.extraPorts.length; i++) this.extraPorts[i]?.postMessage(message);
    this.metering!.writer.markAllConsumed();
  }
}

try {
  registerProcessor(PROCESSOR_NAME, MeterProcessor);
} catch {
  // Already registered in this AudioWorkletGlobalScope (the module was added twice): keep the first.
}
