/**
 * The clip lane through the real worklet, on both transports: an over on one track moves the
 * bank's overs generation and lights that track's clip watch (and no other); a reset clears it;
 * while nothing changes the generation stays put, so the 10 Hz checks read one word.
 */
import { describe, it, expect } from 'vitest';
import { createMeterEngine } from '../../src/core/engine';
import { createFrameLoop } from '../../src/core/frame-loop';
import { watchTrackClip } from '../../src/core/dom-values';
import { CLIP_CHECK_MS } from '../../src/core/meter-hub';
import { workletUrl } from './worklet-url';
import { sleep } from './helpers';

async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('clip lane with the real worklet', () => {
  for (const transport of ['shared', 'message'] as const) {
    it(`${transport} transport: an over lights its track's watch only; a reset clears it; no change, no generation move`, async () => {
      const context = new AudioContext();
      const engine = await createMeterEngine(context, { tracks: 3, channels: 2, transport, workletUrl });
      const loop = createFrameLoop({ mode: 'demand', document: null });
      const seen: number[][] = [[], [], []];
      const watches = [0, 1, 2].map((t) => watchTrackClip(engine.bank, t, (c) => seen[t].push(c), loop));
      const tick = () => loop.advance(CLIP_CHECK_MS);
      try {
        await context.resume();
        const quiet = new ConstantSourceNode(context, { offset: 0.5 });
        quiet.connect(engine.input(0));
        quiet.start();
        await sleep(300);
        tick();
        expect(seen).toEqual([[0], [0], [0]]);
        const gen0 = engine.bank.oversGeneration();
        await sleep(200);
        tick();
        expect(engine.bank.oversGeneration()).toBe(gen0); // levels move, no over count does
        // 50 ms above full scale on track 1.
        const hot = new ConstantSourceNode(context, { offset: 1.5 });
        hot.connect(engine.input(1));
        hot.start();
        hot.stop(context.currentTime + 0.05);
        await until(() => {
          tick();
          return seen[1].at(-1) === 1;
        }, 'the over on track 1');
        expect(engine.bank.oversGeneration()).not.toBe(gen0);
        expect(seen[0]).toEqual([0]);
        expect(seen[2]).toEqual([0]);
        expect(engine.bank.clipped(1)).toBe(1);
        await sleep(200);
        engine.bank.clearOvers(1);
        await until(() => {
          tick();
          return seen[1].at(-1) === 0;
        }, 'the reset of track 1');
        expect(seen[1]).toEqual([0, 1, 0]);
        expect(seen[0]).toEqual([0]);
      } finally {
        for (const w of watches) w();
        engine.dispose();
        await context.close();
      }
    });
  }
});
