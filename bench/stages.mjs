/**
 * Stage profile of the audio thread's metering work in Node (no browser, no Web Audio): for
 * `tracks` stereo tracks, ns per sample per channel spent in each stage of a 128-sample render
 * quantum — input (pointing each track at its samples), kernel (LevelMeter.process: peak,
 * decaying peak, hold, overs and the RMS sub-block sums), publish (BankWriter.writeTrack under
 * the seqlock). Every stage is timed over whole passes of the program signal, best of `rounds`
 * (after one warm-up pass), so other load on the machine inflates the figures as little as
 * possible. Part of `npm run bench` (section `dsp`); alone: `node bench/stages.mjs
 * [--tracks=8,32,128,1024] [--rounds=7] [--seconds=2]`.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const OUT = fileURLToPath(new URL('./.build/stages/', import.meta.url));
const SAMPLE_RATE = 48_000;

/** One size: best-of-rounds ns per sample per channel per stage, and the share of one core. */
function measureSize(mod, tracks, rounds, seconds) {
  const s = mod.createStages(tracks, seconds, SAMPLE_RATE);
  const best = { input: Infinity, kernel: Infinity, publish: Infinity };
  for (let r = 0; r <= rounds; r++) {
    const ns = { input: 0, kernel: 0, publish: 0 };
    for (let q = 0; q < s.quanta; q++) {
      const t0 = process.hrtime.bigint();
      s.input();
      const t1 = process.hrtime.bigint();
      s.kernel();
      const t2 = process.hrtime.bigint();
      s.publish();
      const t3 = process.hrtime.bigint();
      ns.input += Number(t1 - t0);
      ns.kernel += Number(t2 - t1);
      ns.publish += Number(t3 - t2);
    }
    if (r === 0) continue; // warm-up pass (JIT)
    for (const k of Object.keys(best)) best[k] = Math.min(best[k], ns[k]);
  }
  const channelSamples = s.samplesPerChannel * tracks * 2;
  const stages = Object.fromEntries(Object.entries(best).map(([k, v]) => [k, v / channelSamples]));
  const total = stages.input + stages.kernel + stages.publish;
  return { tracks, nsPerSamplePerChannel: stages, total, coreShare: total * 1e-9 * SAMPLE_RATE * tracks * 2 };
}

export async function measureStages({ sizes = [8, 32, 128, 1024], rounds = 7, seconds = 2 } = {}) {
  await mkdir(OUT, { recursive: true });
  const outfile = `${OUT}stages.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL('./stages-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  const mod = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  // Large sizes get a shorter signal so every size takes about the same time.
  return { rounds, sizes: sizes.map((tracks) => ({ ...measureSize(mod, tracks, rounds, tracks > 128 ? Math.max(0.5, seconds / 4) : seconds), seconds })) };
}

/** One line per size, for the console. */
export function formatStages(result) {
  return result.sizes.map((r) => {
    const s = r.nsPerSamplePerChannel;
    return `${String(r.tracks).padStart(4)} stereo tracks: input ${s.input.toFixed(3)}, kernel ${s.kernel.toFixed(3)}, publish ${s.publish.toFixed(3)}, total ${r.total.toFixed(3)} ns/sample/channel = ${(r.coreShare * 100).toFixed(2)} % of one core`;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const result = await measureStages({
    sizes: (arg('tracks') ?? '8,32,128,1024').split(',').map(Number),
    rounds: Number(arg('rounds') ?? 7),
    seconds: Number(arg('seconds') ?? 2),
  });
  for (const line of formatStages(result)) console.log(line);
}
