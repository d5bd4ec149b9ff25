/**
 * The worklet's per-quantum work for `tracks` stereo tracks, cut into the stages the stage
 * profiler times (bench/stages.mjs): input (pointing each track at its samples), kernel
 * (LevelMeter.process per channel: peak, decaying peak, hold, overs, sub-block sums), publish
 * (BankWriter.writeTrack per track). Mirrors src/worklet/processor.ts without AudioWorklet; the
 * stage timer is bench/stages.mjs.
 */
import { LevelMeter } from '../src/dsp/level-meter';
import { BankWriter } from '../src/core/bank/writer';
import { createBankWords } from '../src/core/bank/layout';
import { programSamples } from './pages/signals';

const QUANTUM = 128;

export function createStages(tracks: number, seconds: number, sampleRate = 48_000) {
  const pool = [0, 1, 2, 3].map((i) => programSamples(sampleRate, i, 1, seconds));
  const quanta = Math.floor((seconds * sampleRate) / QUANTUM);
  const meters = Array.from({ length: tracks }, () => [new LevelMeter({ sampleRate }), new LevelMeter({ sampleRate })]);
  const chans: Float32Array[][] = Array.from({ length: tracks }, () => [new Float32Array(0), new Float32Array(0)]);
  const words = createBankWords({ tracks, channels: 2, sampleRate, shared: true });
  const writer = new BankWriter(words);
  writer.start(0);
  // Per-quantum views made once (the host hands the worklet fresh arrays per quantum).
  const views = pool.map(([l, r]) => {
    const out: Float32Array[][] = [];
    for (let q = 0; q < quanta; q++) out.push([l.subarray(q * QUANTUM, (q + 1) * QUANTUM), r.subarray(q * QUANTUM, (q + 1) * QUANTUM)]);
    return out;
  });
  let q = 0;
  return {
    quanta,
    samplesPerChannel: quanta * QUANTUM,
    input(): void {
      for (let t = 0; t < tracks; t++) {
        const v = views[t & 3][(q + t * 7) % quanta];
        const c = chans[t];
        c[0] = v[0];
        c[1] = v[1];
      }
    },
    kernel(): void {
      for (let t = 0; t < tracks; t++) {
        const m = meters[t];
        const c = chans[t];
        m[0].process(c[0], 0, QUANTUM);
        m[1].process(c[1], 0, QUANTUM);
      }
    },
    publish(): void {
      writer.beginPublish();
      for (let t = 0; t < tracks; t++) writer.writeTrack(t, meters[t], null, null);
      writer.endPublish(q * QUANTUM);
      q = (q + 1) % quanta;
    },
  };
}
