/**
 * Scope-ring concurrency test reader: reads the ring while the writer runs and checks every
 * frame it is given: R = −L (not torn), L = the writer's frame number, frames of one read
 * `step` apart, every read starting after the previous one. mode "ring" uses the real
 * SampleRingReader; mode "bypass" copies the same data without the reader's second load of
 * WRITE (no overwrite check), to show the harness sees overwritten frames.
 * `pauseUs` between reads models a frame loop. `lagFrames` reads that many frames short of the
 * newest (output alignment): a read's last frame must then lie `lagFrames` before the WRITE it
 * saw (between the WRITE loaded before the read and the one loaded after, less the lag).
 */
import { workerData, parentPort } from 'node:worker_threads';
import { SampleRingReader } from '../../../src/core/scope/ring-reader';
import { ringBase, RING_HEADER_WORDS, R_WRITE, S_CAPACITY } from '../../../src/core/scope/ring-layout';

/** What the test posts as workerData (besides the scope buffer `words`). */
export interface RingReaderJob {
  reads: number;
  outFrames: number;
  mode: 'ring' | 'bypass';
  pauseUs: number;
  /** Keep reading (up to 10× `reads`) until the writer has written this many frames: a loaded machine may deschedule it. */
  minWritten?: number;
  lagFrames?: number;
}

const { words, reads, outFrames, mode, pauseUs, minWritten = 0, lagFrames = 0 } = workerData as RingReaderJob & { words: Int32Array };
const WRAP = 1 << 24;
const left = new Float32Array(outFrames);
const right = new Float32Array(outFrames);
const capacity = words[S_CAPACITY];
const base = ringBase(capacity, 0);
const w0 = Atomics.load(words, base + R_WRITE) >>> 0; // ≤ the reader's start position
const reader = new SampleRingReader(words, 0);
const w0b = Atomics.load(words, base + R_WRITE) >>> 0; // ≥ the reader's start position
const data = new Float32Array(words.buffer, words.byteOffset + (base + RING_HEADER_WORDS) * 4, 2 * capacity);
let bypassPos = Atomics.load(words, base + R_WRITE) >>> 0;

/** The bypass: loads WRITE once, copies the newest frames, never checks for overwriting. */
function bypassRead(): number {
  const w = Atomics.load(words, base + R_WRITE) >>> 0;
  let avail = (w - bypassPos) >>> 0;
  if (avail > capacity) avail = capacity;
  const n = Math.min(avail, outFrames);
  const from = (w - n) >>> 0;
  for (let k = 0; k < n; k++) {
    const slot = ((from + k) & (capacity - 1)) << 1;
    left[k] = data[slot];
    right[k] = data[slot + 1];
  }
  bypassPos = w;
  return n;
}

let torn = 0;
let outOfOrder = 0;
/** Reads (undecimated, with frames) whose last frame was not `lagFrames` short of the newest. */
let lagViolations = 0;
/** Reads that did not start right after the previous read's last frame (frames skipped or decimated between). */
let discontinuities = 0;
let frames = 0;
let decimatedReads = 0;
let stepFrames = 0;
let last = -1;
let wBeforeLastRead = w0b;
/** Σ step over reads: the most a read's span can round up by. */
let stepSum = 0;
// A writer at full speed on a loaded machine can spoil every copy; keep reading (up to 10×) until one survives.
const behind = (): boolean => Atomics.load(words, base + R_WRITE) >>> 0 < minWritten;
for (let r = 0; r < reads || ((behind() || (mode === 'ring' && frames === 0)) && r < reads * 10); r++) {
  wBeforeLastRead = Atomics.load(words, base + R_WRITE) >>> 0; // ≤ the reader's position after this read
  const n = mode === 'ring' ? reader.readInto(left, right, lagFrames) : bypassRead();
  const step = mode === 'ring' ? reader.lastStep : 1;
  if (lagFrames > 0 && n > 0 && step === 1) {
    // Frame L = its index + 1: the last frame returned is WRITE − lag for the WRITE the read saw.
    const wAfter = Atomics.load(words, base + R_WRITE) >>> 0;
    const lastFrame = left[n - 1];
    if (lastFrame < wBeforeLastRead - lagFrames || lastFrame > wAfter - lagFrames) lagViolations++;
  }
  if (step > 1) decimatedReads++;
  for (let k = 0; k < n; k++) {
    const l = left[k];
    if (right[k] !== -l) torn++;
    if (last >= 0) {
      const gap = (l - last + WRAP) % WRAP;
      // within a read frames are `step` apart; across reads anything newer (≤ half the counter range)
      if (k > 0 ? gap !== step : gap === 0 || gap > WRAP / 2) outOfOrder++;
      else if (k === 0 && gap !== 1) discontinuities++;
    }
    last = l;
  }
  frames += n;
  if (mode === 'bypass' && torn + outOfOrder > 0) break; // the negative control has made its point
  stepFrames += n * step;
  stepSum += step;
  if (pauseUs > 0) {
    const until = process.hrtime.bigint() + BigInt(Math.round(pauseUs * 1000));
    while (process.hrtime.bigint() < until) {
      /* a frame loop's other work */
    }
  }
}
const wEnd = Atomics.load(words, base + R_WRITE) >>> 0; // ≥ the reader's end position
// The frames the reader consumed lie between [w0b, wBeforeLastRead] (surely) and [w0, wEnd] (at most).
const spanAtLeast = (wBeforeLastRead - w0b) >>> 0;
const spanAtMost = (wEnd - w0) >>> 0;
parentPort!.postMessage({
  torn,
  outOfOrder,
  lagViolations,
  discontinuities,
  frames,
  stepFrames,
  lost: reader.lostFrames,
  decimatedReads,
  spanAtLeast,
  spanAtMost,
  stepSum,
});
