/**
 * IEC 60268-10 tone-burst response of the quasi-peak PPM presets, measured the way the worklet
 * publishes: isolated 5 kHz bursts starting from silence at a render-quantum boundary, the
 * indication read after every 128-sample block, the maximum of those reads relative to the
 * steady reading of the same tone read the same way.
 *
 * Sources of the figures:
 * - Type II (ppm-ebu, ppm-bbc): IEC 60268-10 Type II burst table as used by the BBC's Type II
 *   test set (issue #13): 10 ms −2 dB, 5 ms −4 dB, 1.5 ms −9 dB, 0.5 ms −17 dB. The 10 ms point
 *   is also EBU Tech 3205-E §3.3 (a burst at the level that reads +9 steady reads +7).
 *   Tolerances of the issue: ±0.5 dB at 10 and 5 ms, ±1 dB at 1.5 ms, ±2 dB at 0.5 ms.
 * - Type I (ppm-din, ppm-nordic): IEC 60268-10 Type I integration time, 5 ms → −2 dB (the
 *   definition of integration time); DIN 45406 / RTW TM7/TM9 manual ("10 ms for −1 dB
 *   display"): 10 ms → −1 dB. Tolerance ±0.5 dB.
 */
import { describe, it, expect } from 'vitest';
import { BallisticMeter } from '../../src/dsp/ballistics';
import { quasiPeakDesign, quasiPeakGain, solveQuasiPeak } from '../../src/dsp/quasi-peak';
import { presetInfo, type BallisticsPreset } from '../../src/dsp/ballistics-presets';
import { sine } from '../helpers/signals';

const QUANTUM = 128;
const db = (x: number) => 20 * Math.log10(x);

/** Highest `level` read after each 128-sample block of `signal`. */
function maxOverQuanta(m: BallisticMeter, signal: Float32Array): number {
  let max = 0;
  for (let s = 0; s < signal.length; s += QUANTUM) {
    m.process(signal, s, Math.min(signal.length, s + QUANTUM));
    if (m.level > max) max = m.level;
  }
  return max;
}

/** Steady 5 kHz reading, read every quantum over the last 0.5 s of 1.5 s. */
function steadyReading(preset: BallisticsPreset, sampleRate: number): number {
  const m = new BallisticMeter({ sampleRate, preset });
  m.process(sine(1, 5000, 1, sampleRate));
  return maxOverQuanta(m, sine(1, 5000, 0.5, sampleRate)); // 1 s of 5 kHz is whole cycles: phase continues
}

/** Burst of `ms` after one quantum of silence, then 100 ms of silence; dB re the steady reading. */
function burstDb(preset: BallisticsPreset, sampleRate: number, ms: number, steady: number): number {
  const n = Math.round((ms * sampleRate) / 1000);
  const signal = new Float32Array(QUANTUM + n + Math.round(0.1 * sampleRate));
  signal.set(sine(1, 5000, n / sampleRate, sampleRate), QUANTUM);
  return db(maxOverQuanta(new BallisticMeter({ sampleRate, preset }), signal) / steady);
}

const TYPE_II: readonly [number, number, number][] = [
  // [burst ms, IEC 60268-10 Type II reading dB, tolerance dB]
  [10, -2, 0.5],
  [5, -4, 0.5],
  [1.5, -9, 1],
  [0.5, -17, 2],
];
const TYPE_I: readonly [number, number, number][] = [
  [10, -1, 0.5],
  [5, -2, 0.5],
];

describe('IEC 60268-10 tone-burst table, read every render quantum', () => {
  for (const sampleRate of [44100, 48000, 96000]) {
    for (const [preset, table] of [
      ['ppm-ebu', TYPE_II],
      ['ppm-bbc', TYPE_II],
      ['ppm-din', TYPE_I],
      ['ppm-nordic', TYPE_I],
    ] as const) {
      it(`${preset} (type ${table === TYPE_II ? 'II' : 'I'}) at ${sampleRate} Hz`, () => {
        const steady = steadyReading(preset, sampleRate);
        for (const [ms, expected, tolerance] of table) {
          const reading = burstDb(preset, sampleRate, ms, steady);
          expect(Math.abs(reading - expected), `${ms} ms burst read ${reading.toFixed(2)} dB`).toBeLessThan(tolerance);
        }
      });
    }
  }

  it('Type II meets the curve closely at 48 kHz (measured −2.0, −3.9, −9.3, −16.5 dB)', () => {
    const steady = steadyReading('ppm-ebu', 48000);
    const readings = TYPE_II.map(([ms]) => burstDb('ppm-ebu', 48000, ms, steady));
    expect(readings[0]).toBeCloseTo(-2, 1);
    expect(readings[1]).toBeGreaterThan(-4.2);
    expect(readings[1]).toBeLessThan(-3.7);
    expect(readings[2]).toBeGreaterThan(-9.6);
    expect(readings[2]).toBeLessThan(-9.0);
    expect(readings[3]).toBeGreaterThan(-17);
    expect(readings[3]).toBeLessThan(-16);
  });

  it('steady tones read their level: a 1 kHz sine reads its amplitude at 44.1, 48 and 96 kHz', () => {
    for (const sampleRate of [44100, 48000, 96000]) {
      for (const preset of ['ppm-ebu', 'ppm-din', 'ppm-nordic'] as const) {
        const m = new BallisticMeter({ sampleRate, preset });
        m.process(sine(0.25, 1000, 1, sampleRate));
        expect(Math.abs(m.levelDb - db(0.25))).toBeLessThan(0.05);
      }
    }
  });
});

describe('quasi-peak design', () => {
  it('integrationMs override scales both sections so its burst reads −2 dB (Type II shape kept)', () => {
    const d = quasiPeakDesign(20, 24 / 2.8);
    const ebu = quasiPeakDesign(10, 24 / 2.8);
    expect(d.slowMs / d.fastMs).toBeCloseTo(ebu.slowMs / ebu.fastMs, 12);
    expect(d.slowMs).toBeGreaterThan(1.8 * ebu.slowMs);
    const sampleRate = 48000;
    const m = new BallisticMeter({ sampleRate, preset: 'ppm-ebu', integrationMs: 20 });
    m.process(sine(1, 5000, 1, sampleRate));
    const steady = maxOverQuanta(m, sine(1, 5000, 0.5, sampleRate));
    const burst = new Float32Array(QUANTUM + 960 + 4800);
    burst.set(sine(1, 5000, 0.02, sampleRate), QUANTUM);
    const reading = db(maxOverQuanta(new BallisticMeter({ sampleRate, preset: 'ppm-ebu', integrationMs: 20 }), burst) / steady);
    expect(Math.abs(reading + 2)).toBeLessThan(0.1);
  });

  it('the built-in designs are the solution of the definition, and gains differ by rate by < 0.01 dB', () => {
    for (const preset of ['ppm-ebu', 'ppm-din', 'ppm-nordic'] as const) {
      const info = presetInfo(preset);
      const fall = info.returnDb / info.returnSeconds;
      const d = quasiPeakDesign(info.integrationMs, fall);
      expect(Math.abs(d.slowMs / solveQuasiPeak(info.integrationMs, fall).slowMs - 1)).toBeLessThan(1e-5);
      const g = [44100, 48000, 96000].map((fs) => quasiPeakGain(d, fall, fs));
      expect(Math.abs(db(g[0] / g[2]))).toBeLessThan(0.01);
      expect(g[1]).toBeGreaterThan(0.5); // the sum of two sections sits a little below twice the crest
      expect(g[1]).toBeLessThan(0.52);
    }
  });

  it('instant attack (integrationMs 0) is two identical sample-peak sections with gain 1/2', () => {
    const d = quasiPeakDesign(0, 20 / 1.7);
    expect([d.slowMs, d.fastMs, quasiPeakGain(d, 20 / 1.7, 48000)]).toEqual([0, 0, 0.5]);
  });
});
