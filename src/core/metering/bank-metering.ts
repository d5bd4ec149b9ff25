/**
 * Bank metering: the per-block work of the meter processor, platform-free. Every bank track
 * (an input, a group or the master bus) is a unit of meters; {@link BankMetering.process}
 * takes one block of input samples, applies the UI's pending reset requests, sums the groups
 * and the master bus, measures every unit and publishes the block into the bank.
 *
 * The AudioWorkletProcessor (src/worklet/processor.ts) only adapts `AudioWorkletProcessor` to
 * this class; tests drive it directly (test/helpers/synthetic-engine.ts). Options arrive
 * resolved (see `resolveEngineOptions`): nothing here validates them again.
 *
 * Thread: the writer's thread (the audio thread in the worklet). Side-effect free at import
 * (it is inlined into the worklet bundle). After construction `process` allocates nothing
 * unless the block size changes, and never throws on bad samples: they are counted.
 */
import { LevelMeter } from '../../dsp/level-meter';
import { BallisticMeter } from '../../dsp/ballistics';
import { LoudnessMeter, LOUDNESS_READING_COUNT } from '../../dsp/loudness';
import { CorrelationMeter } from '../../dsp/correlation';
import { BankWriter, RESET_OVERS, RESET_HOLD, RESET_LOUDNESS } from '../bank/writer';
import {
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
} from '../bank/layout';
import { RENDER_QUANTUM, type ProcessorInit, type LevelKernelKind } from '../protocol';
import { WasmLevels } from './wasm-levels';

/** What {@link BankMetering} measures: the processor init without its transport fields. */
export type MeteringInit = Pick<
  ProcessorInit,
  'tracks' | 'channels' | 'groups' | 'master' | 'ballistics' | 'loudness' | 'correlation' | 'correlationWindowMs' | 'level' | 'kernel'
>;

export { RENDER_QUANTUM };

/** Everything measured for one bank track. */
interface Unit {
  /** The samples measured this block, one array per channel (references, refilled each block). */
  readonly chans: Float32Array[];
  readonly levels: LevelMeter[];
  readonly ballistics: BallisticMeter[] | null;
  readonly ballisticOut: Float64Array | null;
  readonly loudness: LoudnessMeter | null;
  readonly correlation: CorrelationMeter | null;
  /** EXTRA_WORDS values (NaN where not measured), or null when nothing extra is measured. */
  readonly extras: Float64Array | null;
  /** Groups and the master bus: the summed inputs and their sum buffers. */
  readonly members: Int32Array | null;
  readonly sum: Float32Array[] | null;
}

export class BankMetering {
  readonly writer: BankWriter;
  /** Input tracks (the first bank tracks). */
  readonly tracks: number;
  readonly channels: number;
  /** Bank tracks: inputs, groups, then the master bus. */
  readonly bankTracks: number;
  /** The level kernel measuring: WebAssembly SIMD (all level meters in one call) or JavaScript. */
  readonly kernel: LevelKernelKind;
  private readonly units: Unit[] = [];
  /** The WebAssembly SIMD level kernel, or null (JavaScript: `LevelMeter.process` per channel). */
  private readonly wasm: WasmLevels | null;
  private readonly loudnessReadings = new Float64Array(LOUDNESS_READING_COUNT);
  private zeros = new Float32Array(RENDER_QUANTUM);
  private readonly applyReset = (track: number, mask: number): void => {
    const u = this.units[track];
    for (let c = 0; c < u.levels.length; c++) {
      if ((mask & RESET_OVERS) !== 0) u.levels[c].clearOvers();
      if ((mask & RESET_HOLD) !== 0) u.levels[c].clearHold();
    }
    if ((mask & RESET_LOUDNESS) !== 0 && u.loudness !== null) u.loudness.resetIntegrated();
  };

  /**
   * Builds the meters of every bank track of `words` (a bank of tracks + groups + master
   * tracks) and starts the writer. `sampleRate` in Hz. Allocates; call off the hot path.
   */
  constructor(init: MeteringInit, words: Int32Array, sampleRate: number) {
    this.writer = new BankWriter(words);
    this.tracks = init.tracks;
    this.channels = init.channels;
    this.bankTracks = init.tracks + init.groups.length + (init.master ? 1 : 0);
    if (this.writer.layout.tracks !== this.bankTracks || this.writer.layout.channels !== init.channels) {
      throw new RangeError(
        `the bank has ${this.writer.layout.tracks} tracks × ${this.writer.layout.channels} channels, the metering needs ${this.bankTracks} × ${init.channels}`,
      );
    }
    const loud = new Set(init.loudness);
    const corr = new Set(init.correlation);
    const all = Array.from({ length: init.tracks }, (_, i) => i);
    for (let t = 0; t < this.bankTracks; t++) {
      const members = t < init.tracks ? null : t - init.tracks < init.groups.length ? init.groups[t - init.tracks] : all;
      this.units.push(this.createUnit(init, sampleRate, t, loud.has(t), corr.has(t), members));
    }
    this.wasm = init.kernel === 'js' ? null : WasmLevels.create(this.units, RENDER_QUANTUM);
    this.kernel = this.wasm === null ? 'js' : 'wasm-simd';
    this.writer.start((loud.size > 0 ? FEATURE_LOUDNESS : 0) | (corr.size > 0 ? FEATURE_CORRELATION : 0));
  }

  private createUnit(init: MeteringInit, sampleRate: number, track: number, loud: boolean, corr: boolean, members: readonly number[] | null): Unit {
    const n = init.channels;
    const levels: LevelMeter[] = [];
    const level = { ...init.level, sampleRate };
    for (let c = 0; c < n; c++) levels.push(LevelMeter.fromResolved(level));
    let ballistics: BallisticMeter[] | null = null;
    const ballisticOptions = init.ballistics[track] ?? null;
    if (ballisticOptions !== null) {
      ballistics = [];
      for (let c = 0; c < n; c++) ballistics.push(BallisticMeter.fromResolved({ ...ballisticOptions, sampleRate }));
    }
    const sum: Float32Array[] | null = members === null ? null : [];
    if (sum !== null) for (let c = 0; c < n; c++) sum.push(new Float32Array(RENDER_QUANTUM));
    return {
      chans: new Array<Float32Array>(n).fill(this.zeros),
      levels,
      ballistics,
      ballisticOut: ballistics === null ? null : new Float64Array(n),
      loudness: loud ? new LoudnessMeter({ sampleRate, channels: n }) : null,
      correlation: corr ? new CorrelationMeter({ sampleRate, windowMs: init.correlationWindowMs }) : null,
      extras: loud || corr ? new Float64Array(EXTRA_WORDS).fill(NaN) : null,
      members: members === null ? null : Int32Array.from(members),
      sum,
    };
  }

  /**
   * Measures one block and publishes it. `inputs[t]` holds input track t's channels (missing
   * or empty: silence, time still passes; fewer channels than expected: the last one repeats,
   * so mono feeds every channel). `frames` is the block length in samples; `audioFrame` the
   * audio clock after the block (the heartbeat). Allocates only when `frames` changes.
   */
  process(inputs: readonly (readonly Float32Array[] | undefined)[], frames: number, audioFrame: number): void {
    const writer = this.writer;
    if (writer.controlChanged()) writer.takeResets(this.applyReset);
    if (frames !== this.zeros.length) this.resize(frames);

    const units = this.units;
    const channels = this.channels;
    for (let t = 0; t < this.tracks; t++) {
      const input = inputs[t];
      const n = input === undefined ? 0 : input.length;
      const chans = units[t].chans;
      for (let c = 0; c < channels; c++) chans[c] = n === 0 ? this.zeros : input![c < n ? c : n - 1];
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

    const levelsDone = this.wasm !== null && this.wasm.measure(units, frames);
    writer.beginPublish();
    for (let t = 0; t < units.length; t++) {
      const u = units[t];
      this.measure(u, frames, levelsDone);
      writer.writeTrack(t, u.levels, u.ballisticOut, u.extras);
    }
    writer.endPublish(audioFrame);
  }

  /** Measures one unit's block; its level meters only unless `levelsDone` (the WASM kernel measured them). */
  private measure(u: Unit, frames: number, levelsDone: boolean): void {
    const chans = u.chans;
    for (let c = 0; c < chans.length; c++) {
      if (!levelsDone) u.levels[c].process(chans[c], 0, frames);
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

  /**
   * The channels bank track `track` was measured on in the last block (inputs as they arrived,
   * groups and the master as summed). Valid until the next `process`; for the scope tap.
   */
  channelsOf(track: number): readonly Float32Array[] {
    return this.units[track].chans;
  }

  /** The block size changed (e.g. a future renderSizeHint): reallocate the scratch buffers. */
  private resize(frames: number): void {
    this.zeros = new Float32Array(frames);
    for (const u of this.units) {
      if (u.sum !== null) for (let c = 0; c < u.sum.length; c++) u.sum[c] = new Float32Array(frames);
    }
  }
}
