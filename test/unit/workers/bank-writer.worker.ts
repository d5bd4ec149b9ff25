/**
 * Concurrency test writer: publishes every track at full speed with the real BankWriter. All
 * fields of publish k are derived from k, so a reader can tell a consistent snapshot from a torn one.
 */
import { workerData } from 'node:worker_threads';
import { BankWriter, type ChannelLevelSource } from '../../../src/core/bank/writer';

const { words, stop } = workerData as { words: Int32Array; stop: Int32Array };
const writer = new BankWriter(words);
const { tracks, channels } = writer.layout;

let k = 0;
/** A level source whose fields are all functions of the current counter k. */
const source: ChannelLevelSource = {
  takePeak: () => Math.fround(k),
  get decayingPeak() {
    return Math.fround(k * 2);
  },
  get hold() {
    return Math.fround(k * 3);
  },
  get rms() {
    return Math.fround(k / 4);
  },
  get overs() {
    return k;
  },
  get nonFinite() {
    return k * 3;
  },
};
const meters = Array.from({ length: channels }, () => source);
const extras = new Float64Array(8);

writer.start(3); // loudness and correlation fields on
while (Atomics.load(stop, 0) === 0) {
  k = writer.beginPublish();
  for (let i = 0; i < 8; i++) extras[i] = k + i;
  for (let t = 0; t < tracks; t++) writer.writeTrack(t, meters, null, extras);
  writer.endPublish(k);
}
Atomics.store(stop, 1, k);
