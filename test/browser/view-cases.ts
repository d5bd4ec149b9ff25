/**
 * The canvas view cases drawn both in a Web Worker on an OffscreenCanvas and on the main
 * thread on a canvas element (views-worker.test.ts): every view type, plain data only, and
 * the one function both sides draw them with.
 */
import { createCanvasView, type CanvasViewSpec } from '../../src/core/views/create-canvas-view';
import { resolveMeterViewOptions, type MeterViewOptions } from '../../src/core/views/meter-options';
import { createTrackLevels } from '../../src/core/bank/reader';
import { DIGITAL_SCALE, scaleForBallistics } from '../../src/core/render/scale';
import { DEFAULT_STYLE, type MeterStyle } from '../../src/core/render/style';
import { LOUDNESS_TARGETS } from '../../src/core/loudness-targets';
import type { Context2D } from '../../src/core/render/context';
import { createScopeWords } from '../../src/core/scope/ring-layout';
import { SampleRingWriter } from '../../src/core/scope/ring-writer';
import { resolveGoniometerOptions } from '../../src/core/views/goniometer-options';

/** A scope buffer holding 2000 frames of a wide stereo mix (plain memory: each side builds its own, identically). */
function scopeWithMix(): Int32Array {
  const words = createScopeWords({ tracks: [0], capacity: 4096, sampleRate: 48000, shared: false });
  const l = new Float32Array(2000);
  const r = new Float32Array(2000);
  for (let i = 0; i < 2000; i++) {
    l[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / 48000) + 0.1 * Math.sin((2 * Math.PI * 3100 * i) / 48000);
    r[i] = 0.4 * Math.sin((2 * Math.PI * 440 * i) / 48000 + 0.7) - 0.05 * Math.sin((2 * Math.PI * 1700 * i) / 48000);
  }
  new SampleRingWriter(words, 0).write(l, r, 0, 2000);
  return words;
}

/** One frame of readings for one track (linear levels per channel). */
export interface CaseFrame {
  stale?: boolean;
  decayingPeak?: number[];
  hold?: number[];
  overs?: number[];
  momentary?: number;
  shortTerm?: number;
  integrated?: number;
  correlation?: number;
  balance?: number;
}

export interface ViewCase {
  name: string;
  spec: CanvasViewSpec;
  widthCss: number;
  heightCss: number;
  pixelRatio: number;
  style: MeterStyle;
  /** frames[f][slot]: what each shown track reads at frame f (16 ms, or 100 ms for history). */
  frames: CaseFrame[][];
  frameMs: number;
}

const db = (x: number) => Math.pow(10, x / 20);
const level = (options: MeterViewOptions): CanvasViewSpec => ({ type: 'level', options: resolveMeterViewOptions(options) });
const withBackground: MeterStyle = { ...DEFAULT_STYLE, colors: { ...DEFAULT_STYLE.colors, background: '#101418' } };

/** Three frames of two stereo tracks: rising, an over on track 1, then falling with holds up. */
const levelFrames: CaseFrame[][] = [
  [
    { decayingPeak: [db(-30), db(-24)], hold: [db(-30), db(-24)], overs: [0, 0] },
    { decayingPeak: [db(-12), db(-9)], hold: [db(-12), db(-9)], overs: [0, 0] },
  ],
  [
    { decayingPeak: [db(-8), db(-5)], hold: [db(-8), db(-5)], overs: [0, 0] },
    { decayingPeak: [db(0.5), db(-2)], hold: [db(0.5), db(-2)], overs: [3, 0] },
  ],
  [
    { decayingPeak: [db(-20), db(-40)], hold: [db(-8), db(-5)], overs: [0, 0] },
    { decayingPeak: [db(-6), db(-18)], hold: [db(0.5), db(-2)], overs: [3, 0] },
  ],
];

const loudnessFrames: CaseFrame[][] = Array.from({ length: 40 }, (_, f) => [
  { momentary: -30 + f * 0.4, shortTerm: -28 + Math.sin(f / 4) * 6, integrated: -24 + f * 0.05 },
]);

export const VIEW_CASES: ViewCase[] = [
  {
    name: 'level LED vertical, hold, clip, readout',
    spec: level({ kind: 'led', orientation: 'vertical', tracks: 2, channels: 2, readoutSize: 14 }),
    widthCss: 60,
    heightCss: 200,
    pixelRatio: 2,
    style: DEFAULT_STYLE,
    frames: levelFrames,
    frameMs: 16,
  },
  {
    name: 'level LED horizontal, hold, clip',
    spec: level({ kind: 'led', orientation: 'horizontal', tracks: 2, channels: 2, segments: 40 }),
    widthCss: 240,
    heightCss: 40,
    pixelRatio: 1,
    style: withBackground,
    frames: levelFrames,
    frameMs: 16,
  },
  {
    name: 'level bar vertical, hold, clip, readout',
    spec: level({ kind: 'bar', orientation: 'vertical', tracks: 2, channels: 2, readoutSize: 14 }),
    widthCss: 60,
    heightCss: 200,
    pixelRatio: 1.5,
    style: withBackground,
    frames: levelFrames,
    frameMs: 16,
  },
  {
    name: 'level bar horizontal, hold, clip, readout',
    spec: level({ kind: 'bar', orientation: 'horizontal', tracks: 2, channels: 2, readoutSize: 30, scale: scaleForBallistics('ppm-ebu') }),
    widthCss: 240,
    heightCss: 40,
    pixelRatio: 2,
    style: DEFAULT_STYLE,
    frames: levelFrames,
    frameMs: 16,
  },
  {
    name: 'loudness bar',
    spec: { type: 'loudness-bar', options: { target: LOUDNESS_TARGETS['ebu-r128'], range: 'ebu+9' } },
    widthCss: 24,
    heightCss: 200,
    pixelRatio: 2,
    style: DEFAULT_STYLE,
    frames: loudnessFrames,
    frameMs: 16,
  },
  {
    name: 'loudness history',
    spec: { type: 'loudness-history', options: { target: LOUDNESS_TARGETS['ebu-r128'], range: 'ebu+18', historySeconds: 10 } },
    widthCss: 260,
    heightCss: 70,
    pixelRatio: 1,
    style: DEFAULT_STYLE,
    frames: loudnessFrames,
    frameMs: 100,
  },
  {
    name: 'correlation with balance',
    spec: { type: 'correlation', options: { showBalance: true } },
    widthCss: 240,
    heightCss: 30,
    pixelRatio: 2,
    style: DEFAULT_STYLE,
    frames: [[{ correlation: 0.62, balance: -0.3 }]],
    frameMs: 16,
  },
  {
    name: 'scale vertical, digital',
    spec: { type: 'scale', options: { scale: DIGITAL_SCALE, orientation: 'vertical', side: 'right', nearInset: 0, farInset: 8 } },
    widthCss: 36,
    heightCss: 200,
    pixelRatio: 2,
    style: DEFAULT_STYLE,
    frames: [],
    frameMs: 16,
  },
  {
    name: 'scale horizontal, K-20',
    spec: { type: 'scale', options: { scale: scaleForBallistics('k-20'), orientation: 'horizontal', side: 'bottom', nearInset: 0, farInset: 0 } },
    widthCss: 240,
    heightCss: 24,
    pixelRatio: 1,
    style: DEFAULT_STYLE,
    frames: [],
    frameMs: 16,
  },
  {
    name: 'goniometer dots, trail, correlation strip',
    spec: { type: 'goniometer', options: resolveGoniometerOptions('test', { track: 0, scope: scopeWithMix(), persistenceMs: 300 }) },
    widthCss: 160,
    heightCss: 174,
    pixelRatio: 2,
    style: DEFAULT_STYLE,
    frames: [[{ correlation: 0.62 }], [{ correlation: 0.6 }], [{ correlation: 0.58 }]],
    frameMs: 16,
  },
  {
    name: 'goniometer lines, auto gain',
    spec: {
      type: 'goniometer',
      options: resolveGoniometerOptions('test', { track: 0, scope: scopeWithMix(), mode: 'lines', autoGain: true, persistenceMs: 0 }),
    },
    widthCss: 200,
    heightCss: 214,
    pixelRatio: 1,
    style: withBackground,
    frames: [[{ correlation: -0.2 }]],
    frameMs: 16,
  },
];

/**
 * Draws `c` on the context `makeContext` returns for the view's device size: style, size,
 * then every frame's update and draw. Returns the pixels and how many draws painted.
 */
export function drawCase(
  c: ViewCase,
  makeContext: (width: number, height: number) => Context2D,
): { width: number; height: number; pixels: Uint8ClampedArray; paints: number } {
  const view = createCanvasView(c.spec);
  view.setStyle(c.style);
  view.resize(c.widthCss, c.heightCss, c.pixelRatio);
  const ctx = makeContext(view.deviceWidth, view.deviceHeight);
  const channels = c.spec.type === 'level' ? c.spec.options.channels : 2;
  const levels = createTrackLevels(channels);
  let paints = view.draw(ctx) ? 1 : 0;
  c.frames.forEach((frame, f) => {
    const nowMs = f * c.frameMs;
    const deltaMs = f === 0 ? 0 : c.frameMs;
    const clock = { nowMs, deltaMs, frame: f + 1, time: new Float64Array([nowMs, deltaMs]) };
    frame.forEach((t, slot) => {
      levels.stale = t.stale ?? false;
      for (let ch = 0; ch < channels; ch++) {
        levels.decayingPeak[ch] = t.decayingPeak?.[ch] ?? 0;
        levels.hold[ch] = t.hold?.[ch] ?? 0;
        levels.overs[ch] = t.overs?.[ch] ?? 0;
      }
      levels.momentary = t.momentary ?? NaN;
      levels.shortTerm = t.shortTerm ?? NaN;
      levels.integrated = t.integrated ?? NaN;
      levels.correlation = t.correlation ?? NaN;
      levels.balance = t.balance ?? NaN;
      view.update(slot, levels, clock);
    });
    if (view.draw(ctx)) paints++;
  });
  const pixels = ctx.getImageData(0, 0, view.deviceWidth, view.deviceHeight).data;
  return { width: view.deviceWidth, height: view.deviceHeight, pixels, paints };
}
