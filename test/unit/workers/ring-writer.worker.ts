/**
 * Scope-ring concurrency test writer: the real SampleRingWriter appends frames numbered
 * 1, 2, 3 … (L = n mod 2^24, exact in float32; R = −L) in blocks of 128 until told to stop.
 * `paceUs` > 0 spaces the blocks like an audio thread (busy wait); 0 writes at full speed.
 * Reports the number of frames written in stop[1].
 */
import { workerData, parentPort } from 'node:worker_threads';
import { SampleRingWriter } from '../../../src/core/scope/ring-writer';

const { words, stop, paceUs } = workerData as { words: Int32Array; stop: Int32Array; paceUs: number };
const writer = new SampleRingWriter(words, 0);
const left = new Float32Array(128);
const right = new Float32Array(128);
const WRAP = 1 << 24;
let n = 0;
let next = process.hrtime.bigint();
const pace = BigInt(Math.round(paceUs * 1000));
while (Atomics.load(stop, 0) === 0) {
  for (let i = 0; i < 128; i++) {
    n++;
    left[i] = n % WRAP;
    right[i] = -(n % WRAP);
  }
  writer.write(left, right, 0, 128);
  if (pace > 0n) {
    next += pace;
    while (process.hrtime.bigint() < next) {
      /* busy wait: an audio thread's period */
    }
  }
}
Atomics.store(stop, 1, n);
parentPort!.postMessage(n);
