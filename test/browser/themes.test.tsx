/**
 * Themes in real Chromium: the `theme` prop and provider setting reach the canvas (pixels) and
 * the DOM text, `'auto'` follows `prefers-color-scheme` live (emulated by Playwright), and
 * axe-core finds no WCAG 2.x A/AA violation in any component in either theme on the page it is
 * made for — while the dark default on a white page is reported (the check can fail).
 */
import { describe, it, expect, beforeEach, afterEach, beforeAll, afterAll } from 'vitest';
import { render, cleanup, act } from '@testing-library/react';
import { commands } from 'vitest/browser';
import { axeViolations, describeViolations } from '../helpers/axe';
import type { ReactNode } from 'react';
import {
  LedMeter,
  PeakHoldMeter,
  ClipIndicator,
  MeterBridge,
  MeterScale,
  LoudnessMeter,
  CorrelationMeter,
  MeterStatus,
  MeterProvider,
} from '../../src/react/index';
import { createManualBank, type ManualBank } from '../../src/core/manual-bank';
import { getFrameLoop } from '../../src/core/frame-loop';
import { DEFAULT_COLORS, LIGHT_COLORS, type MeterThemeSetting } from '../../src/core/render/style';
import { pixel, isColor, canvasOf } from './canvas-pixels';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

const emulateColorScheme = (commands as unknown as { emulateColorScheme: (s: 'light' | 'dark' | null) => Promise<void> }).emulateColorScheme;

beforeAll(() => setDefaultRenderMode('main'));
afterAll(async () => {
  setDefaultRenderMode('auto');
  await emulateColorScheme(null);
});

const loop = getFrameLoop();
const layout = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

beforeEach(() => {
  loop.mode = 'demand';
});
afterEach(() => {
  cleanup();
  loop.mode = 'auto';
});

/** Colour of the lowest LED segment of a meter showing 0 dBFS (the theme's `low`). */
async function bottomSegment(container: HTMLElement): Promise<[number, number, number, number]> {
  await layout();
  loop.advance();
  return pixel(canvasOf(container), 2, 198);
}

function loudBank(): ManualBank {
  const bank = createManualBank({ tracks: 2, channels: 2 });
  bank.set(0, { levelDb: 0, holdDb: 0, overs: 1 });
  bank.set(1, { levelDb: -20, holdDb: -12 });
  bank.setReadings(0, { momentary: -23.4, shortTerm: -22.9, integrated: -23.1, loudnessRange: 6.2, truePeak: 0.4, correlation: 0.8, loudnessSeconds: 20 });
  return bank;
}

describe('theme reaches the canvas', () => {
  it('light and dark palettes colour the segments; the default is dark', async () => {
    const bank = loudBank();
    for (const [theme, expected] of [
      [undefined, DEFAULT_COLORS.low],
      ['dark', DEFAULT_COLORS.low],
      ['light', LIGHT_COLORS.low],
    ] as const) {
      const { container, unmount } = render(
        <LedMeter source={bank.source} theme={theme} width={10} height={200} pixelRatio={1} clipSize={0} readoutSize={0} segments={20} />,
      );
      const px = await bottomSegment(container);
      expect(isColor(px, expected), `theme ${theme}: ${px}`).toBe(true);
      unmount();
    }
  });

  it('a provider sets the theme of every meter below it; a component prop wins', async () => {
    const bank = loudBank();
    const { container } = render(
      <MeterProvider source={bank.source} theme="light">
        <div data-case="inherit">
          <LedMeter width={10} height={200} pixelRatio={1} clipSize={0} segments={20} />
        </div>
        <div data-case="own">
          <LedMeter theme="dark" width={10} height={200} pixelRatio={1} clipSize={0} segments={20} />
        </div>
      </MeterProvider>,
    );
    await layout();
    loop.advance();
    expect(isColor(pixel(canvasOf(container.querySelector('[data-case="inherit"]')!), 2, 198), LIGHT_COLORS.low)).toBe(true);
    expect(isColor(pixel(canvasOf(container.querySelector('[data-case="own"]')!), 2, 198), DEFAULT_COLORS.low)).toBe(true);
  });

  it("'auto' follows prefers-color-scheme, and changes with it while mounted", async () => {
    const bank = loudBank();
    await emulateColorScheme('light');
    const { container } = render(<LedMeter source={bank.source} theme="auto" width={10} height={200} pixelRatio={1} clipSize={0} segments={20} />);
    expect(isColor(await bottomSegment(container), LIGHT_COLORS.low)).toBe(true);
    await act(() => emulateColorScheme('dark'));
    expect(isColor(await bottomSegment(container), DEFAULT_COLORS.low)).toBe(true);
    await act(() => emulateColorScheme('light'));
    expect(isColor(await bottomSegment(container), LIGHT_COLORS.low)).toBe(true);
  });

  it('DOM text takes the theme text colour (bridge labels, loudness readouts)', async () => {
    const bank = loudBank();
    const { container } = render(
      <MeterProvider source={bank.source} theme="light">
        <MeterBridge tracks={2} labels={['Kick', 'Snare']} />
        <LoudnessMeter historySeconds={0} />
      </MeterProvider>,
    );
    await layout();
    const label = [...container.querySelectorAll('[data-meterkit="MeterBridge"] div')].find((d) => d.textContent === 'Kick')!;
    expect(getComputedStyle(label).color).toBe('rgb(36, 41, 47)'); // LIGHT_COLORS.text #24292f
    expect(getComputedStyle(container.querySelector('[data-meterkit="LoudnessMeter"]')!).color).toBe('rgb(36, 41, 47)');
  });

  it('rejects an unknown theme, naming the prop and the value', () => {
    expect(() => render(<LedMeter theme={'sepia' as MeterThemeSetting} />)).toThrow(/LedMeter: theme must be one of "dark", "light", "auto", got "sepia"/);
    expect(() => render(<MeterProvider theme={'blue' as MeterThemeSetting} />)).toThrow(/MeterProvider: theme must be one of .*got "blue"/);
  });
});

/** Every component, with readings, on a page of `background`. */
function Page({ background, theme, source }: { background: string; theme?: MeterThemeSetting; source: ManualBank['source'] }): ReactNode {
  return (
    <main data-page="" style={{ background, padding: 12, font: '13px sans-serif', color: background.startsWith('#f') ? '#24292f' : '#c8ccd0' }}>
      <MeterProvider source={source} theme={theme}>
        <h1 style={{ fontSize: 14 }}>Meters</h1>
        <LedMeter label="Kick level" />
        <PeakHoldMeter track={1} label="Snare level" />
        <ClipIndicator label="Kick" />
        <MeterScale />
        <MeterBridge tracks={2} labels={['Kick', 'Snare']} showScale clipIndicators />
        <LoudnessMeter historySeconds={30} />
        <CorrelationMeter />
        <MeterStatus />
      </MeterProvider>
    </main>
  );
}

describe('axe-core: WCAG 2.x A and AA', () => {
  for (const [theme, background] of [
    ['dark', '#121417'],
    ['dark', '#000000'],
    ['light', '#ffffff'],
    ['light', '#f4f5f7'],
  ] as const) {
    it(`every component in the ${theme} theme on ${background}: no violations`, async () => {
      const bank = loudBank();
      const { container } = render(<Page background={background} theme={theme} source={bank.source} />);
      await layout();
      loop.advance(120);
      await layout();
      expect(container.querySelectorAll('[data-meterkit]').length).toBeGreaterThanOrEqual(8);
      expect(describeViolations(await axeViolations(container))).toEqual([]);
    });
  }

  it('the dark default on a white page is reported (color-contrast): the check can fail', async () => {
    const bank = loudBank();
    const { container } = render(<Page background="#ffffff" source={bank.source} />);
    await layout();
    const found = await axeViolations(container, ['color-contrast']);
    expect(found.map((v) => v.id)).toEqual(['color-contrast']);
    // The page's own heading passes: what fails is meterkit's text.
    const targets = found[0].nodes.map((n) => container.querySelector(String(n.target[0])));
    expect(targets.length).toBeGreaterThan(3);
    expect(targets.every((el) => el?.closest('[data-meterkit]') !== null)).toBe(true);
  });
});
