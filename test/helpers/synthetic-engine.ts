/**
 * A metering engine without Web Audio, for deterministic tests: the worklet's own per-block
 * work (BankMetering: units, group sums, measure, publish) runs on this thread, quantum by
 * quantum, and a consuming reader reads the bank. `render(ms)` advances the audio clock.
 */
import { resolveLevelOptions, type LevelMeterOptions } from '../../src/dsp/level-meter';
import { createBankWords } from '../../src/core/bank/layout';
import type { BankWriter } from '../../src/core/bank/writer';
import { MeterBankReader, type TrackLevels } from '../../src/core/bank/reader';
import { BankMetering, RENDER_QUANTUM } from '../../src/core/metering/bank-metering';
import type { MeterSource } from '../../src/core/meter-source';
import type { ProcessorInit } from '../../src/core/protocol';

/** Sample value of (track, channel) at sample index i. */
export type Signal = (track: number, channel: number, i: number) => number;

export class SyntheticEngine implements MeterSource {
  readonly tracks: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly words: Int32Array;
  /** The engine's consuming reader (consumer slot 0). */
  readonly reader: MeterBankReader;
  readonly metering: BankMetering;
  signal: Signal = () => 0;
  /** Samples rendered so far (the signal's sample index). */
  frame = 0;
  private readonly quantum: Float32Array[][];

  /** `ballistics`: one resolved entry per track (see resolveEngineBallistics); default digital peak everywhere. */
  constructor(
    tracks: number,
    channels = 2,
    level: Omit<LevelMeterOptions, 'sampleRate'> = {},
    sampleRate = 48000,
    ballistics: ProcessorInit['ballistics'] = new Array(tracks).fill(null),
  ) {
    this.tracks = tracks;
    this.channels = channels;
    this.sampleRate = sampleRate;
    this.words = createBankWords({ tracks, channels, sampleRate, shared: false });
    const { sampleRate: _sr, ...resolved } = resolveLevelOptions({ ...level, sampleRate });
    this.metering = new BankMetering(
      { tracks, channels, groups: [], master: false, ballistics, loudness: [], correlation: [], correlationWindowMs: 300, level: resolved },
      this.words,
      sampleRate,
    );
    this.quantum = Array.from({ length: tracks }, () => Array.from({ length: channels }, () => new Float32Array(RENDER_QUANTUM)));
    this.reader = new MeterBankReader(this.words, { consume: true, staleAfterMs: Infinity });
  }

  get writer(): BankWriter {
    return this.metering.writer;
  }

  /** Renders `ms` of audio (rounded to whole 128-sample quanta), publishing after each quantum. */
  render(ms: number): void {
    const quanta = Math.max(1, Math.round((ms * this.sampleRate) / 1000 / RENDER_QUANTUM));
    for (let n = 0; n < quanta; n++) {
      for (let t = 0; t < this.tracks; t++) {
        for (let c = 0; c < this.channels; c++) {
          const q = this.quantum[t][c];
          for (let i = 0; i < RENDER_QUANTUM; i++) q[i] = this.signal(t, c, this.frame + i);
        }
      }
      this.frame += RENDER_QUANTUM;
      this.metering.process(this.quantum, RENDER_QUANTUM, this.frame);
    }
  }

  readInto(track: number, out: TrackLevels): boolean {
    return this.reader.readInto(track, out);
  }
  setFrameClock(clock: { readonly nowMs: number } | null): void {
    this.reader.setFrameClock(clock);
  }
  clearOvers(track?: number): void {
    this.reader.clearOvers(track);
  }
  clearHolds(track?: number): void {
    this.reader.clearHolds(track);
  }
}
