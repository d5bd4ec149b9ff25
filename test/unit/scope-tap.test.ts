/**
 * The worklet's scope work (ScopeTap) driven directly: shared rings get every block; the
 * message transport collects whole batches of ≈ 20 ms and posts each once; mono tracks write
 * L = R; the master bus is scoped as summed.
 */
import { describe, it, expect } from 'vitest';
import { ScopeTap, scopeBatchFrames, type ScopeBatch } from '../../src/core/metering/scope-tap';
import { BankMetering } from '../../src/core/metering/bank-metering';
import { createBankWords } from '../../src/core/bank/layout';
import { resolveLevelOptions } from '../../src/dsp/level-meter';
import { createScopeWords } from '../../src/core/scope/ring-layout';
import { SampleRingReader } from '../../src/core/scope/ring-reader';

function metering(tracks: number, channels: number, master: boolean) {
  const bankTracks = tracks + (master ? 1 : 0);
  const words = createBankWords({ tracks: bankTracks, channels, sampleRate: 48000, shared: false });
  const { sampleRate: _s, ...level } = resolveLevelOptions({ sampleRate: 48000 });
  return new BankMetering(
    { tracks, channels, groups: [], master, ballistics: new Array(bankTracks).fill(null), loudness: [], correlation: [], correlationWindowMs: 300, level },
    words,
    48000,
  );
}

const block = (from: number, scale: number) => Float32Array.from({ length: 128 }, (_, i) => (scale * ((from + i) % 1000)) / 1000);

describe('scopeBatchFrames', () => {
  it('is 20 ms in whole render quanta', () => {
    expect(scopeBatchFrames(48000)).toBe(1024);
    expect(scopeBatchFrames(44100)).toBe(896);
    expect(scopeBatchFrames(96000)).toBe(1920);
    expect(scopeBatchFrames(8000)).toBe(128);
  });
});

describe('ScopeTap', () => {
  it('shared: each block of an input and of the master bus lands in its ring (mono: L = R)', () => {
    const m = metering(2, 1, true);
    const scope = createScopeWords({ tracks: [1, 2], capacity: 4096, sampleRate: 48000, shared: false });
    const tap = new ScopeTap([1, 2], scope, 1024);
    const input = new SampleRingReader(scope, 0);
    const master = new SampleRingReader(scope, 1);
    for (let q = 0; q < 3; q++) {
      m.process([[block(q * 128, 0.5)], [block(q * 128, 0.25)]], 128, (q + 1) * 128);
      tap.write(m, 128, null);
    }
    const l = new Float32Array(1024);
    const r = new Float32Array(1024);
    expect(input.readInto(l, r)).toBe(384);
    expect(l[200]).toBeCloseTo(0.25 * 0.2, 6);
    expect(r[200]).toBe(l[200]);
    expect(master.readInto(l, r)).toBe(384);
    expect(l[200]).toBeCloseTo(0.75 * 0.2, 6);
  });

  it('message: posts whole batches, each once, in order; flush posts the rest', () => {
    const m = metering(1, 2, false);
    const tap = new ScopeTap([0], null, 1024);
    const posted: { frames: number; first: number; last: number }[] = [];
    const post = (b: ScopeBatch) => posted.push({ frames: b.frames, first: b.data[0], last: b.data[2 * (b.frames - 1)] });
    for (let q = 0; q < 20; q++) {
      m.process([[block(q * 128, 1), block(q * 128, -1)]], 128, (q + 1) * 128);
      tap.write(m, 128, post);
    }
    expect(posted.map((p) => p.frames)).toEqual([1024, 1024]); // 2560 frames: two full batches, 512 pending
    expect(posted[1].first).toBeCloseTo(24 / 1000, 6); // frame 1024 → (1024 % 1000) / 1000
    tap.flush(post);
    expect(posted.map((p) => p.frames)).toEqual([1024, 1024, 512]);
    tap.flush(post);
    expect(posted).toHaveLength(3); // nothing pending: nothing posted
  });
});
