/**
 * Concurrency test reader: takes snapshots while the writer runs and counts the inconsistent
 * ones. mode "seqlock" uses the real MeterBankReader; mode "bypass" reads the same words with
 * Atomics.load but skips the sequence check, to show the test can see tearing.
 */
import { workerData, parentPort } from 'node:worker_threads';
import { MeterBankReader, createTrackLevels } from '../../../src/core/bank/reader';
import { trackBase, T_CHANNELS, T_PUBLISH, CHANNEL_STRIDE } from '../../../src/core/bank/layout';

const { words, snapshots, mode, seed } = workerData as {
  words: Int32Array;
  snapshots: number;
  mode: 'seqlock' | 'bypass';
  seed: number;
};
const reader = new MeterBankReader(words);
const { tracks, channels } = reader;
const out = createTrackLevels(channels);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const asFloat = (bits: number): number => {
  i32[0] = bits;
  return f32[0];
};

let rng = seed >>> 0 || 1;
const nextTrack = (): number => {
  rng ^= rng << 13;
  rng ^= rng >>> 17;
  rng ^= rng << 5;
  return (rng >>> 0) % tracks;
};

function consistent(k: number, peak: number, decay: number, hold: number, rms: number, overs: number, nonFinite: number): boolean {
  return (
    peak === Math.fround(k) && decay === Math.fround(k * 2) && hold === Math.fround(k * 3) && rms === Math.fround(k / 4) && overs === k && nonFinite === k * 3
  );
}

let done = 0;
let inconsistent = 0;
let failedReads = 0;
let distinct = 0;
let lastK = -1;
while (done < snapshots) {
  const t = nextTrack();
  let ok = true;
  let k: number;
  if (mode === 'seqlock') {
    if (!reader.readInto(t, out)) {
      failedReads++;
      continue;
    }
    k = out.publish;
    if (k === 0) continue; // writer not started yet
    for (let c = 0; c < channels; c++) {
      ok &&= consistent(k, out.peak[c], out.decayingPeak[c], out.hold[c], out.rms[c], out.overs[c], out.nonFinite[c]);
    }
    ok &&= out.momentary === Math.fround(k) && out.balance === Math.fround(k + 6);
  } else {
    const base = trackBase(reader.layout, t);
    k = Atomics.load(words, base + T_PUBLISH);
    if (k === 0) continue;
    for (let c = 0; c < channels; c++) {
      const b = base + T_CHANNELS + c * CHANNEL_STRIDE;
      ok &&= consistent(
        k,
        asFloat(Atomics.load(words, b)),
        asFloat(Atomics.load(words, b + 1)),
        asFloat(Atomics.load(words, b + 2)),
        asFloat(Atomics.load(words, b + 3)),
        Atomics.load(words, b + 4) >>> 0,
        Atomics.load(words, b + 5) >>> 0,
      );
    }
  }
  if (k !== lastK) distinct++;
  lastK = k;
  if (!ok) inconsistent++;
  done++;
}
parentPort!.postMessage({ done, inconsistent, failedReads, distinct, contended: reader.contended });
