/**
 * Meters in time with the sound, in real Chromium: an engine on an AudioContext shows its bank
 * through a DelayedSource with the latency the context reports (or one given), an offline or
 * unaligned engine shows the bank itself, components given the engine read the aligned view,
 * and a meter lights only when its audio is heard (pixels, demand-mode frames); the goniometer
 * draws the samples being heard (its ring read the latency behind the newest frame).
 */
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { render, cleanup } from '@testing-library/react';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { DelayedSource, outputLatencyMs, baseLatencyMs } from '../../src/core/delayed-source';
import { toMeterSource } from '../../src/core/meter-source';
import { createManualBank } from '../../src/core/manual-bank';
import { getFrameLoop } from '../../src/core/frame-loop';
import { DEFAULT_COLORS } from '../../src/core/render/style';
import { LedMeter, Goniometer, SpectrumMeter } from '../../src/react/index';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';
import { pixel, isColor, canvasOf, traceHeight } from './canvas-pixels';
import { workletUrl } from './worklet-url';

const live: { engine: MeterEngine; context: BaseAudioContext }[] = [];
afterEach(async () => {
  cleanup();
  for (const { engine, context } of live.splice(0)) {
    engine.dispose();
    if (context instanceof AudioContext && context.state !== 'closed') await context.close();
  }
});
beforeAll(() => setDefaultRenderMode('main'));
afterAll(() => setDefaultRenderMode('auto'));

async function engineOn(context: BaseAudioContext, alignToOutput?: boolean | { latencyMs: number }) {
  const engine = await createMeterEngine(context, { tracks: 1, workletUrl, alignToOutput });
  live.push({ engine, context });
  return engine;
}

describe('alignToOutput', () => {
  it('on an AudioContext: the reported output latency, followed once 3 s have been rendered (baseLatency until then); components read the aligned view', async () => {
    const context = new AudioContext();
    // Count the engine's reads of outputLatency (an own getter over the prototype's): none may
    // happen while the stream starts (a read then can hang Firefox), see latency-gate.ts.
    let reads = 0;
    const reported = 0.123;
    Object.defineProperty(context, 'outputLatency', {
      configurable: true,
      get: () => {
        reads++;
        return reported;
      },
    });
    const engine = await engineOn(context);
    expect(engine.meterSource).toBeInstanceOf(DelayedSource);
    expect(reads).toBe(0);
    expect(engine.outputLatencyMs).toBeCloseTo(baseLatencyMs(context), 6);
    await context.resume();
    const t0 = performance.now();
    while (engine.outputLatencyMs < 100 && performance.now() - t0 < 9000) await new Promise((r) => setTimeout(r, 50));
    expect(context.currentTime).toBeGreaterThanOrEqual(3);
    expect(reads).toBeGreaterThan(0);
    expect(engine.outputLatencyMs).toBeCloseTo(outputLatencyMs(context), 6);
    expect(engine.outputLatencyMs).toBeCloseTo(123 + baseLatencyMs(context), 6);
    expect((engine.meterSource as DelayedSource).inner).toBe(engine.bank);
    expect(toMeterSource(engine)).toBe(engine.meterSource);
  });

  it('a latency given is used as is; false shows the bank as measured; an OfflineAudioContext has none', async () => {
    const fixed = await engineOn(new AudioContext(), { latencyMs: 150 });
    expect(fixed.outputLatencyMs).toBe(150);
    const off = await engineOn(new AudioContext(), false);
    expect(off.meterSource).toBe(off.bank);
    expect(off.outputLatencyMs).toBe(0);
    const offline = await engineOn(new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: 48000 }));
    expect(offline.meterSource).toBe(offline.bank);
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: 48000 });
    await expect(createMeterEngine(ctx, { tracks: 1, workletUrl, alignToOutput: { latencyMs: 5000 } })).rejects.toThrow(
      /alignToOutput.latencyMs must be .*0 to 2000.*got 5000/,
    );
    await expect(createMeterEngine(ctx, { tracks: 1, workletUrl, alignToOutput: 'yes' as never })).rejects.toThrow(
      /alignToOutput must be true, false or \{ latencyMs \}/,
    );
  });

  it('the goniometer draws the samples being heard: a tone shows 600 ms after it starts with latencyMs 600, at once without; it and the spectrum dim while suspended', async () => {
    const context = new AudioContext();
    const options = { tracks: 1, channels: 2, scope: [0], workletUrl };
    const aligned = await createMeterEngine(context, { ...options, spectrum: [0], alignToOutput: { latencyMs: 600 } });
    const control = await createMeterEngine(context, { ...options, alignToOutput: false });
    live.push({ engine: aligned, context }, { engine: control, context }); // (the context is closed once)
    const { container } = render(
      <div>
        <Goniometer source={aligned} scope={aligned} size={101} pixelRatio={1} showCorrelation={false} data-testid="aligned" />
        <Goniometer source={control} scope={control} size={101} pixelRatio={1} showCorrelation={false} data-testid="control" />
        <SpectrumMeter source={aligned} spectrum={aligned} data-testid="spectrum" />
      </div>,
    );
    // The figure's height in device px: a mono sine at 0.5 is a vertical line ±25 px; silence a dot.
    const height = (id: string) => {
      const canvas = container.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement;
      return traceHeight(canvas.getContext('2d')!.getImageData(0, 0, 101, 101), 45, 56);
    };
    await new Promise((r) => setTimeout(r, 300));
    expect(height('aligned')).toBeLessThan(10);
    const tone = new OscillatorNode(context, { frequency: 250 });
    const gain = new GainNode(context, { gain: 0.5 });
    tone.connect(gain);
    aligned.connect(gain, 0);
    control.connect(gain, 0);
    const startedAt = context.currentTime; // the tone reaches the rings from this audio time on
    tone.start();
    const shownAt = { aligned: NaN, control: NaN };
    while (Number.isNaN(shownAt.aligned) && context.currentTime - startedAt < 5) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = context.currentTime - startedAt;
      for (const id of ['aligned', 'control'] as const) if (Number.isNaN(shownAt[id]) && height(id) > 40) shownAt[id] = now;
    }
    tone.stop();
    // In audio time (what the rings count), so a slow frame cannot make the delay look shorter.
    expect(shownAt.control).toBeLessThan(0.5); // (a long frame on a loaded machine can delay it a little)
    // (currentTime on this thread trails the audio thread by up to a render callback: 50 ms slack)
    expect(shownAt.aligned).toBeGreaterThanOrEqual(0.6 - 0.05);
    expect(shownAt.aligned).toBeLessThan(0.6 + 1);
    // Dimmed while the context is suspended, like every meter.
    const suspended = (id: string) => container.querySelector(`[data-testid="${id}"]`)!.getAttribute('data-suspended');
    expect([suspended('aligned'), suspended('spectrum')]).toEqual([null, null]);
    await context.suspend();
    await expect.poll(() => [suspended('aligned'), suspended('spectrum')], { timeout: 3000 }).toEqual(['true', 'true']);
    await context.resume();
    await expect.poll(() => [suspended('aligned'), suspended('spectrum')], { timeout: 3000 }).toEqual([null, null]);
  });

  it('a meter lights when its audio is heard: 200 ms after it was measured', async () => {
    const loop = getFrameLoop();
    loop.mode = 'demand';
    try {
      const bank = createManualBank({ tracks: 1, channels: 1 });
      const delayed = new DelayedSource(bank.source, 200);
      const { container } = render(<LedMeter source={delayed} channels={1} width={10} height={100} pixelRatio={1} clipSize={0} segments={10} />);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      loop.advance(16);
      bank.set(0, { levelDb: 0 });
      const top = () => isColor(pixel(canvasOf(container), 5, 2), DEFAULT_COLORS.high);
      let litAt = -1;
      for (let t = 0; t <= 400 && litAt < 0; t += 16) {
        loop.advance(16);
        if (top()) litAt = t;
      }
      expect(litAt).toBeGreaterThanOrEqual(184);
      expect(litAt).toBeLessThanOrEqual(216);
    } finally {
      loop.mode = 'auto';
    }
  });
});
