/**
 * The meterkit AudioWorkletProcessor: runs the level kernel (and, where enabled, ballistics,
 * loudness and correlation) on every sample of every track, group and master bus, and publishes
 * into the meter bank once per render quantum.
 *
 * Built alone into one self-contained file (`meterkit/worklet`): AudioWorkletGlobalScope
 * cannot resolve imports. Thread: the audio thread. After construction nothing allocates in
 * `process` and nothing throws there: bad samples are counted, not thrown on.
 */
import { LevelMeter } from '../dsp/level-meter';
import { BallisticMeter } from '../dsp/ballistics';
import { LoudnessMeter, LOUDNESS_READING_COUNT } from '../dsp/loudness';
import { CorrelationMeter } from '../dsp/correlation';
import { BankWriter, RESET_OVERS, RESET_HOLD, RESET_LOUDNESS } from '../core/bank/writer';
import {
  createBankWords,
  controlBase,
  H_RESET_ALL_OVERS,
  K_CLEAR_OVERS,
  K_RESET_LOUDNESS,
  EXTRA_WORDS,
  X_MOMENTARY,
  X_SHORT_TERM,
  X_INTEGRATED,
  X_LOUDNESS_RANGE,
  X_TRUE_PEAK,
  X_CORRELATION,
  X_BALANCE,
  X_LOUDNESS_SECONDS,
  FEATURE_LOUDNESS,
  FEATURE_CORRELATION,
} from '../core/bank/layout';
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

/** Everything measured for one bank track (an input, a group or the master bus). */
interface Unit {
  /** The samples measured this quantum, one array per channel (references, refilled each quantum). */
  readonly chans: Float32Array[];
  readonly levels: LevelMeter[];
  readonly ballistics: BallisticMeter[] | null;
  readonly ballisticOut: Float64Array | null;
  readonly loudness: LoudnessMeter | null;
  readonly correlation: CorrelationMeter | null;
  /** EXTRA_WORDS values (NaN where not measured), or null when nothing extra is measured. */
  readonly extras: Float64Array | null;
  /** Groups: the summed inputs and their sum buffers. */
  readonly members: Int32Array | null;
  readonly sum: Float32Array[] | null;
}

class MeterProcessor extends AudioWorkletProcessor {
  private readonly units: Unit[] = [];
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
  private readonly loudnessReadings = new Float64Array(LOUDNESS_READING_COUNT);
  private zeros = new Float32Array(QUANTUM);
  private sincePost = 0;
  private alive = true;
  private readonly applyReset = (track: number, mask: number): void => {
    const u = this.units[track];
    for (let c = 0; c < u.levels.length; c++) {
      if ((mask & RESET_OVERS) !== 0) u.levels[c].clearOvers();
      if ((mask & RESET_HOLD) !== 0) u.levels[c].clearHold();
    }
    if ((mask & RESET_LOUDNESS) !== 0 && u.loudness !== null) u.loudness.resetIntegrated();
  };

  constructor(options: { processorOptions: ProcessorInit }) {
    super(options);
    try {
      const init = options.processorOptions;
      this.tracks = init.tracks;
      this.channels = init.channels;
      this.message = init.transport === 'message';
      const bankTracks = init.tracks + init.groups.length;
      this.words = init.words ?? createBankWords({ tracks: bankTracks, channels: init.channels, sampleRate, shared: false });
      this.writer = new BankWriter(this.words);
      const loud = new Set(init.loudness);
      const corr = new Set(init.correlation);
      for (let t = 0; t < bankTracks; t++) {
        const group = t >= init.tracks ? init.groups[t - init.tracks] : null;
        this.units.push(this.createUnit(init, loud.has(t), corr.has(t), group));
      }
      if (this.message) {
        this.outbox = new Int32Array(this.words.length);
        this.snapshotMessage.words = this.outbox;
        this.replyMessage.words = this.outbox;
        this.postEvery = Math.max(1, Math.floor(sampleRate / QUANTUM / init.messageRateHz));
      }
      this.writer.start((loud.size > 0 ? FEATURE_LOUDNESS : 0) | (corr.size > 0 ? FEATURE_CORRELATION : 0));
      this.port.onmessage = (e: MessageEvent<ToProcessor>) => this.onMessage(e.data);
    } catch (error) {
      this.alive = false;
      this.port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private createUnit(init: ProcessorInit, loud: boolean, corr: boolean, group: number[] | null): Unit {
    const n = init.channels;
    const levels: LevelMeter[] = [];
    for (let c = 0; c < n; c++) levels.push(new LevelMeter({ ...init.level, sampleRate }));
    let ballistics: BallisticMeter[] | null = null;
    if (init.ballistics !== null) {
      ballistics = [];
      for (let c = 0; c < n; c++) ballistics.push(new BallisticMeter({ ...init.ballistics, sampleRate }));
    }
    const extras = loud || corr ? new Float64Array(EXTRA_WORDS).fill(NaN) : null;
    const sum: Float32Array[] | null = group === null ? null : [];
    if (sum !== null) for (let c = 0; c < n; c++) sum.push(new Float32Array(QUANTUM));
    return {
      chans: new Array<Float32Array>(n).fill(this.zeros),
      levels,
      ballistics,
      ballisticOut: ballistics === null ? null : new Float64Array(n),
      loudness: loud ? new LoudnessMeter({ sampleRate, channels: n }) : null,
      correlation: corr ? new CorrelationMeter({ sampleRate, windowMs: init.correlationWindowMs }) : null,
      extras,
      members: group === null ? null : Int32Array.from(group),
      sum,
    };
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
      for (let t = 0; t < this.units.length; t++) {
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
    if (frames !== this.zeros.length) this.resize(frames); // only if the render size changes

    const units = this.units;
    const channels = this.channels;
    // Inputs: point each unit at this quantum's samples. Unconnected: silence (time still
    // passes). Fewer channels than expected: the last one repeats (mono into stereo).
    for (let t = 0; t < this.tracks; t++) {
      const input = inputs[t];
      const n = input === undefined ? 0 : input.length;
      const chans = units[t].chans;
      for (let c = 0; c < channels; c++) chans[c] = n === 0 ? this.zeros : input[c < n ? c : n - 1];
    }
    // Groups and the master bus: the sum of their member inputs.
    for (let t = this.tracks; t < units.length; t++) {
      const u = units[t];
      const members = u.members!;
      const sum = u.sum!;
      for (let c = 0; c < channels; c++) {
        const out = sum[c];
        out.fill(0);
        for (let m = 0; m < members.length; m++) {
          const src = units[members[m]].chans[c];
          if (src === this.zeros) continue;
          for (let i = 0; i < frames; i++) out[i] += src[i];
        }
        u.chans[c] = out;
      }
    }

    writer.beginPublish();
    for (let t = 0; t < units.length; t++) {
      const u = units[t];
      this.measure(u, frames);
      writer.writeTrack(t, u.levels, u.ballisticOut, u.extras);
    }
    writer.endPublish(currentFrame + frames);

    if (this.message && ++this.sincePost >= this.postEvery) this.post(this.snapshotMessage);
    return true;
  }

  private measure(u: Unit, frames: number): void {
    const chans = u.chans;
    for (let c = 0; c < chans.length; c++) {
      u.levels[c].process(chans[c], 0, frames);
      if (u.ballistics !== null) {
        u.ballistics[c].process(chans[c], 0, frames);
        u.ballisticOut![c] = u.ballistics[c].level;
      }
    }
    const x = u.extras;
    if (x === null) return;
    if (u.loudness !== null) {
      u.loudness.process(chans);
      const r = this.loudnessReadings;
      u.loudness.readInto(r, 0);
      x[X_MOMENTARY] = r[0];
      x[X_SHORT_TERM] = r[1];
      x[X_INTEGRATED] = r[2];
      x[X_LOUDNESS_RANGE] = r[3];
      x[X_TRUE_PEAK] = r[4];
      x[X_LOUDNESS_SECONDS] = u.loudness.measuredSeconds;
    }
    if (u.correlation !== null && chans.length >= 2) {
      u.correlation.process(chans[0], chans[1], 0, frames);
      x[X_CORRELATION] = u.correlation.correlation;
      x[X_BALANCE] = u.correlation.balance;
    }
  }

  /** The render quantum size changed (a future renderSizeHint): reallocate the scratch buffers. */
  private resize(frames: number): void {
    this.zeros = new Float32Array(frames);
    for (const u of this.units) {
      if (u.sum !== null) for (let c = 0; c < u.sum.length; c++) u.sum[c] = new Float32Array(frames);
    }
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
