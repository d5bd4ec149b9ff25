/**
 * The one-third-octave analyser against the standard's own test signals: a sine at every band
 * centre reads its level in its band and at least IEC 61260-1's class 1 attenuation everywhere
 * two or more bands away; pink noise reads flat and white noise rises 3 dB per octave; at 44.1,
 * 48 and 96 kHz. Then the time weightings (IEC 61672-1 fast and slow), the hold, block-size
 * independence and validation.
 */
import { describe, it, expect } from 'vitest';
import { SpectrumAnalyzer, dbOfMeanSquare } from '../../src/dsp/spectrum';
import { THIRD_OCTAVE_BANDS, BAND_COUNT, OCTAVE_RATIO, classOneMinAttenuationDb, placeBands } from '../../src/dsp/octave-bands';
import { sine, periodicNoise } from '../helpers/signals';

const RATES = [44100, 48000, 96000] as const;
const BLOCK = 128;

/** Runs `signal` (mono) through `analyzer` in render quanta. */
function run(analyzer: SpectrumAnalyzer, signal: Float32Array, each?: () => void): void {
  for (let i = 0; i < signal.length; i += BLOCK) {
    analyzer.process([signal], i, Math.min(signal.length, i + BLOCK));
    each?.();
  }
}

describe('the bands (base-10, IEC 61260-1)', () => {
  it('are 31, from 20 Hz to 20 kHz, with 1 kHz exact and edges at G^(∓1/6)', () => {
    expect(THIRD_OCTAVE_BANDS).toHaveLength(31);
    expect(THIRD_OCTAVE_BANDS.map((b) => b.label).join(' ')).toBe(
      '20 25 31.5 40 50 63 80 100 125 160 200 250 315 400 500 630 800 1k 1.25k 1.6k 2k 2.5k 3.15k 4k 5k 6.3k 8k 10k 12.5k 16k 20k',
    );
    expect(THIRD_OCTAVE_BANDS[17].centreHz).toBe(1000);
    expect(THIRD_OCTAVE_BANDS[0].centreHz).toBeCloseTo(19.953, 3);
    expect(THIRD_OCTAVE_BANDS[30].centreHz).toBeCloseTo(19952.6, 1);
    for (let b = 1; b < 31; b++) {
      expect(THIRD_OCTAVE_BANDS[b].centreHz / THIRD_OCTAVE_BANDS[b - 1].centreHz).toBeCloseTo(OCTAVE_RATIO ** (1 / 3), 12);
      expect(THIRD_OCTAVE_BANDS[b].lowerHz).toBeCloseTo(THIRD_OCTAVE_BANDS[b - 1].upperHz, 9); // contiguous
    }
  });

  it('run at the full rate only near the top, halving the rate per octave below', () => {
    const p = placeBands(48000);
    expect(p.filter((x) => x.stage === 0).length).toBe(6); // 6.3k … 20k
    expect(p[0].rate).toBe(93.75); // 20 Hz at 48000 / 512
    for (const x of p) expect(x.highPass).toBe(false);
    expect(placeBands(44100)[30].highPass).toBe(true); // 20 kHz: upper edge 22.4 kHz > Nyquist
  });

  it('class 1 limits: 17.5 dB one octave-normalized step out, 70 dB far away', () => {
    expect(classOneMinAttenuationDb(1)).toBe(0);
    expect(classOneMinAttenuationDb(1 + ((OCTAVE_RATIO ** (1 / 6) - 1) / (OCTAVE_RATIO ** 0.5 - 1)) * (OCTAVE_RATIO - 1))).toBeCloseTo(17.5, 9);
    expect(classOneMinAttenuationDb(100)).toBe(70);
    expect(classOneMinAttenuationDb(1 / 100)).toBe(70);
  });
});

describe.each(RATES)('at %i Hz', (fs) => {
  it('a sine at each band centre reads its level ±0.5 dB there, and ≥ the class 1 attenuation two or more bands away', () => {
    let worstCentre = 0;
    let worstMargin = Infinity;
    const levels = new Float64Array(BAND_COUNT);
    for (const band of THIRD_OCTAVE_BANDS) {
      const a = new SpectrumAnalyzer({ sampleRate: fs });
      run(a, sine(0.5, band.centreHz, 2, fs));
      a.readInto(levels);
      const own = levels[band.index];
      expect(own, `${band.label} band`).toBeGreaterThan(-6.02 - 0.5);
      expect(own, `${band.label} band`).toBeLessThan(-6.02 + 0.5);
      worstCentre = Math.max(worstCentre, Math.abs(own + 6.0206));
      for (let k = 0; k < BAND_COUNT; k++) {
        if (Math.abs(k - band.index) < 2) continue;
        const attenuation = own - levels[k];
        const need = classOneMinAttenuationDb(band.centreHz / THIRD_OCTAVE_BANDS[k].centreHz);
        expect(attenuation, `${band.label} sine in the ${THIRD_OCTAVE_BANDS[k].label} band`).toBeGreaterThanOrEqual(need);
        worstMargin = Math.min(worstMargin, attenuation - need);
      }
    }
    expect(worstCentre).toBeLessThan(0.2);
    expect(worstMargin).toBeGreaterThan(1);
  });

  /** Mean band powers (dB) over the last `seconds` of `signal` played in a loop. */
  function meanLevels(signal: Float32Array, seconds: number): number[] {
    const a = new SpectrumAnalyzer({ sampleRate: fs, timeWeighting: 'slow' });
    run(a, signal); // one period to settle
    const sum = new Float64Array(BAND_COUNT);
    const levels = new Float64Array(BAND_COUNT);
    let reads = 0;
    const total = Math.round(seconds * fs);
    for (let done = 0; done < total; done += signal.length) {
      run(a, signal.subarray(0, Math.min(signal.length, total - done)), () => {
        a.readInto(levels);
        for (let b = 0; b < BAND_COUNT; b++) sum[b] += 10 ** (levels[b] / 10);
        reads++;
      });
    }
    return [...sum].map((s) => 10 * Math.log10(s / reads));
  }

  it('pink noise reads flat ±1 dB across the bands over 10 s', () => {
    const levels = meanLevels(periodicNoise('pink', fs, 10, { seed: 3, rms: 0.1, lowHz: 15 }), 10);
    const top = fs === 44100 ? 30 : 31; // the truncated 20 kHz band at 44.1 kHz holds less
    const mean = levels.slice(0, top).reduce((s, x) => s + x, 0) / top;
    for (let b = 0; b < top; b++) expect(Math.abs(levels[b] - mean), `${THIRD_OCTAVE_BANDS[b].label} band`).toBeLessThanOrEqual(1);
  });

  it('white noise rises 3 dB per octave (1 dB per band) ±1 dB', () => {
    const levels = meanLevels(periodicNoise('white', fs, 10, { seed: 4, rms: 0.1, lowHz: 15 }), 10);
    const top = fs === 44100 ? 30 : 31;
    // Each band's level against the 1 kHz band plus 10·log10(bandwidth ratio) = 1.0 dB per band.
    const perBand = 10 * Math.log10(OCTAVE_RATIO ** (1 / 3));
    for (let b = 0; b < top; b++) {
      const expected = levels[17] + (b - 17) * perBand;
      expect(Math.abs(levels[b] - expected), `${THIRD_OCTAVE_BANDS[b].label} band`).toBeLessThanOrEqual(1);
    }
    expect(levels[20] - levels[17]).toBeCloseTo(3.01, 0); // one octave
  });
});

describe('time weighting (IEC 61672-1) and hold', () => {
  const fs = 48000;
  const band = 17; // 1 kHz

  for (const [weighting, tau] of [
    ['fast', 0.125],
    ['slow', 1],
  ] as const) {
    it(`${weighting}: rises to −2.0 dB of the final level after τ = ${tau * 1000} ms and decays at ${(10 * Math.log10(Math.E)) / tau} dB/s`, () => {
      const a = new SpectrumAnalyzer({ sampleRate: fs, timeWeighting: weighting });
      // A settled level, then silence: the decay rate; then the rise from silence over τ.
      run(a, sine(0.5, 1000, 8 * tau, fs));
      const steady = a.levelDb(band);
      expect(steady).toBeCloseTo(-6.02, 0);
      run(a, new Float32Array(Math.round(0.5 * tau * fs)));
      const t0 = a.levelDb(band);
      run(a, new Float32Array(Math.round(tau * fs)));
      const rate = (t0 - a.levelDb(band)) / tau;
      expect(rate).toBeGreaterThan(0.97 * ((10 * Math.log10(Math.E)) / tau));
      expect(rate).toBeLessThan(1.03 * ((10 * Math.log10(Math.E)) / tau));
      const b = new SpectrumAnalyzer({ sampleRate: fs, timeWeighting: weighting });
      run(b, sine(0.5, 1000, tau, fs));
      // 1 − e⁻¹ of the power: −1.99 dB (the band filter's own rise adds a little at 1 kHz).
      expect(b.levelDb(band) - steady).toBeGreaterThan(-2.3);
      expect(b.levelDb(band) - steady).toBeLessThan(-1.8);
    });
  }

  it('the hold keeps the highest level for holdMs, then falls at fallDbPerSecond', () => {
    const a = new SpectrumAnalyzer({ sampleRate: fs, holdMs: 500, fallDbPerSecond: 20 });
    run(a, sine(0.5, 1000, 1, fs));
    const peak = a.holdDb(band);
    expect(peak).toBeCloseTo(-6.02, 0);
    run(a, new Float32Array(0.4 * fs)); // within the hold time
    expect(a.holdDb(band)).toBeCloseTo(peak, 6);
    expect(a.levelDb(band)).toBeLessThan(peak - 10);
    run(a, new Float32Array(0.6 * fs)); // 0.5 s of fall at 20 dB/s after 0.1 s more hold
    expect(a.holdDb(band)).toBeCloseTo(peak - 10, 0);
    a.resetHolds();
    expect(a.holdDb(band)).toBe(a.levelDb(band));
  });

  it('levels do not depend on the block size', () => {
    const x = periodicNoise('pink', fs, 0.5, { seed: 9 });
    const read = (block: number) => {
      const a = new SpectrumAnalyzer({ sampleRate: fs });
      for (let i = 0; i < x.length; i += block) a.process([x], i, Math.min(x.length, i + block));
      const out = new Float64Array(BAND_COUNT);
      a.readInto(out);
      return [...out];
    };
    const ref = read(128);
    expect(read(1)).toEqual(ref);
    expect(read(4096)).toEqual(ref);
  });

  it('averages channel powers: identical channels read as one, antiphase does not cancel', () => {
    const x = sine(0.5, 1000, 1, fs);
    const inv = x.map((v) => -v);
    const mono = new SpectrumAnalyzer({ sampleRate: fs });
    const stereo = new SpectrumAnalyzer({ sampleRate: fs, channels: 2 });
    const anti = new SpectrumAnalyzer({ sampleRate: fs, channels: 2 });
    run(mono, x);
    for (let i = 0; i < x.length; i += BLOCK) {
      stereo.process([x, x], i, Math.min(x.length, i + BLOCK));
      anti.process([x, inv], i, Math.min(x.length, i + BLOCK));
    }
    expect(stereo.levelDb(band)).toBeCloseTo(mono.levelDb(band), 9);
    expect(anti.levelDb(band)).toBeCloseTo(mono.levelDb(band), 9);
  });

  it('silence reads −Infinity; NaN and ±Infinity are counted and measured as 0', () => {
    const a = new SpectrumAnalyzer({ sampleRate: fs });
    run(a, new Float32Array(4800));
    expect(a.levelDb(band)).toBe(-Infinity);
    const x = sine(0.5, 1000, 1, fs);
    x[100] = NaN;
    x[200] = Infinity;
    run(a, x);
    expect(a.nonFinite).toBe(2);
    expect(a.levelDb(band)).toBeCloseTo(-6.02, 0);
    expect(dbOfMeanSquare(0.125)).toBeCloseTo(-6.02, 2);
  });

  it('rejects bad options and calls, naming them', () => {
    expect(() => new SpectrumAnalyzer({ sampleRate: 1000 })).toThrow(/SpectrumAnalyzer: sampleRate must be .*8000 to 384000.*got 1000/);
    expect(() => new SpectrumAnalyzer({ sampleRate: fs, timeWeighting: 'impulse' as 'fast' })).toThrow(
      /timeWeighting must be one of "fast", "slow", got "impulse"/,
    );
    expect(() => new SpectrumAnalyzer({ sampleRate: fs, channels: 9 })).toThrow(/SpectrumAnalyzer: channels/);
    expect(() => new SpectrumAnalyzer({ sampleRate: fs, holdMs: -1 })).toThrow(/holdMs/);
    const a = new SpectrumAnalyzer({ sampleRate: fs });
    expect(() => a.process([new Float32Array(4), new Float32Array(4)])).toThrow(/1 channel arrays, got 2/);
    expect(() => a.process([new Float32Array(4)], 2, 9)).toThrow(/start and end/);
    expect(() => a.levelDb(31)).toThrow(/band must be an integer from 0 to 30, got 31/);
  });
});
