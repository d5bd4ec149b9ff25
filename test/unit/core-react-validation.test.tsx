/**
 * The bad inputs issue 12 lists for `meterkit/core` and `meterkit` (React), in Node: each is a
 * RangeError/TypeError naming the function or component, the option or prop and the value —
 * and a rejected manual-bank write leaves the bank exactly as it was.
 */
import { describe, it, expect } from 'vitest';
import { renderToString } from 'react-dom/server';
import type { ReactNode } from 'react';
import {
  createBankWords,
  createManualBank,
  createFrameLoop,
  createDbScale,
  createTrackLevels,
  MeterBankReader,
  toMeterSource,
  resolveMeterStyle,
  meterStatus,
  meterStatusText,
  watchMeterStatus,
  layoutFromWords,
  createScopeWords,
} from '../../src/core/index';
import {
  LedMeter,
  PeakHoldMeter,
  MeterBridge,
  MeterProvider,
  MeterScale,
  ClipIndicator,
  LoudnessMeter,
  CorrelationMeter,
  Goniometer,
  MeterStatus,
  useFrame,
  useTrackMeters,
} from '../../src/react/index';

const renders = (el: ReactNode) => () => renderToString(el);

const scopeWords = createScopeWords({ tracks: [0], capacity: 1024, sampleRate: 48000, shared: false });

describe('core: the listed inputs', () => {
  it('createBankWords, createManualBank, createFrameLoop, createDbScale without options', () => {
    expect(() => createBankWords(undefined as never)).toThrow(
      new TypeError('createBankWords: options must be an object with at least tracks, channels and sampleRate, got undefined'),
    );
    expect(() => createManualBank(null as never)).toThrow(new TypeError('createManualBank: options must be an object with at least tracks, got null'));
    expect(() => createFrameLoop(null as never)).toThrow(/createFrameLoop: options must be an object .*got null/);
    expect(() => createDbScale(null as never)).toThrow(new TypeError('createDbScale: options must be an object with at least minDb and maxDb, got null'));
    expect(() => createBankWords({ tracks: 1, channels: 1, sampleRate: 48000, shared: 'yes' as never })).toThrow(
      /createBankWords: shared must be true or false, got "yes"/,
    );
    expect(() => layoutFromWords(new Float32Array(8) as never)).toThrow(/layoutFromWords: words must be an Int32Array.*got a Float32Array of length 8/);
  });

  it('createFrameLoop mode "foo" and advance(NaN) are rejected; the clock stays good', () => {
    expect(() => createFrameLoop({ mode: 'foo' as never })).toThrow(new RangeError('createFrameLoop: mode must be one of "auto", "demand", got "foo"'));
    expect(() => createFrameLoop({ raf: 'abc' as never })).toThrow(/createFrameLoop: raf must be a function, got "abc"/);
    const loop = createFrameLoop({ mode: 'demand', document: null });
    loop.advance(10);
    for (const bad of [NaN, -1, Infinity, '16' as never]) {
      expect(() => loop.advance(bad)).toThrow(/FrameLoop.advance: deltaMs must be a number from 0 to 3600000 ms/);
    }
    loop.advance(5);
    expect(loop.lastFrameMs).toBe(15); // not poisoned
    expect(loop.frameCount).toBe(2);
    expect(() => loop.subscribe('x' as never)).toThrow(/FrameLoop.subscribe: callback must be a function, got "x"/);
  });

  it('reader option now: "abc" and other non-functions', () => {
    const { source } = createManualBank({ tracks: 1 });
    expect(() => new MeterBankReader(source.words, { now: 'abc' as never })).toThrow(new TypeError('MeterBankReader: now must be a function, got "abc"'));
    expect(() => new MeterBankReader(source.words, { isClockRunning: 1 as never })).toThrow(/isClockRunning must be a function, got 1/);
    expect(() => new MeterBankReader(source.words, { consume: 'yes' as never })).toThrow(/consume must be true or false/);
    expect(() => new MeterBankReader(null as never)).toThrow(/MeterBankReader: words must be an Int32Array/);
    expect(() => new MeterBankReader(source.words, 5 as never)).toThrow(/MeterBankReader: options must be an object/);
  });

  it('manual bank: levelDb NaN / "abc" / 1e9 and overs -1 are rejected and the bank stays as it was', () => {
    const bank = createManualBank({ tracks: 2, channels: 2 });
    bank.set(0, [{ levelDb: -12, overs: 0 }, { levelDb: -20 }]);
    const before = createTrackLevels(2);
    const reader = new MeterBankReader(bank.source.words);
    reader.readInto(0, before);
    const snapshot = JSON.stringify(before);
    const publishes = reader.publishCount;
    const bad: [unknown, RegExp][] = [
      [{ levelDb: NaN }, /ManualBank.set: levels.levelDb must be a number from -200 to 40 dBFS \(or -Infinity for silence\), got NaN/],
      [{ levelDb: 'abc' }, /levelDb .*got "abc"/],
      [{ levelDb: 1e9 }, /levelDb .*got 1000000000/],
      [{ overs: -1 }, /ManualBank.set: levels.overs must be an integer from 0 to 4294967295, got -1/],
      [[{ levelDb: -3 }, { rmsDb: Infinity }], /levels\[1\].rmsDb .*got Infinity/],
      [[{ levelDb: -3 }, { levelDb: -3 }, { levelDb: -3 }], /at most 2 .*got an array of length 3/],
      [null, /ManualBank.set: levels must be an object/],
    ];
    for (const [levels, message] of bad) {
      expect(() => bank.set(0, levels as never)).toThrow(message);
      const after = createTrackLevels(2);
      reader.readInto(0, after);
      expect(JSON.stringify(after)).toBe(snapshot); // uncorrupted: not even the first channel changed
      expect(reader.publishCount).toBe(publishes);
    }
    expect(() => bank.setReadings(0, { correlation: 2 })).toThrow(/ManualBank.setReadings: correlation must be a number from -1 to 1 .*got 2/);
    expect(() => bank.setReadings(0, { integrated: 'loud' as never })).toThrow(/integrated .*got "loud"/);
    bank.setReadings(0, { integrated: -Infinity, correlation: NaN }); // documented values stay valid
    bank.set(0, { levelDb: -Infinity, overs: 3 });
    reader.readInto(0, before);
    expect(before.decayingPeak[0]).toBe(0);
    expect(before.overs[0]).toBe(3);
  });

  it('createDbScale, toMeterSource, resolveMeterStyle, meterStatus', () => {
    expect(() => createDbScale({ minDb: -60, maxDb: 0, breakpoints: 'x' as never })).toThrow(/createDbScale: breakpoints must be an array/);
    expect(() => createDbScale({ minDb: -60, maxDb: 0, ticks: [null as never] })).toThrow(/createDbScale: each tick must be/);
    expect(() => toMeterSource('abc' as never)).toThrow(
      new TypeError('toMeterSource: source must be a meter engine, a meter source (with readInto) or null, got "abc"'),
    );
    expect(() => resolveMeterStyle(null, { font: 42 as never })).toThrow(/resolveMeterStyle: font must be a CSS font string .*got 42/);
    expect(() => resolveMeterStyle(null, { colors: 'red' as never })).toThrow(/resolveMeterStyle: colors must be an object .*got "red"/);
    expect(() => meterStatus('abc' as never)).toThrow(/meterStatus: source must be/);
    expect(() => meterStatus(null, { noSignalMs: -1 })).toThrow(/meterStatus: noSignalMs must be a number from 0 to 3600000 ms, got -1/);
    expect(() => meterStatusText('loud' as never)).toThrow(/meterStatusText: status must be one of/);
    expect(() => watchMeterStatus(null, 'x' as never)).toThrow(/watchMeterStatus: listener must be a function/);
  });
});

describe('core: status rules without audio', () => {
  it('no-source, stale, no-signal and live on a manual bank; platform status wins', () => {
    expect(meterStatus(null)).toBe('no-source');
    expect(meterStatus(undefined)).toBe('no-source');
    const bank = createManualBank({ tracks: 2, channels: 1 });
    expect(meterStatus(bank.source, { nowMs: 0 })).toBe('live');
    expect(meterStatus(bank.source, { nowMs: 1999 })).toBe('live');
    expect(meterStatus(bank.source, { nowMs: 2000 })).toBe('no-signal'); // 2 s below -90 dBFS
    bank.set(1, { levelDb: -89 });
    expect(meterStatus(bank.source, { nowMs: 2001 })).toBe('live');
    bank.set(1, { levelDb: -91 });
    expect(meterStatus(bank.source, { nowMs: 4000 })).toBe('live');
    expect(meterStatus(bank.source, { nowMs: 4001 })).toBe('no-signal');
    const fresh = createManualBank({ tracks: 1 });
    expect(fresh.source.status).toBe('live'); // the reader's own status: silent, but not for 2 s yet
    fresh.set(0, { levelDb: -12 });
    expect(fresh.source.status).toBe('live');
    // A heartbeat that stops moving while the clock "runs": stale after staleAfterMs.
    let t = 0;
    const reader = new MeterBankReader(bank.source.words, { staleAfterMs: 100, now: () => t });
    bank.set(1, { levelDb: -6 });
    expect(meterStatus(reader)).toBe('live');
    t = 101;
    expect(meterStatus(reader)).toBe('stale');
    bank.set(1, { levelDb: -6 });
    expect(meterStatus(reader)).toBe('live');
    bank.stop();
    expect(meterStatus(bank.source)).toBe('stale'); // the writer stopped
    for (const p of ['suspended', 'error', 'no-source'] as const) {
      const r = new MeterBankReader(bank.source.words, { platformStatus: () => p });
      expect(meterStatus(r)).toBe(p);
      expect(meterStatus({ bank: r } as never)).toBe(p); // an engine-like object
    }
  });
});

describe('React: the listed props throw during render, naming component and prop', () => {
  const bank = createManualBank({ tracks: 2, channels: 2 });
  const s = bank.source;
  it.each([
    [<LedMeter source={s} font={42 as never} />, /^LedMeter: font must be a CSS font string .*got 42$/],
    [<MeterBridge source={s} labels={'ab' as never} />, /^MeterBridge: labels must be an array of strings, one per shown track \(2\), got "ab"$/],
    [<MeterProvider source={'abc' as never} />, /^MeterProvider: source must be a meter engine, .*got "abc"$/],
    [<LedMeter source={s} width="abc" />, /^LedMeter: width must be a positive size .*got "abc"$/],
    [<LedMeter source={s} width="-20px" />, /^LedMeter: width must be a positive size .*got "-20px"$/],
    [<PeakHoldMeter source={s} height="12" />, /^PeakHoldMeter: height must be a positive size .*got "12"$/],
    [<LedMeter source={s} midDb={NaN} />, /^LedMeter: midDb must be a number from -200 to 40 dBFS, got NaN$/],
    [<LedMeter source={s} segmentOffAlpha={2} />, /^LedMeter: segmentOffAlpha must be a number from 0 to 1, got 2$/],
    [<LedMeter source={s} colors={'red' as never} />, /^LedMeter: colors must be an object .*got "red"$/],
    [<LedMeter source={s} colors={{ low: 3 as never }} />, /^LedMeter: colors.low must be a CSS colour string, got 3$/],
    [<LedMeter source={s} colors={{ lo: 'red' } as never} />, /^LedMeter: colors.lo is not a meter colour/],
    [<MeterScale scale={null as never} />, /^MeterScale: scale must be a meter scale from createDbScale\(\) .*got null$/],
    [<LedMeter source={s} scale={{} as never} />, /^LedMeter: scale must be a meter scale .*got an object$/],
    [<ClipIndicator source={s} onReset={'abc' as never} />, /^ClipIndicator: onReset must be a function, got "abc"$/],
    [<ClipIndicator source={s} width="wide" />, /^ClipIndicator: width must be a positive size/],
    [<LoudnessMeter source={s} font={42 as never} />, /^LoudnessMeter: font must be a CSS font string/],
    [<CorrelationMeter source={s} colors={[] as never} />, /^CorrelationMeter: colors must be an object .*got an array of length 0$/],
    [<LedMeter source={s} label={5 as never} />, /^LedMeter: label must be a string, got 5$/],
    [<Goniometer source={s} scope={scopeWords} colors={{ low: 3 as never }} />, /^Goniometer: colors.low must be a CSS colour string, got 3$/],
    [<Goniometer source={s} scope={scopeWords} label={5 as never} />, /^Goniometer: label must be a string, got 5$/],
    [<Goniometer source={s} scope={scopeWords} style={'color: red' as never} />, /^Goniometer: style must be an object of CSS properties, got "color: red"$/],
    [<LedMeter source={s} style={'color: red' as never} />, /^LedMeter: style must be an object of CSS properties, got "color: red"$/],
    [<MeterStatus source={s} onStatus={1 as never} />, /^MeterStatus: onStatus must be a function, got 1$/],
    [<MeterBridge source={s} showScale={'no' as never} />, /^MeterBridge: showScale must be true or false, got "no"$/],
  ])('%#', (el, message) => {
    let thrown: unknown = null;
    try {
      renderToString(el as ReactNode);
    } catch (e) {
      thrown = e;
    }
    expect(thrown instanceof TypeError || thrown instanceof RangeError).toBe(true);
    expect((thrown as Error).message).toMatch(message);
  });

  it('hooks: useFrame and useTrackMeters', () => {
    function F({ cb }: { cb: unknown }) {
      useFrame(cb as never);
      return null;
    }
    expect(renders(<F cb="x" />)).toThrow(/^useFrame: callback must be a function, got "x"$/);
    function T({ options }: { options: unknown }) {
      useTrackMeters(0, options as never);
      return null;
    }
    expect(renders(<T options={null} />)).toThrow(/^useTrackMeters: options must be an object/);
    expect(renders(<T options={{ source: s, onFrame: 3 }} />)).toThrow(/^useTrackMeters: onFrame must be a function, got 3$/);
    expect(renders(<T options={{ source: 'abc' }} />)).toThrow(/^useTrackMeters: source must be a meter engine/);
  });

  it('valid CSS sizes render', () => {
    for (const width of [12, '12px', '2.5em', '50%', 'calc(100% - 8px)', 'var(--w)', 'auto', '1e1px']) {
      expect(renderToString(<LedMeter source={s} width={width} />)).toContain('role="meter"');
    }
  });
});
