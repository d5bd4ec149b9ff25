/**
 * The broadcast components in real Chromium: LoudnessMeter and CorrelationMeter pixels and
 * readouts from a hand-written bank (demand-mode loop), a LoudnessMeter fed by the real
 * worklet, and meters drawn on VU / PPM scales.
 */
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { render, cleanup, act } from '@testing-library/react';
import { Profiler, useEffect } from 'react';
import { LoudnessMeter, CorrelationMeter, LedMeter, useMeterEngine, MeterProvider } from '../../src/react/index';
import { createManualBank } from '../../src/core/manual-bank';
import { getFrameLoop } from '../../src/core/frame-loop';
import { scaleForBallistics } from '../../src/core/render/scale';
import { DEFAULT_COLORS } from '../../src/core/render/style';
import { pixel, isColor } from './canvas-pixels';
import { workletUrl } from './worklet-url';
import { sleep } from './helpers';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

// These tests read canvas pixels (and view state) on the main thread: paint there. The render
// worker is tested with the same meters in render-worker.test.tsx.
beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));

const loop = getFrameLoop();
const layout = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
afterEach(() => {
  cleanup();
  loop.mode = 'auto';
});

describe('LoudnessMeter', () => {
  it('draws the momentary bar in the target band, shows readouts, flags true peak over the ceiling', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 1 });
    bank.setReadings(0, { momentary: -23, shortTerm: -20, integrated: -23.04, loudnessRange: 6.27, truePeak: -0.5, loudnessSeconds: 30 });
    const { container } = render(<LoudnessMeter source={bank.source} height={270} barWidth={20} pixelRatio={1} historySeconds={60} />);
    await layout();
    for (let i = 0; i < 3; i++) loop.advance(100);
    const bar = container.querySelector('[role="meter"] canvas') as HTMLCanvasElement;
    expect([bar.width, bar.height]).toEqual([20, 270]);
    // ebu+9 around -23: -41 … -14 LUFS, 10 px per LU. Momentary -23 → 180 px lit (in the band: green).
    expect(isColor(pixel(bar, 10, 270 - 150), DEFAULT_COLORS.low)).toBe(true);
    expect(isColor(pixel(bar, 10, 270 - 200), DEFAULT_COLORS.track)).toBe(true);
    // Short-term marker at -20 LUFS: 210 px.
    expect(isColor(pixel(bar, 10, 270 - 209), DEFAULT_COLORS.text)).toBe(true);
    const value = (k: string) => container.querySelector(`[data-reading="${k}"]`)!;
    expect(value('M').textContent).toBe('-23.0');
    expect(value('S').textContent).toBe('-20.0');
    expect(value('I').textContent).toBe('-23.0');
    expect(value('LRA').textContent).toBe('6.3');
    expect(value('TP').textContent).toBe('-0.5');
    expect((value('TP') as HTMLElement).dataset.over).toBe('true'); // above EBU R128's -1 dBTP
    const meter = container.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuetext')).toBe('-23.0 LUFS momentary');
    // Above the band the bar turns red.
    bank.setReadings(0, { momentary: -16 });
    loop.advance(100);
    expect(isColor(pixel(bar, 10, 270 - 240), DEFAULT_COLORS.high)).toBe(true);
    // Above the scale's top (-14 LUFS): the bar is pinned and aria-valuenow stays in range, but
    // the text (like the readout) says the reading itself.
    bank.setReadings(0, { momentary: -12.04 });
    for (let i = 0; i < 6; i++) loop.advance(100);
    expect(value('M').textContent).toBe('-12.0');
    expect([meter.getAttribute('aria-valuemax'), meter.getAttribute('aria-valuenow'), meter.getAttribute('aria-valuetext')]).toEqual([
      '-14',
      '-14.0',
      '-12.0 LUFS momentary',
    ]);
  });

  it('LU units and other targets; reset restarts the integrated value', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 2 });
    bank.setReadings(1, { momentary: -13, shortTerm: -14.5, integrated: -14.2, loudnessRange: 3, truePeak: -1.5 });
    const { container } = render(<LoudnessMeter source={bank.source} track={1} target="streaming-14" units="LU" pixelRatio={1} />);
    await layout();
    loop.advance(200);
    const value = (k: string) => container.querySelector(`[data-reading="${k}"]`)!.textContent;
    expect(value('M')).toBe('+1.0');
    expect(value('I')).toBe('-0.2');
    expect(container.textContent).toContain('Streaming −14: -14 LUFS, TP ≤ -1 dBTP');
    await act(async () => (container.querySelector('button') as HTMLButtonElement).click());
    loop.advance(200);
    expect(value('I')).toBe('-inf');
    expect(value('M')).toBe('+1.0'); // momentary keeps running
  });

  it('reads the real worklet: a 1 kHz stereo tone at -23 dBFS shows -23.0 LUFS', async () => {
    const context = new AudioContext();
    try {
      let commits = 0;
      function App() {
        const { engine } = useMeterEngine(context, { tracks: 1, loudness: true, workletUrl });
        useEffect(() => {
          if (engine === null) return;
          const tone = new OscillatorNode(context, { frequency: 1000 });
          const level = new GainNode(context, { gain: Math.pow(10, -23 / 20) });
          tone.connect(level);
          tone.start();
          return engine.connect(level, 0);
        }, [engine]);
        return (
          <Profiler id="loudness" onRender={() => commits++}>
            <MeterProvider source={engine}>
              <LoudnessMeter />
            </MeterProvider>
          </Profiler>
        );
      }
      const { container } = render(<App />);
      const momentary = () => container.querySelector('[data-reading="M"]')!.textContent;
      const t0 = performance.now();
      while (momentary() !== '-23.0' && performance.now() - t0 < 5000) await sleep(50);
      expect(momentary()).toBe('-23.0');
      const settled = commits;
      await sleep(600);
      expect(commits).toBe(settled); // readouts move without React
    } finally {
      await context.close();
    }
  });
});

describe('CorrelationMeter', () => {
  it('draws correlation from the centre (green positive, red negative) and the balance bar', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 1 });
    bank.setReadings(0, { correlation: 0.5, balance: -1 });
    const { container } = render(<CorrelationMeter source={bank.source} width={202} height={22} pixelRatio={1} />);
    await layout();
    loop.advance();
    const canvas = container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([202, 22]);
    // Correlation row (top 10 px): +0.5 fills from the centre (101) about 50 px to the right.
    expect(isColor(pixel(canvas, 130, 5), DEFAULT_COLORS.low)).toBe(true);
    expect(isColor(pixel(canvas, 170, 5), DEFAULT_COLORS.track)).toBe(true);
    expect(isColor(pixel(canvas, 70, 5), DEFAULT_COLORS.track)).toBe(true);
    // Balance row (bottom 10 px): -1 fills the whole left half.
    expect(isColor(pixel(canvas, 30, 17), DEFAULT_COLORS.mid)).toBe(true);
    expect(isColor(pixel(canvas, 150, 17), DEFAULT_COLORS.track)).toBe(true);
    bank.setReadings(0, { correlation: -0.8 });
    loop.advance(600);
    expect(isColor(pixel(canvas, 40, 5), DEFAULT_COLORS.high)).toBe(true);
    const meter = container.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuemin')).toBe('-1');
    expect(meter.getAttribute('aria-valuenow')).toBe('-0.8');
  });
});

describe('ballistics scales', () => {
  it('scaleForBallistics places VU and BBC PPM marks at their dBFS positions', () => {
    const vu = scaleForBallistics('vu');
    expect(vu.unit).toBe('VU');
    expect(vu.ticks.find((t) => t.label === '0')!.db).toBeCloseTo(-18, 6);
    expect(vu.maxDb).toBeCloseTo(-15, 6); // +3 VU
    expect(vu.zones!.highDb).toBeCloseTo(-18, 6); // red from 0 VU
    const bbc = scaleForBallistics('ppm-bbc');
    expect(bbc.ticks.find((t) => t.label === '4')!.db).toBeCloseTo(-18, 6);
    expect(bbc.ticks.find((t) => t.label === '6')!.db).toBeCloseTo(-10, 6); // 4 dB per mark
    const vu14 = scaleForBallistics('vu', -14);
    expect(vu14.ticks.find((t) => t.label === '0')!.db).toBeCloseTo(-14, 6);
  });

  it('an LED meter on the VU scale reading the ballistic field lights up to 0 VU', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 1, channels: 1 });
    bank.set(0, { levelDb: -18, holdDb: -Infinity });
    const { container } = render(
      <LedMeter source={bank.source} scale={scaleForBallistics('vu')} reading="ballistic" segments={23} width={10} height={230} pixelRatio={1} clipSize={0} />,
    );
    await layout();
    loop.advance();
    const canvas = container.querySelector('canvas')!;
    // -20 … +3 VU in 23 one-VU segments: 0 VU is segment 20 (the 20th from the bottom).
    const lit = Array.from({ length: 23 }, (_, i) => pixel(canvas, 5, 230 - (i * 231) / 23 - 4)[3] === 255);
    expect(lit.filter(Boolean).length).toBe(20);
  });
});
