/**
 * MeterHub: one read per track per frame however many listeners, and no read at all in the
 * frames where none of a track's listeners is due (DOM values at 2–10 Hz).
 */
import { describe, it, expect, vi } from 'vitest';
import { MeterHub, nextDueMs } from '../../src/core/meter-hub';
import { createFrameLoop } from '../../src/core/frame-loop';
import { createManualBank } from '../../src/core/manual-bank';

/** A manual bank's reader, counting its reads. */
function countingSource() {
  const bank = createManualBank({ tracks: 2, channels: 1 });
  const source = bank.source;
  const reads = [0, 0];
  const readInto = source.readInto.bind(source);
  source.readInto = (track, out) => {
    reads[track]++;
    return readInto(track, out);
  };
  return { bank, source, reads };
}

describe('MeterHub read rates', () => {
  it('reads a track once per frame for any number of every-frame listeners', () => {
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const { source, reads } = countingSource();
    const hub = new MeterHub(source, loop);
    let calls = 0;
    hub.subscribe(0, () => calls++);
    hub.subscribe(0, () => calls++);
    for (let i = 0; i < 10; i++) loop.advance(16);
    expect(reads).toEqual([10, 0]);
    expect(calls).toBe(20);
  });

  it('a track whose listeners want 100 ms is read on a 100 ms grid of frame time, and woken at once on request', () => {
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const { bank, source, reads } = countingSource();
    const hub = new MeterHub(source, loop);
    const seen: number[] = [];
    hub.subscribe(1, (levels, clock) => seen.push(Math.round(clock.nowMs)), 100);
    for (let i = 0; i < 60; i++) loop.advance(10); // 600 ms
    // Served at once, then on the 100 ms grid (tracks with one interval fall due together).
    expect(seen).toEqual([10, 100, 200, 300, 400, 500, 600]);
    expect(reads[1]).toBe(7);
    // An every-frame listener on the same track makes it every frame.
    const off = hub.subscribe(1, () => {});
    for (let i = 0; i < 5; i++) loop.advance(10);
    expect(reads[1]).toBe(12);
    off();
    loop.advance(10); // served at once after the listeners changed, then every 100 ms again
    loop.advance(10);
    expect(reads[1]).toBe(13);
    bank.set(1, { levelDb: -6 });
    hub.wake(1); // e.g. a reset click: serve the next frame
    loop.advance(10);
    expect(reads[1]).toBe(14);
    expect(() => hub.subscribe(0, () => {}, -1)).toThrow(/intervalMs must be a number from 0 to 60000 ms, got -1/);
  });

  it('in auto mode a hub with only throttled listeners leaves the frame loop and serves them from a timer', () => {
    vi.useFakeTimers();
    try {
      let clockMs = 0;
      const frames: ((t: number) => void)[] = [];
      const loop = createFrameLoop({ raf: (cb) => frames.push(cb), caf: () => {}, now: () => clockMs, document: null });
      const runFrame = () => {
        const cb = frames.shift();
        cb?.(clockMs);
        return cb !== undefined;
      };
      const { source, reads } = countingSource();
      const hub = new MeterHub(source, loop);
      let served = 0;
      hub.subscribe(0, () => served++, 100);
      expect(runFrame()).toBe(true); // served at once, in a frame
      expect(served).toBe(1);
      // Nothing is due for 100 ms: the hub leaves the loop, no animation frame is asked for.
      expect(loop.subscriberCount).toBe(0);
      clockMs = 16;
      expect(runFrame()).toBe(false);
      // The timer serves it without any frame, and again 100 ms later.
      clockMs = 116;
      vi.advanceTimersByTime(100);
      expect(served).toBe(2);
      clockMs = 216;
      vi.advanceTimersByTime(100);
      expect(served).toBe(3);
      expect(reads[0]).toBe(3);
      expect(loop.subscriberCount).toBe(0);
      expect(frames.length).toBe(0);
      // An every-frame listener brings it back to the loop at once.
      const off = hub.subscribe(0, () => {});
      expect(loop.subscriberCount).toBe(2);
      off();
      // Switching the loop to demand mode wakes a sleeping hub at once (frames on request).
      runFrame();
      expect(loop.subscriberCount).toBe(0);
      loop.mode = 'demand';
      expect(loop.subscriberCount).toBe(2);
      hub.wake(0);
      loop.advance(200);
      expect(served).toBeGreaterThanOrEqual(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a timer that fires before its listener is due (clocks that drift apart) brings the hub back to the loop', () => {
    vi.useFakeTimers();
    try {
      let clockMs = 0;
      const frames: ((t: number) => void)[] = [];
      const loop = createFrameLoop({ raf: (cb) => frames.push(cb), caf: () => {}, now: () => clockMs, document: null });
      const { source } = countingSource();
      const hub = new MeterHub(source, loop);
      let served = 0;
      hub.subscribe(0, () => served++, 100);
      frames.shift()?.(clockMs);
      expect(served).toBe(1);
      expect(loop.subscriberCount).toBe(0); // asleep until 100 ms
      // The timer fires, but the loop's clock says 90 ms: not due yet, and too close to sleep.
      clockMs = 90;
      vi.advanceTimersByTime(100);
      expect(served).toBe(1);
      expect(loop.subscriberCount).toBe(2); // back on the loop, not dead
      clockMs = 101;
      frames.shift()?.(clockMs);
      expect(served).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('MeterHub when a read gives up', () => {
  it('shows the last snapshot again without its sample peak: a spike is handed out once', () => {
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const bank = createManualBank({ tracks: 1, channels: 1 });
    const source = bank.source;
    const readInto = source.readInto.bind(source);
    let fail = false;
    // A real read, then (when asked) a read that gives up like a contended seqlock: out untouched.
    source.readInto = (track, out) => (fail ? false : readInto(track, out));
    const hub = new MeterHub(source, loop);
    const seen: [number, number][] = [];
    hub.subscribe(0, (levels) => seen.push([levels.peak[0], levels.rms[0]]));
    bank.set(0, { peakDb: -6, rmsDb: -20 });
    loop.advance(16);
    fail = true;
    loop.advance(16);
    fail = false;
    bank.set(0, { peakDb: -60, rmsDb: -20 });
    loop.advance(16);
    const r = (v: number) => Math.round(v * 1e4) / 1e4;
    expect(seen.map(([p, rms]) => [r(p), r(rms)])).toEqual([
      [0.5012, 0.1],
      [0, 0.1], // held, peak not repeated
      [0.001, 0.1],
    ]);
  });
});

describe('MeterHub on the page grid timer', () => {
  it('a timer that fires a little early (services due together share a task) serves as of the due time and stays asleep', () => {
    vi.useFakeTimers();
    try {
      let clockMs = 0;
      const frames: ((t: number) => void)[] = [];
      const loop = createFrameLoop({ raf: (cb) => frames.push(cb), caf: () => {}, now: () => clockMs, document: null });
      const { source } = countingSource();
      const hub = new MeterHub(source, loop);
      const servedAt: number[] = [];
      hub.subscribe(0, (levels, clock) => servedAt.push(clock.nowMs), 100);
      frames.shift()?.(clockMs);
      expect(loop.subscriberCount).toBe(0);
      clockMs = 98; // 2 ms early by the loop's clock
      vi.advanceTimersByTime(100);
      expect(servedAt).toEqual([0, 100]);
      expect(loop.subscriberCount).toBe(0); // no frame loop, no animation frame
      expect(frames.length).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('nextDueMs', () => {
  it('lands on the grid (or, once, half an interval past it): gaps from half an interval to one, never drifting off the grid', () => {
    expect(nextDueMs(1000, 500)).toBe(1500); // on the grid: a whole interval
    expect(nextDueMs(1100, 500)).toBe(1500); // 400 ms to the grid
    expect(nextDueMs(1400, 500)).toBe(1750); // 100 ms to the grid is too soon: the half-interval point after it…
    expect(nextDueMs(1750, 500)).toBe(2000); // …and from there the grid again
    expect(nextDueMs(1234, 0)).toBe(1234); // every frame
    for (let t = 0; t < 5000; t += 7.3) {
      const next = nextDueMs(t, 500);
      expect(next % 250).toBe(0);
      expect(next - t).toBeGreaterThanOrEqual(250);
      expect(next - t).toBeLessThanOrEqual(500 + 1e-9); // t + 500 - t in floating point
      expect(nextDueMs(next, 500) % 500).toBe(0); // a service rescheduling from its due time is on the grid
    }
  });
});
