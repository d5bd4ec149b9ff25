/**
 * Stage profile of the audio thread's metering work in Node (no browser, no Web Audio): for
 * `tracks` stereo tracks, ns per sample per channel spent in each stage of a 128-sample render
 * quantum, for each level kernel (JavaScript, WebAssembly SIMD): input, kernel, commit and
 * publish (see stages-entry.ts for what each covers). Every stage is timed over whole passes of the program signal, best of `rounds`
 * (after one warm-up pass), so other load on the machine inflates the figures as little as
 * possible. Part of `npm run bench` (section `dsp`); alone: `node bench/stages.mjs
 * [--tracks=8,32,128,1024] [--rounds=7] [--seconds=2] [--kernels=js,wasm-simd]`.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildLevelWasm } from '../scripts/build-level-wasm.mjs';

const OUT = fileURLToPath(new URL('./.build/stages/', import.meta.url));
const SAMPLE_RATE = 48_000;

/** One size: best-of-rounds ns per sample per channel per stage, and the share of one core. */
function measureSize(mod, tracks, rounds, seconds, kernel) {
  const s = mod.createStages(tracks, seconds, SAMPLE_RATE, kernel);
  const best = { input: Infinity, kernel: Infinity, commit: Infinity, publish: Infinity };
  for (let r = 0; r <= rounds; r++) {
    const ns = { input: 0, kernel: 0, commit: 0, publish: 0 };
    for (let q = 0; q < s.quanta; q++) {
      const t0 = process.hrtime.bigint();
      s.input();
      const t1 = process.hrtime.bigint();
      s.kernel();
      const t2 = process.hrtime.bigint();
      s.commit();
      const t3 = process.hrtime.bigint();
      s.publish();
      const t4 = process.hrtime.bigint();
      ns.input += Number(t1 - t0);
      ns.kernel += Number(t2 - t1);
      ns.commit += Number(t3 - t2);
      ns.publish += Number(t4 - t3);
    }
    if (r === 0) continue; // warm-up pass (JIT)
    for (const k of Object.keys(best)) best[k] = Math.min(best[k], ns[k]);
  }
  const channelSamples = s.samplesPerChannel * tracks * 2;
  const stages = Object.fromEntries(Object.entries(best).map(([k, v]) => [k, v / channelSamples]));
  const total = stages.input + stages.kernel + stages.commit + stages.publish;
  return { tracks, kernel, nsPerSamplePerChannel: stages, total, coreShare: total * 1e-9 * SAMPLE_RATE * tracks * 2 };
}

export async function measureStages({ sizes = [8, 32, 128, 1024], rounds = 7, seconds = 2, kernels = ['js', 'wasm-simd'] } = {}) {
  await buildLevelWasm();
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
  const rows = [];
  for (const tracks of sizes) {
    const secs = tracks > 128 ? Math.max(0.5, seconds / 4) : seconds;
    for (const kernel of kernels) rows.push({ ...measureSize(mod, tracks, rounds, secs, kernel), seconds: secs });
  }
  return { rounds, sizes: rows };
}

/** One line per size, for the console. */
export function formatStages(result) {
  return result.sizes.map((r) => {
    const s = r.nsPerSamplePerChannel;
    return `${String(r.tracks).padStart(4)} stereo tracks, ${r.kernel.padEnd(9)}: input ${s.input.toFixed(3)}, kernel ${s.kernel.toFixed(3)}, commit ${s.commit.toFixed(3)}, publish ${s.publish.toFixed(3)}, total ${r.total.toFixed(3)} ns/sample/channel = ${(r.coreShare * 100).toFixed(2)} % of one core`;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const result = await measureStages({
    sizes: (arg('tracks') ?? '8,32,128,1024').split(',').map(Number),
    rounds: Number(arg('rounds') ?? 7),
    seconds: Number(arg('seconds') ?? 2),
    kernels: (arg('kernels') ?? 'js,wasm-simd').split(','),
  });
  for (const line of formatStages(result)) console.log(line);
}
