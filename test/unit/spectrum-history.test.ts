/**
 * Output alignment of the spectrum: SpectrumHistory hands out the reading nearest to a time
 * ago (nothing before the history reaches back that far, the oldest when the delay is longer
 * than the history), and a SpectrumView bound to a DelayedSource shows each spectrum reading
 * the source's delay after it was published — following the delay when it changes.
 */
import { describe, it, expect } from 'vitest';
import { SpectrumHistory } from '../../src/core/spectrum/spectrum-history';
import { createSpectrumWords, SpectrumBankWriter } from '../../src/core/spectrum/spectrum-bank';
import { resolveSpectrumOptions } from '../../src/core/views/spectrum-options';
import { SpectrumView } from '../../src/core/views/spectrum-view';
import { ViewBinding } from '../../src/core/views/view-binding';
import { SPECTRUM_VIEWS } from '../../src/core/views/create-canvas-view';
import { createFrameLoop } from '../../src/core/frame-loop';
import { createManualBank } from '../../src/core/manual-bank';
import { DelayedSource } from '../../src/core/delayed-source';

const bands = (db: number) => new Float32Array(31).fill(db);

describe('SpectrumHistory', () => {
  it('picks the entry nearest to the target time', () => {
    const h = new SpectrumHistory(8);
    for (let i = 0; i < 5; i++) h.push(i * 16, bands(-i), bands(10 - i));
    const levels = new Float32Array(31);
    const holds = new Float32Array(31);
    expect(h.pick(33, levels, holds)).toBe(true); // 32 is nearer than 48
    expect([levels[0], holds[30]]).toEqual([-2, 8]);
    expect(h.pick(41, levels, holds)).toBe(true); // 48 is nearer than 32
    expect(levels[0]).toBe(-3);
    expect(h.pick(1000, levels, holds)).toBe(true); // later than the newest: the newest
    expect(levels[0]).toBe(-4);
  });

  it('shows nothing before it reaches back far enough; when full, a longer delay gets the oldest', () => {
    const h = new SpectrumHistory(4);
    const levels = new Float32Array(31).fill(99);
    const holds = new Float32Array(31).fill(99);
    expect(h.pick(0, levels, holds)).toBe(false);
    h.push(100, bands(-1), bands(-1));
    h.push(116, bands(-2), bands(-2));
    expect(h.pick(50, levels, holds)).toBe(false); // not yet heard
    expect(levels[0]).toBe(99); // untouched
    h.push(132, bands(-3), bands(-3));
    h.push(148, bands(-4), bands(-4));
    h.push(164, bands(-5), bands(-5)); // overwrites 100
    expect(h.size).toBe(4);
    expect(h.pick(0, levels, holds)).toBe(true); // full: the oldest (116)
    expect(levels[0]).toBe(-2);
    h.clear();
    expect(h.pick(1000, levels, holds)).toBe(false);
  });

  it('rejects a bad capacity with the range', () => {
    expect(() => new SpectrumHistory(1)).toThrow(/SpectrumHistory: capacity must be an integer from 2 to 4096, got 1/);
  });
});

describe('SpectrumView behind a DelayedSource', () => {
  /** A spectrum of bank track 0, a manual bank for its track snapshots, a demand frame loop. */
  function rig(delayMs: number | null) {
    const words = createSpectrumWords({ tracks: [0], sampleRate: 48000, shared: false });
    const writer = new SpectrumBankWriter(words);
    const bank = createManualBank({ tracks: 1, channels: 2 });
    const source = delayMs === null ? bank.source : new DelayedSource(bank.source, delayMs);
    const loop = createFrameLoop({ mode: 'demand', document: null, raf: () => 0, caf: () => {} });
    const binding = new ViewBinding(
      { width: 0, height: 0 },
      null,
      { type: 'spectrum', options: resolveSpectrumOptions('test', { track: 0, spectrum: words }) },
      SPECTRUM_VIEWS,
      loop,
    );
    binding.resize(340, 200, 1);
    binding.setTracks(source, [0]);
    const view = binding.view as SpectrumView;
    /** Runs 16 ms frames up to `untilMs`, publishing `db(t)` before each; returns the frame times at which the shown level changed. */
    let t = 0;
    const run = (untilMs: number, db: (t: number) => number) => {
      const changes: [number, number][] = [];
      for (; t <= untilMs; t += 16) {
        const d = db(t);
        writer.publish(0, bands(d), bands(d + 6));
        bank.set(0, { levelDb: -20 }); // the track's snapshots stay live
        const before = view.shownDb[0];
        loop.advance(16);
        if (view.shownDb[0] !== before) changes.push([loop.clock.nowMs, view.shownDb[0]]);
      }
      return changes;
    };
    return { source, view, run };
  }

  it('without a delay, a spectrum reading shows in the frame it is published', () => {
    const { run } = rig(null);
    const changes = run(1000, (t) => (t < 480 ? -24 : -6));
    expect(changes[0][1]).toBe(-24);
    const jump = changes.find(([, db]) => db === -6)!;
    expect(jump[0]).toBeGreaterThanOrEqual(480);
    expect(jump[0]).toBeLessThanOrEqual(500);
  });

  it('with 300 ms, it shows 300 ms later (within a frame), and a delay change is followed', () => {
    const { source, run } = rig(300);
    const changes = run(1500, (t) => (t < 480 ? -24 : -6));
    const jump = changes.find(([, db]) => db === -6)!;
    expect(jump[0]).toBeGreaterThanOrEqual(480 + 300 - 16);
    expect(jump[0]).toBeLessThanOrEqual(500 + 300 + 16);
    // The hold caps move with it.
    (source as DelayedSource).setDelayMs(0);
    const now = run(2000, (t) => (t < 1700 ? -6 : -48));
    const drop = now.find(([, db]) => db === -48)!;
    expect(drop[0]).toBeLessThanOrEqual(1700 + 32);
  });
});
