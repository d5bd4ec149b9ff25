/**
 * Broadcast metering through the worklet and the bank, in real Chromium: EBU R128 loudness per
 * track, per group and on the master bus, reset of the integrated measurement, true peak,
 * correlation and balance, and the ballistics presets.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { createTrackLevels } from '../../src/core/bank/reader';
import { scaleFromDbfs } from '../../src/dsp/ballistics-presets';
import { workletUrl } from './worklet-url';
import { makeBuffer, play } from './helpers';

const SR = 48000;
const live: MeterEngine[] = [];
afterEach(() => {
  for (const e of live.splice(0)) e.dispose();
});

const dbfs = (db: number) => Math.pow(10, db / 20);
const sineAt =
  (db: number, hz = 1000, phase = 0) =>
  (_c: number, i: number) =>
    dbfs(db) * Math.sin((2 * Math.PI * hz * i) / SR + phase);

async function offline(seconds: number, tracks: number, options: Parameters<typeof createMeterEngine>[1] extends infer O ? Partial<O> : never) {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: Math.round(seconds * SR), sampleRate: SR });
  const engine = await createMeterEngine(ctx, { tracks, channels: 2, workletUrl, ...options });
  live.push(engine);
  return { ctx, engine };
}

describe('loudness through the worklet', () => {
  it('a 1 kHz stereo sine at -23 dBFS reads -23.0 LUFS momentary, short-term and integrated', async () => {
    const { ctx, engine } = await offline(6, 2, { loudness: [0] });
    play(ctx, makeBuffer(ctx, 2, 6 * SR, sineAt(-23)), engine.input(0));
    play(ctx, makeBuffer(ctx, 2, 6 * SR, sineAt(-23)), engine.input(1));
    await ctx.startRendering();
    const l = createTrackLevels(2);
    engine.bank.readInto(0, l);
    for (const v of [l.momentary, l.shortTerm, l.integrated]) expect(Math.abs(v + 23)).toBeLessThan(0.1);
    expect(l.loudnessRange).toBeLessThan(0.5);
    expect(Math.abs(l.truePeak + 23)).toBeLessThan(0.2);
    expect(l.loudnessSeconds).toBeCloseTo(6, 1);
    engine.bank.readInto(1, l); // loudness off on this track
    expect([l.momentary, l.integrated, l.truePeak]).toEqual([NaN, NaN, NaN]);
  });

  it('per group and on the master bus: two in-phase sines at -29.02 dBFS sum to -23 LUFS', async () => {
    const { ctx, engine } = await offline(5, 3, { groups: [[0, 1]], master: true, loudness: true });
    expect(engine.bankTracks).toBe(5);
    expect(engine.groupTrack(0)).toBe(3);
    expect(engine.masterTrack).toBe(4);
    play(ctx, makeBuffer(ctx, 2, 5 * SR, sineAt(-23 - 20 * Math.log10(2))), engine.input(0));
    play(ctx, makeBuffer(ctx, 2, 5 * SR, sineAt(-23 - 20 * Math.log10(2))), engine.input(1));
    await ctx.startRendering();
    const l = createTrackLevels(2);
    engine.bank.readInto(0, l);
    expect(Math.abs(l.integrated + 29.02)).toBeLessThan(0.1);
    engine.bank.readInto(engine.groupTrack(0), l);
    expect(Math.abs(l.integrated + 23)).toBeLessThan(0.1);
    expect(l.peak[0]).toBeCloseTo(dbfs(-23), 4); // the group's level meters see the sum too
    engine.bank.readInto(engine.masterTrack, l);
    expect(Math.abs(l.integrated + 23)).toBeLessThan(0.1);
    engine.bank.readInto(2, l); // a silent input
    expect(l.integrated).toBe(-Infinity);
  });

  it('resetLoudness restarts the integrated measurement from the UI', async () => {
    const { ctx, engine } = await offline(9, 1, { loudness: true });
    // 4 s at -33 dBFS, then -20 dBFS.
    play(
      ctx,
      makeBuffer(ctx, 2, 9 * SR, (c, i) => sineAt(i < 4 * SR ? -33 : -20)(c, i)),
      engine.input(0),
    );
    const l = createTrackLevels(2);
    ctx.suspend(4).then(async () => {
      engine.bank.readInto(0, l);
      expect(Math.abs(l.integrated + 33)).toBeLessThan(0.1);
      engine.resetLoudness(0);
      await ctx.resume();
    });
    await ctx.startRendering();
    engine.bank.readInto(0, l);
    // Without the reset the -33 dB part would pull the integrated value below -20.
    expect(Math.abs(l.integrated + 20)).toBeLessThan(0.1);
    expect(l.loudnessSeconds).toBeLessThan(5.1);
  });

  it('true peak sees the inter-sample peak of an fs/4 sine at 45° whose samples peak at 0 dBFS (+3 dBTP)', async () => {
    const { ctx, engine } = await offline(1, 1, { loudness: true });
    play(
      ctx,
      makeBuffer(ctx, 2, SR, (_c, i) => Math.SQRT2 * Math.sin((Math.PI / 2) * i + Math.PI / 4)),
      engine.input(0),
    );
    await ctx.startRendering();
    const l = createTrackLevels(2);
    engine.bank.readInto(0, l);
    expect(l.truePeak).toBeGreaterThan(2.8);
    expect(l.truePeak).toBeLessThan(3.2);
    expect(l.peak[0]).toBeCloseTo(1, 5); // the samples themselves peak at 0 dBFS
  });

  it('NaN and Infinity never poison the integrated loudness', async () => {
    const { ctx, engine } = await offline(5, 1, { loudness: true });
    play(
      ctx,
      makeBuffer(ctx, 2, 5 * SR, (c, i) => (i > SR && i < SR + 500 ? NaN : i === 2 * SR ? Infinity : sineAt(-23)(c, i))),
      engine.input(0),
    );
    await ctx.startRendering();
    const l = createTrackLevels(2);
    engine.bank.readInto(0, l);
    expect(Math.abs(l.integrated + 23)).toBeLessThan(0.15);
    expect(Number.isFinite(l.momentary)).toBe(true);
  });
});

describe('correlation and balance through the worklet', () => {
  it('identical channels read +1, inverted -1, one-sided balance ±1', async () => {
    const { ctx, engine } = await offline(1, 3, { correlation: true });
    play(ctx, makeBuffer(ctx, 2, SR, sineAt(-12, 440)), engine.input(0));
    play(
      ctx,
      makeBuffer(ctx, 2, SR, (c, i) => (c === 0 ? 1 : -1) * sineAt(-12, 440)(c, i)),
      engine.input(1),
    );
    play(
      ctx,
      makeBuffer(ctx, 2, SR, (c, i) => (c === 0 ? sineAt(-12, 440)(c, i) : 0)),
      engine.input(2),
    );
    await ctx.startRendering();
    const l = createTrackLevels(2);
    engine.bank.readInto(0, l);
    expect(l.correlation).toBeCloseTo(1, 3);
    expect(l.balance).toBeCloseTo(0, 3);
    engine.bank.readInto(1, l);
    expect(l.correlation).toBeCloseTo(-1, 3);
    engine.bank.readInto(2, l);
    expect(l.balance).toBeCloseTo(-1, 3);
  });
});

describe('ballistics presets through the worklet', () => {
  for (const [preset, expected] of [
    ['vu', 0],
    ['ppm-bbc', 4],
    ['ppm-ebu', 0],
    ['k-20', 2],
  ] as const) {
    it(`${preset}: a steady 1 kHz sine at -18 dBFS reads ${expected} on its scale`, async () => {
      const { ctx, engine } = await offline(2, 1, { ballistics: preset });
      play(ctx, makeBuffer(ctx, 2, 2 * SR, sineAt(-18, 997)), engine.input(0));
      await ctx.startRendering();
      const l = createTrackLevels(2);
      engine.bank.readInto(0, l);
      const reading = scaleFromDbfs(preset, 20 * Math.log10(l.ballistic[0]));
      expect(Math.abs(reading - expected)).toBeLessThan(0.15);
      expect(l.ballistic[1]).toBeCloseTo(l.ballistic[0], 6);
    });
  }

  it('digital peak (default): the ballistic reading is the decaying peak', async () => {
    const { ctx, engine } = await offline(0.5, 1, {});
    play(ctx, makeBuffer(ctx, 2, SR, sineAt(-6)), engine.input(0));
    await ctx.startRendering();
    const l = createTrackLevels(2);
    engine.bank.readInto(0, l);
    expect(l.ballistic[0]).toBe(l.decayingPeak[0]);
  });
});

describe('bad broadcast options', () => {
  it('name the option, the value and the valid range', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
    const make = (o: object) => createMeterEngine(ctx, { tracks: 2, workletUrl, ...o });
    await expect(make({ groups: [[0, 2]] })).rejects.toThrow(/groups\[0\]\[1\] must be an integer from 0 to 1, got 2/);
    await expect(make({ groups: [[]] })).rejects.toThrow(/groups\[0\] must be a non-empty array/);
    await expect(make({ loudness: [5] })).rejects.toThrow(/loudness\[0\] must be an integer from 0 to 1, got 5/);
    await expect(make({ channels: 1, correlation: true })).rejects.toThrow(/correlation needs at least 2 channels, got channels = 1/);
    await expect(make({ ballistics: 'bbc' })).rejects.toThrow(/preset must be one of .*"ppm-bbc".*got "bbc"/);
    await expect(make({ ballistics: { preset: 'vu', referenceDb: 5 } })).rejects.toThrow(/referenceDb must be a number from -60 to 0 dBFS, got 5/);
    await expect(make({ correlationWindowMs: 0 })).rejects.toThrow(/correlationWindowMs must be a number from 1 to 10000 ms, got 0/);
    const e = await make({});
    live.push(e);
    expect(() => e.groupTrack(0)).toThrow(/no groups/);
  });
});
