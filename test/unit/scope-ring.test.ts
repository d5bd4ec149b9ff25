/**
 * The scope sample ring's contract on one thread: layout, every frame once, wrap-around of the
 * ring and of the 32-bit frame counter, decimation above the output's size, overrun (skip to
 * the newest, count the loss), validation.
 */
import { describe, it, expect } from 'vitest';
import { createScopeWords, ringBase, ringOfTrack, scopeWordCount, R_WRITE, S_CAPACITY, SCOPE_MAX_BLOCK } from '../../src/core/scope/ring-layout';
import { SampleRingWriter } from '../../src/core/scope/ring-writer';
import { SampleRingReader } from '../../src/core/scope/ring-reader';

const CAP = 1024;
function ramp(from: number, n: number): [Float32Array, Float32Array] {
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    l[i] = from + i;
    r[i] = -(from + i);
  }
  return [l, r];
}

describe('scope buffer layout', () => {
  it('places the rings after the header, each a header plus CAPACITY interleaved frames', () => {
    const words = createScopeWords({ tracks: [3, 7], capacity: CAP, sampleRate: 48000, shared: true });
    expect(words.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(words.length).toBe(scopeWordCount(2, CAP));
    expect(words.length).toBe(8 + 2 * (8 + 2 * CAP));
    expect(ringBase(CAP, 1)).toBe(8 + 8 + 2 * CAP);
    expect(words[S_CAPACITY]).toBe(CAP);
    expect(ringOfTrack(words, 7)).toBe(1);
    expect(ringOfTrack(words, 3)).toBe(0);
    expect(ringOfTrack(words, 4)).toBe(-1);
    const reader = new SampleRingReader(words, 1);
    expect([reader.track, reader.sampleRate, reader.capacity]).toEqual([7, 48000, CAP]);
  });

  it('rejects a capacity that is not a power of two in range, and words that are not a scope buffer', () => {
    expect(() => createScopeWords({ tracks: [0], capacity: 3000, sampleRate: 48000, shared: false })).toThrow(
      'scope capacity must be a power of two from 1024 to 1048576, got 3000',
    );
    expect(() => createScopeWords({ tracks: [0], capacity: 512, sampleRate: 48000, shared: false })).toThrow(RangeError);
    expect(() => new SampleRingReader(new Int32Array(64), 0)).toThrow(/SampleRingReader: words must be a scope buffer/);
    expect(() => new SampleRingWriter(new Int32Array(64), 0)).toThrow(TypeError);
  });
});

describe('SampleRingReader.readInto', () => {
  it("returns every frame written since the previous read, once, across the ring's wrap-around", () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 48000, shared: false });
    const w = new SampleRingWriter(words, 0);
    const r = new SampleRingReader(words, 0);
    const outL = new Float32Array(CAP);
    const outR = new Float32Array(CAP);
    let next = 1;
    for (let round = 0; round < 20; round++) {
      const n = 300 + round * 17; // not a divisor of the capacity: the copy wraps
      const [l, rr] = ramp(next, n);
      w.write(l, rr, 0, n);
      expect(r.readInto(outL, outR)).toBe(n);
      for (let i = 0; i < n; i++) {
        expect(outL[i]).toBe(next + i);
        expect(outR[i]).toBe(-(next + i));
      }
      next += n;
      expect(r.readInto(outL, outR)).toBe(0); // nothing new
    }
    expect(r.lostFrames).toBe(0);
  });

  it('survives the 32-bit frame counter wrapping', () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 48000, shared: false });
    words[ringBase(CAP, 0) + R_WRITE] = 0xffffff00 | 0; // 256 frames before 2^32
    const w = new SampleRingWriter(words, 0);
    const r = new SampleRingReader(words, 0);
    const [l, rr] = ramp(1, 600);
    w.write(l, rr, 0, 600);
    expect(words[ringBase(CAP, 0) + R_WRITE] >>> 0).toBe(600 - 256);
    const outL = new Float32Array(CAP);
    const outR = new Float32Array(CAP);
    expect(r.readInto(outL, outR)).toBe(600);
    expect(outL[0]).toBe(1);
    expect(outL[599]).toBe(600);
    expect(r.lostFrames).toBe(0);
  });

  it('decimates above the output size: every d-th frame, d = ceil(n / out.length), covering the whole interval', () => {
    const words = createScopeWords({ tracks: [0], capacity: 4096, sampleRate: 48000, shared: false });
    const w = new SampleRingWriter(words, 0);
    const r = new SampleRingReader(words, 0);
    const [l, rr] = ramp(0, 2500);
    w.write(l, rr, 0, 2500);
    const outL = new Float32Array(1000);
    const outR = new Float32Array(1000);
    expect(r.readInto(outL, outR)).toBe(834); // ceil(2500 / 3)
    expect(r.lastStep).toBe(3);
    expect(Array.from(outL.subarray(0, 4))).toEqual([0, 3, 6, 9]);
    expect(outL[833]).toBe(2499);
    expect(r.lostFrames).toBe(0);
    w.write(l, rr, 0, 10);
    expect(r.readInto(outL, outR)).toBe(10);
    expect(r.lastStep).toBe(1);
  });

  it('overrun: a reader more than CAPACITY − MAX_BLOCK frames behind skips to the newest and counts the loss', () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 48000, shared: false });
    const w = new SampleRingWriter(words, 0);
    const r = new SampleRingReader(words, 0);
    const [l, rr] = ramp(1, 5000);
    w.write(l, rr, 0, 5000);
    const outL = new Float32Array(CAP);
    const outR = new Float32Array(CAP);
    const safe = CAP - SCOPE_MAX_BLOCK;
    expect(r.readInto(outL, outR)).toBe(safe);
    expect(r.lostFrames).toBe(5000 - safe);
    expect(outL[0]).toBe(5000 - safe + 1);
    expect(outL[safe - 1]).toBe(5000); // the newest frame
    r.resetLostFrames();
    expect(r.lostFrames).toBe(0);
  });

  it('mono: the same array for both channels', () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 44100, shared: false });
    const w = new SampleRingWriter(words, 0);
    const r = new SampleRingReader(words, 0);
    const [l] = ramp(5, 128);
    w.write(l, l, 0, 128);
    const outL = new Float32Array(256);
    const outR = new Float32Array(256);
    expect(r.readInto(outL, outR)).toBe(128);
    expect(outR[127]).toBe(outL[127]);
    expect(outL[127]).toBe(132);
  });

  it('a reader starts at the newest frame: nothing written before it was constructed', () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 48000, shared: false });
    const w = new SampleRingWriter(words, 0);
    const [l, rr] = ramp(1, 200);
    w.write(l, rr, 0, 200);
    const r = new SampleRingReader(words, 0);
    expect(r.readInto(new Float32Array(CAP), new Float32Array(CAP))).toBe(0);
  });
});

describe('SampleRingReader.readInto with a lag (output alignment)', () => {
  const setup = () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 48000, shared: false });
    return { w: new SampleRingWriter(words, 0), r: new SampleRingReader(words, 0), outL: new Float32Array(CAP), outR: new Float32Array(CAP) };
  };
  let next = 1;
  const write = (w: SampleRingWriter, n: number) => {
    const [l, rr] = ramp(next, n);
    w.write(l, rr, 0, n);
    next += n;
  };

  it('stops lagFrames short of the newest; every frame once as the writer moves on', () => {
    const { w, r, outL, outR } = setup();
    next = 1;
    write(w, 100);
    expect(r.readInto(outL, outR, 300)).toBe(0); // nothing is 300 frames old yet
    write(w, 250);
    expect(r.readInto(outL, outR, 300)).toBe(50); // frames 1 … 50 (350 written)
    expect([outL[0], outL[49]]).toEqual([1, 50]);
    write(w, 128);
    expect(r.readInto(outL, outR, 300)).toBe(128);
    expect([outL[0], outL[127]]).toEqual([51, 178]); // 478 written, 300 held back
    expect(r.lostFrames).toBe(0);
  });

  it('a lag that grows holds (no frame twice); one that shrinks returns the frames in between', () => {
    const { w, r, outL, outR } = setup();
    next = 1;
    write(w, 400);
    expect(r.readInto(outL, outR, 100)).toBe(300); // frames 1 … 300
    write(w, 100); // 500 written
    expect(r.readInto(outL, outR, 400)).toBe(0); // the lag grew by 300: hold
    write(w, 250); // 750 written: 350 are 400 frames old, 300 already returned
    expect(r.readInto(outL, outR, 400)).toBe(50);
    expect([outL[0], outL[49]]).toEqual([301, 350]);
    expect(r.readInto(outL, outR, 50)).toBe(350); // the lag shrank: 351 … 700 at once
    expect([outL[0], outL[349]]).toEqual([351, 700]);
    expect(r.lostFrames).toBe(0);
  });

  it('caps the lag at maxLagFrames (three quarters of the safe span); NaN and negative lags read as 0', () => {
    const { w, r, outL, outR } = setup();
    next = 1;
    expect(r.maxLagFrames).toBe(CAP - SCOPE_MAX_BLOCK - CAP / 4);
    write(w, 800);
    expect(r.readInto(outL, outR, 1e9)).toBe(800 - r.maxLagFrames);
    expect(outL[800 - r.maxLagFrames - 1]).toBe(800 - r.maxLagFrames);
    write(w, 10);
    expect(r.readInto(outL, outR, NaN)).toBe(10 + r.maxLagFrames);
    write(w, 10);
    expect(r.readInto(outL, outR, -5)).toBe(10);
  });

  it('rewind with a lag: the frames before the newest lagFrames; nothing old enough yet: from the first frame', () => {
    const { w, r, outL, outR } = setup();
    next = 1;
    write(w, 300);
    r.rewind(100, 250); // frames 1 … 50 are old enough: all of them
    expect(r.readInto(outL, outR, 250)).toBe(50);
    expect([outL[0], outL[49]]).toEqual([1, 50]);
    r.rewind(20, 100);
    expect(r.readInto(outL, outR, 100)).toBe(20);
    expect([outL[0], outL[19]]).toEqual([181, 200]);
    const fresh = setup();
    next = 1;
    write(fresh.w, 100);
    fresh.r.rewind(500, 300); // 100 written, none 300 old: start at frame 1, shown once it is
    expect(fresh.r.readInto(fresh.outL, fresh.outR, 300)).toBe(0);
    write(fresh.w, 250);
    expect(fresh.r.readInto(fresh.outL, fresh.outR, 300)).toBe(50);
    expect(fresh.outL[0]).toBe(1);
  });
});

describe('SampleRingReader.rewind', () => {
  it('returns the newest frames again, at most what was written and the safe span', () => {
    const words = createScopeWords({ tracks: [0], capacity: CAP, sampleRate: 48000, shared: false });
    const w = new SampleRingWriter(words, 0);
    const [l, rr] = ramp(1, 300);
    w.write(l, rr, 0, 300);
    const r = new SampleRingReader(words, 0);
    const outL = new Float32Array(CAP);
    const outR = new Float32Array(CAP);
    r.rewind(100);
    expect(r.readInto(outL, outR)).toBe(100);
    expect(outL[0]).toBe(201);
    r.rewind(5000); // more than was written: from the first frame
    expect(r.readInto(outL, outR)).toBe(300);
    expect(outL[0]).toBe(1);
    const [l2, r2] = ramp(301, 3000);
    w.write(l2, r2, 0, 3000);
    r.rewind(5000); // more than the safe span: the newest CAP − MAX_BLOCK
    expect(r.readInto(outL, outR)).toBe(CAP - SCOPE_MAX_BLOCK);
    expect(outL[CAP - SCOPE_MAX_BLOCK - 1]).toBe(3300);
    expect(r.lostFrames).toBe(0);
  });
});
