import { describe, it, expect } from 'vitest';
import { createFrameLoop, type VisibilitySource } from '../../src/core/frame-loop';

/** A controllable rAF: frames run only when the test says so. */
function fakeRaf() {
  let next = 1;
  const pending = new Map<number, (t: number) => void>();
  let time = 0;
  return {
    raf: (cb: (t: number) => void) => {
      const id = next++;
      pending.set(id, cb);
      return id;
    },
    caf: (id: number) => void pending.delete(id),
    get pending() {
      return pending.size;
    },
    /** Runs the callbacks scheduled so far at time += 16.667. */
    frame() {
      time += 1000 / 60;
      const cbs = [...pending.values()];
      pending.clear();
      for (const cb of cbs) cb(time);
    },
  };
}

class FakeDocument implements VisibilitySource {
  hidden = false;
  listeners = new Set<() => void>();
  addEventListener(_: 'visibilitychange', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_: 'visibilitychange', l: () => void) {
    this.listeners.delete(l);
  }
  set(hidden: boolean) {
    this.hidden = hidden;
    for (const l of this.listeners) l();
  }
}

describe('frame loop', () => {
  it('runs phases in order read → update → draw, whatever the subscription order', () => {
    const r = fakeRaf();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null });
    const order: string[] = [];
    loop.subscribe(() => order.push('draw1'));
    loop.subscribe(() => order.push('update'), 'update');
    loop.subscribe(() => order.push('read'), 'read');
    loop.subscribe(() => order.push('draw2'), 'draw');
    r.frame();
    expect(order).toEqual(['read', 'update', 'draw1', 'draw2']);
  });

  it('passes frame time, delta and count through one clock object updated in place', () => {
    const r = fakeRaf();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null });
    const seen: [number, number][] = [];
    loop.subscribe((clock) => seen.push([clock.nowMs, clock.deltaMs]));
    r.frame();
    r.frame();
    expect(seen[0][1]).toBe(0);
    expect(seen[1][1]).toBeCloseTo(1000 / 60, 9);
    expect(loop.clock.frame).toBe(2);
    expect(loop.clock.nowMs).toBe(seen[1][0]);
  });

  it('stops itself when nothing is subscribed and restarts on subscribe', () => {
    const r = fakeRaf();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null });
    expect(loop.running).toBe(false);
    const off = loop.subscribe(() => {});
    expect(loop.running).toBe(true);
    r.frame();
    expect(r.pending).toBe(1);
    off();
    off(); // idempotent
    expect(loop.subscriberCount).toBe(0);
    expect(loop.running).toBe(false);
    expect(r.pending).toBe(0);
    loop.subscribe(() => {});
    expect(r.pending).toBe(1);
  });

  it('one rAF per frame however many subscribers', () => {
    const r = fakeRaf();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null });
    for (let i = 0; i < 128; i++) loop.subscribe(() => {});
    expect(r.pending).toBe(1);
  });

  it('pauses while the page is hidden and resumes when visible; removes its listener when idle', () => {
    const r = fakeRaf();
    const doc = new FakeDocument();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: doc });
    let n = 0;
    const off = loop.subscribe(() => n++);
    r.frame();
    doc.set(true);
    expect(r.pending).toBe(0);
    r.frame();
    expect(n).toBe(1);
    doc.set(false);
    r.frame();
    expect(n).toBe(2);
    off();
    expect(doc.listeners.size).toBe(0);
  });

  it('demand mode: no rAF; advance() runs exactly one frame on a virtual clock', () => {
    const r = fakeRaf();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null, mode: 'demand' });
    const times: number[] = [];
    loop.subscribe((clock) => times.push(clock.nowMs));
    expect(r.pending).toBe(0);
    loop.advance(10);
    loop.advance(10);
    loop.advance();
    expect(times).toEqual([10, 20, 20 + 1000 / 60]);
    loop.mode = 'auto';
    expect(r.pending).toBe(1);
    loop.mode = 'demand';
    expect(r.pending).toBe(0);
  });

  it('a subscriber that unsubscribes another mid-frame does not skip or crash the frame', () => {
    const r = fakeRaf();
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null });
    const calls: string[] = [];
    let offB = () => {};
    loop.subscribe(() => {
      calls.push('a');
      offB();
    });
    offB = loop.subscribe(() => calls.push('b'));
    r.frame();
    r.frame();
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('a throwing subscriber is reported and the others still run', () => {
    const r = fakeRaf();
    const errors: unknown[] = [];
    const loop = createFrameLoop({ raf: r.raf, caf: r.caf, document: null, onError: (e) => errors.push(e) });
    let ran = 0;
    loop.subscribe(() => {
      throw new Error('boom');
    });
    loop.subscribe(() => ran++);
    r.frame();
    r.frame();
    expect(ran).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('rejects a bad phase or mode with a RangeError', () => {
    const loop = createFrameLoop({ raf: () => 0, caf: () => {}, document: null });
    expect(() => loop.subscribe(() => {}, 'paint' as never)).toThrow(/phase must be one of "read", "update", "draw", got "paint"/);
    expect(() => {
      loop.mode = 'sometimes' as never;
    }).toThrow(/mode must be "auto" or "demand"/);
  });

  it('works without a DOM (SSR / Node): no rAF, frames only on demand', () => {
    const loop = createFrameLoop({ document: null });
    let n = 0;
    loop.subscribe(() => n++);
    loop.advance();
    expect(n).toBe(1);
  });
});
