/**
 * Property-based tests of every public constructor and function of meterkit/dsp (issue #12):
 * arbitrary options (valid and invalid, of every JS type) and arbitrary blocks (NaN, ±Infinity,
 * 1e38, float32 max, denormals, empty, odd lengths, random start/end). Each call either throws a
 * RangeError/TypeError that names the function or the option, or gives finite, sane readings in
 * their documented ranges, in bounded time (vitest's per-test timeout).
 *
 * Reproducible: the seed is FC_SEED (default 20260412) and the run count FC_RUNS (default 150);
 * fast-check prints the seed and the counterexample path on failure
 * (re-run with `FC_SEED=<seed> npx vitest run --project unit test/unit/dsp-properties.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dsp from '../../src/dsp/index';

const SEED = Number(process.env.FC_SEED ?? 20260412);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

/** Any JS value, weighted towards the ones a confused caller passes. */
const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 1e308, '48000', true, [], {}, () => 1, Symbol('x'), 10n),
  fc.double(),
  fc.integer(),
);

/** A sample value: ordinary, or one of the adversarial ones. */
const sample = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e38, -3.4e38, 3.4e38, 1e30, 1e-40, -1e-45, 0, -0, 32767) },
);
const block = fc.array(sample, { maxLength: 700 }).map((a) => Float32Array.from(a));

/** Either a plausible value or junk, so that both branches of validation are reached. */
function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: junk });
}

/** An index near the ends of a block (in range, out of range, non-integer) or junk. */
const index = fc.oneof(fc.integer({ min: -3, max: 710 }), fc.constantFrom(undefined, 0.5, NaN, Infinity, -Infinity, null, '3'));

/** Runs `f`; a thrown error must be a RangeError/TypeError naming something in `names`. */
function checked(names: readonly string[], f: () => void): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
    const named = names.some((n) => e.message.includes(n));
    if (!named || !/got /.test(e.message) || /Cannot (read|destructure)|is not a function|undefined \(reading/.test(e.message)) {
      throw new Error(`unhelpful error: ${e.name}: ${e.message}`, { cause: e });
    }
    return false;
  }
}

const finite = (x: number) => typeof x === 'number' && Number.isFinite(x);
/** A level in dB: a number, never NaN; −Infinity allowed (silence). */
const dbReading = (x: number) => typeof x === 'number' && !Number.isNaN(x) && x < Infinity;

const levelOptions = fc.record(
  {
    sampleRate: maybe(fc.integer({ min: 8000, max: 192000 })),
    fallDbPerSecond: maybe(fc.double({ min: 0, max: 200, noNaN: true })),
    holdMs: maybe(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(Infinity))),
    rmsWindowMs: maybe(fc.integer({ min: 1, max: 1000 })),
    rmsSineAligned: maybe(fc.boolean()),
    overThresholdDb: maybe(fc.double({ min: -20, max: 6, noNaN: true })),
    overConsecutive: maybe(fc.integer({ min: 1, max: 5 })),
  },
  { requiredKeys: [] },
);

describe('meterkit/dsp properties (fast-check, seed ' + SEED + ')', () => {
  it('LevelMeter: a clear error, or finite readings in range', () => {
    fc.assert(
      fc.property(fc.oneof(levelOptions, junk), block, index, index, (options, x, start, end) => {
        let m: dsp.LevelMeter | undefined;
        if (!checked(['LevelMeter', ...Object.keys(dsp.LEVEL_DEFAULTS), 'sampleRate'], () => (m = new dsp.LevelMeter(options as dsp.LevelMeterOptions))))
          return;
        checked(['LevelMeter.process'], () => m!.process(x, start as number, end as number));
        m!.process(x);
        for (const v of [m!.peak, m!.decayingPeak, m!.hold, m!.rms]) expect(finite(v) && v >= 0 && v <= 3.5e38).toBe(true);
        expect(Number.isInteger(m!.overs) && m!.overs >= 0).toBe(true);
        expect(m!.nonFinite).toBeLessThanOrEqual(2 * x.length);
      }),
      params,
    );
  });

  it('BallisticMeter: a clear error, or a finite level ≥ 0', () => {
    const options = fc.record(
      {
        sampleRate: maybe(fc.integer({ min: 8000, max: 96000 })),
        preset: maybe(fc.constantFrom(...dsp.BALLISTICS_PRESETS)),
        referenceDb: maybe(fc.integer({ min: -30, max: 0 })),
        integrationMs: maybe(fc.integer({ min: 0, max: 400 })),
        fallDbPerSecond: maybe(fc.integer({ min: 1, max: 50 })),
        overshootPercent: maybe(fc.integer({ min: 0, max: 20 })),
        peakFallDbPerSecond: maybe(fc.integer({ min: 0, max: 50 })),
      },
      { requiredKeys: [] },
    );
    const names = ['BallisticMeter', 'sampleRate', 'preset', 'referenceDb', 'integrationMs', 'fallDbPerSecond', 'overshootPercent', 'peakFallDbPerSecond'];
    fc.assert(
      fc.property(fc.oneof(options, junk), block, index, index, (o, x, start, end) => {
        let m: dsp.BallisticMeter | undefined;
        if (!checked(names, () => (m = new dsp.BallisticMeter(o as dsp.BallisticMeterOptions)))) return;
        checked(['BallisticMeter.process'], () => m!.process(x, start as number, end as number));
        m!.process(x);
        expect(finite(m!.level) && m!.level >= 0).toBe(true);
        expect(finite(m!.peak) && m!.peak >= 0).toBe(true);
        expect(Number.isNaN(m!.scaleValue)).toBe(false);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) }, // solving an unusual quasi-peak design takes ~10 ms
    );
  });

  it('CorrelationMeter: a clear error, or correlation and balance within [−1, 1]', () => {
    const options = fc.record(
      {
        sampleRate: maybe(fc.integer({ min: 8000, max: 96000 })),
        windowMs: maybe(fc.integer({ min: 1, max: 500 })),
        silenceDb: maybe(fc.integer({ min: -200, max: 0 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(options, junk), block, block, index, index, (o, l, r, start, end) => {
        let m: dsp.CorrelationMeter | undefined;
        if (!checked(['CorrelationMeter', 'sampleRate', 'windowMs', 'silenceDb'], () => (m = new dsp.CorrelationMeter(o as dsp.CorrelationMeterOptions))))
          return;
        checked(['CorrelationMeter.process'], () => m!.process(l, r, start as number, end as number));
        m!.process(l, r);
        expect(m!.correlation >= -1 && m!.correlation <= 1).toBe(true);
        expect(m!.balance >= -1 && m!.balance <= 1).toBe(true);
      }),
      params,
    );
  });

  it('LoudnessMeter and TruePeakMeter: a clear error, or readings that are never NaN', () => {
    const options = fc.record(
      {
        sampleRate: maybe(fc.constantFrom(8000, 44100, 48000, 96000)),
        channels: maybe(fc.integer({ min: 1, max: 3 })),
        channelWeights: fc.option(maybe(fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 3 })), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    const input = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.integer({ min: 0, max: 5000 }).chain((n) =>
          fc.array(
            fc.array(sample, { minLength: n, maxLength: n }).map((a) => Float32Array.from(a)),
            { minLength: 1, maxLength: 3 },
          ),
        ),
      },
      { weight: 1, arbitrary: junk },
    );
    const out = new Float64Array(dsp.LOUDNESS_READING_COUNT);
    fc.assert(
      fc.property(fc.oneof(options, junk), input, fc.boolean(), (o, x, truePeakOnly) => {
        if (truePeakOnly) {
          let t: dsp.TruePeakMeter | undefined;
          if (!checked(['TruePeakMeter', 'sampleRate', 'channels'], () => (t = new dsp.TruePeakMeter(o as dsp.TruePeakMeterOptions)))) return;
          checked(['TruePeakMeter.process'], () => t!.process(x as Float32Array[]));
          expect(dbReading(t!.truePeak) && dbReading(t!.samplePeak)).toBe(true);
          expect(t!.truePeakLinear).toBeGreaterThanOrEqual(t!.samplePeakLinear);
          return;
        }
        let m: dsp.LoudnessMeter | undefined;
        if (!checked(['LoudnessMeter', 'sampleRate', 'channels', 'channelWeights'], () => (m = new dsp.LoudnessMeter(o as dsp.LoudnessMeterOptions)))) return;
        checked(['LoudnessMeter.process'], () => m!.process(x as Float32Array[]));
        m!.readInto(out);
        for (let i = 0; i < out.length; i++) expect(dbReading(out[i])).toBe(true);
        expect(finite(m!.loudnessRange) && m!.loudnessRange >= 0).toBe(true);
        checked(['LoudnessMeter.readInto'], () => m!.readInto(new Float64Array(4), 0));
      }),
      { ...params, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('loudness stays finite after int16-scale or huge blocks, fed in arbitrary block sizes', () => {
    fc.assert(
      fc.property(fc.constantFrom(32767, 1e8, 1e30, 3.4e38), fc.integer({ min: 1, max: 9000 }), (huge, blockSize) => {
        const m = new dsp.LoudnessMeter({ sampleRate: 8000, channels: 1 });
        const x = new Float32Array(8000 * 3);
        for (let i = 0; i < x.length; i++) x[i] = 0.1 * Math.sin(i);
        x.fill(huge, 4000, 4100);
        for (let i = 0; i < x.length; i += blockSize) m.process([x.subarray(i, Math.min(x.length, i + blockSize))]);
        expect(finite(m.integrated)).toBe(true);
        expect(finite(m.loudnessRange)).toBe(true);
        expect(finite(m.momentary)).toBe(true);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 10) },
    );
  });

  it('functions: a clear error for wrong arguments, a documented number otherwise', () => {
    fc.assert(
      fc.property(junk, junk, junk, (a, b, c) => {
        const ok = (v: unknown) => expect(typeof v).toBe('number');
        for (const [name, f] of [
          ['dbFromLinear', () => ok(dsp.dbFromLinear(a as number))],
          ['linearFromDb', () => ok(dsp.linearFromDb(a as number))],
          ['dbFromPower', () => ok(dsp.dbFromPower(a as number))],
          ['preset', () => ok(dsp.scaleFromDbfs(a as dsp.BallisticsPreset, b as number, c as number))],
          ['preset', () => ok(dsp.dbfsFromScale(a as dsp.BallisticsPreset, b as number))],
          ['preset', () => dsp.presetInfo(a as dsp.BallisticsPreset)],
          ['rmsRingGeometry', () => dsp.rmsRingGeometry(a as number)],
          ['truePeakOversamplingFactor', () => ok(dsp.truePeakOversamplingFactor(a as number))],
          ['designKWeighting', () => dsp.designKWeighting(a as number, b as Float64Array)],
          ['kWeightingGainDb', () => ok(dsp.kWeightingGainDb(dsp.designKWeighting(48000), a as number, b as number))],
          ['chargeCoefficient', () => ok(dsp.chargeCoefficient(a as number, b as number))],
          ['returnFactor', () => ok(dsp.returnFactor(a as number, b as number))],
          ['quasiPeakDesign', () => dsp.quasiPeakDesign(a as number, b as number)],
          ['quasiPeakGain', () => ok(dsp.quasiPeakGain(a as dsp.QuasiPeakDesign, b as number, c as number))],
          ['resolveLevelOptions', () => dsp.resolveLevelOptions(a as dsp.LevelMeterOptions)],
          ['BallisticMeter', () => dsp.resolveBallisticOptions(a as dsp.BallisticMeterOptions)],
          ['flushKWeightingState', () => dsp.flushKWeightingState(a as Float64Array, b as number)],
          [
            'kWeightedSumOfSquares',
            () => ok(dsp.kWeightedSumOfSquares(dsp.designKWeighting(48000), new Float64Array(4), a as number, b as Float32Array, 0, c as number)),
          ],
        ] as const) {
          checked([name, 'sampleRate', 'must be'], f);
        }
      }),
      params,
    );
  });

  it('process spans: out-of-range start/end throw a RangeError naming the method, never read outside', () => {
    fc.assert(
      fc.property(block, index, index, (x, start, end) => {
        const m = new dsp.LevelMeter({ sampleRate: 48000 });
        const s = start === undefined ? 0 : start; // only undefined takes the default
        const e = end === undefined ? x.length : end;
        const inRange = Number.isInteger(s) && Number.isInteger(e) && (s as number) >= 0 && (e as number) <= x.length && (s as number) <= (e as number);
        let threw = false;
        try {
          m.process(x, start as number, end as number);
        } catch (e) {
          threw = true;
          expect(e).toBeInstanceOf(RangeError);
          expect((e as Error).message).toMatch(/^LevelMeter\.process: (start|end) must be an integer/);
        }
        expect(threw).toBe(!inRange);
      }),
      params,
    );
  });
});
