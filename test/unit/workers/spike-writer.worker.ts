/**
 * Consumer-slot concurrency test writer: publishes track 0 with the real BankWriter, paced at
 * one publish per `publishUs` µs (an audio thread publishes every 2.7 ms; PEAK_RING publishes
 * must cover a consumer's copy-to-acknowledgement delay). It injects single-publish spikes
 * numbered 1..spikes on channel 1 (amplitude 0.25 + k/1024); the next spike comes once every
 * slot in `waitSlots` has acknowledged a publish at or after the last one (or after
 * `spikeTimeoutMs`, so a consumer that never acknowledges cannot hang the test).
 */
import { workerData, parentPort } from 'node:worker_threads';
import { BankWriter, type ChannelLevelSource } from '../../../src/core/bank/writer';
import { controlBase, K_CONSUMED } from '../../../src/core/bank/layout';

const { words, spikes, waitSlots, publishUs, spikeTimeoutMs } = workerData as {
  words: Int32Array;
  spikes: number;
  waitSlots: number[];
  publishUs: number;
  spikeTimeoutMs: number;
};
const writer = new BankWriter(words);
let next = 0;
const silent: ChannelLevelSource = { takePeak: () => 0.01, decayingPeak: 0, hold: 0, rms: 0, overs: 0, nonFinite: 0 };
const spiky: ChannelLevelSource = {
  takePeak: () => {
    const p = next;
    next = 0;
    return p > 0 ? p : 0.01;
  },
  decayingPeak: 0,
  hold: 0,
  rms: 0,
  overs: 0,
  nonFinite: 0,
};
const meters = [silent, spiky];
const kb = controlBase(writer.layout, 0) + K_CONSUMED;

writer.start(0);
let publishes = 0;
let timeouts = 0;
let spike = 0;
let spikePublish = 0;
let spikeAt = performance.now();
let nextAt = performance.now();
for (;;) {
  const now = performance.now();
  if (now < nextAt) continue; // pace: busy-wait (the writer's thread does nothing else)
  nextAt = now + publishUs / 1000;
  const n = writer.beginPublish();
  let done = false;
  if (spike === 0 || waitSlots.every((k) => (Atomics.load(words, kb + k) | 0) - spikePublish >= 0) || now - spikeAt > spikeTimeoutMs) {
    if (spike > 0 && now - spikeAt > spikeTimeoutMs) timeouts++;
    if (spike === spikes) {
      done = true;
    } else {
      spike++;
      next = 0.25 + spike / 1024;
      spikePublish = n;
      spikeAt = now;
    }
  }
  // Every begun publish writes the track, as the worklet does.
  writer.writeTrack(0, meters, null, null);
  writer.endPublish(n * 128);
  publishes++;
  if (done) break;
}
// A last quiet stretch so every consumer reads past the last spike.
const end = performance.now() + 20;
while (performance.now() < end) {
  const n = writer.beginPublish();
  writer.writeTrack(0, meters, null, null);
  writer.endPublish(n * 128);
}
writer.stop();
parentPort!.postMessage({ publishes, timeouts, lateAcks: writer.lateAcknowledgements });
