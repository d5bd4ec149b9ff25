/**
 * fast-check over createMeterEngine's options in real Chromium (issue 12): arbitrary values of
 * every JS type for every option. Each creation either rejects with a RangeError/TypeError that
 * names the option and the value received, or gives an engine whose bank reads finite levels
 * after rendering, on the transport asked for. Seed FC_SEED (default 20260412); runs
 * FC_BROWSER_RUNS (default 40: each run builds a real engine); fast-check prints the seed and
 * counterexample on failure.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createMeterEngine } from '../../src/core/engine';
import { createTrackLevels } from '../../src/core/bank/reader';
import { workletUrl } from './worklet-url';

const SEED = Number(import.meta.env.VITE_FC_SEED ?? 20260412);
const RUNS = Number(import.meta.env.VITE_FC_BROWSER_RUNS ?? 40);

const junk = fc.oneof(
  fc.constantFrom(null, NaN, Infinity, -Infinity, -1, 0, 1.5, 1e9, 'abc', '', true, [], {}, [[0]], [[9]], () => 1),
  fc.double(),
  fc.integer({ min: -5, max: 2000 }),
  fc.string({ maxLength: 4 }),
);
function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 14, arbitrary: good }, { weight: 1, arbitrary: junk });
}

const optionsArb = fc.record(
  {
    tracks: maybe(fc.integer({ min: 1, max: 8 })),
    channels: maybe(fc.integer({ min: 1, max: 8 })),
    groups: maybe(fc.constantFrom([[0]], [[0, 1]], [])),
    master: maybe(fc.boolean()),
    ballistics: maybe(fc.constantFrom('digital-peak', 'vu', 'ppm-ebu', 'k-14')),
    loudness: maybe(fc.oneof(fc.boolean(), fc.constant([0]))),
    correlation: maybe(fc.oneof(fc.boolean(), fc.constant([0]))),
    correlationWindowMs: maybe(fc.integer({ min: 10, max: 2000 })),
    transport: maybe(fc.constantFrom('auto', 'shared', 'message')),
    messageRateHz: maybe(fc.integer({ min: 1, max: 240 })),
    staleAfterMs: maybe(fc.integer({ min: 1, max: 5000 })),
    holdMs: maybe(fc.integer({ min: 0, max: 5000 })),
    fallDbPerSecond: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
    rmsWindowMs: maybe(fc.integer({ min: 1, max: 3000 })),
  },
  { requiredKeys: ['tracks'] },
);

describe('createMeterEngine with arbitrary options', () => {
  it('rejects with a named RangeError/TypeError, or measures sanely', async () => {
    const SR = 48000;
    let created = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(optionsArb, async (options) => {
        const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128 * 8, sampleRate: SR });
        let engine;
        try {
          engine = await createMeterEngine(ctx, { ...(options as object), workletUrl } as never);
        } catch (e) {
          if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
          rejected++;
          expect(e.message).not.toMatch(/Cannot (read|destructure)|is not a function|undefined \(reading|is not iterable/);
          const named = Object.keys(options).some((k) => e.message.includes(k)) || /group|track|option/.test(e.message);
          expect(named && /got |does not apply/.test(e.message), e.message).toBe(true);
          return;
        }
        created++;
        try {
          if (options.transport === 'shared' || options.transport === 'message') expect(engine.transport).toBe(options.transport);
          const src = new ConstantSourceNode(ctx, { offset: 0.5 });
          src.start();
          engine.connect(src, 0);
          await ctx.startRendering();
          await engine.flush();
          const out = createTrackLevels(engine.channels);
          for (let t = 0; t < engine.bankTracks; t++) {
            expect(engine.bank.readInto(t, out)).toBe(true);
            for (let c = 0; c < engine.channels; c++) {
              expect(Number.isFinite(out.peak[c]) && out.peak[c] >= 0 && out.peak[c] <= 64).toBe(true);
              expect(Number.isFinite(out.rms[c]) && out.rms[c] >= 0).toBe(true);
            }
          }
        } finally {
          engine.dispose();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both branches were really exercised.
    expect(created).toBeGreaterThan(RUNS / 10);
    expect(rejected).toBeGreaterThan(RUNS / 10);
  });
});
