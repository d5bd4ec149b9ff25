/**
 * The meterkit AudioWorkletProcessor: runs the level kernel on every sample of every track and
 * publishes into the meter bank once per render quantum.
 *
 * Built alone into one self-contained file (`meterkit/worklet`): AudioWorkletGlobalScope
 * cannot resolve imports. Thread: the audio thread. After construction nothing allocates in
 * `process` and nothing throws there: bad samples are counted, not thrown on.
 */
import { LevelMeter } from '../dsp/level-meter';
import { BankWriter } from '../core/bank/writer';
import {
  createBankWords,
  controlBase,
  H_RESET_ALL_OVERS,
  K_CLEAR_OVERS,
  K_RESET_LOUDNESS,
} from '../core/bank/layout';
import { RESET_OVERS, RESET_HOLD } from '../core/bank/writer';
import { PROCESSOR_NAME, type ProcessorInit, type ToProcessor, type SnapshotMessage } from './protocol';

// Globals of AudioWorkletGlobalScope, declared here so the file type-checks with the DOM lib.
declare const sampleRate: number;
declare const currentFrame: number;
declare function registerProcessor(name: string, ctor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}

const QUANTUM = 128;

class MeterProcessor extends AudioWorkletProcessor {
  private readonly meters: LevelMeter[][] = [];
  private readonly writer: BankWriter | null = null;
  private readonly words: Int32Array | null = null;
  private readonly tracks: number = 0;
  private readonly channels: number = 0;
  private readonly message: boolean = false;
  private readonly postEvery: number = 1;
  private readonly outbox: Int32Array | null = null;
  /** Posted as is every time: no per-post object allocation. */
  private readonly snapshotMessage: SnapshotMessage = { type: 'snapshot', words: new Int32Array(0), reply: false };
  /** The answer to a flush or dispose request: marked so the engine knows it is the latest. */
  private readonly replyMessage: SnapshotMessage = { type: 'snapshot', words: new Int32Array(0), reply: true };
  private zeros = new Float32Array(QUANTUM);
  private sincePost = 0;
  private alive = true;
  private readonly applyReset = (track: number, mask: number): void => {
    const ms = this.meters[track];
    for (let c = 0; c < ms.length; c++) {
      if ((mask & RESET_OVERS) !== 0) ms[c].clearOvers();
      if ((mask & RESET_HOLD) !== 0) ms[c].clearHold();
    }
  };

  constructor(options: { processorOptions: ProcessorInit }) {
    super(options);
    try {
      const init = options.processorOptions;
      this.tracks = init.tracks;
      this.channels = init.channels;
      this.message = init.transport === 'message';
      this.words = init.words ?? createBankWords({ tracks: init.tracks, channels: init.channels, sampleRate, shared: false });
      this.writer = new BankWriter(this.words);
      for (let t = 0; t < init.tracks; t++) {
        const row: LevelMeter[] = [];
        for (let c = 0; c < init.channels; c++) row.push(new LevelMeter({ ...init.level, sampleRate }));
        this.meters.push(row);
      }
      if (this.message) {
        this.outbox = new Int32Array(this.words.length);
        this.snapshotMessage.words = this.outbox;
        this.replyMessage.words = this.outbox;
        this.postEvery = Math.max(1, Math.floor(sampleRate / QUANTUM / init.messageRateHz));
      }
      this.writer.start(0);
      this.port.onmessage = (e: MessageEvent<ToProcessor>) => this.onMessage(e.data);
    } catch (error) {
      this.alive = false;
      this.port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private onMessage(msg: ToProcessor): void {
    if (msg.type === 'dispose') {
      this.stop();
    } else if (msg.type === 'flush') {
      if (this.message && this.alive) this.post(this.replyMessage);
    } else if (msg.type === 'control' && this.words !== null) {
      // The UI's control words arrive over the port; K_CONSUMED stays ours (= posted).
      const w = this.words;
      const src = msg.words;
      for (let i = 0; i < 4; i++) Atomics.store(w, H_RESET_ALL_OVERS + i, src[i]);
      for (let t = 0; t < this.tracks; t++) {
        const kb = controlBase(this.writer!.layout, t);
        for (let k = 0; k <= K_RESET_LOUDNESS - K_CLEAR_OVERS; k++) Atomics.store(w, kb + K_CLEAR_OVERS + k, src[4 + t * 3 + k]);
      }
    }
  }

  /** Stops for good: publishes WRITER_STOPPED (and a last snapshot over the port), closes the port. */
  private stop(): void {
    if (!this.alive) return;
    this.alive = false;
    this.writer?.stop();
    if (this.message && this.outbox !== null) this.post(this.replyMessage);
    this.port.onmessage = null;
    this.port.close();
  }

  process(inputs: Float32Array[][]): boolean {
    const writer = this.writer;
    if (!this.alive || writer === null) return false;
    if (writer.stopRequested()) {
      this.stop();
      return false;
    }
    if (writer.controlChanged()) writer.takeResets(this.applyReset);

    let frames = QUANTUM;
    for (let t = 0; t < this.tracks; t++) {
      const input = inputs[t];
      if (input !== undefined && input.length > 0) {
        frames = input[0].length;
        break;
      }
    }
    if (frames > this.zeros.length) this.zeros = new Float32Array(frames); // only if the render size grows

    writer.beginPublish();
    for (let t = 0; t < this.tracks; t++) {
      const input = inputs[t];
      const ms = this.meters[t];
      const n = input === undefined ? 0 : input.length;
      for (let c = 0; c < this.channels; c++) {
        // Unconnected input: silence (time still passes, so peaks fall and holds expire).
        // Fewer channels than expected: the last one is repeated (mono into a stereo meter).
        const samples = n === 0 ? this.zeros : input[c < n ? c : n - 1];
        ms[c].process(samples, 0, n === 0 ? frames : samples.length);
      }
      writer.writeTrack(t, ms, null);
    }
    writer.endPublish(currentFrame + frames);

    if (this.message && ++this.sincePost >= this.postEvery) this.post(this.snapshotMessage);
    return true;
  }

  /** Message transport: posts a copy of the bank; the posted peaks count as consumed. */
  private post(message: SnapshotMessage): void {
    this.sincePost = 0;
    this.outbox!.set(this.words!);
    // Structured clone copies the outbox natively; no garbage on this thread's heap.
    this.port.postMessage(message);
    this.writer!.markAllConsumed();
  }
}

try {
  registerProcessor(PROCESSOR_NAME, MeterProcessor);
} catch {
  // Already registered in this AudioWorkletGlobalScope (the module was added twice): keep the first.
}
