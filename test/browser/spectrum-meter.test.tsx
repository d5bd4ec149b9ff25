/**
 * <SpectrumMeter> in real Chromium: bars and hold caps at the heights of the published levels
 * (pixels), the aria label naming the loudest band, the bars falling when the source goes
 * stale, and validation of its props.
 */
import { describe, it, expect, beforeEach, afterEach, beforeAll, afterAll } from 'vitest';
import { render, cleanup } from '@testing-library/react';
import { SpectrumMeter } from '../../src/react/index';
import { createManualBank } from '../../src/core/manual-bank';
import { createSpectrumWords, SpectrumBankWriter } from '../../src/core/spectrum/spectrum-bank';
import { getFrameLoop } from '../../src/core/frame-loop';
import { DEFAULT_COLORS } from '../../src/core/render/style';
import { pixel, isColor } from './canvas-pixels';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));
const loop = getFrameLoop();
const layout = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
beforeEach(() => {
  loop.mode = 'demand';
});
afterEach(() => {
  cleanup();
  loop.mode = 'auto';
});

/** A spectrum bank of bank track 0 holding `levels` (dB) with holds 6 dB above. */
function spectrumOf(levels: (b: number) => number): Int32Array {
  const words = createSpectrumWords({ tracks: [0], sampleRate: 48000, shared: false });
  const l = Float32Array.from({ length: 31 }, (_, b) => levels(b));
  new SpectrumBankWriter(words).publish(
    0,
    l,
    l.map((x) => x + 6),
  );
  return words;
}

// Layout at pixelRatio 1, 10 px font: plot from x = 30, height 200 − (10 + 4) = 186 px.
const PLOT_X = 30;
const PLOT_H = 186;

describe('SpectrumMeter', () => {
  it('draws each band as a bar to its level and a hold cap above it', async () => {
    const bank = createManualBank({ tracks: 1, channels: 2 });
    const words = spectrumOf((b) => (b === 17 ? -36 : b === 5 ? -12 : -100));
    const { container } = render(<SpectrumMeter source={bank.source} spectrum={words} width={340} height={200} pixelRatio={1} />);
    await layout();
    loop.advance();
    const canvas = container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([340, 200]);
    const slot = (340 - PLOT_X) / 31; // 10 px per band
    const cx = (b: number) => Math.floor(PLOT_X + b * slot + 3);
    // 1 kHz at −36 dB on a −72 … 0 scale: half the plot lit; the cap at −30 dB.
    const lit = (b: number) => {
      let h = 0;
      for (let y = PLOT_H - 1; y >= 0 && isColor(pixel(canvas, cx(b), y), DEFAULT_COLORS.low); y--) h++;
      return h;
    };
    expect(lit(17)).toBe(PLOT_H / 2);
    expect(lit(5)).toBe(Math.round((60 / 72) * PLOT_H));
    expect(lit(10)).toBe(0);
    const capTop = PLOT_H - Math.round((42 / 72) * PLOT_H);
    expect(isColor(pixel(canvas, cx(17), capTop), DEFAULT_COLORS.high)).toBe(true);
    const img = container.querySelector('[role="img"]')!;
    await new Promise((r) => setTimeout(r, 600));
    expect(img.getAttribute('aria-label')).toBe('Spectrum, loudest band 63 Hz at -12 dB');
  });

  it('falls to silence while the source is stale', async () => {
    const bank = createManualBank({ tracks: 1, channels: 2 });
    const words = spectrumOf(() => -24);
    const { container } = render(<SpectrumMeter source={bank.source} spectrum={words} width={340} height={200} pixelRatio={1} showHold={false} />);
    await layout();
    loop.advance();
    const canvas = container.querySelector('canvas')!;
    const top = () => {
      for (let y = 0; y < PLOT_H; y++) if (isColor(pixel(canvas, 33, y), DEFAULT_COLORS.low)) return y;
      return PLOT_H;
    };
    const before = top();
    expect(before).toBe(PLOT_H - Math.round((48 / 72) * PLOT_H));
    bank.stop();
    for (let i = 0; i < 60; i++) loop.advance(1000 / 60); // 1 s at 11.76 dB/s
    expect(top() - before).toBeGreaterThan(Math.round((10 / 72) * PLOT_H));
  });

  it('rejects bad props, naming them', () => {
    const words = spectrumOf(() => -24);
    expect(() => render(<SpectrumMeter spectrum={words} track={1} />)).toThrow(/SpectrumMeter: bank track 1 has no spectrum; analysed tracks: \[0\]/);
    expect(() => render(<SpectrumMeter spectrum={words} minDb={-5} />)).toThrow(/SpectrumMeter: minDb must be .*-140 to -10.*got -5/);
    expect(() => render(<SpectrumMeter spectrum={words} maxDb={-65} />)).toThrow(/SpectrumMeter: maxDb/);
    expect(() => render(<SpectrumMeter spectrum={new Int32Array(4)} />)).toThrow(/not a meterkit spectrum bank/);
    expect(() => render(<SpectrumMeter spectrum={words} width={10} />)).toThrow(/SpectrumMeter: width/);
  });
});
