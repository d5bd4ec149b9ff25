/**
 * Canvas meters in real Chromium: the pixels they draw, on a demand-mode frame loop (no sleeps).
 */
import { describe, it, expect, beforeEach, afterEach, beforeAll, afterAll } from 'vitest';
import { render, cleanup, act } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { LedMeter, PeakHoldMeter, ClipIndicator, MeterBridge } from '../../src/react/index';
import { createManualBank } from '../../src/core/manual-bank';
import { getFrameLoop } from '../../src/core/frame-loop';
import { DEFAULT_COLORS } from '../../src/core/render/style';
import { SyntheticEngine } from '../helpers/synthetic-engine';
import { pixel, isColor, rgb, canvasOf } from './canvas-pixels';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

// These tests read canvas pixels (and view state) on the main thread: paint there. The render
// worker is tested with the same meters in render-worker.test.tsx.
beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));

const loop = getFrameLoop();
const FRAME = 1000 / 60;
/** A frame long enough for the clip buttons' 10 Hz check (their latch loses nothing in between). */
const CLIP_CHECK_MS = 100;

/** Lets the browser lay out and deliver ResizeObserver callbacks. */
const layout = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

beforeEach(() => {
  loop.mode = 'demand';
});
afterEach(() => {
  cleanup();
  loop.mode = 'auto';
});

/** Segment slots of splitEven(total, n, gap): [start, length] from the zero end. */
function slots(total: number, n: number, gap: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = Math.round((i * (total + gap)) / n);
    const b = Math.round(((i + 1) * (total + gap)) / n) - gap;
    return [a, b - a];
  });
}

describe('LedMeter pixels', () => {
  for (const [levelDb, expectLit] of [
    [-6, 54],
    [-6.1, 53],
    [-59, 1],
    [-60, 0],
    [-61, 0],
    [0, 60],
  ] as const) {
    it(`a level of ${levelDb} dBFS lights exactly the ${expectLit} segments at or below it`, async () => {
      const bank = createManualBank({ tracks: 1, channels: 2 });
      bank.set(0, { levelDb, holdDb: -Infinity });
      const { container } = render(<LedMeter source={bank.source} segments={60} width={20} height={250} pixelRatio={1} clipSize={0} />);
      await layout();
      loop.advance();
      const canvas = canvasOf(container);
      expect([canvas.width, canvas.height]).toEqual([20, 250]);
      const lit = slots(250, 60, 1).map(([start, len], i) => {
        const y = 250 - (start + len / 2);
        const left = pixel(canvas, 4, y);
        const right = pixel(canvas, 15, y);
        expect(right).toEqual(left); // both channels identical
        const threshold = -60 + (i + 1);
        const zone = threshold >= -6 ? DEFAULT_COLORS.high : threshold >= -18 ? DEFAULT_COLORS.mid : DEFAULT_COLORS.low;
        // Every segment shows its zone colour (dimmed ones lose a little precision to alpha).
        expect(left.slice(0, 3).every((v, k) => Math.abs(v - rgb(zone)[k]) <= 3)).toBe(true);
        return left[3] === 255;
      });
      expect(lit.filter(Boolean).length).toBe(expectLit);
      expect(lit.slice(0, expectLit).every(Boolean)).toBe(true); // lit from the bottom, contiguous
    });
  }

  it('is sharp at devicePixelRatio 2: whole-pixel edges, no blended pixels', async () => {
    const bank = createManualBank({ tracks: 1, channels: 2 });
    bank.set(0, { levelDb: -12 });
    const { container } = render(<LedMeter source={bank.source} segments={20} width={20} height={100} pixelRatio={2} clipSize={6} />);
    await layout();
    loop.advance();
    const canvas = canvasOf(container);
    expect([canvas.width, canvas.height]).toEqual([40, 200]);
    const data = canvas.getContext('2d')!.getImageData(0, 0, 40, 200).data;
    const dim = Math.round(0.18 * 255);
    const alphas = new Set<number>();
    for (let i = 3; i < data.length; i += 4) alphas.add(data[i]);
    // Only three opacities exist: empty gap, dimmed segment, lit segment — no anti-aliased edges.
    expect([...alphas].sort((a, b) => a - b)).toEqual([0, dim, 255]);
    // The 1 CSS px segment gap is exactly 2 device px of nothing.
    const column = Array.from({ length: 200 }, (_, y) => data[(y * 40 + 8) * 4 + 3]);
    const runs = column.join(',').split(/(?:^|,)(?:0,0)(?=,|$)/).length;
    expect(runs).toBeGreaterThan(15);
  });
});

describe('PeakHoldMeter: the hold marker', () => {
  it('sits at the held value, then falls after the hold time', async () => {
    const engine = new SyntheticEngine(1, 1, { holdMs: 1000 });
    engine.signal = (_t, _c, i) => (i < 480 ? 0.5 : 0); // 10 ms at -6.02 dBFS, then silence
    const { container } = render(
      <PeakHoldMeter source={engine} width={10} height={200} pixelRatio={1} clipSize={0} readoutSize={0} colors={{ hold: '#ffffff' }} />,
    );
    await layout();
    const canvas = canvasOf(container, 'PeakHoldMeter');
    /** Row (from the top) of the hold marker: the first white pixel in the column. */
    const markerRow = () => {
      for (let y = 0; y < 200; y++) if (isColor(pixel(canvas, 5, y), '#ffffff')) return y;
      return -1;
    };
    const step = (ms: number) => {
      for (let t = 0; t < ms; t += FRAME) {
        engine.render(FRAME);
        loop.advance(FRAME);
      }
    };
    step(100);
    const held = 200 - Math.round(((20 * Math.log10(0.5) + 60) / 60) * 200); // top edge of a 2 px marker
    expect(markerRow()).toBe(held);
    step(800); // 0.9 s: still held
    expect(markerRow()).toBe(held);
    step(600); // 1.5 s: released, following the decaying peak down (20 dB / 1.7 s)
    const fallen = markerRow();
    expect(fallen).toBeGreaterThan(held + 10);
    // The decaying peak has been falling since the burst ended at 10 ms.
    const expectedDb = 20 * Math.log10(0.5) - (20 / 1.7) * (engine.frame / 48000 - 0.01);
    const expectedRow = 200 - Math.round(((expectedDb + 60) / 60) * 200);
    expect(Math.abs(fallen - expectedRow)).toBeLessThanOrEqual(3);
  });

  it('shows the numeric peak-hold readout', async () => {
    const bank = createManualBank({ tracks: 1, channels: 2 });
    bank.set(0, { levelDb: -12.34, holdDb: -3.21 });
    const { container } = render(<PeakHoldMeter source={bank.source} width={40} height={200} pixelRatio={1} />);
    await layout();
    loop.advance();
    const canvas = canvasOf(container, 'PeakHoldMeter');
    // Text is drawn in the top 14 px: some text-coloured pixels appear there.
    const top = canvas.getContext('2d')!.getImageData(0, 0, 40, 14).data;
    let inked = 0;
    for (let i = 3; i < top.length; i += 4) if (top[i] > 128) inked++;
    expect(inked).toBeGreaterThan(20);
  });
});

describe('clip LED and ClipIndicator', () => {
  it('light after one over and clear on reset (click and keyboard)', async () => {
    const engine = new SyntheticEngine(1, 2);
    let over = true;
    engine.signal = (_t, c, i) => (over && c === 1 && i === 300 ? 1 : 0.1);
    const { container } = render(
      <div>
        <ClipIndicator source={engine} label="Vox" />
        <LedMeter source={engine} width={20} height={120} pixelRatio={1} clipSize={6} />
      </div>,
    );
    await layout();
    const canvas = canvasOf(container);
    const button = container.querySelector('button')!;
    const clipPixel = (x: number) => pixel(canvas, x, 2); // the clip LED row is the top 6 px
    engine.render(20);
    loop.advance(CLIP_CHECK_MS);
    expect(isColor(clipPixel(15), DEFAULT_COLORS.clip)).toBe(true); // right channel clipped
    expect(isColor(clipPixel(4), DEFAULT_COLORS.clipOff)).toBe(true); // left did not
    expect(button.dataset.clipped).toBe('true');
    expect(button.getAttribute('aria-label')).toBe('Vox clip: clipped. Press to reset.');
    over = false;
    engine.render(500);
    loop.advance(CLIP_CHECK_MS);
    expect(button.dataset.clipped).toBe('true'); // latched
    await act(async () => button.click());
    engine.render(3);
    loop.advance(FRAME); // a click refreshes the button at the next frame, not at its next 10 Hz check
    expect(isColor(clipPixel(15), DEFAULT_COLORS.clipOff)).toBe(true);
    expect(button.dataset.clipped).toBe('false');
    // Again, reset from the keyboard.
    over = true;
    engine.frame = 0;
    engine.render(20);
    loop.advance(CLIP_CHECK_MS);
    expect(button.dataset.clipped).toBe('true');
    button.focus();
    await userEvent.keyboard('{Enter}');
    engine.render(3);
    loop.advance(CLIP_CHECK_MS);
    expect(button.dataset.clipped).toBe('false');
    over = true;
    engine.frame = 0;
    engine.render(20);
    loop.advance(CLIP_CHECK_MS);
    await userEvent.keyboard(' ');
    engine.render(3);
    loop.advance(CLIP_CHECK_MS);
    expect(button.dataset.clipped).toBe('false');
  });
});

describe('redraw only on change', () => {
  it('a meter whose values did not change is not redrawn', async () => {
    const bank = createManualBank({ tracks: 4, channels: 2 });
    for (let t = 0; t < 4; t++) bank.set(t, { levelDb: -10 * t });
    const { container } = render(<MeterBridge source={bank.source} pixelRatio={1} />);
    await layout();
    loop.advance();
    const canvas = container.querySelector('[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    let calls = 0;
    // Count every painting call on the meter canvas.
    for (const name of ['fillRect', 'clearRect', 'drawImage', 'fillText'] as const) {
      const original = (ctx[name] as (...a: unknown[]) => void).bind(ctx);
      (ctx as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        calls++;
        original(...args);
      };
    }
    for (let i = 0; i < 30; i++) loop.advance();
    expect(calls).toBe(0);
    bank.set(2, { levelDb: -3 });
    loop.advance();
    expect(calls).toBeGreaterThan(0);
    const afterOne = calls;
    loop.advance();
    expect(calls).toBe(afterOne);
  });
});

describe('orientation and theming', () => {
  it('horizontal: segments grow left to right', async () => {
    const bank = createManualBank({ tracks: 1, channels: 1 });
    bank.set(0, { levelDb: -30, holdDb: -Infinity });
    const { container } = render(<LedMeter source={bank.source} orientation="horizontal" segments={60} width={250} height={10} pixelRatio={1} clipSize={0} />);
    await layout();
    loop.advance();
    const canvas = canvasOf(container);
    expect([canvas.width, canvas.height]).toEqual([250, 10]);
    const lit = slots(250, 60, 1).map(([start, len]) => pixel(canvas, start + len / 2, 5)[3] === 255);
    expect(lit.filter(Boolean).length).toBe(30); // thresholds -59 … -30
    expect(lit.slice(0, 30).every(Boolean)).toBe(true);
  });

  it('takes colours from CSS custom properties, and props win over them', async () => {
    const bank = createManualBank({ tracks: 1, channels: 1 });
    bank.set(0, { levelDb: -3, holdDb: -Infinity });
    const { container } = render(
      <div style={{ ['--meterkit-low' as string]: '#0000ff', ['--meterkit-high' as string]: '#00ffff' }}>
        <LedMeter source={bank.source} segments={10} width={10} height={100} pixelRatio={1} clipSize={0} />
        <LedMeter source={bank.source} segments={10} width={10} height={100} pixelRatio={1} clipSize={0} colors={{ high: '#ff00ff' }} />
      </div>,
    );
    await layout();
    loop.advance();
    const [a, b] = Array.from(container.querySelectorAll('canvas'));
    expect(isColor(pixel(a, 5, 95), '#0000ff')).toBe(true); // bottom segment: low zone from CSS
    expect(isColor(pixel(a, 5, 12), '#00ffff')).toBe(true); // -6 dB segment: high zone from CSS
    expect(isColor(pixel(b, 5, 12), '#ff00ff')).toBe(true); // the prop wins
  });
});

describe('incremental repaint', () => {
  it('repainting only what changed gives exactly the pixels of a full repaint', async () => {
    const { MeterView } = await import('../../src/core/views/meter-view');
    const { resolveMeterViewOptions } = await import('../../src/core/views/meter-options');
    const { createTrackLevels } = await import('../../src/core/bank/reader');
    const { DEFAULT_STYLE } = await import('../../src/core/render/style');
    for (const kind of ['led', 'bar'] as const) {
      for (const orientation of ['vertical', 'horizontal'] as const) {
        const make = () => {
          const canvas = document.createElement('canvas');
          const view = new MeterView(resolveMeterViewOptions({ kind, orientation, tracks: 3, channels: 2, clipSize: 6, readoutSize: kind === 'bar' ? 14 : 0 }));
          view.setStyle({ ...DEFAULT_STYLE, colors: { ...DEFAULT_STYLE.colors, background: '#101418' } });
          view.resize(orientation === 'vertical' ? 90 : 240, orientation === 'vertical' ? 240 : 90, 2);
          canvas.width = view.deviceWidth;
          canvas.height = view.deviceHeight;
          return { canvas, view, ctx: canvas.getContext('2d')! };
        };
        const a = make();
        const levels = createTrackLevels(2);
        levels.stale = false;
        const clock = { deltaMs: 16 };
        let seed = 7;
        const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
        const set = () => {
          for (let c = 0; c < 2; c++) {
            levels.decayingPeak[c] = Math.pow(10, (-70 + rand() * 72) / 20);
            levels.hold[c] = Math.max(levels.decayingPeak[c], Math.pow(10, (-60 + rand() * 62) / 20));
            levels.overs[c] = rand() > 0.8 ? 1 : 0;
          }
        };
        for (let frame = 0; frame < 60; frame++) {
          for (let t = 0; t < 3; t++) {
            set();
            a.view.update(t, levels, clock);
          }
          a.view.draw(a.ctx);
        }
        // A second view shown only the final state, painted in one go.
        const b = make();
        seed = 7;
        for (let frame = 0; frame < 60; frame++)
          for (let t = 0; t < 3; t++) {
            set();
            if (frame === 59) b.view.update(t, levels, clock);
          }
        b.view.draw(b.ctx);
        const pa = a.canvas.getContext('2d')!.getImageData(0, 0, a.canvas.width, a.canvas.height).data;
        const pb = b.canvas.getContext('2d')!.getImageData(0, 0, b.canvas.width, b.canvas.height).data;
        let differing = 0;
        for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) differing++;
        expect(differing, `${kind} ${orientation}`).toBe(0);
        expect(a.view.stats.tracksDrawn).toBeGreaterThan(150); // the levels really kept changing
      }
    }
  });
});

describe('scale labels', () => {
  it('never overlap and never leave the canvas; every tick mark is still drawn', async () => {
    const { drawScale } = await import('../../src/core/render/scale-draw');
    const { DIGITAL_SCALE, scaleForBallistics } = await import('../../src/core/render/scale');
    const { DEFAULT_STYLE } = await import('../../src/core/render/style');
    for (const [orientation, w, h, side] of [
      ['horizontal', 240, 24, 'bottom'],
      ['vertical', 36, 120, 'right'],
    ] as const) {
      for (const scale of [DIGITAL_SCALE, scaleForBallistics('k-20'), scaleForBallistics('vu')]) {
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d')!;
        const labels: { text: string; x: number; y: number; w: number }[] = [];
        let marks = 0;
        const rects: number[][] = [];
        const fillText = ctx.fillText.bind(ctx);
        const fillRect = ctx.fillRect.bind(ctx);
        ctx.fillText = (text: string, x: number, y: number) => {
          labels.push({ text, x, y, w: ctx.measureText(text).width });
          fillText(text, x, y);
        };
        ctx.fillRect = (...a: Parameters<CanvasRenderingContext2D['fillRect']>) => {
          marks++;
          rects.push(a);
          fillRect(...a);
        };
        drawScale(ctx, w, h, 1, scale, DEFAULT_STYLE, { orientation, side, nearInset: 0, farInset: 0 });
        expect(marks).toBe(scale.ticks.length);
        expect(labels.length).toBeGreaterThan(2);
        expect(labels.length).toBeLessThanOrEqual(scale.ticks.length);
        const texts = labels.map((l) => l.text);
        // Tick k's length across the scale (4 px major, 2 px minor at dpr 1): a labelled major
        // tick is long exactly when its label is shown — a dropped label leaves a short tick,
        // never a long bare one.
        const length = (k: number) => (orientation === 'vertical' ? rects[k][2] : rects[k][3]);
        const thinned = scale.ticks.filter((t) => t.major && t.label !== '' && !texts.includes(t.label));
        if (orientation === 'vertical') expect(thinned.length, 'a 120 px scale thins some labels').toBeGreaterThan(0);
        scale.ticks.forEach((t, k) => {
          if (t.major && t.label !== '') expect(length(k), `${t.label} tick`).toBe(texts.includes(t.label) ? 4 : 2);
        });
        // The reference mark's label always stays; without one, the top label does.
        if (scale.referenceDb !== undefined) expect(texts).toContain('0');
        else expect(texts).toContain(scale.ticks[scale.ticks.length - 1].label);
        if (orientation === 'horizontal') {
          const spans = labels.map((l) => [l.x - l.w / 2, l.x + l.w / 2]).sort((a, b) => a[0] - b[0]);
          for (const [a, b] of spans) expect(a >= 0 && b <= w).toBe(true);
          for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
        } else {
          const ys = labels.map((l) => l.y).sort((a, b) => a - b);
          for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(10);
          for (const y of ys) expect(y >= 5 && y <= h - 5).toBe(true);
        }
      }
    }
  });
});
