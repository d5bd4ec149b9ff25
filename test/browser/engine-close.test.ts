/**
 * Closing the audio context under a live or loading engine, on both transports, in real
 * Chromium (issue 12, bugs 4 and 5), and the status the engine's bank reports through it.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { meterStatus } from '../../src/core/meter-status';
import { workletUrl } from './worklet-url';
import { sleep } from './helpers';

const live: MeterEngine[] = [];
afterEach(() => {
  for (const e of live.splice(0)) e.dispose();
});

/** Resolves to 'resolved', 'rejected: <message>' or 'pending' after `ms`. */
function settleWithin(p: Promise<unknown>, ms: number): Promise<string> {
  return Promise.race([
    p.then(
      () => 'resolved',
      (e: unknown) => `rejected: ${e instanceof Error ? e.message : String(e)}`,
    ),
    sleep(ms).then(() => 'pending'),
  ]);
}

for (const transport of ['shared', 'message'] as const) {
  describe(`${transport} transport: the context closes`, () => {
    it('engine.flush() pending when the context closes settles promptly (bug 4)', async () => {
      const ctx = new AudioContext();
      const engine = await createMeterEngine(ctx, { tracks: 1, channels: 1, workletUrl, transport });
      live.push(engine);
      expect(engine.transport).toBe(transport);
      await expect.poll(() => engine.bank.heartbeat, { timeout: 5000 }).toBeGreaterThan(0);
      const closing = ctx.close();
      const pending = engine.flush(); // asked while closing: the processor will not answer
      await closing;
      expect(await settleWithin(pending, 500)).toBe('resolved');
      // and a flush asked after the close settles at once too
      expect(await settleWithin(engine.flush(), 100)).toBe('resolved');
      expect(meterStatus(engine)).toBe('no-source');
    });

    it('closing the context while the worklet loads says the context was closed (bug 5)', async () => {
      const ctx = new AudioContext();
      const creating = createMeterEngine(ctx, { tracks: 1, workletUrl: `${workletUrl}?fresh=${transport}`, transport });
      void ctx.close();
      const outcome = await settleWithin(creating, 5000);
      expect(outcome).toMatch(/^rejected: meterkit: the audio context was closed while the metering worklet was loading/);
      expect(outcome).not.toMatch(/check that the file is served/i);
    });
  });
}
