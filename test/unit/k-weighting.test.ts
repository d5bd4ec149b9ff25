/**
 * K-weighting (ITU-R BS.1770-4/-5 Annex 1 §2.1): the coefficients derived from the analog
 * prototype must reproduce the published 48 kHz tables, give the +0.691 dB gain at 997 Hz that
 * the −0.691 constant of eq. (2) cancels, keep the same response at other sample rates, and
 * filter block-size independently without ever producing subnormal state.
 */
import { describe, expect, it } from 'vitest';
import {
  K_WEIGHTING_STATE_LENGTH,
  designKWeighting,
  flushKWeightingState,
  kWeightedSumOfSquares,
  kWeightedSumsOfSquaresPair,
  kWeightingGainDb,
} from '../../src/dsp/k-weighting';

/** BS.1770-5 Table 1 (stage 1, shelf) and Table 2 (stage 2, RLB high-pass), 48 kHz. */
const TABLE_48K = {
  shelf: { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 },
  highPass: { b0: 1.0, b1: -2.0, b2: 1.0, a1: -1.99004745483398, a2: 0.99007225036621 },
};

const RATES = [8000, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000, 384000];

function sine(frequency: number, sampleRate: number, length: number, amplitude: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

describe('designKWeighting', () => {
  it('reproduces the BS.1770 48 kHz coefficient tables (Tables 1 and 2) to 1e-9', () => {
    const c = designKWeighting(48000);
    const { shelf, highPass } = TABLE_48K;
    const expected = [shelf.b0, shelf.b1, shelf.b2, shelf.a1, shelf.a2, highPass.b0, highPass.b1, highPass.b2, highPass.a1, highPass.a2];
    for (let i = 0; i < 10; i++) expect(Math.abs(c[i] - expected[i])).toBeLessThan(1e-9);
  });

  it('has +0.691 dB gain at 997 Hz at 48 kHz (cancelled by the −0.691 of BS.1770 eq. (2))', () => {
    expect(kWeightingGainDb(designKWeighting(48000), 997, 48000)).toBeCloseTo(0.691, 3);
  });

  it.each(RATES)('at %i Hz keeps the 997 Hz gain within 0.05 dB of 0.691 dB', (fs) => {
    expect(Math.abs(kWeightingGainDb(designKWeighting(fs), 997, fs) - 0.691)).toBeLessThan(0.05);
  });

  it.each([44100, 88200, 96000, 176400, 192000, 384000])('at %i Hz matches the 48 kHz response within 0.05 dB from 20 Hz to 20 kHz', (fs) => {
    const c = designKWeighting(fs);
    const ref = designKWeighting(48000);
    for (const f of [20, 38, 60, 100, 200, 500, 1000, 1682, 3000, 5000, 10000, 15000, 20000]) {
      expect(Math.abs(kWeightingGainDb(c, f, fs) - kWeightingGainDb(ref, f, 48000))).toBeLessThan(0.05);
    }
  });

  it('has the K-weighting shape: high-pass below 100 Hz, about +4 dB shelf above 2 kHz', () => {
    const c = designKWeighting(48000);
    expect(kWeightingGainDb(c, 10, 48000)).toBeLessThan(-20);
    expect(kWeightingGainDb(c, 38.135, 48000)).toBeCloseTo(-5.97, 1);
    expect(kWeightingGainDb(c, 10000, 48000)).toBeCloseTo(4.04, 1);
  });

  it('writes into a caller-owned array and rejects rates it cannot represent', () => {
    const out = new Float64Array(10);
    expect(designKWeighting(44100, out)).toBe(out);
    expect(() => designKWeighting(0)).toThrow(RangeError);
    expect(() => designKWeighting(3000)).toThrow(/sampleRate .* got 3000/);
    expect(() => designKWeighting(Number.NaN)).toThrow(RangeError);
    expect(() => designKWeighting(48000, new Float64Array(5))).toThrow(/out must have at least 10 elements, got 5/);
  });
});

describe('kWeightedSumOfSquares', () => {
  it.each([44100, 48000, 96000])('measures the designed gain of a 997 Hz sine at %i Hz', (fs) => {
    const c = designKWeighting(fs);
    const state = new Float64Array(K_WEIGHTING_STATE_LENGTH);
    const x = sine(997, fs, fs * 3, 0.5);
    kWeightedSumOfSquares(c, state, 0, x, 0, fs); // settle for 1 s
    const sum = kWeightedSumOfSquares(c, state, 0, x, fs, 3 * fs);
    const gainDb = 10 * Math.log10(sum / (2 * fs) / (0.25 / 2));
    expect(gainDb).toBeCloseTo(kWeightingGainDb(c, 997, fs), 2);
  });

  it('gives the same result for any split of the input into blocks', () => {
    const fs = 48000;
    const c = designKWeighting(fs);
    const x = new Float32Array(10000);
    let seed = 7;
    for (let i = 0; i < x.length; i++) x[i] = ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
    const whole = new Float64Array(4);
    const expected = kWeightedSumOfSquares(c, whole, 0, x, 0, x.length);
    for (const block of [1, 7, 128, 4096]) {
      const state = new Float64Array(8);
      let sum = 0;
      for (let i = 0; i < x.length; i += block) sum += kWeightedSumOfSquares(c, state, 4, x, i, Math.min(x.length, i + block));
      expect(Math.abs(sum - expected) / expected).toBeLessThan(1e-12);
      expect(Array.from(state.subarray(4))).toEqual(Array.from(whole));
    }
  });

  it('decays to exact zero state with flushing, never through subnormal numbers', () => {
    const fs = 48000;
    const c = designKWeighting(fs);
    const state = new Float64Array(4);
    const impulse = new Float32Array(1);
    impulse[0] = 1;
    kWeightedSumOfSquares(c, state, 0, impulse, 0, 1);
    const zeros = new Float32Array(240);
    let sawSubnormal = false;
    for (let block = 0; block < 400; block++) {
      kWeightedSumOfSquares(c, state, 0, zeros, 0, zeros.length);
      for (const v of state) if (v !== 0 && Math.abs(v) < 2.2250738585072014e-308) sawSubnormal = true;
      flushKWeightingState(state, 0);
    }
    expect(sawSubnormal).toBe(false);
    expect(Array.from(state)).toEqual([0, 0, 0, 0]);
  });
});

describe('kWeightedSumsOfSquaresPair', () => {
  it('gives two channels exactly the sums and states of the one-channel kernel', () => {
    const coefficients = designKWeighting(48000);
    let seed = 99;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const a = Float32Array.from({ length: 5000 }, (_, i) => (i > 4000 ? 1e-40 : (rand() * 2 - 1) * (i % 700 < 50 ? 1 : 0.01)));
    const b = Float32Array.from({ length: 5000 }, () => rand() - 0.5);
    const single = new Float64Array(2 * K_WEIGHTING_STATE_LENGTH);
    const paired = new Float64Array(2 * K_WEIGHTING_STATE_LENGTH);
    const out = new Float64Array(2);
    for (let start = 0; start < 5000; start += 333) {
      const end = Math.min(5000, start + 333);
      const sa = kWeightedSumOfSquares(coefficients, single, 0, a, start, end);
      const sb = kWeightedSumOfSquares(coefficients, single, K_WEIGHTING_STATE_LENGTH, b, start, end);
      kWeightedSumsOfSquaresPair(coefficients, paired, 0, a, K_WEIGHTING_STATE_LENGTH, b, start, end, out);
      expect([out[0], out[1]]).toEqual([sa, sb]);
      expect(sa).toBeGreaterThan(0);
    }
    expect(Array.from(paired)).toEqual(Array.from(single));
  });
});
