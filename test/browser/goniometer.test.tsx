/**
 * The goniometer in real Chromium, pixels read back: identical channels draw a vertical line,
 * inverted channels a horizontal one, one channel alone a diagonal (left: toward the upper
 * left; right: toward the upper right); the trail fades over `persistenceMs`; automatic gain
 * scales a quiet signal up and says by how much. Then <Goniometer> end to end: its aria label
 * states the correlation (2 Hz), bad props are rejected naming the prop.
 */
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { render, cleanup } from '@testing-library/react';
import { Goniometer } from '../../src/react/index';
import { createManualBank } from '../../src/core/manual-bank';
import { getFrameLoop } from '../../src/core/frame-loop';
import { createTrackLevels } from '../../src/core/bank/reader';
import { DEFAULT_STYLE, type MeterStyle } from '../../src/core/render/style';
import { createScopeWords } from '../../src/core/scope/ring-layout';
import { SampleRingWriter } from '../../src/core/scope/ring-writer';
import { GoniometerView } from '../../src/core/views/goniometer-view';
import { resolveGoniometerOptions } from '../../src/core/views/goniometer-options';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));
const loop = getFrameLoop();
const layout = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
afterEach(() => {
  cleanup();
  loop.mode = 'auto';
});

const TRACE = [255, 0, 255];
const STYLE: MeterStyle = { ...DEFAULT_STYLE, colors: { ...DEFAULT_STYLE.colors, low: 'rgb(255, 0, 255)', track: 'rgb(0, 0, 0)', tick: 'rgb(40, 40, 40)' } };
const SIZE = 121; // odd: the centre is a pixel column/row
const N = 960;
const sine = (i: number) => 0.8 * Math.sin((2 * Math.PI * 250 * i) / 48000);

function words(left: (i: number) => number, right: (i: number) => number, n = N): { words: Int32Array; writer: SampleRingWriter } {
  const w = createScopeWords({ tracks: [0], capacity: 4096, sampleRate: 48000, shared: true });
  const l = Float32Array.from({ length: n }, (_, i) => left(i));
  const r = Float32Array.from({ length: n }, (_, i) => right(i));
  const writer = new SampleRingWriter(w, 0);
  writer.write(l, r, 0, n);
  return { words: w, writer };
}

function clock(nowMs: number, deltaMs: number) {
  return { nowMs, deltaMs, frame: 1, time: new Float64Array([nowMs, deltaMs]) };
}

/** A view of `scope` in the test style, SIZE × SIZE at pixel ratio 1, with a canvas of its size and a stereo snapshot. */
function viewOf(scope: Int32Array, options: Partial<Parameters<typeof resolveGoniometerOptions>[1]> = {}) {
  const view = new GoniometerView(resolveGoniometerOptions('test', { track: 0, scope, persistenceMs: 0, showCorrelation: false, ...options }));
  view.setStyle(STYLE);
  view.resize(SIZE, SIZE, 1);
  const canvas = document.createElement('canvas');
  canvas.width = view.deviceWidth;
  canvas.height = view.deviceHeight;
  return { view, ctx: canvas.getContext('2d')!, levels: createTrackLevels(2) };
}

/** Draws one frame of the view and returns the trace pixels relative to the plot's centre, and the view. */
function drawOnce(scope: Int32Array, options: Partial<Parameters<typeof resolveGoniometerOptions>[1]> = {}) {
  const { view, ctx, levels } = viewOf(scope, options);
  view.update(0, levels, clock(0, 0));
  expect(view.draw(ctx)).toBe(true);
  return { view, ctx, points: tracePoints(ctx) };
}

function tracePoints(ctx: CanvasRenderingContext2D, minAlpha = 0.9): { dx: number; dy: number; v: number }[] {
  const img = ctx.getImageData(0, 0, SIZE, SIZE).data;
  const c = (SIZE - 1) / 2;
  const out: { dx: number; dy: number; v: number }[] = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const k = 4 * (y * SIZE + x);
      // Trace colour over black: red = blue = alpha·255, green 0.
      if (img[k + 1] < 30 && img[k] - img[k + 1] > 6 && img[k] >= minAlpha * TRACE[0] - 2 && Math.abs(img[k] - img[k + 2]) < 8)
        out.push({ dx: x - c, dy: c - y, v: img[k] });
    }
  }
  return out;
}

const extent = (v: number[]) => Math.max(...v) - Math.min(...v);

describe('GoniometerView: the Lissajous figure, M up and S across', () => {
  it('identical channels (mono) draw a vertical line through the centre', () => {
    const { points } = drawOnce(words(sine, sine).words);
    expect(points.length).toBeGreaterThan(40);
    for (const p of points) expect(Math.abs(p.dx)).toBeLessThanOrEqual(1.5);
    // M = 0.8 at full plot half-size 60.5 px: ±48 px.
    expect(extent(points.map((p) => p.dy))).toBeGreaterThan(90);
  });

  it('inverted channels (antiphase) draw a horizontal line', () => {
    const { points } = drawOnce(words(sine, (i) => -sine(i)).words);
    expect(points.length).toBeGreaterThan(40);
    for (const p of points) expect(Math.abs(p.dy)).toBeLessThanOrEqual(1.5);
    expect(extent(points.map((p) => p.dx))).toBeGreaterThan(90);
  });

  it('left alone draws the diagonal toward the upper left; right alone toward the upper right', () => {
    const left = drawOnce(words(sine, () => 0).words).points;
    expect(left.length).toBeGreaterThan(30);
    for (const p of left) expect(Math.abs(p.dx + p.dy)).toBeLessThanOrEqual(2); // dy = −dx: up-left / down-right
    expect(extent(left.map((p) => p.dx))).toBeGreaterThan(40); // M = S = 0.4: ±24 px each way
    const right = drawOnce(words(() => 0, sine).words).points;
    expect(right.length).toBeGreaterThan(30);
    for (const p of right) expect(Math.abs(p.dx - p.dy)).toBeLessThanOrEqual(2);
    expect(extent(right.map((p) => p.dx))).toBeGreaterThan(40);
  });

  it('lines mode draws the same figures as polylines', () => {
    const mono = drawOnce(words(sine, sine).words, { mode: 'lines' }).points;
    expect(mono.length).toBeGreaterThan(40);
    for (const p of mono) expect(Math.abs(p.dx)).toBeLessThanOrEqual(1.5);
    expect(extent(mono.map((p) => p.dy))).toBeGreaterThan(90);
    const anti = drawOnce(words(sine, (i) => -sine(i)).words, { mode: 'lines' }).points;
    for (const p of anti) expect(Math.abs(p.dy)).toBeLessThanOrEqual(1.5);
  });

  it('the trail fades linearly: half as bright at half the persistence, gone after it', () => {
    // 30 frames of a mono ramp: separate dots (overlapping translucent dots would add up).
    const ramp = (i: number) => -0.8 + (1.6 * i) / 29;
    const { words: w } = words(ramp, ramp, 30);
    const { view, ctx, levels } = viewOf(w, { persistenceMs: 200 });
    view.update(0, levels, clock(0, 0));
    view.draw(ctx);
    const bright = Math.max(...tracePoints(ctx).map((p) => p.v));
    expect(bright).toBeGreaterThan(250);
    // No new samples for 100 ms: the same figure at half intensity (this frame has no samples of its own).
    view.update(0, levels, clock(100, 100));
    expect(view.draw(ctx)).toBe(true);
    const half = tracePoints(ctx, 0.3);
    expect(half.length).toBeGreaterThan(30);
    // α = 0.5 over the black plot (127.5) or over the M axis, rgb(40, 40, 40) (147.5).
    expect(Math.min(...half.map((p) => p.v))).toBeGreaterThan(120);
    expect(Math.max(...half.map((p) => p.v))).toBeLessThan(152);
    view.update(0, levels, clock(250, 150));
    view.draw(ctx);
    expect(tracePoints(ctx, 0.05)).toHaveLength(0);
    expect(view.draw(ctx)).toBe(false); // nothing left to fade: no repaint
  });

  it('automatic gain: a −26 dBFS signal is raised by the whole dB that brings it to 80 % of the plot, and says so', () => {
    const quiet = (i: number) => 0.05 * Math.sin((2 * Math.PI * 250 * i) / 48000);
    const { view, points } = drawOnce(words(quiet, quiet).words, { autoGain: true });
    expect(view.gainDb).toBe(Math.floor(20 * Math.log10(0.8 / 0.05))); // 24 dB
    expect(extent(points.map((p) => p.dy))).toBeGreaterThan(0.8 * 0.05 * 15.85 * 121 * 0.9);
    const fixed = drawOnce(words(quiet, quiet).words);
    expect(extent(fixed.points.map((p) => p.dy))).toBeLessThan(10); // without gain: a short line
  });

  it('the reader takes the samples that arrived since the previous frame, and only those', () => {
    const { words: w, writer } = words(sine, sine, 500);
    const view = new GoniometerView(resolveGoniometerOptions('test', { track: 0, scope: w, persistenceMs: 0 }));
    view.resize(SIZE, SIZE + 14, 1);
    const levels = createTrackLevels(2);
    view.update(0, levels, clock(0, 0));
    expect(view.stats.points).toBe(500);
    const more = new Float32Array(800);
    writer.write(more, more, 0, 800);
    view.update(0, levels, clock(16, 16));
    expect(view.stats.points).toBe(1300);
    view.update(0, levels, clock(32, 16));
    expect(view.stats.points).toBe(1300);
    expect(view.lostFrames).toBe(0);
  });
});

describe('GoniometerView in time with the sound', () => {
  it("with the source's delay it draws the samples being heard: a switch from mono to antiphase shows that much later", () => {
    // 1000 mono frames, then antiphase from frame 1000 on, at 48 kHz; the source delays 10 ms (480 frames).
    const ring = createScopeWords({ tracks: [0], capacity: 4096, sampleRate: 48000, shared: true });
    const writer = new SampleRingWriter(ring, 0);
    const put = (from: number, n: number, antiphase: boolean) => {
      const l = Float32Array.from({ length: n }, (_, i) => sine(from + i));
      writer.write(l, antiphase ? l.map((v) => -v) : l, 0, n);
    };
    const { view, ctx, levels } = viewOf(ring);
    let t = 0;
    const frame = () => {
      t += 16;
      view.setSourceDelay(10);
      view.update(0, levels, clock(t, 16));
      view.draw(ctx);
      const p = tracePoints(ctx);
      return { dx: extent(p.map((q) => q.dx)), dy: extent(p.map((q) => q.dy)) };
    };
    put(0, 1000, false);
    let f = frame(); // frames 0 … 519 are old enough: mono, a vertical line
    expect(view.stats.points).toBe(520);
    expect(f.dy).toBeGreaterThan(80);
    expect(f.dx).toBeLessThan(4);
    put(1000, 400, true); // antiphase measured, not yet heard: still the mono frames 520 … 919
    f = frame();
    expect(view.stats.points).toBe(920);
    expect(f.dy).toBeGreaterThan(80);
    expect(f.dx).toBeLessThan(4);
    put(1400, 600, true); // 2000 measured: frames 920 … 1519 heard, mostly antiphase
    frame();
    put(2000, 600, true);
    f = frame(); // 1520 … 2119: all antiphase, a horizontal line
    expect(view.stats.points).toBe(2120);
    expect(f.dx).toBeGreaterThan(80);
    expect(f.dy).toBeLessThan(4);
    expect(view.lostFrames).toBe(0);
  });
});

describe('<Goniometer>', () => {
  it('role="img" with an aria label stating the correlation, updated at 2 Hz; the canvas paints the figure', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 1 });
    bank.setReadings(0, { correlation: 0.62 });
    const { words: w } = words(sine, sine);
    const { container } = render(<Goniometer source={bank.source} scope={w} track={0} size={SIZE} pixelRatio={1} />);
    await layout();
    loop.advance(16);
    const canvas = container.querySelector('canvas')!;
    expect(canvas.dataset.meterkitRender).toBe('main');
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, SIZE).data;
    let green = 0; // the default trace colour, the theme's green
    for (let k = 0; k < data.length; k += 4) if (data[k + 1] > 150 && data[k] < 120) green++;
    expect(green).toBeGreaterThan(40);
    loop.advance(600);
    const img = container.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe('Goniometer, correlation +0.6');
    bank.setReadings(0, { correlation: -0.34 });
    loop.advance(100);
    expect(img.getAttribute('aria-label')).toBe('Goniometer, correlation +0.6'); // not yet: 2 Hz
    loop.advance(500);
    expect(img.getAttribute('aria-label')).toBe('Goniometer, correlation -0.3');
    // 300 ms after the last samples the trail has faded: no green left (the meter falls to silence).
    const after = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, SIZE).data;
    let left = 0;
    for (let k = 0; k < after.length; k += 4) if (after[k + 1] > 150 && after[k] < 120) left++;
    expect(left).toBe(0);
  });

  it('rejects bad props naming the component, the prop and the value', () => {
    const { words: w } = words(sine, sine);
    expect(() => render(<Goniometer scope={w} track={3} />)).toThrow('Goniometer: track 3 has no sample ring; the engine scopes tracks [0]');
    expect(() => render(<Goniometer scope={w} persistenceMs={5000} />)).toThrow('Goniometer: persistenceMs must be a number from 0 to 2000 ms, got 5000');
    expect(() => render(<Goniometer scope={w} mode={'bars' as never} />)).toThrow(/Goniometer: mode must be one of "dots", "lines", got "bars"/);
    expect(() => render(<Goniometer scope={new Int32Array(10)} />)).toThrow(/Goniometer: words must be a scope buffer/);
  });
});
