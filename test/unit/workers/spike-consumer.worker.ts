/**
 * Consumer-slot concurrency test consumer: a consuming MeterBankReader of slot `slot` reads
 * track 0 until the writer stops, pausing `pauseUs` µs between reads, and counts how often it
 * saw each numbered spike (see spike-writer.worker.ts).
 */
import { workerData, parentPort } from 'node:worker_threads';
import { MeterBankReader, createTrackLevels } from '../../../src/core/bank/reader';
import { H_WRITER_STATE, WRITER_STOPPED } from '../../../src/core/bank/layout';

const { words, slot, spikes, pauseUs } = workerData as { words: Int32Array; slot: number; spikes: number; pauseUs: number };
const reader = new MeterBankReader(words, { consume: true, consumerSlot: slot, staleAfterMs: Infinity });
const out = createTrackLevels(reader.channels);
const counts = new Int32Array(spikes + 1);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
let reads = 0;
let stopped = false;
for (;;) {
  // One more read after the writer stopped: it holds whatever the last publishes carried.
  if (Atomics.load(words, H_WRITER_STATE) === WRITER_STOPPED) stopped = true;
  if (reader.readInto(0, out)) {
    reads++;
    const p = out.peak[1];
    if (p >= 0.25) counts[Math.round((p - 0.25) * 1024)]++;
  }
  if (stopped) break;
  if (pauseUs > 0) Atomics.wait(sleeper, 0, 0, pauseUs / 1000);
}
const missing: number[] = [];
const twice: number[] = [];
for (let k = 1; k <= spikes; k++) {
  if (counts[k] === 0) missing.push(k);
  if (counts[k] > 1) twice.push(k);
}
parentPort!.postMessage({
  reads,
  seen: counts.reduce((a, b) => a + b, 0),
  missing: missing.length,
  twice: twice.length,
  firstMissing: missing.slice(0, 5),
  firstTwice: twice.slice(0, 5),
});
