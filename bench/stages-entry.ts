/**
 * The worklet's per-quantum work for `tracks` stereo tracks, cut into the stages the stage
 * profiler times (bench/stages.mjs), for either level kernel:
 * - `js`: input (pointing each track at its samples), kernel (LevelMeter.process per channel:
 *   peak, decaying peak, hold, overs, sub-block sums), commit (0: part of the kernel), publish
 *   (BankWriter.writeTrack per track);
 * - `wasm-simd`: input (the same, plus copying every channel and its scan state into the
 *   kernel's memory), kernel (one WebAssembly SIMD scan of every channel), commit (each meter's
 *   O(1) per-block commit, LevelMeter.processScanned), publish.
 * Mirrors src/worklet/processor.ts and src/core/metering/wasm-levels.ts without AudioWorklet.
 */
import { LevelMeter } from '../src/dsp/level-meter';
import { BankWriter } from '../src/core/bank/writer';
import { createBankWords } from '../src/core/bank/layout';
import { programSamples } from './pages/signals';
import { LevelScanner, levelKernelModule } from '../src/dsp/level-kernel-wasm';

const QUANTUM = 128;

export function createStages(tracks: number, seconds: number, sampleRate = 48_000, kernel: 'js' | 'wasm-simd' = 'js') {
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
  const flat = meters.flat();
  const module = kernel === 'wasm-simd' ? levelKernelModule() : null;
  if (kernel === 'wasm-simd' && module === null) throw new Error('WebAssembly SIMD is not available here');
  const { k, slotSamples } = flat[0].scanConstants;
  const scanner = module === null ? null : new LevelScanner(module, flat.length, QUANTUM, slotSamples);
  if (scanner !== null) {
    // As WasmLevels does: the RMS rings slot-major in one array.
    const rings = new Float64Array((flat[0].rmsWindowSamples / slotSamples) * flat.length);
    flat.forEach((m, i) => m.moveRmsRing(rings, i, flat.length));
  }
  let fill = 0;
  let done = 0;
  const copy = (): void => {
    const s = scanner!;
    fill = flat[0].scanState(s.f64, s.decIndex, s.accIndex);
    for (let t = 0; t < tracks; t++) {
      for (let c = 0; c < 2; c++) {
        const i = 2 * t + c;
        meters[t][c].scanState(s.f64, s.decIndex + i, s.accIndex + i);
        s.input.set(chans[t][c], s.inputOffset(i));
      }
    }
  };
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
      if (scanner !== null) copy();
    },
    kernel(): void {
      if (scanner !== null) {
        done = scanner.scan(k, fill);
        return;
      }
      for (let t = 0; t < tracks; t++) {
        const m = meters[t];
        const c = chans[t];
        m[0].process(c[0], 0, QUANTUM);
        m[1].process(c[1], 0, QUANTUM);
      }
    },
    commit(): void {
      const s = scanner;
      if (s === null) return;
      const after = fill + QUANTUM - done * slotSamples;
      for (let i = 0; i < flat.length; i++) {
        flat[i].processScanned(
          chans[i >> 1][i & 1],
          QUANTUM,
          after,
          done,
          s.f64,
          s.segIndex + i,
          s.decIndex + i,
          s.accIndex + i,
          s.f64,
          s.sumIndex + i,
          s.lanes,
        );
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
