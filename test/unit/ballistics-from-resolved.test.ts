/**
 * Ballistic options are validated once, where they enter: the engine resolves them
 * (resolveEngineOptions) and the processor builds its meters with BallisticMeter.fromResolved,
 * which does not validate again.
 */
import { describe, it, expect } from 'vitest';
import { BallisticMeter, resolveBallisticOptions } from '../../src/dsp/ballistics';
import { resolveEngineOptions } from '../../src/core/engine-options';
import { sine } from '../helpers/signals';

const context = { createGain: () => ({}), state: 'running', sampleRate: 48000 } as unknown as BaseAudioContext;

describe('BallisticMeter.fromResolved', () => {
  it('reads exactly like a meter built from the raw options', () => {
    for (const preset of ['vu', 'ppm-bbc', 'k-14'] as const) {
      const raw = { sampleRate: 48000, preset, referenceDb: -20 };
      const a = new BallisticMeter(raw);
      const b = BallisticMeter.fromResolved(resolveBallisticOptions(raw));
      const x = sine(0.5, 1000, 0.4, 48000);
      a.process(x);
      b.process(x);
      expect(b.level).toBe(a.level);
      expect(b.peak).toBe(a.peak);
      expect(b.options).toEqual(a.options);
    }
  });

  it('does not validate again: resolved vu options carry fallDbPerSecond NaN, which the constructor rejects', () => {
    const resolved = resolveBallisticOptions({ sampleRate: 48000, preset: 'vu' });
    expect(resolved.fallDbPerSecond).toBeNaN();
    expect(() => new BallisticMeter({ ...resolved })).toThrow(/fallDbPerSecond does not apply to preset "vu"/);
    expect(BallisticMeter.fromResolved({ ...resolved }).options.preset).toBe('vu');
  });

  it('a later plain construction validates again (the trust lasts one construction)', () => {
    const resolved = resolveBallisticOptions({ sampleRate: 48000, preset: 'vu' });
    BallisticMeter.fromResolved(resolved);
    expect(() => new BallisticMeter(resolved)).toThrow(RangeError);
  });
});

describe('resolveEngineOptions: ballistics', () => {
  it('resolves the ballistics once, with every default filled in and no sampleRate', () => {
    const o = resolveEngineOptions(context, { tracks: 1, ballistics: 'ppm-ebu' });
    const { sampleRate: _s, ...expected } = resolveBallisticOptions({ sampleRate: 48000, preset: 'ppm-ebu' });
    expect(o.ballistics).toEqual([expected]);
    expect(o.ballistics[0]).not.toHaveProperty('sampleRate');
    expect(resolveEngineOptions(context, { tracks: 1, ballistics: { preset: 'vu', referenceDb: -14 } }).ballistics[0]).toMatchObject({
      preset: 'vu',
      referenceDb: -14,
      integrationMs: 300,
    });
    expect(resolveEngineOptions(context, { tracks: 1 }).ballistics).toEqual([null]);
  });
});
