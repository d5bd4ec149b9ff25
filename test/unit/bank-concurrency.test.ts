/**
 * The meter bank under real concurrency: one writer thread publishing at full speed, eight
 * reader threads taking over a million snapshots. With the seqlock no snapshot is torn; with
 * the seqlock bypassed the same harness sees torn snapshots (so this test can fail).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createBankWords, H_PUBLISH } from '../../src/core/bank/layout';
import { bundleWorker } from '../helpers/bundle-worker';

interface ReaderResult {
  done: number;
  inconsistent: number;
  failedReads: number;
  distinct: number;
  contended: number;
}

let writerFile = '';
let readerFile = '';
beforeAll(async () => {
  writerFile = await bundleWorker('test/unit/workers/bank-writer.worker.ts');
  readerFile = await bundleWorker('test/unit/workers/bank-reader.worker.ts');
});

function run(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function race(mode: 'seqlock' | 'bypass', readers: number, snapshotsEach: number) {
  const words = createBankWords({ tracks: 4, channels: 2, sampleRate: 48000, shared: true });
  const stop = new Int32Array(new SharedArrayBuffer(8));
  const writer = new Worker(writerFile, { workerData: { words, stop } });
  const writerExit = new Promise((resolve) => writer.once('exit', resolve));
  // Let the writer start publishing before the readers begin.
  while (Atomics.load(words, H_PUBLISH) < 1000) await new Promise((r) => setTimeout(r, 1));
  const results = (await Promise.all(
    Array.from({ length: readers }, (_, i) =>
      run(new Worker(readerFile, { workerData: { words, snapshots: snapshotsEach, mode, seed: 0x9e3779b9 + i * 7919 } })),
    ),
  )) as ReaderResult[];
  Atomics.store(stop, 0, 1);
  await writerExit;
  const publishes = Atomics.load(stop, 1);
  if (process.env.BANK_STATS) console.log(mode, JSON.stringify(results.map((r) => [r.inconsistent, r.distinct, r.failedReads, r.contended])), publishes);
  const sum = (key: keyof ReaderResult) => results.reduce((a, r) => a + r[key], 0);
  return {
    snapshots: sum('done'),
    inconsistent: sum('inconsistent'),
    failedReads: sum('failedReads'),
    distinct: sum('distinct'),
    publishes,
  };
}

describe('meter bank seqlock under real concurrency', () => {
  it('8 readers × 125,000 snapshots against a full-speed writer: zero torn snapshots', async () => {
    const r = await race('seqlock', 8, 125_000);
    expect(r.snapshots).toBe(1_000_000);
    // The writer really raced the readers: many publishes and many distinct snapshots seen.
    expect(r.publishes).toBeGreaterThan(10_000);
    expect(r.distinct).toBeGreaterThan(10_000);
    expect(r.inconsistent).toBe(0);
  });

  it('the same harness sees torn snapshots when the seqlock is bypassed', async () => {
    const r = await race('bypass', 8, 125_000);
    expect(r.snapshots).toBe(1_000_000);
    expect(r.inconsistent).toBeGreaterThan(0);
  });
});
