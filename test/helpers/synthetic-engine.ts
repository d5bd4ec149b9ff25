/**
 * A metering engine without Web Audio, for deterministic tests: the real level kernel and the
 * real bank writer run on this thread, quantum by quantum, exactly as the worklet runs them,
 * and a consuming reader reads the bank. `render(ms)` advances the audio clock.
 */
import { LevelMeter, type LevelMeterOptions } from '../../src/dsp/level-meter';
import { createBankWords } from '../../src/core/bank/layout';
import { BankWriter, RESET_OVERS, RESET_HOLD } from '../../src/core/bank/writer';
import { MeterBankReader, type TrackLevels } from '../../src/core/bank/reader';
import type { MeterSource } from '../../src/core/meter-source';

/** Sample value of (track, channel) at sample index i. */
export type Signal = (track: number, channel: number, i: number) => number;

export class SyntheticEngine implements MeterSource {
  readonly tracks: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly reader: MeterBankReader;
  readonly writer: BankWriter;
  readonly meters: LevelMeter[][];
  signal: Signal = () => 0;
  /** Samples rendered so far. */
  frame = 0;
  private readonly quantum = new Float32Array(128);
  private readonly applyReset = (t: number, mask: number) => {
    for (const m of this.meters[t]) {
      if (mask & RESET_OVERS) m.clearOvers();
      if (mask & RESET_HOLD) m.clearHold();
    }
  };

  constructor(tracks: number, channels = 2, level: Omit<LevelMeterOptions, 'sampleRate'> = {}, sampleRate = 48000) {
    this.tracks = tracks;
    this.channels = channels;
    this.sampleRate = sampleRate;
    const words = createBankWords({ tracks, channels, sampleRate, shared: false });
    this.writer = new BankWriter(words);
    this.writer.start(0);
    this.meters = Array.from({ length: tracks }, () => Array.from({ length: channels }, () => new LevelMeter({ ...level, sampleRate })));
    this.reader = new MeterBankReader(words, { consume: true, staleAfterMs: Infinity });
  }

  /** Renders `ms` of audio (rounded to whole 128-sample quanta), publishing after each quantum. */
  render(ms: number): void {
    const quanta = Math.max(1, Math.round((ms * this.sampleRate) / 1000 / 128));
    const q = this.quantum;
    for (let n = 0; n < quanta; n++) {
      if (this.writer.controlChanged()) this.writer.takeResets(this.applyReset);
      this.writer.beginPublish();
      for (let t = 0; t < this.tracks; t++) {
        const row = this.meters[t];
        for (let c = 0; c < this.channels; c++) {
          for (let i = 0; i < 128; i++) q[i] = this.signal(t, c, this.frame + i);
          row[c].process(q);
        }
        this.writer.writeTrack(t, row, null, null);
      }
      this.frame += 128;
      this.writer.endPublish(this.frame);
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
