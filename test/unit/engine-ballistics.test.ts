/**
 * §4 of issue 15: a ballistics preset per track. `ballistics` is one preset for every bank
 * track, an array with one per bank track, or a map { [bankTrack]: preset, default }; it is
 * validated once (resolveEngineBallistics) and each bank track's meters run their own preset.
 */
import { describe, it, expect } from 'vitest';
import { resolveBallisticOptions } from '../../src/dsp/ballistics';
import { dbFromLinear } from '../../src/dsp/db';
import { resolveEngineBallistics, ballisticsInfo } from '../../src/core/engine-ballistics';
import { resolveEngineOptions } from '../../src/core/engine-options';
import { createTrackLevels } from '../../src/core/bank/track-levels';
import { scaleForBallistics } from '../../src/core/render/scale';
import { SyntheticEngine } from '../helpers/synthetic-engine';

const context = { createGain: () => ({}), state: 'running', sampleRate: 48000 } as unknown as BaseAudioContext;
const resolved = (preset: 'vu' | 'ppm-ebu' | 'k-14', sampleRate = 48000) => {
  const { sampleRate: _s, ...rest } = resolveBallisticOptions({ sampleRate, preset });
  return rest;
};

describe('resolveEngineBallistics: shapes', () => {
  it('one preset applies to every bank track (inputs, groups, master)', () => {
    const o = resolveEngineOptions(context, { tracks: 3, groups: [[0, 1]], master: true, ballistics: 'vu' });
    expect(o.ballistics).toHaveLength(5);
    for (const b of o.ballistics) expect(b).toEqual(resolved('vu'));
  });

  it('an array gives each bank track its own preset; digital-peak entries are null (no meter)', () => {
    const o = resolveEngineOptions(context, { tracks: 2, master: true, ballistics: ['vu', 'digital-peak', 'ppm-ebu'] });
    expect(o.ballistics).toEqual([resolved('vu'), null, resolved('ppm-ebu')]);
  });

  it('a map sets listed tracks and a default for the rest (default digital peak)', () => {
    expect(resolveEngineBallistics({ default: 'vu', 3: 'ppm-ebu' }, 4, 48000)).toEqual([resolved('vu'), resolved('vu'), resolved('vu'), resolved('ppm-ebu')]);
    expect(resolveEngineBallistics({ 1: { preset: 'k-14' } }, 3, 48000)).toEqual([null, resolved('k-14'), null]);
    expect(resolveEngineBallistics({ 0: { preset: 'vu', referenceDb: -14 } }, 1, 48000)[0]).toMatchObject({
      preset: 'vu',
      referenceDb: -14,
      integrationMs: 300,
    });
  });

  it('an options object is still one preset for every track', () => {
    const out = resolveEngineBallistics({ preset: 'vu', referenceDb: -20 }, 2, 48000);
    expect(out[0]).toMatchObject({ preset: 'vu', referenceDb: -20 });
    expect(out[1]).toEqual(out[0]);
  });

  it('the resolved entries carry the context rate into their integration (no sampleRate kept)', () => {
    const out = resolveEngineBallistics(['ppm-ebu'], 1, 96000);
    expect(out[0]).not.toHaveProperty('sampleRate');
    expect(out[0]!.preset).toBe('ppm-ebu');
  });
});

describe('resolveEngineBallistics: validation names the option, the value and the valid presets', () => {
  it('an unknown preset, alone, in an array or in a map', () => {
    expect(() => resolveEngineBallistics('vu2' as never, 2, 48000)).toThrow(RangeError);
    expect(() => resolveEngineBallistics('vu2' as never, 2, 48000)).toThrow(/^ballistics: preset must be one of "digital-peak", "ppm-ebu".*"k-20", got "vu2"$/);
    expect(() => resolveEngineBallistics(['vu', 'ppm'] as never, 2, 48000)).toThrow(/^ballistics\[1\]: preset must be one of .*got "ppm"$/);
    expect(() => resolveEngineBallistics({ default: 'loud' } as never, 2, 48000)).toThrow(/^ballistics\.default: preset must be one of .*got "loud"$/);
    expect(() => resolveEngineBallistics({ 1: 7 } as never, 2, 48000)).toThrow(TypeError);
    expect(() => resolveEngineBallistics({ 1: 7 } as never, 2, 48000)).toThrow(/^ballistics\[1\] must be a preset name .* got 7$/);
  });

  it('an array of the wrong length says how many bank tracks there are', () => {
    expect(() => resolveEngineOptions(context, { tracks: 2, master: true, ballistics: ['vu', 'vu'] })).toThrow(
      'ballistics as an array needs one entry per bank track (tracks + groups + master = 3), got an array of length 2',
    );
  });

  it('map keys out of range, non-numeric, or mixed with preset options', () => {
    expect(() => resolveEngineBallistics({ 5: 'vu' }, 3, 48000)).toThrow('ballistics map keys must be bank track indices from 0 to 2 or "default", got "5"');
    expect(() => resolveEngineBallistics({ default: 'vu', master: 'vu' } as never, 3, 48000)).toThrow(/got "master"$/);
    expect(() => resolveEngineBallistics({ default: 'vu', referenceDb: -20 } as never, 3, 48000)).toThrow(TypeError);
  });

  it('a bad preset option inside an entry is prefixed with where it is', () => {
    expect(() => resolveEngineBallistics({ 2: { preset: 'vu', referenceDb: 5 } }, 3, 48000)).toThrow(/^ballistics\[2\]: .*referenceDb.*5/);
  });

  it('wrong types', () => {
    for (const bad of [null, 3, true]) expect(() => resolveEngineBallistics(bad as never, 1, 48000)).toThrow(TypeError);
    expect(() => resolveEngineBallistics(3 as never, 1, 48000)).toThrow(/^ballistics must be a preset name .*got 3$/);
  });
});

describe("per-track ballistics through the metering (BankMetering, the worklet's work)", () => {
  const fs = 48000;
  /** Track 0 VU, track 1 EBU PPM, track 2 digital peak: the same 1 kHz tone into each. */
  function run(toneMs: number, amplitude: number): number[] {
    const engine = new SyntheticEngine(3, 1, {}, fs, [resolved('vu'), resolved('ppm-ebu'), null]);
    const toneSamples = Math.round((toneMs * fs) / 1000);
    engine.signal = (_t, _c, i) => (i < toneSamples ? amplitude * Math.sin((2 * Math.PI * 1000 * i) / fs) : 0);
    const out = createTrackLevels(1);
    const best = [0, 0, 0];
    // Read after every quantum: the maximum indication (a bridge's needle at its highest).
    for (let q = 0; q < Math.round((toneMs + 400) / (128000 / fs)); q++) {
      engine.render(128000 / fs);
      for (let t = 0; t < 3; t++) {
        engine.readInto(t, out);
        best[t] = Math.max(best[t], out.ballistic[0]);
      }
    }
    return best.map(dbFromLinear);
  }

  it('a steady tone reads its amplitude on the VU and the PPM track alike', () => {
    const a = 10 ** (-18 / 20);
    const [vu, ppm, digital] = run(2000, a);
    expect(vu).toBeGreaterThan(-18 - 0.1);
    expect(vu).toBeLessThan(-18 + 0.25); // IEC 60268-17: 1–1.5 % overshoot at most
    expect(ppm).toBeCloseTo(-18, 1);
    expect(digital).toBeCloseTo(-18, 1);
  });

  it('a 10 ms burst: the PPM track reads 2 dB low (IEC 60268-10 IIb), the VU track far lower (300 ms integration)', () => {
    const a = 10 ** (-18 / 20);
    const [vu, ppm, digital] = run(10, a);
    expect(ppm).toBeGreaterThan(-18 - 2 - 0.5);
    expect(ppm).toBeLessThan(-18 - 2 + 0.5);
    expect(vu).toBeLessThan(-18 - 8); // a VU needle barely moves on a 10 ms burst
    expect(digital).toBeCloseTo(-18, 1); // the decaying peak catches the burst's peak
  });
});

describe("engine.ballisticsOf and the track's scale", () => {
  it('ballisticsInfo reports the preset and its reference; scaleForBallistics takes it', () => {
    const [vu, none, ppm] = resolveEngineBallistics([{ preset: 'vu', referenceDb: -14 }, 'digital-peak', 'ppm-bbc'], 3, 48000);
    expect(ballisticsInfo(vu)).toEqual({ preset: 'vu', referenceDb: -14 });
    expect(ballisticsInfo(none)).toEqual({ preset: 'digital-peak', referenceDb: 0 });
    expect(ballisticsInfo(ppm)).toEqual({ preset: 'ppm-bbc', referenceDb: -18 });
    const scale = scaleForBallistics(ballisticsInfo(vu));
    expect(scale).toEqual(scaleForBallistics('vu', -14));
    expect(scale.referenceDb).toBeCloseTo(-14, 6);
    expect(scaleForBallistics(ballisticsInfo(ppm))).toEqual(scaleForBallistics('ppm-bbc'));
  });
});

describe('resolveEngineOptions: scope', () => {
  it('lists scoped bank tracks once, adds them to correlation on stereo engines, validates the capacity', () => {
    const o = resolveEngineOptions(context, { tracks: 3, master: true, scope: [3, 0, 3], correlation: [1] });
    expect(o.scope).toEqual([3, 0]);
    expect(o.correlation.sort()).toEqual([0, 1, 3]);
    expect(o.scopeCapacity).toBe(16384);
    const mono = resolveEngineOptions(context, { tracks: 2, channels: 1, scope: [1], correlation: [] });
    expect(mono.scope).toEqual([1]);
    expect(mono.correlation).toEqual([]); // mono: no correlation to measure, and no error
    expect(resolveEngineOptions(context, { tracks: 1 }).scope).toEqual([]);
    expect(() => resolveEngineOptions(context, { tracks: 2, scope: [5] })).toThrow('scope[0] must be an integer from 0 to 1, got 5');
    expect(() => resolveEngineOptions(context, { tracks: 2, scope: 1 as never })).toThrow(TypeError);
    expect(() => resolveEngineOptions(context, { tracks: 2, scope: [0], scopeCapacity: 3000 })).toThrow(
      'scopeCapacity must be a power of two from 1024 to 1048576, got 3000',
    );
    expect(() => resolveEngineOptions(context, { tracks: 2, channels: 1, correlation: [0] })).toThrow(/correlation needs at least 2 channels/);
  });
});
