/**
 * Several consumers of the sample peak (DESIGN.md "Threads"): each consumer slot sees every
 * single-sample spike exactly once — never lost, never twice — whatever the other consumers
 * read and how often; observing readers take nothing away. Deterministic, on one thread, with
 * the worklet's own metering (SyntheticEngine) and with the message transport's mirror.
 * The same under real concurrency: bank-consumers-concurrency.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { SyntheticEngine } from '../helpers/synthetic-engine';
import { MeterBankReader, createTrackLevels } from '../../src/core/bank/reader';
import { claimConsumerSlot, releaseConsumerSlot, consumerSlotsInUse } from '../../src/core/bank/consumers';
import { BankWriter, type ChannelLevelSource } from '../../src/core/bank/writer';
import { createBankWords, layoutFromWords, slotPeakOffset, trackBase, controlBase, K_CONSUMED, CONSUMER_SLOTS, BANK_VERSION } from '../../src/core/bank/layout';
import { MessageMirror } from '../../src/core/transport';

/** Spike k (1-based) has amplitude 0.25 + k / 1024 (exact in float32), on channel 1 of track 0. */
const amplitude = (k: number) => 0.25 + k / 1024;
/** The spike number of a peak reading, or 0 for no spike. */
const spikeOf = (peak: number) => (peak >= 0.25 ? Math.round((peak - 0.25) * 1024) : 0);

/** A consumer that reads every `every` quanta and records the spikes it sees. */
function consumer(reader: MeterBankReader, every: number) {
  const out = createTrackLevels(reader.channels);
  const seen: number[] = [];
  return {
    seen,
    tick(quantum: number) {
      if (quantum % every !== 0) return;
      expect(reader.readInto(0, out)).toBe(true);
      const k = spikeOf(out.peak[1]);
      if (k > 0) seen.push(k);
    },
  };
}

describe('consumer slots with the worklet metering (SyntheticEngine)', () => {
  it('two consumers at different rates (every quantum, every 7 quanta) and an observer: each consumer sees every spike once', () => {
    const engine = new SyntheticEngine(1, 2);
    const spikes = 120;
    // One single-sample spike every 10 quanta (1280 samples), at a varying position in its quantum.
    engine.signal = (_t, c, i) => (c === 1 && i % 1280 === 37 + (Math.floor(i / 1280) % 90) && i < spikes * 1280 ? amplitude(Math.floor(i / 1280) + 1) : 0.01);
    const slot = claimConsumerSlot(engine.words);
    expect(slot).toBe(1); // slot 0 is the engine's own reader
    const a = consumer(engine.reader, 1);
    const b = consumer(new MeterBankReader(engine.words, { consume: true, consumerSlot: slot, staleAfterMs: Infinity }), 7);
    const observer = new MeterBankReader(engine.words, { staleAfterMs: Infinity });
    const obs = createTrackLevels(2);
    for (let q = 1; q <= spikes * 10 + 14; q++) {
      engine.render(128 / 48); // one quantum
      a.tick(q);
      b.tick(q);
      if (q % 3 === 0) observer.readInto(0, obs); // observing reads take nothing away
    }
    const all = Array.from({ length: spikes }, (_, i) => i + 1);
    expect(a.seen).toEqual(all);
    expect(b.seen).toEqual(all);
  });

  it('two readers sharing one slot (the single-slot design) do not both see every spike: the test can fail', () => {
    const engine = new SyntheticEngine(1, 2);
    engine.signal = (_t, c, i) => (c === 1 && i % 1280 === 500 ? amplitude(Math.floor(i / 1280) + 1) : 0);
    const a = consumer(engine.reader, 1);
    const b = consumer(new MeterBankReader(engine.words, { consume: true, consumerSlot: 0, staleAfterMs: Infinity }), 7);
    for (let q = 1; q <= 400; q++) {
      engine.render(128 / 48);
      a.tick(q);
      b.tick(q);
    }
    // The second reader's acknowledgements are not the ones the writer counts from: it never
    // gets a peak it could trust, so it reports none.
    expect(a.seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(b.seen).toEqual([]);
  });

  it('a slot claimed late sees the spikes from its claim on; a released slot is not kept by the writer', () => {
    const engine = new SyntheticEngine(1, 2);
    engine.signal = (_t, c, i) => (c === 1 && i % 1280 === 3 ? amplitude(Math.floor(i / 1280) + 1) : 0);
    engine.render(1280 / 48); // spike 1 (before the claim)
    const slot = claimConsumerSlot(engine.words);
    const late = consumer(new MeterBankReader(engine.words, { consume: true, consumerSlot: slot, staleAfterMs: Infinity }), 1);
    for (let q = 1; q <= 30; q++) {
      engine.render(128 / 48);
      late.tick(q);
    }
    expect(late.seen).toEqual([2, 3, 4]);
    releaseConsumerSlot(engine.words, slot);
    const layout = layoutFromWords(engine.words);
    const word = trackBase(layout, 0) + slotPeakOffset(layout, slot, 1);
    const before = Atomics.load(engine.words, word);
    engine.render(1280 / 48); // spike 5: not written into the released slot
    expect(Atomics.load(engine.words, word)).toBe(before);
  });

  it('the writer does no slot work for unclaimed slots: slots 1–3 words stay 0 with only the engine reader', () => {
    const engine = new SyntheticEngine(2, 2);
    engine.signal = () => 0.5;
    engine.render(50);
    const layout = layoutFromWords(engine.words);
    for (let t = 0; t < 2; t++) {
      for (let k = 1; k < CONSUMER_SLOTS; k++) {
        for (let c = 0; c < 2; c++) expect(Atomics.load(engine.words, trackBase(layout, t) + slotPeakOffset(layout, k, c))).toBe(0);
      }
    }
    expect(consumerSlotsInUse(engine.words)).toBe(0b0001);
  });
});

describe('the BASE word (a snapshot published before the writer saw the last acknowledgement)', () => {
  it('holds back a peak that may hold a delivered spike, and delivers what follows exactly once', () => {
    const words = createBankWords({ tracks: 1, channels: 2, sampleRate: 48000, shared: false });
    const writer = new BankWriter(words);
    writer.start(0);
    const layout = layoutFromWords(words);
    const consumed = controlBase(layout, 0) + K_CONSUMED; // track 0, slot 0
    let next = 0;
    const src: ChannelLevelSource = { takePeak: () => next, decayingPeak: 0, hold: 0, rms: 0, overs: 0, nonFinite: 0 };
    const publish = (peak: number) => {
      next = peak;
      writer.beginPublish();
      writer.writeTrack(0, [src, src], null, null);
      writer.endPublish(0);
    };
    const reader = new MeterBankReader(words, { consume: true, staleAfterMs: Infinity });
    const out = createTrackLevels(2);
    publish(0.5); // publish 1: the spike
    reader.readInto(0, out);
    expect(out.peak[1]).toBe(0.5);
    expect(Atomics.load(words, consumed)).toBe(1);
    // The race: the writer starts publish 2 before the acknowledgement lands.
    Atomics.store(words, consumed, 0);
    publish(0.125); // publish 2 counts from 0, so it still holds the spike
    Atomics.store(words, consumed, 1); // the acknowledgement lands now
    expect(Atomics.load(words, trackBase(layout, 0) + layout.slotsOffset)).toBe(0); // BASE 0
    reader.readInto(0, out);
    expect(out.peak[1]).toBe(0); // not 0.5 again: the peak counts from an older acknowledgement
    publish(0); // publish 3 sees acknowledgement 1 and counts publishes 2 and 3 from the ring
    reader.readInto(0, out);
    expect(out.peak[1]).toBe(0.125); // the held-back sample peak arrives, once
    publish(0);
    reader.readInto(0, out);
    expect(out.peak[1]).toBe(0);
  });
});

describe('claiming consumer slots', () => {
  it('hands out slots 1, 2, 3 next to the engine reader, then says all are in use; a release frees one', () => {
    const engine = new SyntheticEngine(1, 1);
    expect([claimConsumerSlot(engine.words), claimConsumerSlot(engine.words), claimConsumerSlot(engine.words)]).toEqual([1, 2, 3]);
    expect(() => claimConsumerSlot(engine.words)).toThrow('all 4 consumer slots of this meter bank are in use');
    releaseConsumerSlot(engine.words, 2);
    expect(claimConsumerSlot(engine.words)).toBe(2);
    const reader = new MeterBankReader(engine.words, { consume: true, consumerSlot: 3 });
    expect(reader.consumerSlot).toBe(3);
    reader.release();
    expect(reader.consumerSlot).toBe(-1);
    expect(consumerSlotsInUse(engine.words)).toBe(0b0111);
  });

  it('rejects a bad slot, naming the option, the value and the range', () => {
    const words = createBankWords({ tracks: 1, channels: 1, sampleRate: 48000, shared: false });
    expect(() => new MeterBankReader(words, { consume: true, consumerSlot: 4 })).toThrow(/consumerSlot.*0.*3.*4|consumerSlot.*4/);
    expect(() => new MeterBankReader(words, { consumerSlot: 1 })).toThrow('consumerSlot needs consume: true');
    expect(() => releaseConsumerSlot(words, -1)).toThrow(RangeError);
    expect(BANK_VERSION).toBe(3); // 3: the writer keeps H_OVERS_GEN (a version-2 writer would leave clip checks blind)
  });
});

describe('consumer slots over the message transport (MessageMirror)', () => {
  it('two local consumers at different rates each see every spike once; posts are merged per slot', () => {
    // The processor's side: its own bank, posted every 3 quanta; posting marks slot 0 consumed.
    const words = createBankWords({ tracks: 1, channels: 2, sampleRate: 48000, shared: false });
    const writer = new BankWriter(words);
    writer.start(0);
    let next = 0;
    const chan = (c: number): ChannelLevelSource => ({
      takePeak: () => {
        const p = c === 1 ? next : 0;
        return p;
      },
      decayingPeak: 0,
      hold: 0,
      rms: 0,
      overs: 0,
      nonFinite: 0,
    });
    const meters = [chan(0), chan(1)];
    const mirror = new MessageMirror(1, 2, 48000);
    const a = consumer(new MeterBankReader(mirror.words, { consume: true, staleAfterMs: Infinity }), 2);
    const slot = claimConsumerSlot(mirror.words);
    const b = consumer(new MeterBankReader(mirror.words, { consume: true, consumerSlot: slot, staleAfterMs: Infinity }), 11);
    const spikes = 60;
    for (let q = 1; q <= spikes * 13 + 30; q++) {
      next = q % 13 === 5 && q < spikes * 13 ? amplitude(Math.floor(q / 13) + 1) : 0;
      writer.beginPublish();
      writer.writeTrack(0, meters, null, null);
      writer.endPublish(q * 128);
      if (q % 3 === 0) {
        mirror.receive(words.slice());
        writer.markAllConsumed();
      }
      a.tick(q);
      b.tick(q);
    }
    const all = Array.from({ length: spikes }, (_, i) => i + 1);
    expect(a.seen).toEqual(all);
    expect(b.seen).toEqual(all);
  });
});
