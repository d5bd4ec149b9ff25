import { describe, it, expect } from 'vitest';
import { LevelMeter, DEFAULT_FALL_DB_PER_SECOND, rmsRingGeometry } from '../../src/dsp/level-meter';
import { dbFromLinear } from '../../src/dsp/db';
import { sine, inBlocks } from '../helpers/signals';

const SR = 48000;

describe('LevelMeter against analytic signals', () => {
  it('a sine of amplitude 0.5 reads peak 0.5 and RMS 0.35355', () => {
    const m = new LevelMeter({ sampleRate: SR });
    m.process(sine(0.5, 1000, 1, SR));
    expect(m.peak).toBeCloseTo(0.5, 4);
    expect(m.decayingPeak).toBeCloseTo(0.5, 3);
    expect(m.hold).toBeCloseTo(0.5, 4);
    expect(Math.abs(m.rms - 0.5 / Math.SQRT2)).toBeLessThan(1e-4);
    expect(m.overs).toBe(0);
  });

  it('reads RMS 0.35355 for a sine whose period does not divide the window (997 Hz, 44.1 kHz)', () => {
    const m = new LevelMeter({ sampleRate: 44100 });
    m.process(sine(0.5, 997, 1, 44100, 0.3));
    expect(Math.abs(m.rms - 0.35355)).toBeLessThan(1e-4);
  });

  it('AES-17 alignment makes a sine read its peak as RMS', () => {
    const m = new LevelMeter({ sampleRate: SR, rmsSineAligned: true });
    m.process(sine(0.5, 1000, 1, SR));
    expect(Math.abs(m.rms - 0.5)).toBeLessThan(1e-4);
  });

  it('RMS of a DC level is the level, and the window is the configured length', () => {
    const m = new LevelMeter({ sampleRate: SR, rmsWindowMs: 100 });
    expect(m.rmsWindowSamples).toBe(4800);
    const dc = new Float32Array(4800).fill(0.25);
    m.process(dc, 0, 2400);
    expect(m.rms).toBeCloseTo(0.25 * Math.sqrt(0.5), 6); // half the window filled
    m.process(dc, 2400, 4800);
    expect(m.rms).toBeCloseTo(0.25, 6);
    m.process(new Float32Array(4800));
    expect(m.rms).toBe(0); // a full window of silence reads exactly 0
  });

  it('the RMS window geometry is exact for common rates and bounded in slots', () => {
    for (const sr of [8000, 44100, 48000, 88200, 96000, 192000]) {
      const w = (300 * sr) / 1000;
      const g = rmsRingGeometry(w);
      expect(g.slots * g.slotSamples).toBe(w);
      expect(g.slots).toBeLessThanOrEqual(1024);
    }
    const prime = rmsRingGeometry(100_003); // a prime window is rounded, within 0.1 %
    expect(Math.abs(prime.slots * prime.slotSamples - 100_003) / 100_003).toBeLessThan(1e-3);
  });

  it('has no RMS drift after hours of loud signal then silence', () => {
    const m = new LevelMeter({ sampleRate: SR, rmsWindowMs: 10 });
    const loud = sine(0.999, 1234.5, 10, SR);
    for (let i = 0; i < 20; i++) m.process(loud);
    m.process(new Float32Array(480));
    expect(m.rms).toBe(0);
  });
});

describe('decaying peak: the fall is the configured dB/s whatever the block size', () => {
  for (const block of [1, 128, 4096]) {
    it(`block size ${block}`, () => {
      const m = new LevelMeter({ sampleRate: SR });
      const signal = new Float32Array(SR * 2); // spike then 2 s of silence
      signal[0] = 1;
      const readings: number[] = [];
      inBlocks(signal, block, (b, s, e) => {
        m.process(b, s, e);
        if (e === SR || e === SR * 2 || (s < SR && e > SR)) readings.push(e);
      });
      // After exactly 1.7 s of fall the level is -20 dB (IEC 60268-18).
      const m2 = new LevelMeter({ sampleRate: SR });
      const s2 = new Float32Array(Math.round(1.7 * SR) + 1);
      s2[0] = 1;
      inBlocks(s2, block, (b, s, e) => m2.process(b, s, e));
      expect(dbFromLinear(m2.decayingPeak)).toBeCloseTo(-20, 6);
      // After 2 s: -2 × 11.7647 dB.
      expect(dbFromLinear(m.decayingPeak)).toBeCloseTo(-(2 - 1 / SR) * DEFAULT_FALL_DB_PER_SECOND, 6);
    });
  }

  it('identical readings for blocks of 1, 128, 4096 and 100,000 samples', () => {
    const sig = sine(0.8, 440, 3, SR);
    for (let i = 50_000; i < 60_000; i++) sig[i] = 0;
    sig[70_000] = 0.99;
    const results = [1, 128, 4096, 100_000].map((block) => {
      const m = new LevelMeter({ sampleRate: SR, rmsWindowMs: 300, holdMs: 500 });
      inBlocks(sig, block, (b, s, e) => m.process(b, s, e));
      return [m.peak, m.decayingPeak, m.hold, m.rms, m.overs];
    });
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('identical readings, to the bit, for blocks cut across the 256-sample chunks (NaN, ±Inf, huge, denormal)', () => {
    let seed = 777;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sig = new Float32Array(SR * 2);
    for (let i = 0; i < sig.length; i++) {
      const r = rand();
      sig[i] =
        r < 0.001
          ? NaN
          : r < 0.002
            ? Infinity
            : r < 0.003
              ? -Infinity
              : r < 0.004
                ? 3e38 // finite, but its square overflows
                : r < 0.02
                  ? 1e-40 // denormal
                  : (rand() * 2 - 1) * Math.exp(-(i % 20_000) / 3000);
    }
    for (let i = 40_000; i < 70_000; i++) sig[i] = 0.3 * Math.sin(i * 0.01); // a clean stretch: the fast path
    sig.fill(1.5, 30_000, 30_003); // a run of three overs
    const results = [1, 100, 255, 256, 257, 1000, SR * 2].map((block) => {
      const m = new LevelMeter({ sampleRate: SR, holdMs: 200, overConsecutive: 2 });
      inBlocks(sig, block, (b, s, e) => m.process(b, s, e));
      const atEnd = [m.peak, m.decayingPeak, m.hold, m.rms, m.overs, m.nonFinite];
      inBlocks(sig.subarray(0, 70_000), block, (b, s, e) => m.process(b, s, e)); // ends on the clean stretch
      return [...atEnd, m.peak, m.decayingPeak, m.hold, m.rms, m.overs, m.nonFinite];
    });
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0][4]).toBeGreaterThan(0); // overs were counted
    expect(results[0][5]).toBeGreaterThan(100); // non-finite samples were counted
  });

  it('honours a custom fall rate (e.g. 24 dB/s)', () => {
    const m = new LevelMeter({ sampleRate: 44100, fallDbPerSecond: 24 });
    const s = new Float32Array(44100 + 1);
    s[0] = 0.5;
    m.process(s);
    expect(dbFromLinear(m.decayingPeak)).toBeCloseTo(dbFromLinear(0.5) - 24, 6);
  });

  it('never produces denormals: decays to exactly 0', () => {
    const m = new LevelMeter({ sampleRate: 8000, fallDbPerSecond: 100_000, holdMs: 10 });
    const s = new Float32Array(8000);
    s[0] = 1;
    m.process(s);
    expect(m.decayingPeak).toBe(0);
    expect(m.hold).toBe(0);
  });
});

describe('peak hold', () => {
  it('holds for holdMs, then follows the decaying peak down', () => {
    const m = new LevelMeter({ sampleRate: SR, holdMs: 1000 });
    const s = new Float32Array(SR * 2);
    s[0] = 0.5;
    m.process(s, 0, SR - 10); // < 1 s after the peak
    expect(m.hold).toBe(0.5);
    m.process(s, SR - 10, SR + 10); // just past the hold time
    expect(m.hold).toBeLessThan(0.5);
    expect(m.hold).toBe(m.decayingPeak);
    m.process(s, SR + 10, SR * 2);
    expect(m.hold).toBe(m.decayingPeak);
    expect(dbFromLinear(m.hold)).toBeLessThan(dbFromLinear(0.5) - 11);
  });

  it('a new maximum restarts the hold time', () => {
    const m = new LevelMeter({ sampleRate: 1000, holdMs: 100 });
    const s = new Float32Array(300);
    s[0] = 0.2;
    s[90] = 0.3;
    m.process(s, 0, 150);
    expect(m.hold).toBeCloseTo(0.3, 6);
    m.process(s, 150, 185);
    expect(m.hold).toBeCloseTo(0.3, 6); // held until 90 + 100
    m.process(s, 185, 300);
    expect(m.hold).toBeLessThan(0.3);
  });

  it('after release, a sample just above the falling level re-arms the hold', () => {
    const m = new LevelMeter({ sampleRate: 1000, holdMs: 100 });
    const s = new Float32Array(1000);
    s[0] = 0.5;
    m.process(s, 0, 300); // held until 100, then falling with the decaying peak
    const falling = m.decayingPeak;
    const bump = new Float32Array([falling * 1.0005]); // a hair above the current level
    m.process(bump);
    const held = m.hold;
    expect(held).toBe(bump[0]);
    m.process(s, 300, 390); // 90 ms later: still held at the bump
    expect(m.hold).toBe(held);
    m.process(s, 390, 420); // past 100 ms: released again
    expect(m.hold).toBeLessThan(held);
  });

  it('holds forever with holdMs = Infinity until cleared', () => {
    const m = new LevelMeter({ sampleRate: SR, holdMs: Infinity });
    const s = new Float32Array(SR * 5);
    s[10] = 0.7;
    m.process(s);
    expect(m.hold).toBeCloseTo(0.7, 6);
    m.clearHold();
    m.process(new Float32Array(1));
    expect(m.hold).toBe(m.decayingPeak);
    expect(m.hold).toBeLessThan(0.7);
  });
});

describe('sample peak since last take', () => {
  it('catches a single-sample spike anywhere in a long block and resets on take', () => {
    const m = new LevelMeter({ sampleRate: SR });
    const s = new Float32Array(100_000);
    s[77_777] = -0.9;
    m.process(s);
    expect(m.takePeak()).toBeCloseTo(0.9, 6);
    expect(m.peak).toBe(0);
    m.process(new Float32Array(128));
    expect(m.takePeak()).toBe(0);
  });
});

describe('overs', () => {
  it('counts samples at or above the threshold (default 0 dBFS) and latches', () => {
    const m = new LevelMeter({ sampleRate: SR });
    const s = new Float32Array([0.5, 1, -1, 0.999, 1.5, 0]);
    m.process(s);
    expect(m.overs).toBe(3);
    m.process(new Float32Array(SR));
    expect(m.overs).toBe(3);
    m.clearOvers();
    expect(m.overs).toBe(0);
  });

  it('uses a custom threshold in dBFS', () => {
    const m = new LevelMeter({ sampleRate: SR, overThresholdDb: -6 });
    m.process(new Float32Array([0.49, 0.5012, 0.6, -0.7]));
    expect(m.overs).toBe(3);
  });

  it('with overConsecutive = 3 counts only runs of 3 or more', () => {
    const m = new LevelMeter({ sampleRate: SR, overConsecutive: 3 });
    m.process(new Float32Array([1, 1, 0, 1, 1, 1, 1, 0, 1, 1]));
    expect(m.overs).toBe(2); // the run of four adds 4 − 3 + 1
    m.process(new Float32Array([1])); // the run carries across blocks
    expect(m.overs).toBe(3);
  });
});

describe('non-finite samples', () => {
  it('are counted, excluded from every measure and never poison the meter', () => {
    const m = new LevelMeter({ sampleRate: SR });
    const s = sine(0.5, 1000, 0.5, SR);
    s[100] = NaN;
    s[200] = Infinity;
    s[300] = -Infinity;
    m.process(s);
    expect(m.nonFinite).toBe(3);
    expect(Number.isFinite(m.rms)).toBe(true);
    expect(m.peak).toBeCloseTo(0.5, 4);
    expect(m.hold).toBeCloseTo(0.5, 4);
    expect(m.overs).toBe(0);
    // within one window of clean signal the meter reads exactly as if nothing happened
    m.process(sine(0.5, 1000, 0.3, SR));
    expect(Math.abs(m.rms - 0.35355)).toBeLessThan(1e-4);
  });

  it('a block made only of NaN reads silence', () => {
    const m = new LevelMeter({ sampleRate: SR });
    m.process(new Float32Array(1000).fill(NaN));
    expect([m.peak, m.decayingPeak, m.hold, m.rms, m.overs, m.nonFinite]).toEqual([0, 0, 0, 0, 0, 1000]);
  });

  it('denormal input is measured without harm', () => {
    const m = new LevelMeter({ sampleRate: SR });
    const s = new Float32Array(1000).fill(1.4e-45);
    m.process(s);
    expect(m.peak).toBe(Math.fround(1.4e-45));
    expect(Number.isFinite(m.rms)).toBe(true);
  });
});

describe('options', () => {
  it('rejects bad values with a RangeError naming option, value and range', () => {
    expect(() => new LevelMeter({ sampleRate: 0 })).toThrow(/sampleRate must be a number from 1 to 1000000 Hz, got 0/);
    expect(() => new LevelMeter({ sampleRate: NaN })).toThrow(RangeError);
    expect(() => new LevelMeter({ sampleRate: SR, holdMs: -1 })).toThrow(/holdMs .* got -1/);
    expect(() => new LevelMeter({ sampleRate: SR, rmsWindowMs: 0 })).toThrow(/rmsWindowMs must be a number from 1 to 10000 ms, got 0/);
    expect(() => new LevelMeter({ sampleRate: SR, fallDbPerSecond: -3 })).toThrow(/fallDbPerSecond/);
    expect(() => new LevelMeter({ sampleRate: SR, overConsecutive: 1.5 })).toThrow(/overConsecutive must be an integer from 1 to 1000, got 1.5/);
    expect(() => new LevelMeter({ sampleRate: SR, overThresholdDb: Infinity })).toThrow(/overThresholdDb/);
  });

  it('process with zero samples is a no-op', () => {
    const m = new LevelMeter({ sampleRate: SR });
    m.process(new Float32Array([0.5]));
    const before = [m.peak, m.decayingPeak, m.hold, m.rms];
    m.process(new Float32Array(0));
    m.process(new Float32Array(10), 5, 5);
    expect([m.peak, m.decayingPeak, m.hold, m.rms]).toEqual(before);
  });
});

/**
 * An obviously-correct sample-by-sample model of the kernel's contract (test oracle), to check
 * the optimized segment-wise kernel against, on a seeded signal with every hard case in it.
 */
class ReferenceMeter {
  peak = 0;
  decay = 0;
  hold = 0;
  holdLeft = 0;
  overs = 0;
  overRun = 0;
  nonFinite = 0;
  private readonly squares: number[] = [];
  constructor(
    private readonly k: number,
    private readonly holdSamples: number,
    private readonly thr: number,
    private readonly need: number,
  ) {}
  push(x: number): void {
    let a = Math.abs(x);
    if (!Number.isFinite(a)) {
      this.nonFinite++;
      a = 0;
      x = 0;
    }
    this.peak = Math.max(this.peak, a);
    this.decay = Math.max(this.decay * this.k, a);
    if (a >= this.hold) {
      this.hold = a;
      this.holdLeft = this.holdSamples;
    } else if (this.holdLeft > 0) this.holdLeft--;
    else this.hold = this.decay;
    if (a >= this.thr) {
      if (++this.overRun >= this.need) this.overs++;
    } else this.overRun = 0;
    this.squares.push(x * x);
  }
}

describe('the optimized kernel equals a sample-by-sample model', () => {
  it('from digital silence (a hold of 0 re-armed by every sample) into a signal and back', () => {
    const sr = 48000;
    const signal = new Float32Array(sr);
    for (let i = 3000; i < 3400; i++) signal[i] = 0.5 * Math.sin(i * 0.05);
    signal[20_000] = 0.25; // a lone sample long after the hold time (20 ms) expired
    const meter = new LevelMeter({ sampleRate: sr, holdMs: 20 });
    const ref = new ReferenceMeter(Math.pow(10, -DEFAULT_FALL_DB_PER_SECOND / (20 * sr)), Math.round(0.02 * sr), 1, 1);
    for (let offset = 0; offset < signal.length; offset += 128) {
      meter.process(signal, offset, offset + 128);
      for (let i = offset; i < offset + 128; i++) ref.push(signal[i]);
      expect([meter.decayingPeak, meter.hold]).toEqual([ref.decay, ref.hold]);
    }
    expect(meter.peak).toBe(ref.peak);
    expect(ref.hold).toBeGreaterThan(0);
  });

  const cases = [
    { holdMs: 1500, overConsecutive: 1 },
    { holdMs: 0, overConsecutive: 3 },
    { holdMs: Infinity, overConsecutive: 1 },
    { holdMs: 20, overConsecutive: 2, fallDbPerSecond: 300 },
  ];
  for (const options of cases) {
    it(`hold ${options.holdMs} ms, ${options.overConsecutive} consecutive overs`, () => {
      const sr = 48000;
      let seed = 12345;
      const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const signal = new Float32Array(sr * 3);
      for (let i = 0; i < signal.length; i++) {
        const env = 0.5 + 0.5 * Math.sin(i / 4000);
        signal[i] = (rand() - 0.5) * 2.3 * env * (i % 30000 < 9000 ? 0.001 : 1);
        if (i % 9973 === 0) signal[i] = NaN;
        if (i % 31337 === 0) signal[i] = -Infinity;
        if (i >= 100_000 && i < 120_000) signal[i] = 0; // silence: holds expire
        // A smooth tone rising slower than the hold releases: new maxima a hair above the level.
        if (i >= 120_000) signal[i] = (0.2 + (0.05 * (i - 120_000)) / 24_000) * Math.sin(i * 0.13);
      }
      const meter = new LevelMeter({ sampleRate: sr, ...options });
      const ref = new ReferenceMeter(
        Math.pow(10, -(options.fallDbPerSecond ?? 20 / 1.7) / (20 * sr)),
        options.holdMs === Infinity ? Infinity : Math.round((options.holdMs * sr) / 1000),
        1,
        options.overConsecutive,
      );
      let offset = 0;
      let b = 0;
      const blocks = [1, 7, 128, 333, 4096, 128, 60];
      while (offset < signal.length) {
        const end = Math.min(signal.length, offset + blocks[b++ % blocks.length]);
        meter.process(signal, offset, end);
        for (let i = offset; i < end; i++) ref.push(signal[i]);
        offset = end;
        // Compare at every block boundary (decay and hold flush below 1e-20 at block end).
        const flush = (v: number) => (v < 1e-20 ? 0 : v);
        expect(meter.decayingPeak).toBe(flush(ref.decay));
        expect(meter.hold).toBe(flush(ref.hold));
        ref.decay = flush(ref.decay);
        ref.hold = flush(ref.hold);
      }
      expect(meter.peak).toBe(ref.peak);
      expect(meter.overs).toBe(ref.overs);
      expect(meter.nonFinite).toBe(ref.nonFinite);
      const w = meter.rmsWindowSamples;
      const last = (ref as unknown as { squares: number[] }).squares.slice(-w);
      const rms = Math.sqrt(last.reduce((s, v) => s + v, 0) / w);
      expect(Math.abs(meter.rms - rms)).toBeLessThan(1e-9);
    });
  }
});
