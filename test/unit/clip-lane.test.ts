/**
 * Clip checks for the cost of one word: the writer's overs generation (H_OVERS_GEN) moves only
 * in publishes that change an over count, the reader's `clipped` reads a latch without a
 * snapshot, and the hub's clip lane reads the latches of its tracks only after the generation
 * moved. Also the page's grid timer: services due together run in one timer task.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { MeterHub, CLIP_CHECK_MS } from '../../src/core/meter-hub';
import { createFrameLoop } from '../../src/core/frame-loop';
import { createManualBank } from '../../src/core/manual-bank';
import { H_OVERS_GEN } from '../../src/core/bank/layout';
import { createGridTimer, gridTimerCount } from '../../src/core/grid-timer';
import { watchTrackClip } from '../../src/core/dom-values';

describe('overs generation and clipped()', () => {
  it('moves only when an over count changes (new overs, a reset), and clipped() reads the latch', () => {
    const bank = createManualBank({ tracks: 3, channels: 2 });
    const r = bank.source;
    const gen0 = r.oversGeneration();
    bank.set(1, { levelDb: -6 });
    bank.set(2, { levelDb: -3 });
    expect(r.oversGeneration()).toBe(gen0); // levels moved, no over count did
    expect([r.clipped(0), r.clipped(1), r.clipped(2)]).toEqual([0, 0, 0]);
    bank.set(1, [{ levelDb: -1 }, { levelDb: 0.5, overs: 3 }]);
    const gen1 = r.oversGeneration();
    expect(gen1).not.toBe(gen0);
    expect([r.clipped(0), r.clipped(1), r.clipped(2)]).toEqual([0, 1, 0]);
    bank.set(2, { levelDb: -2 });
    expect(r.oversGeneration()).toBe(gen1);
    r.clearOvers(1); // the manual bank applies resets at once, as the worklet does at its next quantum
    bank.set(0, { levelDb: -2 });
    expect(r.oversGeneration()).not.toBe(gen1);
    expect(r.clipped(1)).toBe(0);
    expect(Atomics.load(r.words, H_OVERS_GEN)).toBe(r.oversGeneration());
    expect(() => r.clipped(3)).toThrow(/track must be an integer from 0 to 2, got 3/);
  });
});

describe('the hub clip lane', () => {
  it('tells each listener the state at once and on every change, reading the latches only after the generation moved', () => {
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const bank = createManualBank({ tracks: 128, channels: 2 });
    const source = bank.source;
    const latchReads = vi.spyOn(source, 'clipped');
    const snapshotReads = vi.spyOn(source, 'readInto');
    const hub = new MeterHub(source, loop);
    const seen: string[] = [];
    for (let t = 0; t < 128; t++) hub.subscribeClip(t, (c) => seen.push(`${t}:${c}`));
    loop.advance(16);
    expect(seen.length).toBe(128); // everyone learns the current state (0)
    expect(seen.every((s) => s.endsWith(':0'))).toBe(true);
    seen.length = 0;
    latchReads.mockClear();
    // Two seconds of frames with moving levels and no over: no latch read at all, no call.
    for (let i = 0; i < 125; i++) {
      bank.set(i % 128, { levelDb: -20 + (i % 10) });
      loop.advance(16);
    }
    expect(latchReads).not.toHaveBeenCalled();
    expect(seen).toEqual([]);
    // An over on track 77: seen at the next check (within CLIP_CHECK_MS), one pass over the tracks.
    bank.set(77, [{ levelDb: 0.2, overs: 1 }, { levelDb: -3 }]);
    for (let ms = 0; ms < CLIP_CHECK_MS; ms += 16) loop.advance(16);
    expect(seen).toEqual(['77:1']);
    expect(latchReads).toHaveBeenCalledTimes(128);
    // A reset and a wake (the clip button's click): cleared at the next frame's check.
    source.clearOvers(77);
    bank.set(0, { levelDb: -3 });
    hub.wake(77);
    loop.advance(16);
    expect(seen).toEqual(['77:1', '77:0']);
    expect(snapshotReads).not.toHaveBeenCalled(); // the lane never takes snapshots
  });

  it('sources without oversGeneration/clipped are checked through a throttled snapshot, with the same calls', () => {
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const bank = createManualBank({ tracks: 2, channels: 1 });
    const plain = {
      tracks: 2,
      channels: 1,
      readInto: bank.source.readInto.bind(bank.source),
      clearOvers: bank.source.clearOvers.bind(bank.source),
      clearHolds: bank.source.clearHolds.bind(bank.source),
    };
    const hub = new MeterHub(plain, loop);
    const seen: number[] = [];
    hub.subscribeClip(1, (c) => seen.push(c));
    loop.advance(16);
    bank.set(1, { levelDb: 1, overs: 2 });
    for (let i = 0; i < 10; i++) loop.advance(16);
    expect(seen).toEqual([0, 1]);
    expect(() => hub.subscribeClip(2, () => {})).toThrow(/track must be an integer from 0 to 1, got 2/);
  });

  it('watchTrackClip validates its arguments and refresh() re-reads at the next frame', () => {
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const bank = createManualBank({ tracks: 1, channels: 1 });
    expect(() => watchTrackClip(bank.source, 0, 'x' as never, loop)).toThrow(/watchTrackClip: write must be a function/);
    const seen: number[] = [];
    const watch = watchTrackClip(bank.source, 0, (c) => seen.push(c), loop);
    loop.advance(16);
    bank.set(0, { levelDb: 1, overs: 1 });
    watch.refresh();
    loop.advance(16);
    expect(seen).toEqual([0, 1]);
    watch();
    watch();
    bank.source.clearOvers(0);
    bank.set(0, { levelDb: -1 });
    for (let i = 0; i < 10; i++) loop.advance(16);
    expect(seen).toEqual([0, 1]);
  });
});

describe('the grid timer', () => {
  afterEach(() => vi.useRealTimers());

  it('runs services due at the same time in one timer task, and rescheduling reuses the handle', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const order: string[] = [];
    const a = createGridTimer(() => order.push(`a@${Math.round(performance.now())}`));
    const b = createGridTimer(() => order.push(`b@${Math.round(performance.now())}`));
    const t0 = performance.now();
    a.at(t0 + 100);
    b.at(t0 + 101); // within the slack: same task
    expect(gridTimerCount()).toBe(2);
    expect(armed).toHaveBeenCalledTimes(1); // one page timer for both
    vi.advanceTimersByTime(100);
    expect(order).toEqual([`a@${Math.round(t0 + 100)}`, `b@${Math.round(t0 + 100)}`]); // both in that one task
    expect(armed).toHaveBeenCalledTimes(1); // nothing left to arm
    expect(gridTimerCount()).toBe(0);
    a.at(t0 + 300);
    b.at(t0 + 200);
    b.cancel();
    expect(b.pending).toBe(false);
    vi.advanceTimersByTime(150);
    expect(order.length).toBe(2); // b was cancelled
    vi.advanceTimersByTime(50);
    expect(order[2]).toBe(`a@${Math.round(t0 + 300)}`);
  });
});
