/**
 * Property-based tests of the public entry points of `meterkit/core` and `meterkit` (React),
 * issue 12: arbitrary options and props — valid and invalid, of every JS type. Each call either
 * throws a RangeError/TypeError whose message names the function, component or option and the
 * value received ("got …"), or behaves sanely (finite, in-range results; a manual bank that is
 * never corrupted by a rejected write), in bounded time (vitest's per-test timeout).
 *
 * Reproducible: seed FC_SEED (default 20260412), FC_RUNS runs (default 150); fast-check prints
 * the seed and the counterexample path on failure (re-run with
 * `FC_SEED=<seed> npx vitest run --project unit test/unit/core-react-properties.test.tsx`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { createElement, type ComponentType } from 'react';
import * as core from '../../src/core/index';
import * as react from '../../src/react/index';

const SEED = Number(process.env.FC_SEED ?? 20260412);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 1e9, 1e308, 'abc', '-20px', '12', '', true, [], {}, () => 1, Symbol('x'), 10n),
  fc.double(),
  fc.integer(),
  fc.string(),
);
function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) });
}
/** An options object whose fields are each plausible, junk or missing — or junk instead of the object. */
function options(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, maybe(a)])), { requiredKeys: [] });
  return fc.oneof({ weight: 6, arbitrary: record }, { weight: 1, arbitrary: junk });
}

const INTERNAL = /Cannot (read|destructure|convert|use 'in')|is not a function|is not iterable|undefined \(reading|null \(reading|Maximum call stack/;

/** Runs `f`; a throw must be a RangeError/TypeError naming one of `names` and the value. Returns whether it succeeded. */
function checked(names: readonly string[], f: () => void): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof TypeError) || INTERNAL.test(e.message)) throw e;
    if (!names.some((n) => e.message.includes(n)) || !/got |is not a meter colour/.test(e.message)) {
      throw new Error(`unhelpful error: ${e.name}: ${e.message}`, { cause: e });
    }
    return false;
  }
}

describe('core: arbitrary options', () => {
  it('createBankWords / createManualBank / MeterBankReader', () => {
    fc.assert(
      fc.property(
        options({
          tracks: fc.integer({ min: 0, max: 40 }),
          channels: fc.integer({ min: 0, max: 9 }),
          sampleRate: fc.constantFrom(8000, 48000, 192000, 1000),
          shared: fc.boolean(),
        }),
        options({
          now: fc.constant(() => 1),
          staleAfterMs: fc.double({ min: 0, max: 1e5 }),
          isClockRunning: fc.constant(() => true),
          consume: fc.boolean(),
          maxRetries: fc.integer({ min: 0, max: 20 }),
        }),
        (init, readerOptions) => {
          let words: Int32Array | null = null;
          checked(['createBankWords', 'tracks', 'channels', 'sampleRate'], () => {
            words = core.createBankWords(init as never);
          });
          if (words !== null) {
            checked(['MeterBankReader', 'staleAfterMs', 'maxRetries', 'consumerSlot'], () => {
              const r = new core.MeterBankReader(words!, readerOptions as never);
              expect(core.METER_STATUS_VALUES).toContain(core.meterStatus(r));
              expect(r.readInto(0, core.createTrackLevels(r.channels))).toBe(true);
            });
          }
          checked(['createManualBank', 'tracks', 'channels', 'sampleRate'], () => {
            const bank = core.createManualBank(init as never);
            expect(bank.tracks).toBeGreaterThanOrEqual(1);
          });
        },
      ),
      params,
    );
  });

  it('manual bank writes: rejected writes change nothing, accepted ones read back finite', () => {
    const bank = core.createManualBank({ tracks: 2, channels: 2 });
    const reader = new core.MeterBankReader(bank.source.words);
    const out = core.createTrackLevels(2);
    const level = options({
      levelDb: fc.oneof(fc.double({ min: -200, max: 40, noNaN: true }), fc.constant(-Infinity)),
      holdDb: fc.double({ min: -200, max: 40, noNaN: true }),
      rmsDb: fc.double({ min: -200, max: 40, noNaN: true }),
      overs: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        maybe(fc.integer({ min: 0, max: 1 })),
        fc.oneof(level, fc.array(level, { maxLength: 3 })),
        options({ integrated: fc.double({ min: -70, max: 0 }), correlation: fc.double({ min: -1, max: 1 }) }),
        (track, levels, readings) => {
          reader.readInto(0, out);
          const before = JSON.stringify(out);
          const ok = checked(['ManualBank', 'track', 'levels'], () => bank.set(track as never, levels as never));
          reader.readInto(0, out);
          if (!ok) expect(JSON.stringify(out)).toBe(before);
          for (let c = 0; c < 2; c++) {
            expect(Number.isFinite(out.decayingPeak[c]) && out.decayingPeak[c] >= 0).toBe(true);
            expect(Number.isInteger(out.overs[c]) && out.overs[c] >= 0).toBe(true);
          }
          checked(['ManualBank.setReadings', 'track'], () => bank.setReadings(0, readings as never));
          reader.readInto(0, out);
          expect(Number.isNaN(out.correlation) || (out.correlation >= -1 && out.correlation <= 1)).toBe(true);
        },
      ),
      params,
    );
  });

  it('createFrameLoop and advance keep a sane clock', () => {
    fc.assert(
      fc.property(
        options({
          mode: fc.constantFrom('auto', 'demand'),
          document: fc.constant(null),
          raf: fc.constant(() => 0),
          caf: fc.constant(() => {}),
          now: fc.constant(() => 5),
          onError: fc.constant(() => {}),
        }),
        fc.array(maybe(fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 10 }),
        (o, deltas) => {
          let loop: core.FrameLoop | null = null;
          checked(['createFrameLoop'], () => {
            loop = core.createFrameLoop(o as never);
          });
          if (loop === null) return;
          const l = loop as core.FrameLoop;
          l.mode = 'demand';
          for (const d of deltas) checked(['FrameLoop.advance', 'deltaMs'], () => l.advance(d as never));
          l.advance(1);
          expect(Number.isFinite(l.lastFrameMs) && l.frameCount > 0).toBe(true);
          checked(['FrameLoop.subscribe', 'callback', 'phase'], () => l.subscribe(deltas[0] as never, deltas[1] as never));
        },
      ),
      params,
    );
  });

  it('createDbScale, scaleForBallistics, loudness targets, view options, style', () => {
    const db = fc.double({ min: -100, max: 20, noNaN: true });
    fc.assert(
      fc.property(
        options({
          minDb: db,
          maxDb: db,
          breakpoints: fc.array(fc.tuple(db, fc.double({ min: 0, max: 1 })), { maxLength: 3 }),
          ticks: fc.array(maybe(db), { maxLength: 4 }),
        }),
        maybe(fc.constantFrom(...(core.scaleForBallistics.length ? ['digital', 'vu', 'ppm-ebu', 'k-14'] : []))),
        maybe(fc.constantFrom('ebu-r128', 'atsc-a85', 'streaming')),
        options({
          colors: fc.record({ low: fc.constantFrom('red', '#fff') }, { requiredKeys: [] }),
          midDb: db,
          highDb: db,
          segmentOffAlpha: fc.double({ min: 0, max: 1 }),
          font: fc.constantFrom('10px sans-serif'),
        }),
        (scaleOptions, preset, target, style) => {
          checked(['createDbScale'], () => {
            const s = core.createDbScale(scaleOptions as never);
            for (const x of [-Infinity, NaN, -300, 0, 50, Infinity]) {
              const p = core.positionFromDb(s, x);
              expect(p >= 0 && p <= 1).toBe(true);
            }
          });
          checked(['preset', 'scaleForBallistics', 'referenceDb'], () => {
            const s = core.scaleForBallistics(preset as never);
            expect(s.maxDb).toBeGreaterThan(s.minDb);
          });
          checked(['target', 'LoudnessMeter'], () => void core.resolveLoudnessTarget(target as never));
          checked(['resolveMeterStyle'], () => {
            const r = core.resolveMeterStyle(null, style as never);
            expect(typeof r.font).toBe('string');
          });
          checked(['meterStatus', 'source', 'floorDb', 'noSignalMs', 'nowMs'], () => {
            expect(core.METER_STATUS_VALUES).toContain(core.meterStatus(preset as never, style as never));
          });
          checked(['toMeterSource'], () => void core.toMeterSource(target as never));
        },
      ),
      params,
    );
  });
});

describe('React: arbitrary props render or throw a named TypeError/RangeError', () => {
  const bank = core.createManualBank({ tracks: 2, channels: 2 });
  const size = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom('12px', '50%', 'auto', 'calc(100% - 4px)'));
  const common = {
    source: fc.constantFrom(bank.source, null),
    track: fc.integer({ min: 0, max: 1 }),
    label: fc.string(),
    className: fc.string(),
    font: fc.constant('10px sans-serif'),
    colors: fc.record({ low: fc.constant('#0f0'), high: fc.constant('red') }, { requiredKeys: [] }),
    style: fc.constant({ margin: 1 }),
  };
  const levelProps = {
    ...common,
    width: size,
    height: size,
    orientation: fc.constantFrom('vertical', 'horizontal'),
    scale: fc.constantFrom(core.DIGITAL_SCALE, core.scaleForBallistics('vu')),
    reading: fc.constantFrom('peak', 'rms', 'ballistic'),
    segments: fc.integer({ min: 2, max: 60 }),
    midDb: fc.double({ min: -60, max: 0, noNaN: true }),
    segmentOffAlpha: fc.double({ min: 0, max: 1, noNaN: true }),
    pixelRatio: fc.constantFrom(1, 2),
    render: fc.constantFrom('auto', 'main', 'worker'),
    clipSize: fc.integer({ min: 0, max: 10 }),
  };
  const cases: [string, ComponentType<never>, Record<string, fc.Arbitrary<unknown>>][] = [
    ['LedMeter', react.LedMeter as never, levelProps],
    ['PeakHoldMeter', react.PeakHoldMeter as never, levelProps],
    [
      'MeterBridge',
      react.MeterBridge as never,
      {
        ...levelProps,
        tracks: fc.constantFrom(1, 2, [0, 1]),
        labels: fc.constantFrom(['a', 'b']),
        showScale: fc.boolean(),
        meterLength: fc.integer({ min: 16, max: 400 }),
      },
    ],
    [
      'ClipIndicator',
      react.ClipIndicator as never,
      { ...common, width: size, height: size, onReset: fc.constant(() => {}), resetHolds: fc.boolean(), color: fc.constant('red') },
    ],
    [
      'MeterScale',
      react.MeterScale as never,
      {
        scale: fc.constantFrom(core.DIGITAL_SCALE),
        width: size,
        height: size,
        side: fc.constantFrom('left', 'right'),
        font: common.font,
        colors: fc.record({ text: fc.constant('#fff') }, { requiredKeys: [] }),
      },
    ],
    [
      'LoudnessMeter',
      react.LoudnessMeter as never,
      { ...common, range: fc.constantFrom('ebu+9', 'ebu+18'), units: fc.constantFrom('LUFS', 'LU'), height: fc.integer({ min: 40, max: 400 }) },
    ],
    ['CorrelationMeter', react.CorrelationMeter as never, { ...common, width: fc.integer({ min: 20, max: 400 }), showBalance: fc.boolean() }],
    [
      'MeterStatus',
      react.MeterStatus as never,
      { source: common.source, showLive: fc.boolean(), resumeLabel: fc.string(), onStatus: fc.constant(() => {}), className: common.className },
    ],
    [
      'MeterProvider',
      react.MeterProvider as never,
      { source: common.source, render: fc.constantFrom('auto', 'main'), error: fc.constantFrom(null, new Error('x')) },
    ],
  ];
  for (const [name, Component, props] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(fc.record(Object.fromEntries(Object.entries(props).map(([k, a]) => [k, maybe(a)])), { requiredKeys: [] }), (p) => {
          const clean = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
          checked([`${name}:`], () => {
            const html = renderToString(createElement(Component, clean as never));
            expect(typeof html).toBe('string');
          });
        }),
        { ...params, numRuns: Math.max(20, Math.round(RUNS / 2)) },
      );
    });
  }
});
