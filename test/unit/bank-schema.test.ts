/**
 * The bank schema is the one list of fields: the layout constants, both reader methods, the
 * manual bank's readings and the control packing agree with it. Each field gets a distinct
 * value through the real writer; every reader path must deliver it under the field's name.
 */
import { describe, it, expect } from 'vitest';
import { CHANNEL_FIELDS, TRACK_FIELDS, CONTROL_FIELDS, REQUEST_FIELDS, SLOT_FIELDS, CONSUMER_SLOTS } from '../../src/core/bank/schema';
import {
  createBankWords,
  layoutFromWords,
  CHANNEL_STRIDE,
  EXTRA_WORDS,
  CONTROL_STRIDE,
  C_PEAK,
  C_OVERS,
  X_LOUDNESS_SECONDS,
  K_CONSUMED,
  HEADER_WORDS,
  H_CONSUMERS,
  H_RESET_ALL_LOUDNESS,
  H_CONTROL_GEN,
  MAX_CHANNELS,
} from '../../src/core/bank/layout';
import { BankWriter, type ChannelLevelSource } from '../../src/core/bank/writer';
import { MeterBankReader, createTrackLevels, fieldCount } from '../../src/core/bank/reader';
import { packControlWords, applyControlWords, controlMessageLength } from '../../src/core/bank/control';
import { createManualBank } from '../../src/core/manual-bank';

describe('bank schema', () => {
  it('derives the layout constants from the table', () => {
    expect(CHANNEL_STRIDE).toBe(CHANNEL_FIELDS.length);
    expect(EXTRA_WORDS).toBe(TRACK_FIELDS.length);
    expect(CONTROL_STRIDE).toBe(CONTROL_FIELDS.length);
    expect([C_PEAK, C_OVERS, X_LOUDNESS_SECONDS, K_CONSUMED]).toEqual([0, 4, 7, 3]);
    expect(CHANNEL_FIELDS.map((f) => f.offset)).toEqual(CHANNEL_FIELDS.map((_, i) => i));
    expect(CHANNEL_FIELDS.filter((f) => f.kind === 'uint').map((f) => f.name)).toEqual(['overs', 'nonFinite']);
    expect(REQUEST_FIELDS.map((f) => f.name)).toEqual(['clearOvers', 'clearHold', 'resetLoudness']);
    expect(SLOT_FIELDS.length).toBe(CONSUMER_SLOTS);
    expect(CONTROL_FIELDS.filter((f) => f.name.startsWith('consumed')).length).toBe(CONSUMER_SLOTS);
    expect(H_CONSUMERS).toBeLessThan(HEADER_WORDS);
    expect(fieldCount(3)).toBe(3 * CHANNEL_FIELDS.length + TRACK_FIELDS.length);
  });

  it('every channel and track field reaches its own TrackLevels key and readFieldsInto position', () => {
    const channels = 3;
    const words = createBankWords({ tracks: 2, channels, sampleRate: 48000, shared: false });
    const writer = new BankWriter(words);
    writer.start(3);
    // Field i of channel c carries 10 * (c + 1) + i (counts as integers, levels as exact floats).
    const value = (c: number, name: string) => 10 * (c + 1) + CHANNEL_FIELDS.findIndex((f) => f.name === name);
    const meters: ChannelLevelSource[] = Array.from({ length: channels }, (_, c) => ({
      takePeak: () => value(c, 'peak'),
      decayingPeak: value(c, 'decayingPeak'),
      hold: value(c, 'hold'),
      rms: value(c, 'rms'),
      overs: value(c, 'overs'),
      nonFinite: value(c, 'nonFinite'),
    }));
    const ballistic = Float64Array.from({ length: channels }, (_, c) => value(c, 'ballistic'));
    const extras = Float64Array.from(TRACK_FIELDS, (f) => 1000 + f.offset);
    writer.beginPublish();
    writer.writeTrack(1, meters, ballistic, extras);
    writer.endPublish(128);

    const reader = new MeterBankReader(words, { staleAfterMs: Infinity });
    const out = createTrackLevels(channels);
    expect(reader.readInto(1, out)).toBe(true);
    const flat = new Float64Array(fieldCount(channels));
    expect(reader.readFieldsInto(1, flat)).toBe(true);
    const keyed = out as unknown as Record<string, ArrayLike<number> | number>;
    for (let c = 0; c < channels; c++) {
      for (const f of CHANNEL_FIELDS) {
        expect((keyed[f.name] as ArrayLike<number>)[c], `${f.name}[${c}]`).toBe(value(c, f.name));
        expect(flat[c * CHANNEL_STRIDE + f.offset], `flat ${f.name}[${c}]`).toBe(value(c, f.name));
      }
    }
    for (const f of TRACK_FIELDS) {
      expect(keyed[f.name], f.name).toBe(1000 + f.offset);
      expect(flat[channels * CHANNEL_STRIDE + f.offset]).toBe(1000 + f.offset);
    }
    // TrackLevels has one key per schema field, plus channels / publish / stale.
    expect(Object.keys(createTrackLevels(1)).sort()).toEqual(
      [...CHANNEL_FIELDS.map((f) => f.name), ...TRACK_FIELDS.map((f) => f.name), 'channels', 'publish', 'stale'].sort(),
    );
  });

  it('the manual bank sets every track field by its schema name', () => {
    const bank = createManualBank({ tracks: 1, channels: 1 });
    // Distinct values, exact in float32 and valid for every field (correlation and balance
    // −1…1, loudness range and seconds ≥ 0): the manual bank validates them.
    const readings = Object.fromEntries(TRACK_FIELDS.map((f) => [f.name, (f.offset + 1) / 8]));
    bank.setReadings(0, readings);
    const out = createTrackLevels(1);
    bank.source.readInto(0, out);
    for (const f of TRACK_FIELDS) expect((out as unknown as Record<string, number>)[f.name]).toBe((f.offset + 1) / 8);
  });

  it('packs and applies the request counters of every track (and never the acknowledgements)', () => {
    const ui = createBankWords({ tracks: 3, channels: MAX_CHANNELS, sampleRate: 48000, shared: false });
    const proc = createBankWords({ tracks: 3, channels: MAX_CHANNELS, sampleRate: 48000, shared: false });
    const layout = layoutFromWords(ui);
    const reader = new MeterBankReader(ui);
    reader.clearOvers(2);
    reader.clearHolds(0);
    reader.clearHolds(0);
    reader.resetLoudness();
    Atomics.store(ui, layout.controlOffset + K_CONSUMED, 77);
    const packed = packControlWords(ui, layout);
    expect(packed.length).toBe(controlMessageLength(3));
    applyControlWords(proc, layout, packed);
    const applied: number[] = [];
    const writer = new BankWriter(proc);
    for (let t = 0; t < 3; t++) for (const f of REQUEST_FIELDS) applied.push(Atomics.load(proc, layout.controlOffset + t * CONTROL_STRIDE + f.offset));
    expect(applied).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 0]);
    expect(Atomics.load(proc, layout.controlOffset + K_CONSUMED)).toBe(0);
    expect([Atomics.load(proc, H_RESET_ALL_LOUDNESS), Atomics.load(proc, H_CONTROL_GEN)]).toEqual([1, 4]);
    expect(writer.controlChanged()).toBe(false);
    applyControlWords(proc, layout, new Int32Array(3)); // another geometry: ignored
    expect(Atomics.load(proc, layout.controlOffset + 2 * CONTROL_STRIDE)).toBe(1);
  });
});
