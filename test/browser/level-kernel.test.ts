/**
 * The level kernels in real Chromium, through the worklet: the default engine measures with
 * WebAssembly SIMD (compiled synchronously inside the AudioWorkletGlobalScope from the bytes
 * embedded in the worklet file), `kernel: 'js'` forces the JavaScript kernel, and both publish
 * the same readings for the same signals (noise with NaN, ±Infinity, 1e38 and denormals, odd
 * channel counts, groups and a master bus).
 */
import { describe, it, expect } from 'vitest';
import { createMeterEngine as createFromSource, type MeterEngine } from '../../src/core/engine';
import { createTrackLevels } from '../../src/core/bank/reader';
import { workletUrl } from './worklet-url';
import { mulberry32 } from '../helpers/signals';

const SR = 48000;
const TRACKS = 11;

/** Deterministic noise with rare special values; a different level per channel. */
function signalBuffer(ctx: BaseAudioContext, seed: number, seconds: number): AudioBuffer {
  const buffer = new AudioBuffer({ numberOfChannels: 2, length: Math.round(seconds * SR), sampleRate: SR });
  const rand = mulberry32(seed);
  const special = [NaN, Infinity, -Infinity, 1e38, -1e38, 1e-40, -1e-45, 1.5];
  for (let c = 0; c < 2; c++) {
    const data = buffer.getChannelData(c);
    const level = [0.5, 0.02, 1e-30, 0.9][(seed + c) % 4];
    for (let i = 0; i < data.length; i++) {
      const r = rand();
      data[i] = r < 0.0005 ? special[Math.floor(rand() * special.length)] : (rand() * 2 - 1) * level * (1 + Math.sin(i / 300));
    }
  }
  void ctx;
  return buffer;
}

async function kernelOf(engine: MeterEngine): Promise<string | null> {
  for (let i = 0; i < 200 && engine.kernel === null; i++) await new Promise((r) => setTimeout(r, 5));
  return engine.kernel;
}

type Create = typeof createFromSource;

async function renderBoth(create: Create, url: string | undefined) {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
  const options = { tracks: TRACKS, channels: 2, groups: [[0, 3, 4]], master: true, holdMs: 20, rmsWindowMs: 7, ...(url ? { workletUrl: url } : {}) };
  const wasm = await create(ctx, options);
  const js = await create(ctx, { ...options, kernel: 'js' });
  for (let t = 0; t < TRACKS; t++) {
    const src = new AudioBufferSourceNode(ctx, { buffer: signalBuffer(ctx, t + 1, 0.37), loop: true });
    wasm.connect(src, t);
    js.connect(src, t);
    src.start(0);
  }
  await ctx.startRendering();
  return { wasm, js };
}

function expectSameReadings(a: MeterEngine, b: MeterEngine): number {
  const ra = a.createReader();
  const rb = b.createReader();
  let nonFinite = 0;
  for (let t = 0; t < a.bankTracks; t++) {
    const la = createTrackLevels(2);
    const lb = createTrackLevels(2);
    ra.readInto(t, la);
    rb.readInto(t, lb);
    for (const key of ['peak', 'decayingPeak', 'hold', 'rms', 'overs', 'nonFinite'] as const) {
      expect({ track: t, key, values: Array.from(la[key]) }).toEqual({ track: t, key, values: Array.from(lb[key]) });
    }
    nonFinite += la.nonFinite[0] + la.nonFinite[1];
    expect(la.rms[0]).toBeGreaterThan(0);
  }
  return nonFinite;
}

describe('level kernels through the worklet (Chromium)', () => {
  it('the shipped worklet (dist) measures with WebAssembly SIMD by default, JavaScript when asked, with the same readings', async () => {
    const dist = (await import(/* @vite-ignore */ new URL('../../dist/core.js', import.meta.url).href)) as typeof import('../../src/core/index');
    const { wasm, js } = await renderBoth(dist.createMeterEngine as Create, undefined);
    expect(await kernelOf(wasm)).toBe('wasm-simd');
    expect(await kernelOf(js)).toBe('js');
    expect(expectSameReadings(wasm, js)).toBeGreaterThan(0); // the special values reached the meters
    wasm.dispose();
    js.dispose();
  });

  it('the worklet built from source does the same (and reports its kernel before any rendering)', async () => {
    const ctx = new AudioContext({ sampleRate: SR });
    try {
      const engine = await createFromSource(ctx, { tracks: 3, workletUrl });
      expect(await kernelOf(engine)).toBe('wasm-simd');
      engine.dispose();
    } finally {
      await ctx.close();
    }
    const { wasm, js } = await renderBoth(createFromSource, workletUrl);
    expect(wasm.kernel).toBe('wasm-simd');
    expect(js.kernel).toBe('js');
    expectSameReadings(wasm, js);
    wasm.dispose();
    js.dispose();
  });

  it('rejects an unknown kernel with a RangeError naming the option and the value', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
    await expect(createFromSource(ctx, { tracks: 1, kernel: 'wasm' as never, workletUrl })).rejects.toThrow(/kernel must be one of "auto", "js", got "wasm"/);
  });
});
