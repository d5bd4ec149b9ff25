/**
 * The rest of meterkit/core's public functions reject bad input with a TypeError or RangeError
 * that names the function, the argument and the value received (issue 12: never an internal
 * error such as "Cannot read properties of null", never silent acceptance).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  claimConsumerSlot,
  releaseConsumerSlot,
  chooseTransport,
  createCanvasView,
  buildCanvasView,
  ALL_CANVAS_VIEWS,
  LEVEL_VIEWS,
  LOUDNESS_VIEWS,
  configureRenderWorker,
  addRenderWorkerFont,
  watchTrackDom,
  getMeterHub,
  levelAria,
  loudnessScale,
  resolveMeterViewOptions,
  segmentThresholds,
  createCanvasHost,
  observeSize,
  createBankWords,
  createManualBank,
  createFrameLoop,
  createDbScale,
  LOUDNESS_TARGETS,
  MeterView,
  LoudnessBarView,
  LoudnessHistoryView,
  CorrelationView,
  GoniometerView,
  ScaleView,
  ViewBinding,
} from '../../src/core/index';

type Case = [string, () => unknown, RegExp];

const bank = createManualBank({ tracks: 1, channels: 1 });
const loop = createFrameLoop({ raf: () => 0, caf: () => {}, document: null });
const fakeEl = { setAttribute() {}, getBoundingClientRect: () => ({ width: 1, height: 1 }) };

const cases: Case[] = [
  [
    'claimConsumerSlot(undefined)',
    () => claimConsumerSlot(undefined as never),
    /claimConsumerSlot: words must be the Int32Array of a meter bank.*got undefined/,
  ],
  ['claimConsumerSlot(new Int32Array(4))', () => claimConsumerSlot(new Int32Array(4)), /claimConsumerSlot: words must be the Int32Array of a meter bank/],
  ['releaseConsumerSlot("abc", 1)', () => releaseConsumerSlot('abc' as never, 1), /releaseConsumerSlot: words must be/],
  [
    'releaseConsumerSlot(words, 9)',
    () => releaseConsumerSlot(createBankWords({ tracks: 1, channels: 1, sampleRate: 48000, shared: false }), 9),
    /consumerSlot must be an integer from 0 to 3, got 9/,
  ],
  ['chooseTransport("foo")', () => chooseTransport('foo' as never), /chooseTransport: transport must be one of "auto", "shared", "message", got "foo"/],
  ['chooseTransport(null)', () => chooseTransport(null as never), /chooseTransport: transport must be one of/],
  ['createCanvasView(null)', () => createCanvasView(null as never), /createCanvasView: spec must be an object/],
  ['createCanvasView({ type: "level" })', () => createCanvasView({ type: 'level' } as never), /createCanvasView: spec.options must be/],
  ['createCanvasView({ type: "pie", options: {} })', () => createCanvasView({ type: 'pie', options: {} } as never), /createCanvasView: spec.type must be/],
  ['configureRenderWorker(null)', () => configureRenderWorker(null as never), /configureRenderWorker: options must be an object/],
  [
    'configureRenderWorker({ url: 42 })',
    () => configureRenderWorker({ url: 42 as never }),
    /configureRenderWorker: url must be a non-empty string or a URL.*got 42/,
  ],
  ['addRenderWorkerFont("", "a.woff2")', () => addRenderWorkerFont('', 'a.woff2'), /addRenderWorkerFont: family must be a non-empty/],
  ['addRenderWorkerFont("Inter", 42)', () => addRenderWorkerFont('Inter', 42 as never), /addRenderWorkerFont: source must be a font file URL.*got 42/],
  ['addRenderWorkerFont("Inter", "http://[bad")', () => addRenderWorkerFont('Inter', 'http://[bad'), /addRenderWorkerFont: source must be a valid URL/],
  [
    'addRenderWorkerFont("Inter", "a.woff2", "bold")',
    () => addRenderWorkerFont('Inter', 'a.woff2', 'bold' as never),
    /addRenderWorkerFont: descriptors must be/,
  ],
  ['getMeterHub("abc")', () => getMeterHub('abc' as never), /getMeterHub: source must be a meter source.*got "abc"/],
  ['getMeterHub(source, {})', () => getMeterHub(bank.source, {} as never), /getMeterHub: loop must be a frame loop/],
  ['watchTrackDom(null, 0, [])', () => watchTrackDom(null as never, 0, [], loop), /watchTrackDom: source must be a meter source.*got null/],
  ['watchTrackDom(source, 0, "ab")', () => watchTrackDom(bank.source, 0, 'ab' as never, loop), /watchTrackDom: values must be an array/],
  ['watchTrackDom(source, 0, [{}])', () => watchTrackDom(bank.source, 0, [{} as never], loop), /watchTrackDom: values\[0\] must be/],
  [
    'watchTrackDom(source, 0, [intervalMs NaN])',
    () => watchTrackDom(bank.source, 0, [{ intervalMs: NaN, key: () => 0, write() {} }], loop),
    /watchTrackDom: values\[0\].intervalMs must be a number from 0 to 60000 ms, got NaN/,
  ],
  [
    'watchTrackDom(source, 5, [])',
    () => watchTrackDom(bank.source, 5, [{ intervalMs: 0, key: () => 0, write() {} }], loop),
    /track must be an integer from 0 to 0, got 5/,
  ],
  ['levelAria(null, …)', () => levelAria(null as never, { minDb: -60, maxDb: 0 }), /levelAria: el must be a DOM element, got null/],
  ['levelAria(el, null)', () => levelAria(fakeEl as never, null as never), /levelAria: options must be an object/],
  ['levelAria(el, { minDb: NaN })', () => levelAria(fakeEl as never, { minDb: NaN, maxDb: 0 }), /levelAria: minDb must be a number/],
  ['levelAria(el, { maxDb below minDb })', () => levelAria(fakeEl as never, { minDb: 0, maxDb: -10 }), /levelAria: maxDb \(above minDb 0\) must be a number/],
  [
    'levelAria(el, { reading: "loud" })',
    () => levelAria(fakeEl as never, { minDb: -60, maxDb: 0, reading: 'loud' as never }),
    /levelAria: reading must be one of/,
  ],
  ['loudnessScale(null)', () => loudnessScale(null as never), /loudnessScale: target must be a loudness target.*got null/],
  ['loudnessScale({ integratedLufs: "x" })', () => loudnessScale({ integratedLufs: 'x' } as never), /loudnessScale: target.integratedLufs must be a number/],
  [
    'loudnessScale(target, "ebu+12")',
    () => loudnessScale(LOUDNESS_TARGETS['ebu-r128'], 'ebu+12' as never),
    /loudnessScale: range must be "ebu\+9" or "ebu\+18", got "ebu\+12"/,
  ],
  ['resolveMeterViewOptions(null)', () => resolveMeterViewOptions(null as never), /resolveMeterViewOptions: options must be an object/],
  ['segmentThresholds(null, 10, out)', () => segmentThresholds(null as never, 10, new Float64Array(10)), /segmentThresholds: scale must be a meter scale/],
  [
    'segmentThresholds(scale, 1.5, out)',
    () => segmentThresholds(createDbScale({ minDb: -60, maxDb: 0 }), 1.5, new Float64Array(10)),
    /segmentThresholds: segments must be an integer/,
  ],
  [
    'segmentThresholds(scale, 20, short out)',
    () => segmentThresholds(createDbScale({ minDb: -60, maxDb: 0 }), 20, new Float64Array(10)),
    /segmentThresholds: out must be a Float64Array of length >= segments \(20\)/,
  ],
  [
    'createCanvasHost(null, spec)',
    () => createCanvasHost(null as never, { type: 'scale', options: {} } as never, ALL_CANVAS_VIEWS),
    /createCanvasHost: canvas must be an HTMLCanvasElement, got null/,
  ],
  ['observeSize("abc", fn)', () => observeSize('abc' as never, () => {}), /observeSize: element must be a DOM element, got "abc"/],
  ['observeSize(el, 42)', () => observeSize(fakeEl as never, 42 as never), /observeSize: callback must be a function/],
  ...(
    [
      ['MeterView', MeterView],
      ['LoudnessBarView', LoudnessBarView],
      ['LoudnessHistoryView', LoudnessHistoryView],
      ['CorrelationView', CorrelationView],
      ['GoniometerView', GoniometerView],
      ['ScaleView', ScaleView],
    ] as [string, new (o: never) => unknown][]
  ).map(([name, View]): Case => [`new ${name}(null)`, () => new View(null as never), new RegExp(`${name}: options must be an object`)]),
  [
    'new ViewBinding(null, …)',
    () => new ViewBinding(null as never, null, { type: 'scale', options: {} } as never, ALL_CANVAS_VIEWS, loop),
    /ViewBinding: canvas must be a canvas/,
  ],
  [
    'new ViewBinding(canvas, …, views: null)',
    () => new ViewBinding({ width: 0, height: 0 }, null, { type: 'scale', options: {} } as never, null as never, loop),
    /ViewBinding: views must be a view factory \(e\.g\. ALL_CANVAS_VIEWS\), got null/,
  ],
  [
    'new ViewBinding(canvas, …, a spectrum spec, LEVEL_VIEWS)',
    () => new ViewBinding({ width: 0, height: 0 }, null, { type: 'spectrum', options: {} } as never, LEVEL_VIEWS, loop),
    /ViewBinding: spec.type must be 'level', got "spectrum"/,
  ],
  [
    'buildCanvasView(a goniometer spec, LOUDNESS_VIEWS)',
    () => buildCanvasView({ type: 'goniometer', options: {} } as never, LOUDNESS_VIEWS, 'test'),
    /test: spec.type must be 'loudness-bar' or 'loudness-history', got "goniometer"/,
  ],
  [
    'buildCanvasView(a spec of an inherited key, ALL_CANVAS_VIEWS)',
    () => buildCanvasView({ type: 'toString', options: {} } as never, ALL_CANVAS_VIEWS, 'test'),
    /test: spec.type must be 'level', 'scale', 'loudness-bar', 'loudness-history', 'correlation', 'goniometer' or 'spectrum', got "toString"/,
  ],
];

describe('meterkit/core: the remaining public functions validate their arguments', () => {
  it.each(cases)('%s → a named TypeError/RangeError', (_name, call, message) => {
    let thrown: unknown = null;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown, 'it must throw').not.toBeNull();
    expect(thrown instanceof TypeError || thrown instanceof RangeError, String(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(message);
  });

  it('valid arguments still work', () => {
    const words = createBankWords({ tracks: 1, channels: 1, sampleRate: 48000, shared: false });
    const slot = claimConsumerSlot(words);
    expect(claimConsumerSlot(words)).toBe(slot + 1); // the next free slot
    releaseConsumerSlot(words, slot);
    expect(claimConsumerSlot(words)).toBe(slot); // free again
    expect(chooseTransport('message')).toBe('message');
    const out = segmentThresholds(createDbScale({ minDb: -60, maxDb: 0 }), 4, new Float64Array(4));
    expect(out[3]).toBeCloseTo(0, 6);
    expect(loudnessScale(LOUDNESS_TARGETS['ebu-r128']).minDb).toBe(-41);
    const off = watchTrackDom(bank.source, 0, [{ intervalMs: 0, key: () => 1, write() {} }], loop);
    off();
  });
});

describe('meterkit/core: the remaining public functions under arbitrary arguments (fast-check)', () => {
  // Reproducible: seed FC_SEED, FC_RUNS runs (fast-check prints the seed and the failing input).
  const params = { seed: Number(process.env.FC_SEED ?? 20261202), numRuns: Number(process.env.FC_RUNS ?? 150) };
  const junk = fc.oneof(
    fc.anything(),
    fc.constantFrom(null, undefined, NaN, Infinity, -1, 1.5, 'abc', '', true, [], {}, () => 1, new Int32Array(3), new Float64Array(2)),
  );
  const INTERNAL = /Cannot (read|destructure|convert|use 'in')|is not a function|is not iterable|undefined \(reading|null \(reading|Maximum call stack/;
  const calls: [string, (a: unknown, b: unknown, c: unknown) => unknown][] = [
    ['claimConsumerSlot', (a) => claimConsumerSlot(a as never)],
    ['releaseConsumerSlot', (a, b) => releaseConsumerSlot(a as never, b as never)],
    ['chooseTransport', (a) => chooseTransport(a as never)],
    ['createCanvasView', (a) => createCanvasView(a as never)],
    ['configureRenderWorker', (a) => configureRenderWorker(a as never)],
    ['getMeterHub', (a, b) => getMeterHub(a as never, b as never)],
    ['watchTrackDom', (a, b, c) => watchTrackDom(a as never, b as never, c as never, loop)],
    ['levelAria', (a, b) => levelAria(a as never, b as never)],
    ['loudnessScale', (a, b, c) => loudnessScale(a as never, b as never, c as never)],
    ['resolveMeterViewOptions', (a) => resolveMeterViewOptions(a as never)],
    ['segmentThresholds', (a, b, c) => segmentThresholds(a as never, b as never, c as never)],
    ['createCanvasHost', (a, b, c) => createCanvasHost(a as never, b as never, c as never)],
    ['buildCanvasView', (a, b, c) => buildCanvasView(a as never, b as never, c as never)],
    ['observeSize', (a, b) => observeSize(a as never, b as never)],
    ['MeterView', (a) => new MeterView(a as never)],
    ['ScaleView', (a) => new ScaleView(a as never)],
  ];
  it.each(calls)('%s: a named TypeError/RangeError, never an internal error', (name, call) => {
    fc.assert(
      fc.property(junk, junk, junk, (a, b, c) => {
        try {
          call(a, b, c);
        } catch (e) {
          expect(e instanceof TypeError || e instanceof RangeError, String(e)).toBe(true);
          expect((e as Error).message).not.toMatch(INTERNAL);
          expect((e as Error).message).toMatch(/got |must be/);
        }
      }),
      params,
    );
  });
});
