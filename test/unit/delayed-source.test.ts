/**
 * Output alignment: a DelayedSource shows each reading `delayMs` after it was read, keeps
 * peaks exact (a spike shown once, when it is heard) through delay changes and history
 * overflow, and passes the rest through; outputLatencyMs reads what a context reports.
 */
import { describe, it, expect } from 'vitest';
import { DelayedSource, outputLatencyMs, HISTORY } from '../../src/core/delayed-source';
import { createManualBank } from '../../src/core/manual-bank';
import { createTrackLevels } from '../../src/core/bank/reader';
import { createFrameLoop } from '../../src/core/frame-loop';
import { watchTrackClip } from '../../src/core/dom-values';
import { CLIP_CHECK_MS } from '../../src/core/meter-hub';

/** A manual bank behind a DelayedSource, read the way the frame loop reads it (a frame clock each read). */
function rig(delayMs: number) {
  const bank = createManualBank({ tracks: 2, channels: 1 });
  const delayed = new DelayedSource(bank.source, delayMs);
  const out = createTrackLevels(1);
  const clock = { nowMs: 0 };
  const frame = (t: number) => {
    clock.nowMs = t;
    delayed.setFrameClock(clock);
    const ok = delayed.readInto(0, out);
    delayed.setFrameClock(null);
    return ok;
  };
  return { bank, delayed, out, frame };
}

const db = (x: number) => 20 * Math.log10(x);

describe('DelayedSource', () => {
  it('shows a level when it is heard, not when it is measured', () => {
    const { bank, out, frame } = rig(200);
    bank.set(0, { levelDb: -12 });
    expect(frame(0)).toBe(false); // nothing 200 ms old yet: the meter stays silent
    for (let t = 16; t < 200; t += 16) {
      frame(t);
      expect(out.stale).toBe(true); // still the initial (silent) snapshot
    }
    frame(208);
    expect(db(out.decayingPeak[0])).toBeCloseTo(-12, 3);
    expect(out.stale).toBe(false);
  });

  it('a one-sample spike is shown once, at the frame it is heard', () => {
    const { bank, out, frame } = rig(100);
    bank.set(0, { levelDb: -40 });
    const peaks: number[] = [];
    for (let t = 0; t <= 400; t += 10) {
      if (t === 50) bank.set(0, { peakDb: -3 }); // the spike, read at t = 50
      frame(t);
      peaks.push(out.peak[0]);
    }
    const shown = peaks.map((p, i) => [i * 10, p] as const).filter(([, p]) => p > 0.5);
    expect(shown).toEqual([[150, expect.closeTo(10 ** (-3 / 20), 5)]]);
  });

  it('a shorter delay folds the skipped spikes into the next frame; a longer one holds without repeating them', () => {
    const { bank, delayed, out, frame } = rig(300);
    bank.set(0, { levelDb: -40 });
    for (let t = 0; t <= 200; t += 10) {
      if (t === 20) bank.set(0, { peakDb: -6 });
      if (t === 40) bank.set(0, { peakDb: -2 });
      frame(t);
      expect(out.peak[0]).toBeLessThan(0.5); // not heard yet
    }
    delayed.setDelayMs(100); // both spikes (read at 20 and 40) are now older than the delay
    frame(210);
    expect(db(out.peak[0])).toBeCloseTo(-2, 3); // the larger of the two, once
    frame(220);
    expect(out.peak[0]).toBeLessThan(0.5);
    bank.set(0, { peakDb: -1 }); // read at 230, heard at 330 with delay 100…
    frame(230);
    delayed.setDelayMs(1000); // …but now heard much later: the display holds, no repeat, no loss
    for (let t = 240; t < 1230; t += 10) {
      frame(t);
      expect(out.peak[0]).toBeLessThan(0.5);
    }
    frame(1230);
    expect(db(out.peak[0])).toBeCloseTo(-1, 3);
  });

  it('keeps a spike whose snapshot the history overwrote before it was heard', () => {
    const { bank, out, frame } = rig(2000);
    bank.set(0, { levelDb: -40 });
    let seen = 0;
    // 1 ms frames: 2000 ms of delay is 2000 snapshots, more than the history holds.
    for (let t = 0; t < 4000; t++) {
      if (t === 5) bank.set(0, { peakDb: -4 });
      frame(t);
      if (out.peak[0] > 0.5) {
        seen++;
        expect(db(out.peak[0])).toBeCloseTo(-4, 3);
      }
    }
    expect(HISTORY).toBeLessThan(2000);
    expect(seen).toBe(1);
  });

  it('passes the clip lane, requests, size and a delayed worker link through', () => {
    const { bank, delayed } = rig(50);
    expect(delayed.tracks).toBe(2);
    expect(delayed.channels).toBe(1);
    bank.set(1, { overs: 3 });
    expect(delayed.clipped!(1)).toBe(0); // latched, not heard yet (see the clip lane test below)
    delayed.clearOvers(1);
    expect(delayed.clipped!(1)).toBe(0);
    const link = delayed.linkForWorker!();
    expect(link).not.toBeNull();
    expect(link!.link.delayMs).toBe(50);
    let changes = 0;
    const off = link!.onDelayChange!(() => changes++);
    delayed.setDelayMs(80);
    expect(link!.delayMs!()).toBe(80);
    off();
    delayed.setDelayMs(90);
    expect(changes).toBe(1);
    link!.release();
  });

  it('delays the clip latch: set once it has been seen set for the delay, cleared at once; the generation moves when it comes due', () => {
    const { bank, delayed } = rig(50);
    const clock = { nowMs: 0 };
    const at = <T>(t: number, f: () => T): T => {
      clock.nowMs = t;
      delayed.setFrameClock(clock);
      try {
        return f();
      } finally {
        delayed.setFrameClock(null);
      }
    };
    const g0 = at(0, () => delayed.oversGeneration!());
    bank.set(1, { overs: 1 });
    const g1 = at(0, () => delayed.oversGeneration!());
    expect(g1).not.toBe(g0); // the inner latch moved it
    expect(at(0, () => delayed.clipped!(1))).toBe(0); // first seen: heard 50 ms from now
    expect(at(40, () => delayed.oversGeneration!())).toBe(g1);
    expect(at(40, () => delayed.clipped!(1))).toBe(0);
    const g2 = at(50, () => delayed.oversGeneration!());
    expect(g2).not.toBe(g1); // came due: the clip lane reads clipped again
    expect(at(50, () => delayed.clipped!(1))).toBe(1);
    expect(at(60, () => delayed.oversGeneration!())).toBe(g2); // nothing else waits
    expect(at(60, () => delayed.clipped!(0))).toBe(0);
    delayed.clearOvers(1); // a reset clears at once
    expect(at(61, () => delayed.clipped!(1))).toBe(0);
    // Without a delay the latch reads set at once.
    const none = rig(0);
    none.bank.set(0, { overs: 2 });
    expect(none.delayed.clipped!(0)).toBe(1);
  });

  it('through the hub, a clip watch lights when the over is heard: after the delay, within one clip check', () => {
    const bank = createManualBank({ tracks: 1, channels: 1 });
    const delayed = new DelayedSource(bank.source, 250);
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const seen: [number, number][] = [];
    let t = 0;
    const off = watchTrackClip(delayed, 0, (c) => seen.push([t, c]), loop);
    loop.advance(16);
    bank.set(0, { overs: 1 });
    const overAt = t + 16;
    for (; t < 1000; t += 16) loop.advance(16);
    const lit = seen.find(([, c]) => c === 1);
    expect(lit).toBeDefined();
    expect(lit![0] - overAt).toBeGreaterThanOrEqual(250 - 16);
    expect(lit![0] - overAt).toBeLessThanOrEqual(250 + CLIP_CHECK_MS + 16);
    off();
  });

  it('validates its arguments', () => {
    const bank = createManualBank({ tracks: 1 });
    expect(() => new DelayedSource(bank.source, -1)).toThrow(/DelayedSource: delayMs must be .*0 to 2000.*got -1/);
    expect(() => new DelayedSource({} as never, 10)).toThrow(/DelayedSource: inner must be a meter source/);
    expect(() => new DelayedSource(bank.source, 10).setDelayMs(5000)).toThrow(/setDelayMs: delayMs/);
  });
});

describe('outputLatencyMs', () => {
  it('is outputLatency + baseLatency in ms, 0 without them, at most 2000', () => {
    expect(outputLatencyMs({ outputLatency: 0.2, baseLatency: 0.01 } as unknown as BaseAudioContext)).toBeCloseTo(210, 9);
    expect(outputLatencyMs({ baseLatency: 0.005 } as unknown as BaseAudioContext)).toBeCloseTo(5, 9);
    expect(outputLatencyMs({} as BaseAudioContext)).toBe(0);
    expect(outputLatencyMs({ outputLatency: 9, baseLatency: NaN } as unknown as BaseAudioContext)).toBe(2000);
  });
});

describe('DelayedSource with sparse reads', () => {
  it('a track read at 2 Hz (aria values) shows its latest read, not the one before', () => {
    const { bank, out, frame } = rig(40);
    bank.set(0, { levelDb: -30 });
    frame(0);
    bank.set(0, { levelDb: -10 });
    frame(500); // the entry read 500 ms ago is 460 ms further from "40 ms ago" than this one
    expect(db(out.decayingPeak[0])).toBeCloseTo(-10, 3);
  });
});
