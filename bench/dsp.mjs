/**
 * The measurement kernels in Node: nanoseconds per sample per channel, fed the bench's program
 * signal (stereo, 48 kHz) in 128-sample blocks as the worklet feeds them.
 *
 * Each kernel source (src/dsp/level-meter.ts → LevelMeter, loudness.ts → LoudnessMeter,
 * true-peak.ts → TruePeakMeter) is bundled on its own with esbuild, so a kernel that does not
 * exist yet is reported as absent and one that does not build is reported with its error —
 * neither stops the others. Rounds interleave the kernels; every per-block view is made before
 * timing, so the loop allocates nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { summarize } from './util.mjs';

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const OUT = fileURLToPath(new URL('./.build/dsp/', import.meta.url));
const SAMPLE_RATE = 48_000;
const BLOCK = 128;

/** The kernels to measure, each with how to drive it on a stereo block. */
const KERNELS = [
  {
    name: 'LevelMeter',
    source: 'src/dsp/level-meter.ts',
    what: 'sample peak, decaying peak, hold, RMS, overs (one LevelMeter per channel)',
    create: (mod) => {
      const meters = [0, 1].map(() => new mod.LevelMeter({ sampleRate: SAMPLE_RATE }));
      return (views, b) => {
        meters[0].process(views[0][b]);
        meters[1].process(views[1][b]);
      };
    },
  },
  {
    name: 'LoudnessMeter',
    source: 'src/dsp/loudness.ts',
    what: 'EBU R128 momentary/short-term/integrated/LRA + true peak (one stereo meter)',
    create: (mod) => {
      const meter = new mod.LoudnessMeter({ sampleRate: SAMPLE_RATE, channels: 2 });
      return (views, b) => meter.process(views.pairs[b]);
    },
  },
  {
    name: 'SpectrumAnalyzer',
    source: 'src/dsp/spectrum.ts',
    what: '31 one-third-octave bands, IEC 61260-1 class 1, fast weighting and holds, of the stereo sum (as the engine runs it)',
    create: (mod) => {
      const analyzer = new mod.SpectrumAnalyzer({ sampleRate: SAMPLE_RATE, channels: 1 });
      const mono = [new Float32Array(BLOCK)];
      return (views, b) => {
        const [l, r] = views.pairs[b];
        for (let i = 0; i < BLOCK; i++) mono[0][i] = (l[i] + r[i]) * 0.5;
        analyzer.process(mono);
      };
    },
  },
  {
    name: 'TruePeakMeter',
    source: 'src/dsp/true-peak.ts',
    what: 'BS.1770 Annex 2 true peak, 4x oversampling at 48 kHz (one stereo meter)',
    create: (mod) => {
      const meter = new mod.TruePeakMeter({ sampleRate: SAMPLE_RATE, channels: 2 });
      return (views, b) => meter.process(views.pairs[b]);
    },
  },
];

async function bundle(entry, name) {
  await mkdir(OUT, { recursive: true });
  const outfile = `${OUT}${name}.mjs`;
  await build({ entryPoints: [root(entry)], bundle: true, format: 'esm', platform: 'node', target: 'es2022', outfile, logLevel: 'silent' });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Per-block subarray views of a stereo signal, made once. */
function blockViews([left, right]) {
  const blocks = Math.floor(left.length / BLOCK);
  const views = [[], []];
  views.pairs = [];
  for (let b = 0; b < blocks; b++) {
    const l = left.subarray(b * BLOCK, (b + 1) * BLOCK);
    const r = right.subarray(b * BLOCK, (b + 1) * BLOCK);
    views[0].push(l);
    views[1].push(r);
    views.pairs.push([l, r]);
  }
  views.blocks = blocks;
  return views;
}

function timePass(step, views) {
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < views.blocks; b++) step(views, b);
  return Number(process.hrtime.bigint() - t0);
}

/** Measures every present kernel: `rounds` interleaved passes over `seconds` of signal. */
export async function measureDsp({ seconds, rounds }) {
  const signals = await bundle('bench/pages/signals.ts', 'signals');
  const views = blockViews(signals.programSamples(SAMPLE_RATE, 0, 1, seconds));
  const samplesPerChannel = views.blocks * BLOCK;
  const results = [];
  const live = [];
  for (const k of KERNELS) {
    const base = { kernel: k.name, source: k.source, measures: k.what };
    if (!existsSync(root(k.source))) {
      results.push({ ...base, status: 'absent' });
      continue;
    }
    try {
      const mod = await bundle(k.source, k.name);
      if (typeof mod[k.name] !== 'function') throw new Error(`${k.source} does not export ${k.name}`);
      const step = k.create(mod);
      timePass(step, views); // warm-up pass (JIT)
      const entry = { ...base, status: 'measured', nsPerSample: [] };
      results.push(entry);
      live.push({ entry, step });
    } catch (error) {
      results.push({ ...base, status: 'error', error: String(error?.message ?? error).split('\n')[0] });
    }
  }
  for (let r = 0; r < rounds; r++) {
    for (const { entry, step } of live) entry.nsPerSample.push(timePass(step, views) / (samplesPerChannel * 2));
  }
  for (const { entry } of live) {
    entry.nsPerSamplePerChannel = summarize(entry.nsPerSample);
    // What that costs for 128 stereo tracks in real time at 48 kHz, as a share of one core.
    entry.coreShare128Stereo = entry.nsPerSamplePerChannel.median * 1e-9 * SAMPLE_RATE * 256;
    delete entry.nsPerSample;
  }
  return { sampleRate: SAMPLE_RATE, block: BLOCK, signalSeconds: seconds, rounds, kernels: results };
}
