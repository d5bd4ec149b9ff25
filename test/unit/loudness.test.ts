/**
 * LoudnessMeter against EBU Tech 3341 (2016/2023, Table 1) and EBU Tech 3342 (Table 1), with
 * every signal synthesized here from the documents' descriptions ("stereo sine wave, 1000 Hz,
 * −23.0 dBFS per-channel peak level, applied in phase to both channels", ...). Each test is
 * named after its case and asserts the document's tolerance.
 *
 * Implemented: Tech 3341 cases 1–6 (stereo and 5.0, plus the 5.1 variant of case 6 with a
 * silent LFE), 9–14 (short-term and momentary; 10 and 13 as file-based measurements with a
 * reset per segment, 11 and 14 as live meters polled after every 128-sample quantum).
 * True-peak cases 15–23 are in true-peak.test.ts. Tech 3342 cases 1–4.
 *
 * Not synthesizable (authentic programme recordings, distributed by the EBU as audio files,
 * not described by parameters): Tech 3341 cases 7 and 8 (programme loudness of the NLR and WLR
 * programme segments) and Tech 3342 cases 5 and 6 (loudness range of the same segments).
 */
import { describe, expect, it } from 'vitest';
import { LOUDNESS_READING_COUNT, LoudnessMeter } from '../../src/dsp/loudness';
import { LoudnessHistogram } from '../../src/dsp/loudness-histogram';
import { designKWeighting, kWeightedSumOfSquares } from '../../src/dsp/k-weighting';

const FS = 48000;
type Signal = Float32Array[];

/** `seconds` of a 1 kHz sine per channel at the given per-channel peak levels (dBFS). */
function tone(seconds: number, levelsDbfs: number | number[], fs = FS, channels = 2, frequency = 1000): Signal {
  const n = Math.round(seconds * fs);
  const levels = Array.isArray(levelsDbfs) ? levelsDbfs : new Array<number>(channels).fill(levelsDbfs);
  return levels.map((db) => {
    const amplitude = Math.pow(10, db / 20);
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / fs);
    return x;
  });
}

function silence(seconds: number, fs = FS, channels = 2): Signal {
  return Array.from({ length: channels }, () => new Float32Array(Math.round(seconds * fs)));
}

function concat(...parts: Signal[]): Signal {
  return parts[0].map((_, ch) => {
    const out = new Float32Array(parts.reduce((n, p) => n + p[ch].length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p[ch], at);
      at += p[ch].length;
    }
    return out;
  });
}

/** Feeds `signal` in blocks, calling `afterBlock` after each (as a live meter would be polled). */
function feed(meter: LoudnessMeter, signal: Signal, block = 4096, afterBlock?: () => void): void {
  const n = signal[0].length;
  for (let i = 0; i < n; i += block) {
    meter.process(signal.map((x) => x.subarray(i, Math.min(n, i + block))));
    afterBlock?.();
  }
}

function meterFor(signal: Signal, fs = FS, block = 4096): LoudnessMeter {
  const meter = new LoudnessMeter({ sampleRate: fs, channels: signal.length });
  feed(meter, signal, block);
  return meter;
}

/** Polls `read` after every 128-sample quantum of `segment`; returns the maximum seen. */
function maxWhileFeeding(meter: LoudnessMeter, segment: Signal, read: () => number): number {
  let max = -Infinity;
  feed(meter, segment, 128, () => (max = Math.max(max, read())));
  return max;
}

describe('EBU Tech 3341 minimum requirements (synthesized, 48 kHz)', () => {
  it('EBU Tech 3341 case 1: stereo 1 kHz sine at −23 dBFS for 20 s reads M, S, I = −23.0 ±0.1 LUFS', () => {
    const m = meterFor(tone(20, -23));
    for (const v of [m.momentary, m.shortTerm, m.integrated]) expect(Math.abs(v + 23)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 2: as case 1 at −33 dBFS reads M, S, I = −33.0 ±0.1 LUFS', () => {
    const m = meterFor(tone(20, -33));
    for (const v of [m.momentary, m.shortTerm, m.integrated]) expect(Math.abs(v + 33)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 3: 10 s at −36, 60 s at −23, 10 s at −36 dBFS reads I = −23.0 ±0.1 LUFS', () => {
    const m = meterFor(concat(tone(10, -36), tone(60, -23), tone(10, -36)));
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 4: −72, −36, −23 (60 s), −36, −72 dBFS reads I = −23.0 ±0.1 LUFS', () => {
    const m = meterFor(concat(tone(10, -72), tone(10, -36), tone(60, -23), tone(10, -36), tone(10, -72)));
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 5: 20 s at −26, 20.1 s at −20, 20 s at −26 dBFS reads I = −23.0 ±0.1 LUFS', () => {
    const m = meterFor(concat(tone(20, -26), tone(20.1, -20), tone(20, -26)));
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 6: 5.0 channels (L, R −28; C −24; Ls, Rs −30 dBFS) read I = −23.0 ±0.1 LUFS', () => {
    const m = meterFor(tone(20, [-28, -28, -24, -30, -30]));
    expect(m.channelWeights).toEqual([1, 1, 1, 1.41, 1.41]);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 6 (6-channel file): L, R, C, silent LFE, Ls, Rs reads I = −23.0 ±0.1 LUFS', () => {
    const [l, r, c, ls, rs] = tone(20, [-28, -28, -24, -30, -30]);
    const m = meterFor([l, r, c, new Float32Array(l.length), ls, rs]);
    expect(m.channelWeights).toEqual([1, 1, 1, 0, 1.41, 1.41]);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 9: (1.34 s at −20, 1.66 s at −30 dBFS) × 5 reads S = −23.0 ±0.1 LUFS, constant after 3 s', () => {
    const signal = concat(...Array.from({ length: 5 }, () => concat(tone(1.34, -20), tone(1.66, -30))));
    const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    let samples = 0;
    let worst = 0;
    feed(meter, signal, 128, () => {
      samples += 128;
      if (samples >= 3 * FS) worst = Math.max(worst, Math.abs(meter.shortTerm + 23));
    });
    expect(worst).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 10: (i·0.15 s silence, 3 s at −23 dBFS, 1 s silence), i = 0…19, each reads max S = −23.0 ±0.1 LUFS', () => {
    const burst = tone(3, -23);
    for (let i = 0; i < 20; i++) {
      const m = meterFor(concat(silence(i * 0.15), burst, silence(1)), FS, 1000);
      expect(Math.abs(m.maxShortTerm + 23)).toBeLessThanOrEqual(0.1);
    }
  });

  it('EBU Tech 3341 case 11 (live): (i·0.15 s silence, 3 s at −38+i dBFS, 3 − i·0.15 s silence) reads max S = −38…−19 ±0.1 LUFS', () => {
    const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    for (let i = 0; i < 20; i++) {
      const segment = concat(silence(i * 0.15), tone(3, -38 + i), silence(3 - i * 0.15));
      const max = maxWhileFeeding(meter, segment, () => meter.shortTerm);
      expect(Math.abs(max - (-38 + i))).toBeLessThanOrEqual(0.1);
    }
  });

  it('EBU Tech 3341 case 12: (0.18 s at −20, 0.22 s at −30 dBFS) × 25 reads M = −23.0 ±0.1 LUFS, constant after 1 s', () => {
    const signal = concat(...Array.from({ length: 25 }, () => concat(tone(0.18, -20), tone(0.22, -30))));
    const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    let samples = 0;
    let worst = 0;
    feed(meter, signal, 128, () => {
      samples += 128;
      if (samples >= FS) worst = Math.max(worst, Math.abs(meter.momentary + 23));
    });
    expect(worst).toBeLessThanOrEqual(0.1);
  });

  it('EBU Tech 3341 case 13: (i·20 ms silence, 400 ms at −23 dBFS, 1 s silence), i = 0…19, each reads max M = −23.0 ±0.1 LUFS', () => {
    const burst = tone(0.4, -23);
    for (let i = 0; i < 20; i++) {
      const m = meterFor(concat(silence(i * 0.02), burst, silence(1)), FS, 1000);
      expect(Math.abs(m.maxMomentary + 23)).toBeLessThanOrEqual(0.1);
    }
  });

  it('EBU Tech 3341 case 14 (live): (i·20 ms silence, 400 ms at −38+i dBFS, 400 − i·20 ms silence) reads max M = −38…−19 ±0.1 LUFS', () => {
    const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    for (let i = 0; i < 20; i++) {
      const segment = concat(silence(i * 0.02), tone(0.4, -38 + i), silence(0.4 - i * 0.02));
      const max = maxWhileFeeding(meter, segment, () => meter.momentary);
      expect(Math.abs(max - (-38 + i))).toBeLessThanOrEqual(0.1);
    }
  });
});

describe('EBU Tech 3342 loudness range (synthesized, 48 kHz, ±1 LU)', () => {
  const lra = (levels: number[]): number => meterFor(concat(...levels.map((db) => tone(20, db)))).loudnessRange;
  it('EBU Tech 3342 case 1: 20 s at −20 then 20 s at −30 dBFS reads LRA = 10 ±1 LU', () => {
    expect(Math.abs(lra([-20, -30]) - 10)).toBeLessThanOrEqual(1);
  });
  it('EBU Tech 3342 case 2: 20 s at −20 then 20 s at −15 dBFS reads LRA = 5 ±1 LU', () => {
    expect(Math.abs(lra([-20, -15]) - 5)).toBeLessThanOrEqual(1);
  });
  it('EBU Tech 3342 case 3: 20 s at −40 then 20 s at −20 dBFS reads LRA = 20 ±1 LU', () => {
    expect(Math.abs(lra([-40, -20]) - 20)).toBeLessThanOrEqual(1);
  });
  it('EBU Tech 3342 case 4: −50, −35, −20, −35, −50 dBFS, 20 s each, reads LRA = 15 ±1 LU', () => {
    expect(Math.abs(lra([-50, -35, -20, -35, -50]) - 15)).toBeLessThanOrEqual(1);
  });
  it('EBU Tech 3342: the expected response is unchanged when the case 1 signal is repeated', () => {
    const once = lra([-20, -30]);
    expect(Math.abs(lra([-20, -30, -20, -30]) - once)).toBeLessThanOrEqual(0.1);
  });
});

describe('sample rates', () => {
  it.each([44100, 48000, 88200, 96000, 192000])('a 1 kHz stereo sine at −23 dBFS reads M, S, I = −23.0 ±0.1 LUFS at %i Hz', (fs) => {
    const m = meterFor(tone(5, -23, fs), fs);
    for (const v of [m.momentary, m.shortTerm, m.integrated]) expect(Math.abs(v + 23)).toBeLessThanOrEqual(0.1);
  });
});

/** A 6 s stereo test programme: level steps, noise, silence, an inter-sample over, NaN and Inf. */
function programme(): Signal {
  const n = 6 * FS;
  let seed = 1;
  const random = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / FS;
    const level = t < 1 ? 0.05 : t < 2.5 ? 0.3 : t < 3 ? 0 : 0.1 + 0.1 * Math.sin(t);
    left[i] = level * (Math.sin(2 * Math.PI * 440 * t) + 0.3 * (random() - 0.5));
    right[i] = level * Math.sin(2 * Math.PI * 12000 * t + Math.PI / 4);
  }
  left[FS * 4] = Number.NaN;
  right[FS * 5 + 3] = Number.POSITIVE_INFINITY;
  return [left, right];
}

describe('LoudnessMeter behaviour', () => {
  it('gives the same readings for blocks of 1, 128, 4096 and 100000 samples (to 1e-9)', () => {
    const signal = programme();
    const readings = [1, 128, 4096, 100000].map((block) => {
      const out = new Float64Array(LOUDNESS_READING_COUNT);
      const m = meterFor(signal, FS, block);
      m.readInto(out);
      return { out, nonFinite: m.nonFiniteSamples };
    });
    for (const { out, nonFinite } of readings) {
      expect(nonFinite).toBe(2);
      for (let k = 0; k < LOUDNESS_READING_COUNT; k++) {
        const a = out[k];
        const b = readings[0].out[k];
        if (Number.isFinite(b)) expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9);
        else expect(a).toBe(b);
      }
    }
  });

  it('never lets NaN or ±Infinity poison a reading, counts them, and recovers within one window', () => {
    const signal = tone(20, -23);
    for (let i = 5 * FS; i < 5.1 * FS; i++) signal[0][i] = Number.NaN;
    signal[1][10 * FS] = Number.POSITIVE_INFINITY;
    signal[1][10 * FS + 1] = Number.NEGATIVE_INFINITY;
    const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    feed(
      meter,
      concat(...[0, 1].map(() => signal)).map((x) => x.subarray(0, 5.1 * FS)),
    );
    expect(meter.momentary).toBeLessThan(-23.5); // the NaN stretch reads as silence in L
    feed(
      meter,
      signal.map((x) => x.subarray(5.1 * FS, 5.5 * FS + 240)),
    );
    expect(Math.abs(meter.momentary + 23)).toBeLessThanOrEqual(0.1); // 400 ms later: recovered
    feed(
      meter,
      signal.map((x) => x.subarray(5.5 * FS + 240)),
    );
    expect(meter.nonFiniteSamples).toBe(0.1 * FS + 2);
    for (const v of [meter.momentary, meter.shortTerm, meter.integrated, meter.truePeak]) expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(meter.integrated + 23)).toBeLessThanOrEqual(0.1);
    expect(meter.truePeak).toBeLessThan(-22);
  });

  it('treats process() with zero samples as a no-op', () => {
    const fresh = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    fresh.process([new Float32Array(0), new Float32Array(0)]);
    const before = new Float64Array(LOUDNESS_READING_COUNT);
    fresh.readInto(before);
    expect(Array.from(before)).toEqual([-Infinity, -Infinity, -Infinity, 0, -Infinity, -Infinity, -Infinity, -Infinity]);

    const signal = tone(1.234, -20);
    const a = meterFor(signal);
    const b = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    feed(
      b,
      signal.map((x) => x.subarray(0, 30000)),
    );
    b.process([new Float32Array(0), new Float32Array(0)]);
    feed(
      b,
      signal.map((x) => x.subarray(30000)),
    );
    const ra = new Float64Array(LOUDNESS_READING_COUNT);
    const rb = new Float64Array(LOUDNESS_READING_COUNT);
    a.readInto(ra);
    b.readInto(rb);
    expect(Array.from(rb)).toEqual(Array.from(ra));
  });

  it('reads −Infinity before 400 ms / 3 s of input and in digital silence', () => {
    const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    feed(meter, tone(0.39, -20));
    expect(meter.momentary).toBe(-Infinity);
    feed(meter, tone(0.02, -20));
    expect(Number.isFinite(meter.momentary)).toBe(true);
    expect(meter.shortTerm).toBe(-Infinity);
    feed(meter, concat(tone(3, -20), silence(4)));
    expect(meter.momentary).toBe(-Infinity);
    expect(meter.shortTerm).toBe(-Infinity);
    expect(Math.abs(meter.integrated + 20)).toBeLessThan(0.3); // the fade-out blocks pass the gate
    const silent = meterFor(silence(10));
    expect(silent.integrated).toBe(-Infinity);
    expect(silent.loudnessRange).toBe(0);
    expect(silent.truePeak).toBe(-Infinity);
  });

  it('excludes the LFE of a 6-channel meter from loudness but not from true peak', () => {
    const [lfe] = tone(5, -6, FS, 1, 60);
    const silent = new Float32Array(lfe.length);
    const m = meterFor([silent, silent, silent, lfe, silent, silent]);
    expect(m.integrated).toBe(-Infinity);
    expect(m.truePeak).toBeCloseTo(-6, 1);
  });

  it('honours custom channel weights', () => {
    const m = new LoudnessMeter({ sampleRate: FS, channels: 2, channelWeights: [2, 0] });
    feed(m, tone(5, [-23, -10]));
    expect(m.integrated).toBeCloseTo(-23, 1); // 2 × (L at −23) = stereo at −23
    expect(new LoudnessMeter({ sampleRate: FS, channels: 3 }).channelWeights).toEqual([1, 1, 1]);
  });

  it('resetIntegrated starts a new I / LRA / peak measurement but keeps M and S live', () => {
    const meter = meterFor(tone(10, -13));
    expect(meter.measuredSeconds).toBeCloseTo(10, 6);
    meter.resetIntegrated();
    expect(meter.measuredSeconds).toBe(0);
    expect(meter.integrated).toBe(-Infinity);
    expect(meter.truePeak).toBe(-Infinity);
    expect(Math.abs(meter.momentary + 13)).toBeLessThan(0.1);
    feed(meter, tone(10, -33));
    expect(Math.abs(meter.integrated + 33)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(meter.maxShortTerm + 33)).toBeLessThanOrEqual(0.1);
    expect(meter.truePeak).toBeLessThan(-32.9);
    meter.reset();
    expect(meter.momentary).toBe(-Infinity);
  });

  it('readInto writes momentary, shortTerm, integrated, loudnessRange, truePeak, samplePeak, maxMomentary, maxShortTerm', () => {
    const m = meterFor(concat(tone(4, -20), tone(4, -30)));
    const out = new Float64Array(LOUDNESS_READING_COUNT + 2);
    m.readInto(out, 2);
    expect(Array.from(out.subarray(2))).toEqual([
      m.momentary,
      m.shortTerm,
      m.integrated,
      m.loudnessRange,
      m.truePeak,
      m.samplePeak,
      m.maxMomentary,
      m.maxShortTerm,
    ]);
    expect(() => m.readInto(new Float64Array(7))).toThrow(RangeError);
  });

  it('measures a long input given in one call (3 minutes) like the same input in blocks', () => {
    const signal = tone(180, -23, FS, 1);
    const whole = new LoudnessMeter({ sampleRate: FS, channels: 1 });
    whole.process(signal);
    const blocks = meterFor(signal, FS, 128);
    expect(Math.abs(whole.integrated - blocks.integrated)).toBeLessThan(1e-9);
    expect(Math.abs(whole.integrated + 26)).toBeLessThanOrEqual(0.1); // mono: 3 dB below stereo
  });

  it('rejects bad options with a RangeError naming the option, the value and the range', () => {
    const bad: [object, RegExp][] = [
      [{ sampleRate: 0, channels: 2 }, /sampleRate must be a number from 8000 to 768000 Hz, got 0/],
      [{ sampleRate: -48000, channels: 2 }, /sampleRate .* got -48000/],
      [{ sampleRate: Number.NaN, channels: 2 }, /sampleRate .* got NaN/],
      [{ sampleRate: Number.POSITIVE_INFINITY, channels: 2 }, /sampleRate .* got Infinity/],
      [{ sampleRate: 48000, channels: 0 }, /channels must be an integer from 1 to 64, got 0/],
      [{ sampleRate: 48000, channels: 1.5 }, /channels must be an integer from 1 to 64, got 1.5/],
      [{ sampleRate: 48000, channels: 65 }, /channels .* got 65/],
      [{ sampleRate: 48000, channels: 2, channelWeights: [1] }, /channelWeights must be an array of 2 numbers .* got an array of length 1/],
      [{ sampleRate: 48000, channels: 2, channelWeights: [1, Number.NaN] }, /channelWeights\[1\] must be a finite number >= 0, got NaN/],
      [{ sampleRate: 48000, channels: 2, channelWeights: [-1, 1] }, /channelWeights\[0\] .* got -1/],
      [{ sampleRate: 48000, channels: 2, channelWeights: [1, Number.POSITIVE_INFINITY] }, /channelWeights\[1\] .* got Infinity/],
    ];
    for (const [options, message] of bad) {
      expect(() => new LoudnessMeter(options as ConstructorParameters<typeof LoudnessMeter>[0])).toThrow(RangeError);
      expect(() => new LoudnessMeter(options as ConstructorParameters<typeof LoudnessMeter>[0])).toThrow(message);
    }
  });

  it('rejects mismatched input with a RangeError and measures nothing', () => {
    const m = new LoudnessMeter({ sampleRate: FS, channels: 2 });
    expect(() => m.process([new Float32Array(10)])).toThrow(/input must have 2 channel arrays, got 1/);
    expect(() => m.process([new Float32Array(10), new Float32Array(11)])).toThrow(/equal lengths, got 10 and 11/);
    expect(m.samplePeak).toBe(-Infinity);
  });
});

describe('bounded-memory statistics (histogram resolution 0.01 LU)', () => {
  /** Exact BS.1770 / Tech 3342 from a list of block energies (sorting, no histogram). */
  function exactIntegrated(energies: number[]): number {
    const lufs = (e: number): number => -0.691 + 10 * Math.log10(e);
    const mean = (list: number[]): number => list.reduce((a, b) => a + b, 0) / list.length;
    const absolute = energies.filter((e) => lufs(e) > -70);
    const threshold = lufs(mean(absolute)) - 10;
    return lufs(mean(absolute.filter((e) => lufs(e) > threshold)));
  }
  function exactRange(energies: number[]): number {
    const lufs = (e: number): number => -0.691 + 10 * Math.log10(e);
    const absolute = energies.filter((e) => lufs(e) >= -70);
    const threshold = lufs(absolute.reduce((a, b) => a + b, 0) / absolute.length) - 20;
    const kept = absolute
      .map(lufs)
      .filter((l) => l >= threshold)
      .sort((a, b) => a - b);
    const at = (p: number): number => kept[Math.round((kept.length - 1) * p)];
    return at(0.95) - at(0.1);
  }

  it('matches exact gating within 0.001 LU (I) and 0.01 LU (LRA) over 10 hours of blocks', () => {
    let seed = 5;
    const random = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const blocks = 10 * 3600 * 10; // 10 h at 10 blocks per second
    const energies: number[] = [];
    const gating = new LoudnessHistogram(true);
    const range = new LoudnessHistogram(false);
    const value = new Float64Array(1);
    for (let i = 0; i < blocks; i++) {
      // A programme drifting between −45 and −15 LUFS with some near-silence.
      const lufs = random() < 0.05 ? -75 + 10 * random() : -30 + 15 * Math.sin(i / 5000) + 6 * (random() - 0.5);
      value[0] = Math.pow(10, (lufs + 0.691) / 10);
      energies.push(value[0]);
      if (lufs > -70) gating.add(value, 0);
      if (lufs >= -70) range.add(value, 0);
    }
    const out = new Float64Array(2);
    gating.writeGatedLoudness(-10, out, 0);
    range.writeLoudnessRange(-20, out, 1);
    expect(Math.abs(out[0] - exactIntegrated(energies))).toBeLessThan(0.001);
    expect(Math.abs(out[1] - exactRange(energies))).toBeLessThanOrEqual(0.0101);
  });

  it('LoudnessMeter matches an exact block-by-block reference on a 2-minute stepped programme', () => {
    const fs = FS;
    const hop = fs / 10;
    const seconds = 120;
    const n = seconds * fs;
    let seed = 9;
    const random = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const x = new Float32Array(n);
    let amplitude = 0.1;
    let frequency = 1000;
    for (let i = 0; i < n; i++) {
      if (i % Math.round(0.7 * fs) === 0) {
        amplitude = Math.pow(10, (-55 + 45 * random()) / 20);
        frequency = 200 + 4000 * random();
      }
      x[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / fs);
    }
    const meter = meterFor([x], fs);
    // Reference: K-weighted energy per 100 ms hop, then exact 400 ms blocks and 3 s windows.
    const c = designKWeighting(fs);
    const state = new Float64Array(4);
    const hops: number[] = [];
    for (let i = 0; i + hop <= n; i += hop) hops.push(kWeightedSumOfSquares(c, state, 0, x, i, i + hop));
    const window = (end: number, count: number): number => hops.slice(end - count, end).reduce((a, b) => a + b, 0) / (count * hop);
    const blocks: number[] = [];
    const shortTerm: number[] = [];
    for (let j = 4; j <= hops.length; j++) blocks.push(window(j, 4));
    for (let j = 30; j <= hops.length; j++) shortTerm.push(window(j, 30));
    expect(Math.abs(meter.integrated - exactIntegrated(blocks))).toBeLessThan(0.001);
    expect(Math.abs(meter.loudnessRange - exactRange(shortTerm))).toBeLessThanOrEqual(0.0101);
  });
});
