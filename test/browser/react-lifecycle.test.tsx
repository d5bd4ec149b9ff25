/**
 * The React layer in real Chromium: engine lifecycle under StrictMode, zero commits while
 * levels move, accessibility updates, off-screen behaviour, hydration, bad props.
 */
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { Component, StrictMode, Profiler, useLayoutEffect, useState, type ReactNode } from 'react';
import { render, cleanup, act } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { useMeterEngine, MeterProvider, MeterBridge, LedMeter, PeakHoldMeter, ClipIndicator, MeterScale, useTrackMeters } from '../../src/react/index';
import type { MeterEngine } from '../../src/core/engine';
import { H_WRITER_STATE, WRITER_STOPPED } from '../../src/core/bank/layout';
import { getFrameLoop } from '../../src/core/frame-loop';
import { observerCounts } from '../../src/core/observers';
import { createManualBank } from '../../src/core/manual-bank';
import { workletUrl } from './worklet-url';
import { sleep } from './helpers';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

// These tests read canvas pixels (and view state) on the main thread: paint there. The render
// worker is tested with the same meters in render-worker.test.tsx.
beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));

const loop = getFrameLoop();
afterEach(() => {
  cleanup();
  loop.mode = 'auto';
});

/** Counts AudioWorkletNode constructions (the real class still does the work). */
function countWorkletNodes(): { count: number; restore: () => void } {
  const Original = globalThis.AudioWorkletNode;
  const counter = { count: 0, restore: () => void (globalThis.AudioWorkletNode = Original) };
  globalThis.AudioWorkletNode = class extends Original {
    constructor(...args: ConstructorParameters<typeof AudioWorkletNode>) {
      super(...args);
      counter.count++;
    }
  };
  return counter;
}

type Transport = 'shared' | 'message';
/** Every engine lifecycle test runs on both transports. */
const TRANSPORTS: readonly Transport[] = ['shared', 'message'];

function Mixer({
  context,
  tracks,
  transport,
  onEngine,
  children,
}: {
  context: AudioContext;
  tracks: number;
  transport: Transport;
  onEngine?: (e: MeterEngine | null) => void;
  children?: ReactNode;
}) {
  const { engine, status, error } = useMeterEngine(context, { tracks, channels: 2, workletUrl, transport });
  if (engine !== null && engine.transport !== transport) throw new Error(`expected the ${transport} transport, got ${engine.transport}`);
  onEngine?.(engine);
  return (
    <MeterProvider source={engine}>
      <div data-status={status}>{error ? error.message : null}</div>
      {children ?? <MeterBridge tracks={tracks} />}
    </MeterProvider>
  );
}

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

for (const transport of TRANSPORTS)
  describe(`${transport} transport: useMeterEngine`, () => {
    it('StrictMode mounts once: one engine; unmount disposes it and leaks nothing', async () => {
      const context = new AudioContext();
      const nodes = countWorkletNodes();
      let engine: MeterEngine | null = null;
      try {
        const { container, unmount } = render(
          <StrictMode>
            <Mixer context={context} tracks={4} transport={transport} onEngine={(e) => (engine = e ?? engine)} />
          </StrictMode>,
        );
        await waitFor(() => container.querySelector('[data-status="ready"]') !== null, 'the engine');
        expect(nodes.count).toBe(1);
        await sleep(100);
        expect(loop.subscriberCount).toBeGreaterThan(0);
        expect(observerCounts().resize).toBeGreaterThan(0);
        unmount();
        // Disposal is deferred by one task (StrictMode re-mounts cancel it); then the processor
        // acknowledges the stop on the audio thread.
        await expect.poll(() => engine!.disposed, { timeout: 5000 }).toBe(true);
        await expect.poll(() => Atomics.load(engine!.words, H_WRITER_STATE), { timeout: 5000 }).toBe(WRITER_STOPPED);
        expect(loop.subscriberCount).toBe(0);
        expect(observerCounts()).toEqual({ resize: 0, visibility: 0, pixelRatio: 0 });
        expect(nodes.count).toBe(1);
      } finally {
        nodes.restore();
        await context.close();
      }
    });

    it('exposes errors as state (bad options reject with the option named)', async () => {
      const context = new AudioContext();
      try {
        function Bad() {
          const { status, error } = useMeterEngine(context, { tracks: 0, workletUrl, transport });
          return <div data-status={status}>{error?.message}</div>;
        }
        const { container } = render(<Bad />);
        await waitFor(() => container.querySelector('[data-status="error"]') !== null, 'the error');
        expect(container.textContent).toMatch(/tracks must be an integer from 1 to 1024, got 0/);
      } finally {
        await context.close();
      }
    });
  });

for (const transport of TRANSPORTS)
  describe(`${transport} transport: zero React churn`, () => {
    it('five seconds of moving levels after mount cause zero commits', async () => {
      const context = new AudioContext();
      try {
        let commits = 0;
        let engine: MeterEngine | null = null;
        const { container } = render(
          <Profiler id="mixer" onRender={() => commits++}>
            <Mixer context={context} tracks={8} transport={transport} onEngine={(e) => (engine = e ?? engine)} />
          </Profiler>,
        );
        await waitFor(() => container.querySelector('[data-status="ready"]') !== null, 'the engine');
        for (let t = 0; t < 8; t++) {
          // A 440 Hz tone whose level swings with a slow LFO, so every meter keeps moving.
          const carrier = new OscillatorNode(context, { frequency: 440 });
          const lfo = new OscillatorNode(context, { frequency: 0.7 + t * 0.3 });
          const vca = new GainNode(context, { gain: 0 });
          lfo.connect(vca.gain);
          carrier.connect(vca).connect(engine!.input(t));
          carrier.start();
          lfo.start();
        }
        await sleep(300);
        const canvas = container.querySelector('[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]') as HTMLCanvasElement;
        const before = commits;
        const framesBefore = loop.frameCount;
        const snapshots = new Set<string>();
        const t0 = performance.now();
        while (performance.now() - t0 < 5000) {
          await sleep(250);
          snapshots.add(canvas.toDataURL());
        }
        expect(loop.frameCount - framesBefore).toBeGreaterThan(100); // the loop really ran
        expect(snapshots.size).toBeGreaterThan(5); // and the meters really moved
        expect(commits - before).toBe(0);
      } finally {
        await context.close();
      }
    });
  });

describe('accessibility', () => {
  it('role="meter" with label and range; aria-valuenow written directly at about 2 Hz', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 2, channels: 2 });
    let commits = 0;
    const { container } = render(
      <Profiler id="a11y" onRender={() => commits++}>
        <LedMeter source={bank.source} track={1} label="Lead vocal" pixelRatio={1} />
      </Profiler>,
    );
    const meter = container.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-label')).toBe('Lead vocal');
    expect(meter.getAttribute('aria-valuemin')).toBe('-60');
    expect(meter.getAttribute('aria-valuemax')).toBe('0');
    const mounted = commits;
    bank.set(1, [{ levelDb: -12.44 }, { levelDb: -20 }]);
    loop.advance(16);
    expect(meter.getAttribute('aria-valuenow')).toBe('-12.4');
    expect(meter.getAttribute('aria-valuetext')).toBe('-12.4 dBFS');
    bank.set(1, { levelDb: -3, overs: 2 });
    loop.advance(100); // 116 ms since the last update: too soon
    expect(meter.getAttribute('aria-valuenow')).toBe('-12.4');
    for (let i = 0; i < 25; i++) loop.advance(16); // past 500 ms
    expect(meter.getAttribute('aria-valuenow')).toBe('-3');
    expect(meter.getAttribute('aria-valuetext')).toBe('-3.0 dBFS, clipped');
    expect(meter.getAttribute('aria-live')).toBeNull();
    expect(commits).toBe(mounted);
  });

  it('the clip indicator is a keyboard-reachable button', () => {
    const bank = createManualBank({ tracks: 1 });
    const { container } = render(<ClipIndicator source={bank.source} label="Master" />);
    const button = container.querySelector('button')!;
    button.focus();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Master clip: no clip. Press to reset.');
  });
});

describe('off-screen meters', () => {
  it('stop drawing while off-screen and catch up when visible again', async () => {
    loop.mode = 'demand';
    // Count IntersectionObserver deliveries, to wait for them instead of sleeping.
    const Original = globalThis.IntersectionObserver;
    let deliveries = 0;
    globalThis.IntersectionObserver = class extends Original {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        super((entries, observer) => {
          deliveries++;
          callback(entries, observer);
        }, options);
      }
    };
    try {
      const bank = createManualBank({ tracks: 1, channels: 1 });
      bank.set(0, { levelDb: -40 });
      const { container } = render(
        <div style={{ height: 300, overflow: 'auto' }} data-testid="scroller">
          <div style={{ height: 5000 }}>
            <LedMeter source={bank.source} width={10} height={100} pixelRatio={1} clipSize={0} />
          </div>
        </div>,
      );
      const scroller = container.querySelector('[data-testid="scroller"]')!;
      const canvas = container.querySelector('canvas')!;
      await expect.poll(() => deliveries, { timeout: 5000 }).toBeGreaterThan(0);
      await expect.poll(() => canvas.width, { timeout: 5000 }).toBe(10);
      loop.advance();
      const visibleImage = canvas.toDataURL();
      let seen = deliveries;
      scroller.scrollTop = 4000;
      await expect.poll(() => deliveries, { timeout: 5000 }).toBeGreaterThan(seen);
      bank.set(0, { levelDb: -1 });
      loop.advance();
      expect(canvas.toDataURL()).toBe(visibleImage); // not drawn while hidden
      seen = deliveries;
      scroller.scrollTop = 0;
      await expect.poll(() => deliveries, { timeout: 5000 }).toBeGreaterThan(seen);
      loop.advance();
      expect(canvas.toDataURL()).not.toBe(visibleImage); // redrawn with the new level
    } finally {
      globalThis.IntersectionObserver = Original;
    }
  });
});

describe('server rendering and hydration', () => {
  it('hydrates every component without mismatch', async () => {
    const bank = createManualBank({ tracks: 4, channels: 2 });
    const tree = (
      <MeterProvider source={bank.source}>
        <MeterBridge labels={['Kick', 'Snare', 'Bass', 'Vox']} />
        <LedMeter track={1} />
        <PeakHoldMeter track={2} orientation="horizontal" />
        <ClipIndicator track={3} />
        <MeterScale />
      </MeterProvider>
    );
    const html = renderToString(tree);
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.appendChild(host);
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      let root: ReturnType<typeof hydrateRoot> | undefined;
      await act(async () => {
        root = hydrateRoot(host, tree, { onRecoverableError: (e) => errors.push(e) });
      });
      expect(errors).toEqual([]);
      expect(host.innerHTML.length).toBeGreaterThan(0);
      expect(host.querySelectorAll('[role="meter"]').length).toBe(6);
      await act(async () => root!.unmount());
    } finally {
      console.error = consoleError;
      host.remove();
    }
  });
});

describe('bad props', () => {
  const bank = createManualBank({ tracks: 2, channels: 2 });
  const renders = (el: ReactNode) => () => renderToString(el);
  it('name the component, the prop and the value', () => {
    expect(renders(<LedMeter source={bank.source} track={2} />)).toThrow(/LedMeter: track must be an integer from 0 to 1, got 2/);
    expect(renders(<LedMeter source={bank.source} track={-1} />)).toThrow(/got -1/);
    expect(renders(<LedMeter source={bank.source} orientation={'diagonal' as never} />)).toThrow(
      /LedMeter: orientation must be one of "vertical", "horizontal", got "diagonal"/,
    );
    expect(renders(<LedMeter source={bank.source} height={0} />)).toThrow(/LedMeter: height must be a positive size .* got 0/);
    expect(renders(<PeakHoldMeter source={bank.source} width="0px" />)).toThrow(/PeakHoldMeter: width must be a positive size/);
    expect(renders(<LedMeter source={bank.source} segments={1} />)).toThrow(/LedMeter: segments must be an integer from 2 to 200, got 1/);
    expect(renders(<MeterBridge source={bank.source} tracks={[0, 5]} />)).toThrow(/MeterBridge: tracks\[1\] must be an integer from 0 to 1, got 5/);
    expect(renders(<MeterBridge source={bank.source} labels={['a']} />)).toThrow(/labels must have one entry per shown track \(2\), got 1/);
    expect(renders(<ClipIndicator source={bank.source} track={7} />)).toThrow(/ClipIndicator: track must be an integer from 0 to 1, got 7/);
    expect(renders(<MeterScale side={'up' as never} />)).toThrow(/MeterScale: side must be one of "left", "right", got "up"/);
    function Hook() {
      useTrackMeters(3, { source: bank.source });
      return null;
    }
    expect(renders(<Hook />)).toThrow(/useTrackMeters: track must be an integer from 0 to 1, got 3/);
  });
});

describe('bad props reach an error boundary', () => {
  it('a render-time TypeError/RangeError naming the component and prop; the rest of the page keeps running', () => {
    const bank = createManualBank({ tracks: 1 });
    const caught: Error[] = [];
    class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
      override state = { error: null as Error | null };
      static getDerivedStateFromError(error: Error) {
        return { error };
      }
      override componentDidCatch(error: Error) {
        caught.push(error);
      }
      override render() {
        return this.state.error ? <p data-testid="fallback">{this.state.error.message}</p> : this.props.children;
      }
    }
    const consoleError = console.error;
    console.error = () => {}; // React logs caught render errors
    try {
      const { container } = render(
        <div>
          <Boundary>
            <LedMeter source={bank.source} width="-20px" />
          </Boundary>
          <Boundary>
            <ClipIndicator source={bank.source} onReset={'abc' as never} />
          </Boundary>
          <LedMeter source={bank.source} label="Still here" />
        </div>,
      );
      expect(caught.map((e) => [e.name, e.message.split(',')[0]])).toEqual([
        ['RangeError', 'LedMeter: width must be a positive size (a number of CSS px'],
        ['TypeError', 'ClipIndicator: onReset must be a function'],
      ]);
      expect(container.querySelectorAll('[data-testid="fallback"]').length).toBe(2);
      expect(container.querySelector('[aria-label="Still here"]')).not.toBeNull();
    } finally {
      console.error = consoleError;
    }
  });
});

describe('useTrackMeters', () => {
  it('exposes levels through a ref and a per-frame callback, never state', async () => {
    loop.mode = 'demand';
    const bank = createManualBank({ tracks: 1, channels: 2 });
    const seen: number[] = [];
    let renders = 0;
    let ref: ReturnType<typeof useTrackMeters> | null = null;
    function Readout() {
      renders++;
      const [label] = useState('x');
      const meters = useTrackMeters(0, { source: bank.source, onFrame: (levels) => seen.push(levels.decayingPeak[0]) });
      useLayoutEffect(() => {
        ref = meters;
      });
      return <span>{label}</span>;
    }
    render(<Readout />);
    bank.set(0, { levelDb: -6 });
    loop.advance();
    bank.set(0, { levelDb: -20 });
    loop.advance();
    expect(seen.map((v) => Math.round(20 * Math.log10(v)))).toEqual([-6, -20]);
    expect(Math.round(20 * Math.log10(ref!.current!.decayingPeak[1]))).toBe(-20);
    expect(renders).toBe(1);
  });
});
