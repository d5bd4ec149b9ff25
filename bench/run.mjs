#!/usr/bin/env node
/**
 * `npm run bench` — meterkit against the meters users would pick instead, in one run:
 * DSP kernels in Node, audio-thread cost (OfflineAudioContext), main-thread cost of live meters
 * and peaks caught, in headless Chromium. See bench/README.md for the method.
 *
 * Flags: --quick (smoke run, ≈ 3–4 min; no diagnostic rows), --long (60 s per contender per size, ≈ 30 min),
 *        --readme (rewrite docs/benchmark.md between <!-- bench:start --> and <!-- bench:end -->,
 *        and README's summary between <!-- bench-summary:start --> and <!-- bench-summary:end -->),
 *        --only=dsp,audio,main,peaks   --sizes=8,32,128,1024 (main thread)   --audio-sizes=8,32,128,1024
 *        (audio thread and the Node stage profile)   --rounds=N   --no-build
 *        --poll-hz=N (audio thread: also suspend N times per second and do each UI's read)
 *        --audio-contenders=meterkit,meterkit-js (audio thread: only these, plus the control;
 *        meterkit-loudness, the engine with loudness on every track, runs only when named here)
 *        --audio-seconds=S (audio thread: timed seconds per render)
 */
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildPages, ensureDist } from './build.mjs';
import { cpuTimes, describeMachine } from './machine.mjs';
import { launchChrome } from './chrome.mjs';
import { startServer } from './server.mjs';
import { measureDsp } from './dsp.mjs';
import { measureStages, formatStages } from './stages.mjs';
import { measureOffline, OFFLINE_CONTENDERS, OPTIONAL_OFFLINE_CONTENDERS } from './audio-thread.mjs';
import { measureLive } from './main-thread.mjs';
import { measurePeaks } from './peaks.mjs';
import { summarizeAudioThread, summarizeMainThread, summarizePeaks, evaluateGoals, toMarkdown, toSummaryMarkdown, spliceReadme } from './report.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const LIVE_CONTENDERS = ['meterkit-main', 'meterkit-worker', 'analyser', 'wapm', 'tone', 'control'];
const PEAK_CONTENDERS = ['meterkit-main', 'meterkit-worker', 'analyser', 'wapm', 'tone'];
/**
 * Live contenders not run at a size, with the reason printed in the table: the peers whose main
 * thread already cannot keep up at 128 stereo tracks are not run at 1024 (it would only cost
 * minutes of a flooded page).
 */
const SKIPPED = {
  1024: {
    wapm: 'skipped: cannot keep up at 128 stereo tracks already (unresponsive page: one message per render quantum per track)',
    tone: 'skipped: cannot keep up at 128 stereo tracks already (≈ 25 fps: a React state update per track per frame)',
  },
};

const SCHEDULES = {
  quick: {
    rounds: 1,
    warmupMs: 500,
    windowMs: { 8: 1500, 32: 1500, 128: 1500, 1024: 1500 },
    audioSeconds: 1.5,
    audioWarmupS: 0.5,
    diagnostics: false,
    peakSpikes: 64,
    peakRounds: 1,
    dsp: { seconds: 2, rounds: 3 },
  },
  full: {
    rounds: 3,
    warmupMs: 1500,
    windowMs: { 8: 4000, 32: 4000, 128: 12000, 1024: 6000 },
    audioSeconds: 6,
    audioWarmupS: 1,
    peakSpikes: 200,
    peakRounds: 1,
    dsp: { seconds: 5, rounds: 7 },
  },
  long: {
    rounds: 3,
    warmupMs: 2000,
    windowMs: { 8: 20000, 32: 20000, 128: 20000, 1024: 20000 },
    audioSeconds: 20,
    audioWarmupS: 1,
    peakSpikes: 200,
    peakRounds: 3,
    dsp: { seconds: 10, rounds: 9 },
  },
};
const PEAK_TRACKS = 32;
const PEAK_SEED = 7;

function parseArgs(argv) {
  const flag = (name) => argv.includes(`--${name}`);
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const known = /^--(quick|long|readme|no-build|only=.+|sizes=.+|audio-sizes=.+|audio-contenders=.+|audio-seconds=[\d.]+|rounds=\d+|poll-hz=\d+)$/;
  const unknown = argv.filter((a) => !known.test(a));
  if (unknown.length > 0) throw new Error(`unknown option(s) ${unknown.join(' ')}; see the header of bench/run.mjs`);
  const mode = flag('quick') ? 'quick' : flag('long') ? 'long' : 'full';
  const schedule = { ...SCHEDULES[mode] };
  if (value('rounds')) schedule.rounds = Number(value('rounds'));
  schedule.pollHz = Number(value('poll-hz') ?? 0);
  if (value('audio-seconds')) schedule.audioSeconds = Number(value('audio-seconds'));
  return {
    mode,
    schedule,
    readme: flag('readme'),
    build: !flag('no-build'),
    only: new Set((value('only') ?? 'dsp,audio,main,peaks').split(',')),
    sizes: (value('sizes') ?? '8,32,128,1024').split(',').map(Number),
    audioSizes: (value('audio-sizes') ?? '8,32,128,1024').split(',').map(Number),
    audioContenders: value('audio-contenders')?.split(',') ?? null,
  };
}

const log = (...a) => console.log(...a);

/** Round r visits the contenders rotated by r, so no contender always runs first. */
const rotate = (list, r) => list.map((_, i) => list[(i + r) % list.length]);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { schedule } = opts;
  const t0 = Date.now();
  const cpu0 = cpuTimes();
  const loadStart = os.loadavg();
  const warnings = [];
  const failures = [];
  if (loadStart[0] > os.cpus().length * 0.75) {
    warnings.push(`The machine was busy at the start (load average ${loadStart[0].toFixed(2)} on ${os.cpus().length} cores): timings may be inflated.`);
    log(`WARNING: load average ${loadStart[0].toFixed(2)} at start; other processes will inflate the timings.`);
  }
  log(
    `meterkit bench (${opts.mode}): ${[...opts.only].join(', ')}; sizes ${opts.sizes.join(', ')} (audio thread ${opts.audioSizes.join(', ')}); ${schedule.rounds} round(s)`,
  );

  const needsBrowser = ['audio', 'main', 'peaks'].some((p) => opts.only.has(p));
  if (opts.build && needsBrowser) {
    const buildWarning = ensureDist(log);
    if (buildWarning) warnings.push(buildWarning);
    await buildPages();
  }
  const results = { date: new Date().toISOString(), mode: opts.mode, settings: {}, warnings, isolation: {} };
  results.settings = {
    rounds: schedule.rounds,
    sizes: opts.sizes,
    audioSizes: opts.audioSizes,
    warmupS: schedule.warmupMs / 1000,
    mainWindowS: Object.entries(schedule.windowMs)
      .filter(([t]) => opts.sizes.includes(Number(t)))
      .map(([t, ms]) => `${ms / 1000} (${t} tracks)`)
      .join(', '),
    audioSeconds: schedule.audioSeconds,
    audioWarmupS: schedule.audioWarmupS,
    audioPollHz: schedule.pollHz,
    peakTracks: PEAK_TRACKS,
    peakSpikes: schedule.peakSpikes,
    peakRounds: schedule.peakRounds,
    sampleRate: 48000,
  };

  const phases = {};
  let phaseStart = t0;
  const endPhase = (name) => {
    phases[name] = (Date.now() - phaseStart) / 1000;
    log(`  (${name}: ${phases[name].toFixed(0)} s)`);
    phaseStart = Date.now();
  };
  endPhase('build');

  if (opts.only.has('dsp')) {
    log('dsp kernels (Node)…');
    results.dsp = await measureDsp(schedule.dsp);
    for (const k of results.dsp.kernels) {
      log(
        `  ${k.kernel}: ${k.status === 'measured' ? `${k.nsPerSamplePerChannel.median.toFixed(2)} ns/sample/channel` : k.status + (k.error ? ` (${k.error})` : '')}`,
      );
    }
    log('audio-thread stages (Node)…');
    results.stages = await measureStages({ sizes: opts.audioSizes, rounds: schedule.dsp.rounds, seconds: Math.min(2, schedule.dsp.seconds) });
    for (const line of formatStages(results.stages)) log(`  ${line}`);
    endPhase('dsp');
  }

  let chrome = null;
  let server = null;
  const browser = async () => {
    if (chrome === null || !chrome.browser.isConnected()) {
      if (chrome !== null) warnings.push('Chromium disconnected during the run and was relaunched.');
      chrome = await launchChrome();
    }
    return chrome.browser;
  };
  /** Runs one measurement; a failure is recorded and the run goes on. */
  const attempt = async (label, fn) => {
    try {
      const started = Date.now();
      const res = await fn();
      if (res !== null) res.measureWallS = (Date.now() - started) / 1000;
      return res;
    } catch (error) {
      const message = `${label}: ${String(error?.message ?? error).split('\n')[0]}`;
      failures.push(message);
      log(`  FAILED ${message}`);
      if (chrome !== null && !chrome.browser.isConnected()) chrome = null;
      return null;
    }
  };

  try {
    if (needsBrowser) {
      server = await startServer(here('./.build/pages'));
      await browser();
      results.machine = describeMachine(chrome.version);
      log(`Chromium ${chrome.version} at ${chrome.executablePath}`);
      endPhase('launch');
    } else {
      results.machine = describeMachine(null);
    }

    if (opts.only.has('audio')) {
      const rows = [];
      for (let r = 0; r < schedule.rounds; r++) {
        for (const tracks of opts.audioSizes) {
          const all = schedule.diagnostics === false ? OFFLINE_CONTENDERS.filter((c) => c !== 'null-worklet') : OFFLINE_CONTENDERS;
          // --audio-contenders keeps a subset (the control always runs: every share is against it).
          const contenders =
            opts.audioContenders === null
              ? all
              : [...OFFLINE_CONTENDERS, ...OPTIONAL_OFFLINE_CONTENDERS].filter((c) => c === 'control' || opts.audioContenders.includes(c));
          for (const contender of rotate(contenders, r)) {
            const res = await attempt(`audio ${contender} ${tracks}`, async () =>
              measureOffline(await browser(), server.url, {
                contender,
                tracks,
                seconds: schedule.audioSeconds,
                warmupS: schedule.audioWarmupS,
                pollHz: schedule.pollHz,
              }),
            );
            if (res === null) continue;
            rows.push({ ...res, round: r });
            if (res.transport) results.isolation.meterkitTransport = res.transport;
            results.isolation.crossOriginIsolated = res.crossOriginIsolated;
            log(
              `  [audio ${r + 1}/${schedule.rounds}] ${String(tracks).padStart(3)} tracks ${contender.padEnd(12)} render ${(res.renderMs / 1000).toFixed(2)} s`,
            );
          }
        }
      }
      results.audioThread = { rows, summary: summarizeAudioThread(rows) };
      endPhase('audio');
    }

    if (opts.only.has('main')) {
      const rows = [];
      const skipped = [];
      const unresponsive = new Set();
      for (let r = 0; r < schedule.rounds; r++) {
        for (const tracks of opts.sizes) {
          for (const contender of rotate(LIVE_CONTENDERS, r)) {
            if (unresponsive.has(`${contender}/${tracks}`)) continue; // already shown it cannot keep up
            const skip = SKIPPED[tracks]?.[contender];
            if (skip) {
              if (r === 0) skipped.push({ contender, tracks, reason: skip });
              continue;
            }
            const res = await attempt(`main ${contender} ${tracks}`, async () =>
              measureLive(await browser(), server.url, { contender, tracks, warmupMs: schedule.warmupMs, windowMs: schedule.windowMs[tracks] ?? 5000 }),
            );
            if (res === null) continue;
            rows.push({ ...res, round: r });
            if (res.transport) results.isolation.meterkitTransport = res.transport;
            results.isolation.crossOriginIsolated = res.crossOriginIsolated;
            if (res.unresponsive) unresponsive.add(`${contender}/${tracks}`);
            const renderer = `renderer ${(res.rendererCpuShare * 100).toFixed(0)} % of a core`;
            log(
              `  [main ${r + 1}/${schedule.rounds}] ${String(tracks).padStart(4)} tracks ${contender.padEnd(15)} ` +
                (res.unresponsive
                  ? `unresponsive (main thread ${(res.busyShare * 100).toFixed(0)} % busy, ${renderer})`
                  : `${res.msPerFrame.toFixed(2)} ms/frame (CPU ${res.cpuMsPerFrame.toFixed(2)}), ${res.fps.toFixed(1)} fps` +
                    (res.workerFps === null ? '' : ` (worker ${res.workerFps.toFixed(1)} fps)`) +
                    `, ${renderer} (${res.rendererCpuMsPerFrame.toFixed(2)} ms/frame), ${res.commitsPerS.toFixed(1)} commits/s, heap ${res.heapGrowthBytesPer60s === null ? '–' : (res.heapGrowthBytesPer60s / 1024).toFixed(0)} KB/60 s`),
            );
          }
        }
      }
      results.mainThread = { rows, skipped, summary: summarizeMainThread(rows) };
      endPhase('main');
    }

    if (opts.only.has('peaks')) {
      const rows = [];
      for (let r = 0; r < schedule.peakRounds; r++) {
        for (const contender of rotate(PEAK_CONTENDERS, r)) {
          const res = await attempt(`peaks ${contender}`, async () =>
            measurePeaks(await browser(), server.url, { contender, tracks: PEAK_TRACKS, spikes: schedule.peakSpikes, seed: PEAK_SEED }),
          );
          if (res === null) continue;
          rows.push({ ...res, round: r });
          log(
            `  [peaks ${r + 1}/${schedule.peakRounds}] ${contender.padEnd(15)} on screen at height ${res.onScreen.atHeight}/${res.onScreen.spikes}, ` +
              `visible ${res.onScreen.visible}, drawn at height ${res.drawn === null ? '–' : res.drawn.atHeight}, ${res.fps === null ? '–' : res.fps.toFixed(1)} fps` +
              (res.sampledBy === 'screenshot' ? `, ${res.samplesPerS.toFixed(1)} screenshots/s` : ''),
          );
        }
      }
      results.peaks = { rows, summary: summarizePeaks(rows) };
      endPhase('peaks');
    }
  } finally {
    await chrome?.browser.close().catch(() => {});
    await server?.close();
  }

  const cpu1 = cpuTimes();
  results.machine.loadStart = loadStart;
  results.machine.loadEnd = os.loadavg();
  results.machine.stealShare = cpu1.total > cpu0.total ? (cpu1.steal - cpu0.steal) / (cpu1.total - cpu0.total) : 0;
  results.wallTimeS = (Date.now() - t0) / 1000;
  results.phaseWallS = phases;
  results.failures = failures;
  results.goals = evaluateGoals(results);
  if (failures.length > 0) warnings.push(`${failures.length} measurement(s) failed: ${failures.join('; ')}.`);
  const markdown = toMarkdown(results);

  const dir = here('./results/');
  await mkdir(dir, { recursive: true });
  const day = results.date.slice(0, 10);
  const suffix = opts.mode === 'full' ? '' : `-${opts.mode}`;
  const json = `${JSON.stringify(results, null, 1)}\n`;
  await writeFile(`${dir}${day}${suffix}.json`, json);
  await writeFile(`${dir}latest${suffix}.json`, json);
  await writeFile(`${dir}latest${suffix}.md`, `${markdown}\n`);
  log(`\nresults: bench/results/${day}${suffix}.json, bench/results/latest${suffix}.json, bench/results/latest${suffix}.md`);

  if (opts.readme) {
    if (opts.mode === 'quick') log('--readme ignored for --quick (smoke numbers are not published)');
    else {
      // The full tables go to docs/benchmark.md, the 128-track summary to README.md.
      for (const [file, name, text] of [
        ['../docs/benchmark.md', 'bench', markdown],
        ['../README.md', 'bench-summary', toSummaryMarkdown(results)],
      ]) {
        const target = here(file);
        const next = spliceReadme(await readFile(target, 'utf8'), text, name);
        if (next === null) log(`${file.slice(3)} has no <!-- ${name}:start --> … <!-- ${name}:end --> markers: left untouched`);
        else {
          await writeFile(target, next);
          log(`${file.slice(3)}: rewritten between the ${name} markers`);
        }
      }
    }
  }

  log(`\n${markdown}`);
  log('Goals:');
  for (const g of results.goals) log(`  ${g.status.padEnd(4)} ${g.goal} — ${g.detail}`);
  log(`\nwall time ${(results.wallTimeS / 60).toFixed(1)} min${failures.length ? `; ${failures.length} measurement(s) FAILED` : ''}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});
