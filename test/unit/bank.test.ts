import { describe, it, expect } from 'vitest';
import {
  createBankWords,
  bankLayout,
  bytesForBank,
  trackBase,
  T_SEQ,
  H_HEARTBEAT,
  MAX_TRACKS,
  FEATURE_LOUDNESS,
  FEATURE_CORRELATION,
  controlBase,
  layoutFromWords,
  K_CONSUMED,
} from '../../src/core/bank/layout';
import { BankWriter, RESET_OVERS, RESET_HOLD, RESET_LOUDNESS, PEAK_RING, type ChannelLevelSource } from '../../src/core/bank/writer';
import { MeterBankReader, createTrackLevels, fieldCount } from '../../src/core/bank/reader';
import { LevelMeter } from '../../src/dsp/level-meter';

/** A channel source that publishes exactly the values it is given. */
class Fixed implements ChannelLevelSource {
  peakValue = 0;
  decayingPeak = 0;
  hold = 0;
  rms = 0;
  overs = 0;
  nonFinite = 0;
  takePeak(): number {
    const p = this.peakValue;
    this.peakValue = 0;
    return p;
  }
}

function bank(tracks = 2, channels = 2, shared = true) {
  const words = createBankWords({ tracks, channels, sampleRate: 48000, shared });
  const writer = new BankWriter(words);
  writer.start(FEATURE_LOUDNESS | FEATURE_CORRELATION);
  return { words, writer };
}

describe('bank layout', () => {
  it('sizes the bank from tracks and channels, with cache-line padded tracks', () => {
    const l = bankLayout(128, 2);
    expect(l.trackStride % 16).toBe(0);
    expect(bytesForBank(128, 2)).toBe(l.totalWords * 4);
    expect(bytesForBank(MAX_TRACKS, 8)).toBeLessThan(1_000_000);
  });

  it('rejects bad geometry with RangeErrors naming the option', () => {
    expect(() => bankLayout(0, 2)).toThrow(/tracks must be an integer from 1 to 1024, got 0/);
    expect(() => bankLayout(1025, 2)).toThrow(/tracks must be an integer from 1 to 1024, got 1025/);
    expect(() => bankLayout(2.5, 2)).toThrow(/tracks .* got 2.5/);
    expect(() => bankLayout(1, 9)).toThrow(/channels must be an integer from 1 to 8, got 9/);
    expect(() => createBankWords({ tracks: 1, channels: 1, sampleRate: 4000, shared: false })).toThrow(
      /sampleRate must be a number from 8000 to 192000 Hz, got 4000/,
    );
  });

  it('refuses a buffer that is not a bank', () => {
    expect(() => new MeterBankReader(new Int32Array(64))).toThrow(/not a meterkit meter bank/);
  });
});

describe('float bit patterns round-trip through the bank', () => {
  const values = [0, -0, 1, 3.4028234663852886e38, 1.401298464324817e-45, NaN, Infinity, -Infinity, 0.5, Math.fround(1e-30)];
  for (const shared of [true, false]) {
    it(`${shared ? 'SharedArrayBuffer' : 'ArrayBuffer'}: every boundary value reads back bit-exactly`, () => {
      const { words, writer } = bank(1, 1, shared);
      const reader = new MeterBankReader(words);
      const src = new Fixed();
      const out = createTrackLevels(1);
      for (const v of values) {
        src.decayingPeak = v;
        src.hold = v;
        src.rms = v;
        writer.beginPublish();
        writer.writeTrack(0, [src], null, null);
        writer.endPublish(1);
        expect(reader.readInto(0, out)).toBe(true);
        for (const got of [out.decayingPeak[0], out.hold[0], out.rms[0]]) expect(Object.is(got, v)).toBe(true);
      }
    });
  }

  it('counts read back as uint32 and saturate', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words);
    const src = new Fixed();
    src.overs = 3_000_000_000;
    src.nonFinite = 2 ** 40;
    writer.beginPublish();
    writer.writeTrack(0, [src], null, null);
    const out = createTrackLevels(1);
    reader.readInto(0, out);
    expect(out.overs[0]).toBe(3_000_000_000);
    expect(out.nonFinite[0]).toBe(4294967295);
  });
});

describe('reader', () => {
  it('reads each channel of each track separately (no channel or track crosstalk)', () => {
    const { words, writer } = bank(3, 2);
    const reader = new MeterBankReader(words);
    writer.beginPublish();
    for (let t = 0; t < 3; t++) {
      const l = new Fixed();
      const r = new Fixed();
      l.rms = 0.1 * (t + 1);
      r.rms = 0.01 * (t + 1);
      writer.writeTrack(t, [l, r], null, null);
    }
    const out = createTrackLevels(2);
    for (let t = 0; t < 3; t++) {
      reader.readInto(t, out);
      expect(out.rms[0]).toBeCloseTo(0.1 * (t + 1), 6);
      expect(out.rms[1]).toBeCloseTo(0.01 * (t + 1), 6);
    }
  });

  it('readFieldsInto fills a typed array in the documented order', () => {
    const { words, writer } = bank(1, 2);
    const reader = new MeterBankReader(words);
    const a = new Fixed();
    a.peakValue = 0.5;
    a.decayingPeak = 0.25;
    a.hold = 0.75;
    a.rms = 0.125;
    a.overs = 7;
    a.nonFinite = 2;
    writer.beginPublish();
    writer.writeTrack(0, [a, new Fixed()], Float64Array.from([0.375, 0]), Float64Array.from([-23, -22, -21, 5, -1, 0.5, -0.25, 12]));
    const out = new Float64Array(fieldCount(2) + 1);
    expect(reader.readFieldsInto(0, out, 1)).toBe(true);
    expect(Array.from(out.subarray(1, 8))).toEqual([0.5, 0.25, 0.75, 0.125, 7, 2, 0.375]);
    expect(Array.from(out.subarray(15, 23))).toEqual([-23, -22, -21, 5, -1, 0.5, -0.25, 12]);
    expect(() => reader.readFieldsInto(0, new Float64Array(4))).toThrow(/out must have room for 22 values/);
    // A track published without extras reads NaN there ("not measured").
    const two = bank(2, 2);
    two.writer.beginPublish();
    two.writer.writeTrack(1, [a, new Fixed()], null, null);
    const levels = createTrackLevels(2);
    new MeterBankReader(two.words).readInto(1, levels);
    expect([levels.momentary, levels.integrated, levels.correlation, levels.loudnessSeconds]).toEqual([NaN, NaN, NaN, NaN]);
    expect(levels.ballistic[0]).toBe(levels.decayingPeak[0]); // digital peak: the decaying peak
    expect(levels.ballistic[0]).toBe(0.25);
    // A writer that measures neither: the reader does not even copy the extras; still NaN.
    const plain = createBankWords({ tracks: 1, channels: 2, sampleRate: 48000, shared: false });
    const plainWriter = new BankWriter(plain);
    plainWriter.start(0);
    plainWriter.beginPublish();
    plainWriter.writeTrack(0, [a, new Fixed()], null, null);
    new MeterBankReader(plain).readInto(0, levels);
    expect([levels.momentary, levels.correlation]).toEqual([NaN, NaN]);
    expect(levels.rms[0]).toBe(0.125);
  });

  it('rejects an out-of-range track with a RangeError naming the value and range', () => {
    const { words } = bank(4, 1);
    const reader = new MeterBankReader(words);
    const out = createTrackLevels(1);
    expect(() => reader.readInto(4, out)).toThrow(/track must be an integer from 0 to 3, got 4/);
    expect(() => reader.readInto(-1, out)).toThrow(RangeError);
    expect(() => reader.readInto(NaN, out)).toThrow(/got NaN/);
    expect(() => reader.clearOvers(9)).toThrow(/track must be an integer from 0 to 3, got 9/);
    expect(() => reader.readInto(0, createTrackLevels(2))).toThrow(/out.channels must be 1/);
  });

  it('gives up after bounded retries while the writer is inside, leaving the snapshot untouched', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words, { maxRetries: 5 });
    const src = new Fixed();
    src.rms = 0.5;
    writer.beginPublish();
    writer.writeTrack(0, [src], null, null);
    const out = createTrackLevels(1);
    expect(reader.readInto(0, out)).toBe(true);
    const seqIndex = trackBase(reader.layout, 0) + T_SEQ;
    Atomics.add(words, seqIndex, 1); // the writer "stalls" mid-publish: odd sequence
    out.rms[0] = 0.123;
    expect(reader.readInto(0, out)).toBe(false);
    expect(out.rms[0]).toBeCloseTo(0.123, 6);
    expect(reader.contended).toBe(1);
  });
});

describe('sample peak since the consuming reader last read', () => {
  it('a single-sample spike between two reads is reported once, then cleared', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words, { consume: true });
    const meter = new LevelMeter({ sampleRate: 48000 });
    const out = createTrackLevels(1);
    const quantum = new Float32Array(128);
    const publish = (spike = false) => {
      quantum.fill(0);
      if (spike) quantum[57] = 0.8;
      meter.process(quantum);
      writer.beginPublish();
      writer.writeTrack(0, [meter], null, null);
      writer.endPublish(0);
    };
    publish();
    reader.readInto(0, out);
    expect(out.peak[0]).toBe(0);
    // frame interval: 6 quanta, the spike in the 2nd
    publish();
    publish(true);
    publish();
    publish();
    publish();
    publish();
    reader.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.8, 6);
    reader.readInto(0, out); // read again before anything new was published: delivered already
    expect(out.peak[0]).toBe(0);
    expect(out.decayingPeak[0]).toBeGreaterThan(0.7); // the other fields are state, not deltas
    publish();
    reader.readInto(0, out);
    expect(out.peak[0]).toBe(0);
  });

  it('a spike published after the reader read but before the writer saw the acknowledgement is not lost', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words, { consume: true });
    const src = new Fixed();
    const out = createTrackLevels(1);
    const publish = (peak: number) => {
      src.peakValue = peak;
      writer.beginPublish();
      writer.writeTrack(0, [src], null, null);
    };
    publish(0.3); // publish 1
    reader.readInto(0, out); // reader consumed publish 1 (0.3)
    expect(out.peak[0]).toBeCloseTo(0.3, 6);
    // Writer: publish 2 has the ack of 1 → only publish 2's peak counts.
    publish(0.9);
    reader.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.9, 6);
    publish(0.1); // publish 3: ack of 2 seen → only publish 3
    publish(0.2); // publish 4: no new ack → max(3, 4)
    reader.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.2, 6);
  });

  it('uses the exact window after a long read gap and never under-reports', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words, { consume: true });
    const src = new Fixed();
    const out = createTrackLevels(1);
    const publish = (peak: number) => {
      src.peakValue = peak;
      writer.beginPublish();
      writer.writeTrack(0, [src], null, null);
    };
    publish(0.5);
    publish(0.1);
    reader.readInto(0, out); // consumed publish 2 (peak 0.5 since start)
    expect(out.peak[0]).toBeCloseTo(0.5, 6);
    for (let i = 0; i < PEAK_RING * 3; i++) publish(i === 5 ? 0.7 : 0.05);
    reader.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.7, 6);
  });

  it('an acknowledgement more than PEAK_RING publishes late keeps the running max: counted, may repeat a spike, never loses one', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words, { consume: true });
    const src = new Fixed();
    const out = createTrackLevels(1);
    const publish = (peak: number) => {
      src.peakValue = peak;
      writer.beginPublish();
      writer.writeTrack(0, [src], null, null);
    };
    const ack = controlBase(layoutFromWords(words), 0) + K_CONSUMED;
    publish(0.9);
    publish(0.05);
    reader.readInto(0, out); // copies publish 2 (0.9 since the start) and acknowledges it
    expect(out.peak[0]).toBeCloseTo(0.9, 6);
    const acked = Atomics.load(words, ack);
    expect(acked).toBe(2);
    // The reader stalled between its copy and its acknowledgement: the writer sees the old word…
    Atomics.store(words, ack, 0);
    for (let i = 0; i < PEAK_RING + 10; i++) publish(i === 50 ? 0.6 : 0.05);
    expect(writer.lateAcknowledgements).toBe(0);
    Atomics.store(words, ack, acked); // …and the acknowledgement lands PEAK_RING + 10 publishes late.
    publish(0.05);
    expect(writer.lateAcknowledgements).toBe(1);
    reader.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.9, 6); // the running max: 0.9 once more (over-report), 0.6 inside it
    publish(0.1);
    reader.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.1, 6); // exact again from the next acknowledgement
    expect(writer.lateAcknowledgements).toBe(1);
  });

  it('a publish that skips a track counts as silent for it: an old spike in the ring is never shown again', () => {
    const { words, writer } = bank(1, 1);
    const reader = new MeterBankReader(words, { consume: true });
    const src = new Fixed();
    const out = createTrackLevels(1);
    const seen: number[] = [];
    const publish = (peak: number, write = true) => {
      src.peakValue = peak;
      writer.beginPublish();
      if (write) writer.writeTrack(0, [src], null, null);
      reader.readInto(0, out);
      if (out.peak[0] > 0.5) seen.push(out.peak[0]);
    };
    publish(0.9); // publish 1: ring entry 1
    for (let i = 2; i <= PEAK_RING; i++) publish(0.05);
    publish(0.05, false); // publish 129 (ring entry 1 again) begun but the track not written
    publish(0.05); // publish 130: the recompute covers 129 and 130
    publish(0.05);
    expect(seen.map((v) => Math.round(v * 100) / 100)).toEqual([0.9]);
  });

  it('non-consuming readers do not reset the peak', () => {
    const { words, writer } = bank(1, 1);
    const observer = new MeterBankReader(words);
    const src = new Fixed();
    const out = createTrackLevels(1);
    src.peakValue = 0.6;
    writer.beginPublish();
    writer.writeTrack(0, [src], null, null);
    observer.readInto(0, out);
    writer.beginPublish();
    writer.writeTrack(0, [src], null, null);
    observer.readInto(0, out);
    expect(out.peak[0]).toBeCloseTo(0.6, 6);
  });
});

describe('reset words from the UI to the writer', () => {
  it('per-track and all-track requests reach the writer once each', () => {
    const { words, writer } = bank(3, 1);
    const reader = new MeterBankReader(words);
    const seen: string[] = [];
    const apply = (t: number, mask: number) => seen.push(`${t}:${mask}`);
    expect(writer.controlChanged()).toBe(false);
    reader.clearOvers(1);
    reader.clearHolds(1);
    expect(writer.controlChanged()).toBe(true);
    writer.takeResets(apply);
    expect(seen).toEqual([`1:${RESET_OVERS | RESET_HOLD}`]);
    expect(writer.controlChanged()).toBe(false);
    seen.length = 0;
    reader.resetLoudness();
    writer.takeResets(apply);
    expect(seen).toEqual([0, 1, 2].map((t) => `${t}:${RESET_LOUDNESS}`));
    seen.length = 0;
    writer.takeResets(apply);
    expect(seen).toEqual([]);
  });
});

describe('staleness', () => {
  it('reports stale before the writer starts, when the heartbeat stops, and after stop', () => {
    const words = createBankWords({ tracks: 1, channels: 1, sampleRate: 48000, shared: true });
    let now = 0;
    const reader = new MeterBankReader(words, { now: () => now, staleAfterMs: 100 });
    expect(reader.isStale()).toBe(true); // never started
    const writer = new BankWriter(words);
    writer.start(0);
    writer.beginPublish();
    writer.endPublish(128);
    now = 10;
    expect(reader.isStale()).toBe(false);
    now = 105;
    expect(reader.isStale()).toBe(false); // 95 ms since the last beat
    now = 111;
    expect(reader.isStale()).toBe(true); // heartbeat frozen for 101 ms
    writer.endPublish(256);
    expect(reader.isStale()).toBe(false);
    expect(Atomics.load(words, H_HEARTBEAT)).toBe(256);
    writer.stop();
    expect(reader.isStale()).toBe(true);
  });

  it('follows a platform clock signal', () => {
    const { words, writer } = bank(1, 1);
    let running = true;
    const reader = new MeterBankReader(words, { isClockRunning: () => running });
    writer.endPublish(1);
    expect(reader.isStale()).toBe(false);
    running = false;
    expect(reader.isStale()).toBe(true);
  });

  it('asks the platform clock again when another clock shows the same frame number', () => {
    // A frame loop and a sleeping hub count frames independently: frame 3 of one is not
    // frame 3 of the other, so the cached answer of one must not serve the other.
    const { words, writer } = bank(1, 1);
    let running = false;
    const reader = new MeterBankReader(words, { isClockRunning: () => running });
    writer.endPublish(1);
    const loopClock = { nowMs: 10, frame: 3 };
    const hubClock = { nowMs: 20, frame: 3 };
    reader.setFrameClock(loopClock);
    expect(reader.isStale()).toBe(true);
    running = true;
    expect(reader.isStale()).toBe(true); // same clock, same frame: the answer is cached
    reader.setFrameClock(hubClock);
    expect(reader.isStale()).toBe(false);
  });
});
