/**
 * The scope rings through the real worklet in Chromium: every sample of a scoped track (an
 * input, and the master bus as summed) reaches the page's reader exactly, on the shared
 * transport (SharedArrayBuffer ring) and on the message transport (batched posts of ≈ 20 ms).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { createTrackLevels } from '../../src/core/bank/reader';
import { workletUrl } from './worklet-url';
import { makeBuffer, play } from './helpers';

const SR = 48000;
const live: MeterEngine[] = [];
afterEach(() => {
  for (const e of live.splice(0)) e.dispose();
});

const left = (i: number) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / SR);
const right = (i: number) => 0.25 * Math.sin((2 * Math.PI * 660 * i) / SR);

for (const transport of ['shared', 'message'] as const) {
  describe(`scope rings, ${transport} transport`, () => {
    it('every sample of a scoped input and of the master bus arrives, in order, nothing lost', async () => {
      const length = 128 * 40; // 106.7 ms
      const ctx = new OfflineAudioContext({ numberOfChannels: 1, length, sampleRate: SR });
      const engine = await createMeterEngine(ctx, { tracks: 2, channels: 2, master: true, transport, workletUrl, scope: [0, 2] });
      live.push(engine);
      expect(engine.scopeWords).not.toBeNull();
      expect(engine.scopeWords!.buffer instanceof SharedArrayBuffer).toBe(transport === 'shared');
      const input = engine.createScopeReader(0);
      const master = engine.createScopeReader(engine.masterTrack);
      expect(() => engine.createScopeReader(1)).toThrow(/bank track 1 has no sample ring; scoped tracks: \[0, 2\]/);
      play(
        ctx,
        makeBuffer(ctx, 2, length, (c, i) => (c === 0 ? left(i) : right(i))),
        engine.input(0),
      );
      play(
        ctx,
        makeBuffer(ctx, 2, length, (c, i) => (c === 0 ? right(i) : left(i))),
        engine.input(1),
      );
      await ctx.startRendering();
      await engine.flush();
      const l = new Float32Array(8192);
      const r = new Float32Array(8192);
      expect(input.readInto(l, r)).toBe(length);
      for (const i of [0, 1, 127, 128, 1000, length - 1]) {
        expect(l[i]).toBe(Math.fround(left(i)));
        expect(r[i]).toBe(Math.fround(right(i)));
      }
      expect(master.readInto(l, r)).toBe(length);
      for (const i of [5, 300, length - 1]) {
        expect(l[i]).toBeCloseTo(left(i) + right(i), 6);
        expect(r[i]).toBeCloseTo(right(i) + left(i), 6);
      }
      expect(input.lostFrames + master.lostFrames).toBe(0);
      // Scoped stereo tracks also measure correlation (the goniometer's strip).
      const levels = createTrackLevels(2);
      engine.bank.readInto(0, levels);
      expect(Number.isNaN(levels.correlation)).toBe(false);
    });
  });
}

it('message transport: posts are batched (≈ 20 ms), not one per render quantum', async () => {
  const length = 128 * 75; // 200 ms
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length, sampleRate: SR });
  const engine = await createMeterEngine(ctx, { tracks: 1, transport: 'message', workletUrl, scope: [0] });
  live.push(engine);
  let batches = 0;
  let frames = 0;
  engine.node.port.addEventListener('message', (e: MessageEvent<{ type: string; frames?: number }>) => {
    if (e.data.type !== 'scope') return;
    batches++;
    frames += e.data.frames!;
  });
  play(
    ctx,
    makeBuffer(ctx, 2, length, (_c, i) => left(i)),
    engine.input(0),
  );
  await ctx.startRendering();
  await engine.flush();
  expect(frames).toBe(length);
  expect(batches).toBeLessThanOrEqual(Math.ceil(length / 1024) + 1); // 1024-frame batches at 48 kHz (21.3 ms)
  expect(batches).toBeGreaterThanOrEqual(Math.floor(length / 1024));
});

it('bad scope options name the option and the value', async () => {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
  await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, scope: [2] })).rejects.toThrow('scope[0] must be an integer from 0 to 1, got 2');
  await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, scope: 0 as never })).rejects.toThrow(TypeError);
  await expect(createMeterEngine(ctx, { tracks: 2, workletUrl, scope: [0], scopeCapacity: 5000 })).rejects.toThrow(
    'scopeCapacity must be a power of two from 1024 to 1048576, got 5000',
  );
});
