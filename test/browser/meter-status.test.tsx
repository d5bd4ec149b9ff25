/**
 * "Why is the meter silent?" in real Chromium, on both transports: a real AudioContext is
 * suspended and resumed; the status, the meters' aria text and dimming, and <MeterStatus> with
 * its resume button follow it. Also no-signal, no-source after dispose, and error from a
 * failed engine.
 */
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { Profiler } from 'react';
import { render, cleanup, act } from '@testing-library/react';
import { LedMeter, MeterBridge, MeterProvider, MeterStatus, useMeterStatus, useMeterEngine } from '../../src/react/index';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { meterStatus } from '../../src/core/meter-status';
import { watchedStatusCount } from '../../src/core/status-watch';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';
import { workletUrl } from './worklet-url';
import { sleep } from './helpers';

beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));

const live: MeterEngine[] = [];
afterEach(() => {
  cleanup();
  for (const e of live.splice(0)) e.dispose();
});

function tone(ctx: AudioContext, engine: MeterEngine, track: number, gain = 0.5): void {
  const osc = new OscillatorNode(ctx, { frequency: 440 });
  osc.connect(new GainNode(ctx, { gain })).connect(engine.input(track));
  osc.start();
}

for (const transport of ['shared', 'message'] as const) {
  describe(`${transport} transport: meter status`, () => {
    it('suspend → "suspended", dimmed meters that say "audio suspended"; the MeterStatus button resumes', async () => {
      const ctx = new AudioContext();
      try {
        const engine = await createMeterEngine(ctx, { tracks: 2, channels: 2, workletUrl, transport });
        live.push(engine);
        expect(engine.transport).toBe(transport);
        tone(ctx, engine, 0);
        tone(ctx, engine, 1);
        // Until the processor's first publish the bank is 'stale' (not started): start from live.
        await expect.poll(() => meterStatus(engine), { timeout: 5000 }).toBe('live');
        const seen: string[] = [];
        let statusRenders = 0;
        function Status() {
          statusRenders++;
          const status = useMeterStatus();
          return <output data-testid="hook">{status}</output>;
        }
        const { container } = render(
          <MeterProvider source={engine}>
            <LedMeter track={0} label="Lead" />
            <MeterBridge tracks={2} />
            <Status />
            <MeterStatus source={engine} onStatus={(s) => seen.push(s)} />
          </MeterProvider>,
        );
        const hook = container.querySelector('[data-testid="hook"]')!;
        const led = container.querySelector('[data-meterkit="LedMeter"]') as HTMLElement;
        const bridge = container.querySelector('[data-meterkit="MeterBridge"]') as HTMLElement;
        await expect.poll(() => hook.textContent, { timeout: 5000 }).toBe('live');
        await expect.poll(() => led.getAttribute('aria-valuetext'), { timeout: 5000 }).toMatch(/^-\d+\.\d dBFS$/);
        expect(container.querySelector('[data-meterkit="MeterStatus"]')).toBeNull(); // live: nothing to say
        // Levels move for a second: the status hook does not render again.
        const rendersLive = statusRenders;
        await sleep(1000);
        expect(statusRenders).toBe(rendersLive);

        await act(async () => {
          await ctx.suspend();
        });
        expect(meterStatus(engine)).toBe('suspended');
        await expect.poll(() => hook.textContent, { timeout: 5000 }).toBe('suspended');
        await expect.poll(() => led.getAttribute('aria-valuetext'), { timeout: 5000 }).toBe('audio suspended');
        const bridgeMeters = [...container.querySelectorAll('[data-meterkit="MeterBridge"] [role="meter"]')];
        await expect.poll(() => bridgeMeters.map((m) => m.getAttribute('aria-valuetext')), { timeout: 5000 }).toEqual(['audio suspended', 'audio suspended']);
        expect(led.getAttribute('data-suspended')).toBe('true');
        expect(getComputedStyle(led).opacity).toBe('0.45');
        expect(bridge.getAttribute('data-suspended')).toBe('true');
        const box = container.querySelector('[data-meterkit="MeterStatus"]')!;
        expect(box.getAttribute('data-meter-status')).toBe('suspended');
        expect(box.textContent).toContain('Audio suspended');
        const button = box.querySelector('button')!;
        expect(button.textContent).toBe('Resume audio');

        await act(async () => button.click());
        await expect.poll(() => ctx.state, { timeout: 5000 }).toBe('running');
        await expect.poll(() => hook.textContent, { timeout: 5000 }).toBe('live');
        await expect.poll(() => led.getAttribute('aria-valuetext'), { timeout: 5000 }).toMatch(/^-\d+\.\d dBFS$/);
        expect(led.getAttribute('data-suspended')).toBeNull();
        expect(getComputedStyle(led).opacity).toBe('1');
        expect(container.querySelector('[data-meterkit="MeterStatus"]')).toBeNull();
        expect(seen).toEqual(['live', 'suspended', 'live']);
        cleanup();
        expect(watchedStatusCount()).toBe(0); // the poll stops with its last watcher
      } finally {
        await ctx.close();
      }
    });

    it('no input → "no-signal" after the floor time; a tone → "live"; dispose → "no-source"', async () => {
      const ctx = new AudioContext();
      try {
        const engine = await createMeterEngine(ctx, { tracks: 1, channels: 1, workletUrl, transport });
        live.push(engine);
        await expect.poll(() => engine.bank.heartbeat, { timeout: 5000 }).toBeGreaterThan(0);
        const t0 = performance.now();
        expect(meterStatus(engine, { noSignalMs: 300, nowMs: t0 })).toBe('live'); // not silent for long yet
        expect(meterStatus(engine, { noSignalMs: 300, nowMs: t0 + 299 })).toBe('live');
        expect(meterStatus(engine, { noSignalMs: 300, nowMs: t0 + 301 })).toBe('no-signal');
        tone(ctx, engine, 0, 0.01); // -40 dBFS: above the -90 dBFS floor
        await expect.poll(() => meterStatus(engine, { noSignalMs: 300 }), { timeout: 5000 }).toBe('live');
        expect(meterStatus(engine, { floorDb: -20, noSignalMs: 0 })).toBe('no-signal'); // below a -20 dBFS floor
        engine.dispose();
        expect(meterStatus(engine)).toBe('no-source');
      } finally {
        await ctx.close();
      }
    });

    it('a failed engine says "error" through the provider; no engine says "no-source"', async () => {
      const ctx = new AudioContext();
      try {
        function App({ tracks }: { tracks: number }) {
          const { engine, error } = useMeterEngine(ctx, { tracks, workletUrl, transport });
          return (
            <MeterProvider source={engine} error={error}>
              <MeterStatus />
            </MeterProvider>
          );
        }
        const { container, rerender } = render(<App tracks={0} />);
        await expect.poll(() => container.querySelector('[data-meterkit="MeterStatus"]')?.getAttribute('data-meter-status'), { timeout: 5000 }).toBe('error');
        expect(container.textContent).toContain('Metering failed');
        rerender(
          <MeterProvider source={null}>
            <MeterStatus />
          </MeterProvider>,
        );
        expect(container.querySelector('[data-meterkit="MeterStatus"]')!.getAttribute('data-meter-status')).toBe('no-source');
      } finally {
        await ctx.close();
      }
    });
  });
}

describe('status is not per frame', () => {
  it('a bridge of 16 moving meters and 16 status hooks: zero commits while levels move', async () => {
    const ctx = new AudioContext();
    try {
      const engine = await createMeterEngine(ctx, { tracks: 16, channels: 2, workletUrl });
      live.push(engine);
      for (let t = 0; t < 16; t++) tone(ctx, engine, t, 0.05 * (t + 1));
      let commits = 0;
      function S() {
        return <span>{useMeterStatus()}</span>;
      }
      render(
        <Profiler id="s" onRender={() => commits++}>
          <MeterProvider source={engine}>
            <MeterBridge tracks={16} />
            {Array.from({ length: 16 }, (_, i) => (
              <S key={i} />
            ))}
          </MeterProvider>
        </Profiler>,
      );
      await expect.poll(() => meterStatus(engine), { timeout: 5000 }).toBe('live');
      await sleep(300);
      const before = commits;
      await sleep(1500);
      expect(commits - before).toBe(0);
      expect(watchedStatusCount()).toBe(1); // one poll for the source, however many watchers
    } finally {
      await ctx.close();
    }
  });
});
