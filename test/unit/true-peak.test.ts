/**
 * True peak (ITU-R BS.1770-4/-5 Annex 2) against the EBU Tech 3341 minimum-requirement cases
 * 15–23 (tolerance +0.2/−0.4 dB), synthesized here from the Tech 3341 (2016/2023) Table 1
 * descriptions; no case of 15–23 needs a recorded file. Also: the oversampling factors, the
 * interpolation accuracy over frequency, block-size independence and non-finite input.
 */
import { describe, expect, it } from 'vitest';
import { TruePeakMeter, designTruePeakInterpolator, truePeakOversamplingFactor } from '../../src/dsp/true-peak';
import { LoudnessMeter } from '../../src/dsp/loudness';

/** Tech 3341 §2.9 true-peak tolerance, dB. */
const OVER = 0.2;
const UNDER = 0.4;

/** A stereo sine, both channels equal, with 10 ms raised-cosine fade-in and fade-out. */
function taperedSine(fs: number, frequency: number, amplitude: number, phaseDegrees: number, seconds = 1): Float32Array[] {
  const n = Math.round(fs * seconds);
  const fade = Math.round(fs * 0.01);
  const x = new Float32Array(n);
  const phase = (phaseDegrees * Math.PI) / 180;
  for (let i = 0; i < n; i++) {
    const edge = Math.min(i, n - 1 - i);
    const gain = edge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade) : 1;
    x[i] = gain * amplitude * Math.sin((2 * Math.PI * frequency * i) / fs + phase);
  }
  return [x, x.slice()];
}

function measure(signal: Float32Array[], fs: number): TruePeakMeter {
  const meter = new TruePeakMeter({ sampleRate: fs, channels: signal.length });
  meter.process(signal);
  return meter;
}

function expectWithinTolerance(actual: number, expected: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected - UNDER);
  expect(actual).toBeLessThanOrEqual(expected + OVER);
}

/**
 * Tech 3341 cases 20–23: an fs/6 sine at 0.5 FS containing a single period of an fs/4 sine at
 * 1.0 FS, phase-continuous on both sides, synthesized at 4·fs, low-pass filtered and
 * downsampled to fs with an offset of 0–3 samples (at 4·fs). Returns the signal at fs and the
 * peak of the band-limited 4·fs signal.
 */
function burstCase(fs: number, offset: number): { signal: Float32Array[]; bandLimitedPeak: number } {
  const up = 4;
  const slowPeriod = 6 * up; // fs/6 at 4·fs
  const fastPeriod = 4 * up; // fs/4 at 4·fs
  const half = Math.round((0.25 * fs * up) / slowPeriod) * slowPeriod; // whole periods: continuous phase
  const n = 2 * half + fastPeriod;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i < half) v[i] = 0.5 * Math.sin((2 * Math.PI * i) / slowPeriod);
    else if (i < half + fastPeriod) v[i] = Math.sin((2 * Math.PI * (i - half)) / fastPeriod);
    else v[i] = 0.5 * Math.sin((2 * Math.PI * (i - half - fastPeriod)) / slowPeriod);
    const edge = Math.min(i, n - 1 - i);
    const fade = 0.01 * fs * up;
    if (edge < fade) v[i] *= 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade);
  }
  // Anti-aliasing low-pass at 4·fs: Kaiser-windowed sinc, cut-off 0.47·fs, 511 taps (zero phase).
  const taps = 511;
  const centre = (taps - 1) / 2;
  const cutoff = 0.47 / up; // cycles per sample at 4·fs
  const h = new Float64Array(taps);
  const beta = 9;
  const i0 = (x: number): number => {
    let sum = 1;
    let term = 1;
    for (let k = 1; k < 60; k++) {
      term *= (x * x) / 4 / (k * k);
      sum += term;
    }
    return sum;
  };
  for (let k = 0; k < taps; k++) {
    const t = k - centre;
    const sinc = t === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
    h[k] = sinc * (i0(beta * Math.sqrt(1 - (t / centre) ** 2)) / i0(beta));
  }
  const filtered = new Float64Array(n);
  let bandLimitedPeak = 0;
  for (let i = 0; i < n; i++) {
    let y = 0;
    const from = Math.max(0, i - centre);
    const to = Math.min(n - 1, i + centre);
    for (let j = from; j <= to; j++) y += h[j - i + centre] * v[j];
    filtered[i] = y;
    bandLimitedPeak = Math.max(bandLimitedPeak, Math.abs(y));
  }
  const x = new Float32Array(Math.floor((n - offset) / up));
  for (let m = 0; m < x.length; m++) x[m] = filtered[m * up + offset];
  return { signal: [x, x.slice()], bandLimitedPeak };
}

describe('oversampling factor', () => {
  it('reaches at least 192 kHz with an even factor: 4× at 48 kHz, more at 44.1 kHz and below', () => {
    const table: [number, number][] = [
      [8000, 24],
      [16000, 12],
      [22050, 10],
      [32000, 6],
      [44100, 6],
      [48000, 4],
      [88200, 4],
      [96000, 2],
      [176400, 2],
      [192000, 2],
      [384000, 2],
    ];
    for (const [fs, factor] of table) {
      expect(truePeakOversamplingFactor(fs)).toBe(factor);
      expect(fs * factor).toBeGreaterThanOrEqual(192000);
    }
    expect(() => truePeakOversamplingFactor(0)).toThrow(RangeError);
  });

  it('designs phases with unity DC gain that are mirror images of each other', () => {
    const { factor, tapsPerPhase: t, coefficients: c } = designTruePeakInterpolator(48000);
    for (let p = 1; p < factor; p++) {
      let sum = 0;
      for (let k = 0; k < t; k++) sum += c[(p - 1) * t + k];
      expect(sum).toBeCloseTo(1, 12);
      for (let k = 0; k < t; k++) expect(c[(p - 1) * t + k]).toBeCloseTo(c[(factor - p - 1) * t + (t - 1 - k)], 12);
    }
  });
});

describe('EBU Tech 3341 true-peak cases (synthesized at 48 kHz, +0.2/−0.4 dB)', () => {
  const fs = 48000;
  it('EBU Tech 3341 case 15: fs/4 sine, 0.50 FS, phase 0° reads −6.0 dBTP', () => {
    const meter = measure(taperedSine(fs, fs / 4, 0.5, 0), fs);
    expectWithinTolerance(meter.truePeak, -6.02);
  });
  it('EBU Tech 3341 case 16: fs/4 sine, 0.50 FS, phase 45° reads −6.0 dBTP (sample peak −9.0 dBFS)', () => {
    const meter = measure(taperedSine(fs, fs / 4, 0.5, 45), fs);
    expect(meter.samplePeak).toBeCloseTo(-9.03, 1);
    expectWithinTolerance(meter.truePeak, -6.02);
  });
  it('EBU Tech 3341 case 17: fs/6 sine, 0.50 FS, phase 60° reads −6.0 dBTP', () => {
    expectWithinTolerance(measure(taperedSine(fs, fs / 6, 0.5, 60), fs).truePeak, -6.02);
  });
  it('EBU Tech 3341 case 18: fs/8 sine, 0.50 FS, phase 67.5° reads −6.0 dBTP', () => {
    expectWithinTolerance(measure(taperedSine(fs, fs / 8, 0.5, 67.5), fs).truePeak, -6.02);
  });
  it('EBU Tech 3341 case 19: fs/4 sine, 1.41 FS, phase 45° reads +3.0 dBTP', () => {
    const meter = measure(taperedSine(fs, fs / 4, 1.41, 45), fs);
    expect(meter.samplePeak).toBeLessThan(0); // every sample is below full scale
    expectWithinTolerance(meter.truePeak, 2.98);
  });
  for (const offset of [0, 1, 2, 3]) {
    it(`EBU Tech 3341 case ${20 + offset}: fs/6 sine with one fs/4 period at 1.0 FS, downsampled with offset ${offset}, reads 0.0 dBTP`, () => {
      const { signal, bandLimitedPeak } = burstCase(fs, offset);
      const meter = measure(signal, fs);
      expectWithinTolerance(meter.truePeak, 0);
      // And within 0.2 dB of the peak of the band-limited signal the case was made from.
      expect(Math.abs(meter.truePeak - 20 * Math.log10(bandLimitedPeak))).toBeLessThan(0.2);
    });
  }
});

describe('Tech 3341 cases 15–19 at other sample rates (the cases are defined relative to fs)', () => {
  const cases: [string, number, number, number, number][] = [
    ['15', 4, 0.5, 0, -6.02],
    ['16', 4, 0.5, 45, -6.02],
    ['17', 6, 0.5, 60, -6.02],
    ['18', 8, 0.5, 67.5, -6.02],
    ['19', 4, 1.41, 45, 2.98],
  ];
  for (const fs of [32000, 44100, 88200, 96000, 176400, 192000]) {
    it(`EBU Tech 3341 cases 15–19 at ${fs} Hz read within +0.2/−0.4 dB`, () => {
      for (const [, divisor, amplitude, phase, expected] of cases) {
        expectWithinTolerance(measure(taperedSine(fs, fs / divisor, amplitude, phase, 0.5), fs).truePeak, expected);
      }
    });
  }
});

describe('TruePeakMeter', () => {
  it('reads an fs/4 sine at 45° with 0 dBFS samples as +3.0 dBTP through LoudnessMeter too', () => {
    const fs = 48000;
    const signal = taperedSine(fs, fs / 4, Math.SQRT2, 45, 0.5);
    const loudness = new LoudnessMeter({ sampleRate: fs, channels: 2 });
    loudness.process(signal);
    expect(loudness.samplePeak).toBeCloseTo(0, 2);
    expectWithinTolerance(loudness.truePeak, 3.01);
  });

  it.each([44100, 48000])('stays within the oversampling grid bound for tones up to 0.4·fs at %i Hz', (fs) => {
    const factor = truePeakOversamplingFactor(fs);
    let seed = 3;
    const random = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 40; i++) {
      const frequency = (0.005 + 0.395 * random()) * fs;
      const reading = measure(taperedSine(fs, frequency, 0.5, 360 * random(), 0.1), fs).truePeak + 6.0206;
      const gridBound = 20 * Math.log10(Math.cos((Math.PI * frequency) / (factor * fs)));
      expect(reading).toBeLessThanOrEqual(0.06);
      expect(reading).toBeGreaterThanOrEqual(gridBound - 0.06);
    }
  });

  it('never reads below the sample peak, and equals it for (smoothly faded-in) DC', () => {
    const fs = 48000;
    let seed = 11;
    const x = new Float32Array(20000);
    for (let i = 0; i < x.length; i++) x[i] = ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 1.6 - 0.8;
    const meter = measure([x], fs);
    expect(meter.truePeak).toBeGreaterThanOrEqual(meter.samplePeak);
    // A hard step would ring (a band-limited step overshoots by ~9 %): fade in over 20 ms.
    const dc = new Float32Array(4800).map((_, i) => 0.25 * (i < 960 ? 0.5 - 0.5 * Math.cos((Math.PI * i) / 960) : 1));
    expect(measure([dc], fs).truePeak).toBeCloseTo(20 * Math.log10(0.25), 3);
  });

  it('gives identical readings for blocks of 1, 128, 4096 and 100000 samples', () => {
    const fs = 44100;
    const [x] = taperedSine(fs, 11025, 0.9, 45, 1);
    const results = [1, 128, 4096, 100000].map((block) => {
      const meter = new TruePeakMeter({ sampleRate: fs, channels: 1 });
      for (let i = 0; i < x.length; i += block) meter.process([x.subarray(i, i + block)]);
      return meter.truePeak;
    });
    for (const r of results) expect(r).toBe(results[0]);
  });

  it('reads NaN and ±Infinity as 0 and counts them', () => {
    const fs = 48000;
    const [x] = taperedSine(fs, 1000, 0.5, 0, 0.2);
    x[100] = Number.NaN;
    x[200] = Number.POSITIVE_INFINITY;
    x[300] = Number.NEGATIVE_INFINITY;
    const meter = measure([x], fs);
    expect(meter.nonFiniteSamples).toBe(3);
    expect(Number.isFinite(meter.truePeak)).toBe(true);
    expect(meter.truePeak).toBeLessThan(-5.9);
    const out = new Float64Array(2);
    meter.readInto(out);
    expect(out[0]).toBe(meter.truePeak);
    expect(out[1]).toBe(meter.samplePeak);
  });

  it('resetPeaks forgets earlier peaks without reading the old samples again', () => {
    const fs = 48000;
    const meter = new TruePeakMeter({ sampleRate: fs, channels: 1 });
    const loud = new Float32Array(4800).map((_, i) => 0.9 * Math.sin((2 * Math.PI * 12000 * i) / fs + Math.PI / 4));
    loud.fill(0, loud.length - 3); // loud until 3 samples before the reset: still in the window
    meter.process([loud]);
    meter.resetPeaks();
    meter.process([new Float32Array(100)]);
    // Only the waveform after the reset counts: the far tail of the old samples, not their peaks.
    expect(meter.samplePeak).toBe(-Infinity);
    expect(meter.truePeak).toBeLessThan(20 * Math.log10(0.9) - 12);
  });

  it('reset clears everything', () => {
    const meter = measure(taperedSine(48000, 12000, 0.5, 45, 0.1), 48000);
    meter.reset();
    expect(meter.truePeak).toBe(-Infinity);
    expect(meter.samplePeak).toBe(-Infinity);
    meter.process([new Float32Array(0), new Float32Array(0)]);
    expect(meter.truePeak).toBe(-Infinity);
  });

  it('rejects bad options and mismatched input with RangeError naming the value', () => {
    expect(() => new TruePeakMeter({ sampleRate: 0, channels: 1 })).toThrow(/sampleRate must be .* got 0/);
    expect(() => new TruePeakMeter({ sampleRate: 48000, channels: 0 })).toThrow(/channels must be an integer from 1 to 64, got 0/);
    const meter = new TruePeakMeter({ sampleRate: 48000, channels: 2 });
    expect(() => meter.process([new Float32Array(4)])).toThrow(RangeError);
    expect(() => meter.process([new Float32Array(4), new Float32Array(5)])).toThrow(RangeError);
  });
});
