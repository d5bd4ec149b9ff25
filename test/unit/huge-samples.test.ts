/**
 * Issue #12, bug 2: after one sample of 3.4e38 or 100 ms of 1e30, the RMS read ~0 and the
 * correlation read 0 instead of −1 for about half a second: the huge sub-block sums cancelled
 * the running window sums' bits when they left the window. Readings must recover within their
 * window, as they do after NaN and ±Infinity.
 */
import { describe, expect, it } from 'vitest';
import { LevelMeter } from '../../src/dsp/level-meter';
import { CorrelationMeter } from '../../src/dsp/correlation';
import { sine } from '../helpers/signals';

const SR = 48000;
const AMP = 0.5;
const SINE_RMS = AMP / Math.SQRT2;

function withHuge(seconds: number, huge: (x: Float32Array) => void): Float32Array {
  const x = sine(AMP, 1000, seconds, SR);
  huge(x);
  return x;
}

describe('LevelMeter: huge finite samples (issue #12, bug 2)', () => {
  for (const [name, huge] of [
    ['one sample of 3.4e38', (x: Float32Array) => (x[4800] = 3.4e38)],
    ['100 ms of 1e30', (x: Float32Array) => x.fill(1e30, 4800, 9600)],
  ] as const) {
    it(`${name}: the RMS reads the sine's RMS once the window has passed it, and the peak is huge`, () => {
      const m = new LevelMeter({ sampleRate: SR }); // 300 ms window
      const x = withHuge(1.5, huge);
      // 128-sample quanta, as on the audio thread
      for (let i = 0; i < x.length; i += 128) m.process(x, i, Math.min(x.length, i + 128));
      expect(m.peak).toBeGreaterThan(1e29);
      expect(m.nonFinite).toBe(0);
      expect(m.rms).toBeCloseTo(SINE_RMS, 4);
    });

    it(`${name}: recovers as soon as the huge samples leave the 300 ms window (by 0.5 s, not 0.8 s)`, () => {
      const m = new LevelMeter({ sampleRate: SR });
      const x = withHuge(0.5 + 0.3 + 0.02, huge); // huge part ends by 0.2 s; window leaves it by 0.5 s
      m.process(x, 0, Math.round(0.52 * SR));
      expect(m.rms).toBeCloseTo(SINE_RMS, 4);
    });
  }

  it('the huge block still reads in the RMS while it is inside the window', () => {
    const m = new LevelMeter({ sampleRate: SR });
    const x = withHuge(0.25, (y) => y.fill(1e30, 4800, 9600));
    m.process(x);
    expect(m.rms).toBeCloseTo(1e30 * Math.sqrt(0.1 / 0.3), -25);
  });
});

describe('CorrelationMeter: huge finite samples (issue #12, bug 2)', () => {
  it('100 ms of 1e30 on inverted channels: −1 throughout and as soon as the window has passed it (0.5 s)', () => {
    const m = new CorrelationMeter({ sampleRate: SR });
    const l = withHuge(0.52, (x) => x.fill(1e30, 4800, 9600));
    const r = l.map((v) => -v);
    m.process(l, r, 0, 9600);
    expect(m.correlation).toBeCloseTo(-1, 9);
    m.process(l, r, 9600, l.length);
    expect(m.correlationDefined).toBe(true);
    expect(m.correlation).toBeCloseTo(-1, 9);
    expect(m.balance).toBeCloseTo(0, 9);
  });

  it('one sample of 3.4e38 on both channels of an inverted pair: −1 again once it left the 300 ms window', () => {
    const m = new CorrelationMeter({ sampleRate: SR });
    const l = withHuge(0.32, (x) => (x[100] = 3.4e38));
    const r = l.map((v) => -v);
    r[100] = -3.4e38;
    for (let i = 0; i < l.length; i += 128) m.process(l, r, i, Math.min(l.length, i + 128));
    expect(m.nonFinite).toBe(0);
    expect(m.correlation).toBeCloseTo(-1, 9);
  });
});
