/**
 * The one-third-octave spectrum through the real worklet in Chromium, on both transports: a
 * 1 kHz sine of amplitude 0.5 into an analysed track reads −6.0 dB in the 1 kHz band (and far
 * less two bands away) in the engine's spectrum bank; the master bus is analysed as summed;
 * tracks not analysed are refused by name.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { workletUrl } from './worklet-url';
import { makeBuffer, play } from './helpers';

const SR = 48000;
const live: MeterEngine[] = [];
afterEach(() => {
  for (const e of live.splice(0)) e.dispose();
});

for (const transport of ['shared', 'message'] as const) {
  describe(`spectrum, ${transport} transport`, () => {
    it('a 1 kHz sine reads its level in the 1 kHz band; the master bus is analysed as summed', async () => {
      const length = SR; // 1 s
      const ctx = new OfflineAudioContext({ numberOfChannels: 1, length, sampleRate: SR });
      const engine = await createMeterEngine(ctx, { tracks: 2, channels: 2, master: true, transport, workletUrl, spectrum: [0, 2] });
      live.push(engine);
      expect(engine.spectrumWords!.buffer instanceof SharedArrayBuffer).toBe(transport === 'shared');
      play(
        ctx,
        makeBuffer(ctx, 2, length, (_c, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / SR)),
        engine.input(0),
      );
      play(
        ctx,
        makeBuffer(ctx, 2, length, (_c, i) => 0.25 * Math.sin((2 * Math.PI * 125 * i) / SR)),
        engine.input(1),
      );
      await ctx.startRendering();
      await engine.flush();
      const reader = engine.createSpectrumReader();
      const levels = new Float32Array(31);
      const holds = new Float32Array(31);
      expect(reader.readInto(reader.slotOf(0), levels, holds)).toBeGreaterThan(50); // ≈ 100 publishes a second
      expect(levels[17]).toBeGreaterThan(-6.5);
      expect(levels[17]).toBeLessThan(-5.5);
      expect(holds[17]).toBeGreaterThanOrEqual(levels[17]);
      expect(levels[15]).toBeLessThan(levels[17] - 30);
      expect(levels[8]).toBeLessThan(levels[17] - 70); // 125 Hz is only on track 1: the class 1 floor
      reader.readInto(reader.slotOf(engine.masterTrack), levels, holds);
      expect(levels[17]).toBeCloseTo(-6.0, 0);
      expect(levels[8]).toBeCloseTo(-12.0, 0); // the 125 Hz band of the sum
      expect(() => reader.slotOf(1)).toThrow(/bank track 1 has no spectrum; analysed tracks: \[0, 2\]/);
      expect(() => engine.resetSpectrumHolds(1)).toThrow(/bank track 1 has no spectrum/);
    });
  });
}

describe('spectrum options', () => {
  it('are validated, naming the option and the value', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
    await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, spectrum: [5] })).rejects.toThrow(/spectrum\[0\] must be an integer from 0 to 1, got 5/);
    await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, spectrum: 0 as unknown as number[] })).rejects.toThrow(/spectrum must be an array/);
    await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, spectrum: [0], spectrumTimeWeighting: 'impulse' as 'fast' })).rejects.toThrow(
      /spectrumTimeWeighting must be one of "fast", "slow", got "impulse"/,
    );
    const engine = await createMeterEngine(ctx, { tracks: 2, workletUrl });
    live.push(engine);
    expect(engine.spectrumWords).toBeNull();
    expect(() => engine.createSpectrumReader()).toThrow(/no spectrum \(pass the spectrum option/);
  });
});
