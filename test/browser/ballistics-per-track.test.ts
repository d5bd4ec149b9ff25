/**
 * §4 of issue 15 through the real worklet in Chromium: two tracks of one engine run different
 * ballistics (VU on track 0, EBU PPM on track 1, digital peak on the master bus) and read the
 * same 1 kHz burst differently — each exactly as a standalone meter of its preset reads it.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { createTrackLevels } from '../../src/core/bank/reader';
import { BallisticMeter } from '../../src/dsp/ballistics';
import { scaleForBallistics } from '../../src/core/render/scale';
import { workletUrl } from './worklet-url';
import { makeBuffer, play } from './helpers';

const SR = 48000;
const live: MeterEngine[] = [];
afterEach(() => {
  for (const e of live.splice(0)) e.dispose();
});

const AMPLITUDE = 10 ** (-18 / 20);
const tone = (i: number) => AMPLITUDE * Math.sin((2 * Math.PI * 1000 * i) / SR);

/** What a standalone meter of `preset` reads after `samples` of the tone (the same float32 samples). */
function expected(preset: 'vu' | 'ppm-ebu', samples: number): number {
  const m = new BallisticMeter({ sampleRate: SR, preset });
  const x = new Float32Array(samples);
  for (let i = 0; i < samples; i++) x[i] = tone(i);
  m.process(x);
  return m.level;
}

async function burst(samples: number, ballistics: Parameters<typeof createMeterEngine>[1]['ballistics']) {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: samples, sampleRate: SR });
  const engine = await createMeterEngine(ctx, { tracks: 2, channels: 1, master: true, workletUrl, ballistics });
  live.push(engine);
  for (let t = 0; t < 2; t++)
    play(
      ctx,
      makeBuffer(ctx, 1, samples, (_c, i) => tone(i)),
      engine.input(t),
    );
  await ctx.startRendering();
  return engine;
}

describe('a ballistics preset per track, through the worklet', () => {
  it('VU on one track, EBU PPM on another: a 10.7 ms burst reads 2 dB low on the PPM and far lower on the VU', async () => {
    const samples = 512; // four render quanta, 10.67 ms
    const engine = await burst(samples, { 0: 'vu', 1: 'ppm-ebu' }); // master: digital peak (the default)
    expect(engine.ballisticsOf(0)).toEqual({ preset: 'vu', referenceDb: -18 });
    expect(engine.ballisticsOf(1)).toEqual({ preset: 'ppm-ebu', referenceDb: -18 });
    expect(engine.ballisticsOf(engine.masterTrack)).toEqual({ preset: 'digital-peak', referenceDb: 0 });
    expect(() => engine.ballisticsOf(3)).toThrow(/track must be an integer from 0 to 2, got 3/);

    const l = createTrackLevels(1);
    engine.bank.readInto(0, l);
    const vuDb = 20 * Math.log10(l.ballistic[0]);
    expect(l.ballistic[0]).toBeCloseTo(expected('vu', samples), 6);
    expect(vuDb).toBeLessThan(-18 - 8);

    engine.bank.readInto(1, l);
    const ppmDb = 20 * Math.log10(l.ballistic[0]);
    expect(l.ballistic[0]).toBeCloseTo(expected('ppm-ebu', samples), 6);
    expect(ppmDb).toBeGreaterThan(-18 - 2.5);
    expect(ppmDb).toBeLessThan(-18 - 1);

    engine.bank.readInto(engine.masterTrack, l); // the sum of two equal tones: +6.02 dB, decaying peak
    expect(l.ballistic[0]).toBe(l.decayingPeak[0]);
    expect(20 * Math.log10(l.ballistic[0])).toBeCloseTo(-18 + 6.02, 1);
  });

  it("an array of one preset per bank track; each track's scale follows its preset", async () => {
    const samples = 48000; // 1 s steady: both read the tone's amplitude (VU 99 % at 300 ms)
    const engine = await burst(samples, ['ppm-ebu', { preset: 'vu', referenceDb: -20 }, 'k-14']);
    const l = createTrackLevels(1);
    engine.bank.readInto(0, l);
    expect(20 * Math.log10(l.ballistic[0])).toBeCloseTo(-18, 1);
    engine.bank.readInto(1, l);
    expect(Math.abs(20 * Math.log10(l.ballistic[0]) + 18)).toBeLessThan(0.2);
    const vuScale = scaleForBallistics(engine.ballisticsOf(1));
    expect(vuScale.referenceDb).toBeCloseTo(-20, 6); // 0 VU at -20 dBFS on this track's scale
    expect(scaleForBallistics(engine.ballisticsOf(2)).referenceDb).toBeCloseTo(-14, 6);
  });

  it('a bad per-track entry is rejected where the options enter, naming the entry', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
    await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, ballistics: ['vu', 'bbc' as never] })).rejects.toThrow(
      /ballistics\[1\]: preset must be one of .*"ppm-bbc".*got "bbc"/,
    );
    await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, ballistics: ['vu'] })).rejects.toThrow(
      /one entry per bank track .* = 2\), got an array of length 1/,
    );
  });
});
