import { describe, it, expect } from 'vitest';
import { CorrelationMeter, type CorrelationMeterOptions } from '../../src/dsp/correlation';
import { sine, inBlocks } from '../helpers/signals';

const SR = 48000;

/** Seeded uniform noise in [-amp, amp) (LCG, Numerical Recipes constants). */
function noise(seed: number, n: number, amp = 0.5): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 2 * amp;
  }
  return out;
}

function measure(left: Float32Array, right: Float32Array, options: Partial<CorrelationMeterOptions> = {}, block = 128): CorrelationMeter {
  const m = new CorrelationMeter({ sampleRate: SR, ...options });
  inBlocks(left, block, (_, s, e) => m.process(left, right, s, e));
  return m;
}

describe('CorrelationMeter: phase correlation', () => {
  it('reads +1 for identical channels and for the same signal at another gain', () => {
    const x = sine(0.5, 440, 1, SR);
    expect(measure(x, x).correlation).toBeCloseTo(1, 12);
    expect(
      measure(
        x,
        x.map((v) => v * 0.1),
      ).correlation,
    ).toBeCloseTo(1, 6);
  });

  it('reads −1 for inverted channels', () => {
    const x = noise(1, SR);
    expect(
      measure(
        x,
        x.map((v) => -v),
      ).correlation,
    ).toBeCloseTo(-1, 12);
  });

  it('reads ≈ 0 for uncorrelated seeded noise over a 1 s window (|r| < 0.05)', () => {
    const m = measure(noise(1, 2 * SR), noise(2, 2 * SR), { windowMs: 1000 });
    expect(m.correlationDefined).toBe(true);
    expect(Math.abs(m.correlation)).toBeLessThan(0.05); // expected spread 1/√48000 ≈ 0.005
  });

  it('reads 0 ± 0.01 for sines 90° apart', () => {
    const m = measure(sine(0.5, 997, 1, SR), sine(0.5, 997, 1, SR, Math.PI / 2));
    expect(Math.abs(m.correlation)).toBeLessThan(0.01);
  });

  it('reads cos φ for sines φ apart (60° → 0.5)', () => {
    const m = measure(sine(0.5, 1000, 1, SR), sine(0.3, 1000, 1, SR, Math.PI / 3));
    expect(m.correlation).toBeCloseTo(0.5, 3);
  });

  it('follows the last window only: a flip to inverted reads −1 one window later', () => {
    const x = noise(5, 2 * SR);
    const y = x.slice();
    for (let i = SR; i < y.length; i++) y[i] = -y[i];
    const m = new CorrelationMeter({ sampleRate: SR });
    m.process(x, y, 0, SR);
    expect(m.correlation).toBeCloseTo(1, 12);
    m.process(x, y, SR, SR + m.windowSamples);
    expect(m.correlation).toBeCloseTo(-1, 12);
  });
});

describe('CorrelationMeter: balance', () => {
  it('hard left −1, hard right +1, centre 0, R 6 dB down → −0.6', () => {
    const x = sine(0.5, 440, 1, SR);
    const z = new Float32Array(SR);
    expect(measure(x, z).balance).toBe(-1);
    expect(measure(z, x).balance).toBe(1);
    expect(measure(x, x).balance).toBe(0);
    expect(
      measure(
        x,
        x.map((v) => v * 0.5),
      ).balance,
    ).toBeCloseTo(-0.6, 6);
  });

  it('a channel alone has balance but no correlation (reads 0, not NaN)', () => {
    const m = measure(sine(0.5, 440, 1, SR), new Float32Array(SR));
    expect(m.balanceDefined).toBe(true);
    expect(m.correlationDefined).toBe(false);
    expect(m.correlation).toBe(0);
  });
});

describe('CorrelationMeter contract', () => {
  it('silence reads 0 and 0, undefined, never NaN; also after a loud passage has left the window', () => {
    const fresh = new CorrelationMeter({ sampleRate: SR });
    expect([fresh.correlation, fresh.balance, fresh.correlationDefined, fresh.balanceDefined]).toEqual([0, 0, false, false]);
    const x = sine(0.99, 440, 1, SR);
    const m = measure(x, x);
    const z = new Float32Array(SR);
    m.process(z, z);
    expect([m.correlation, m.balance, m.correlationDefined, m.balanceDefined]).toEqual([0, 0, false, false]);
  });

  it('signals below silenceDb count as silence (dither at −100 dBFS is ignored by default)', () => {
    const a = noise(3, SR, 1e-5); // ≈ −105 dBFS RMS
    expect(measure(a, a).correlationDefined).toBe(false);
    expect(measure(a, a, { silenceDb: -120 }).correlation).toBeCloseTo(1, 9);
  });

  it('gives identical readings for blocks of 1, 128, 4096 and 997 samples', () => {
    const l = noise(7, SR);
    const r = noise(8, SR).map((v, i) => 0.5 * v + 0.5 * l[i]);
    const readings = [1, 128, 4096, 997].map((b) => {
      const m = measure(l, r, {}, b);
      return [m.correlation, m.balance];
    });
    for (const x of readings) expect(x).toEqual(readings[0]);
  });

  it('has no drift: after minutes of loud correlated signal, a window of anti-phase reads exactly −1', () => {
    const m = new CorrelationMeter({ sampleRate: SR, windowMs: 10 });
    const x = sine(0.999, 1234.5, 10, SR);
    const y = sine(0.5, 1234.5, 10, SR, 0.7);
    for (let i = 0; i < 12; i++) m.process(x, y);
    const n = noise(9, m.windowSamples);
    m.process(
      n,
      n.map((v) => -v),
    );
    expect(m.correlation).toBe(-1);
    expect(m.balance).toBe(0);
  });

  it('measures NaN and ±Infinity as 0, counts them, and recovers within one window', () => {
    const x = sine(0.5, 440, 1, SR);
    const y = x.slice();
    y[100] = NaN;
    y[200] = Infinity;
    x[300] = -Infinity;
    const m = measure(x, y);
    expect(m.nonFinite).toBe(3);
    expect(Number.isFinite(m.correlation) && Number.isFinite(m.balance)).toBe(true);
    expect(m.correlation).toBeCloseTo(1, 12); // the bad samples left the window long ago
    m.reset();
    expect([m.nonFinite, m.correlation, m.correlationDefined]).toEqual([0, 0, false]);
  });

  it('throws RangeError naming the option, the value and the valid range', () => {
    expect(() => new CorrelationMeter({ sampleRate: -1 })).toThrow(/sampleRate must be a number from 1 to 1000000 Hz, got -1/);
    expect(() => new CorrelationMeter({ sampleRate: SR, windowMs: 0 })).toThrow(/windowMs must be a number from 1 to 10000 ms, got 0/);
    expect(() => new CorrelationMeter({ sampleRate: SR, silenceDb: 6 })).toThrow(/silenceDb must be a number from -200 to 0 dBFS, got 6/);
    expect(() => new CorrelationMeter(undefined as unknown as CorrelationMeterOptions)).toThrow(TypeError);
  });

  it('uses a 300 ms window by default', () => {
    expect(new CorrelationMeter({ sampleRate: SR }).windowSamples).toBe(14400);
    expect(new CorrelationMeter({ sampleRate: 44100, windowMs: 1000 }).windowSamples).toBe(44100);
  });
});
