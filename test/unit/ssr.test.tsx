/**
 * Server rendering in plain Node: no window, no document, no AudioContext, no rAF.
 */
import { describe, it, expect } from 'vitest';
import { renderToString } from 'react-dom/server';
import * as meterkit from '../../src/index';
import {
  MeterProvider,
  MeterBridge,
  LedMeter,
  PeakHoldMeter,
  ClipIndicator,
  MeterScale,
  LoudnessMeter,
  CorrelationMeter,
  Goniometer,
  SpectrumMeter,
  MeterStatus,
  useMeterEngine,
} from '../../src/index';

describe('SSR', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof AudioContext).toBe('undefined');
    expect(Object.keys(meterkit).length).toBeGreaterThan(20); // importing touched nothing missing
  });

  it('renders every component to a string, with a source and without one', () => {
    const bank = meterkit.createManualBank({ tracks: 3, channels: 2 });
    for (const source of [bank.source, null]) {
      const html = renderToString(
        <MeterProvider source={source}>
          <MeterBridge tracks={3} labels={['Kick', 'Bass', 'Vox']} />
          <LedMeter track={0} label="Kick level" />
          <PeakHoldMeter track={1} orientation="horizontal" />
          <ClipIndicator track={2} label="Vox" />
          <MeterScale />
        </MeterProvider>,
      );
      expect(html).toContain('role="meter"');
      expect(html).toContain('aria-label="Kick level"');
      expect(html).toContain('aria-valuemin="-60"');
      expect(html).toContain('aria-valuetext="silent"');
      expect(html).toContain('Vox clip: no clip. Press to reset.');
      expect((html.match(/role="meter"/g) ?? []).length).toBe(5);
      expect(html).toContain('<canvas');
    }
  });

  it('renders the broadcast and pro components too: loudness, correlation, goniometer, spectrum, status', () => {
    const bank = meterkit.createManualBank({ tracks: 2, channels: 2 });
    for (const source of [bank.source, null]) {
      const html = renderToString(
        <MeterProvider source={source}>
          <LoudnessMeter track={1} label="Programme" />
          <CorrelationMeter track={1} />
          <Goniometer track={1} scope={null} />
          <SpectrumMeter track={1} spectrum={null} />
          <MeterStatus />
        </MeterProvider>,
      );
      expect(html).toContain('aria-label="Programme: momentary"');
      expect(html).toContain('aria-label="Phase correlation"');
      expect(html).toContain('aria-label="Goniometer, no signal"');
      expect(html).toContain('aria-label="Spectrum, no signal"');
      expect((html.match(/<canvas/g) ?? []).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('useMeterEngine stays idle on the server', () => {
    function App() {
      const { status, engine } = useMeterEngine(null, { tracks: 2 });
      return <span>{`${status}:${engine === null}`}</span>;
    }
    expect(renderToString(<App />)).toContain('idle:true');
  });
});
