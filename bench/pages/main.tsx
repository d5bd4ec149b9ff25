/**
 * The page harness: one page for every contender and mode, chosen by the query string.
 *
 * - `?mode=live&contender=…&tracks=N`: a real AudioContext plays the program graph (N stereo
 *   tracks) and the contender meters it. `bench.startWindow()` / `bench.endWindow()` count
 *   animation frames (one rAF counter, the same on every page) and React commits (a
 *   `<Profiler>` around the contender) over the measured window, and for `meterkit-worker` the
 *   render worker's own animation frames.
 * - `?mode=peaks&contender=…&tracks=N&spikes=S&seed=K`: the spike graph; `bench.runPeaks()`
 *   plays it once and records, at the start of every animation frame, the context time and
 *   the level each channel's meter shows on screen (the contender's probe). A contender with a
 *   `screenshotProbe` (a canvas transferred to a worker) is sampled by bench/peaks.mjs instead,
 *   which reads `bench.peaksClock()` around its screenshots while `runPeaks` plays.
 * - `?mode=offline`: `bench.renderOffline(...)` (see offline.ts).
 *
 * The orchestrator (bench/run.mjs) drives `window.bench` through Playwright.
 */
import { Profiler, useCallback, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { createProgramBuffers, planSpikes, createSpikeBuffers, SAMPLE_RATE } from './signals';
import { createProgramGraph, createSpikeGraph, type TrackGraph } from './graph';
import type { ContenderInfo, ContenderProps } from './contender';

const CONTENDERS: Record<string, () => Promise<{ default: ComponentType<ContenderProps> }>> = {
  'meterkit-main': () => import('./meterkit').then((m) => ({ default: m.MeterkitMain })),
  'meterkit-worker': () => import('./meterkit').then((m) => ({ default: m.MeterkitWorker })),
  analyser: () => import('./analyser'),
  wapm: () => import('./wapm'),
  tone: () => import('./tone'),
  control: () => import('./control'),
};

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'offline';
const bench: Record<string, unknown> = { crossOriginIsolated: window.crossOriginIsolated, mode };
(window as unknown as { bench: typeof bench }).bench = bench;

// One rAF counter on every page; it is also where the peaks probe runs (first callback of a frame,
// so it sees what the previous frame put on screen).
let frames = 0;
let perFrame: (() => void) | null = null;
requestAnimationFrame(function count() {
  frames++;
  perFrame?.();
  requestAnimationFrame(count);
});

let commits = 0;
const onRender = () => void commits++;

/** dB readings for JSON: 0.01 dB steps, null for "nothing shown" (-Infinity does not survive JSON). */
function toJson(db: Float32Array): (number | null)[] {
  return Array.from(db, (v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null));
}

async function mountLive(): Promise<void> {
  const name = params.get('contender') ?? 'control';
  const tracks = Number(params.get('tracks') ?? 8);
  const ctx = new AudioContext({ sampleRate: SAMPLE_RATE, latencyHint: 'interactive' });
  let graph: TrackGraph;
  let peaks: ReturnType<typeof planSpikes> | null = null;
  if (mode === 'peaks') {
    peaks = planSpikes(Number(params.get('seed') ?? 7), tracks * 2, Number(params.get('spikes') ?? 200), SAMPLE_RATE);
    graph = createSpikeGraph(ctx, createSpikeBuffers(tracks, peaks.spikes, peaks.durationS, SAMPLE_RATE));
  } else {
    graph = createProgramGraph(ctx, tracks, createProgramBuffers(SAMPLE_RATE));
    graph.start(ctx.currentTime);
  }
  const Contender = (await CONTENDERS[name]()).default;
  const info = await new Promise<ContenderInfo>((resolve) => {
    function App() {
      const onReady = useCallback((i: ContenderInfo) => resolve(i), []);
      return (
        <Profiler id={name} onRender={onRender}>
          <Contender ctx={ctx} taps={graph.taps} onReady={onReady} />
        </Profiler>
      );
    }
    createRoot(document.getElementById('root')!).render(<App />);
  });
  if (ctx.state !== 'running') await ctx.resume();

  const workerFrames = async () => (info.renderWorkerFrames ? await info.renderWorkerFrames() : null);
  let window0 = { frames: 0, commits: 0, t: 0, workerFrames: null as number | null };
  Object.assign(bench, {
    info: {
      contender: name,
      tracks,
      crossOriginIsolated: window.crossOriginIsolated,
      transport: info.transport ?? null,
      render: info.render ?? null,
      screenshotSelector: info.screenshotProbe ?? null,
      contextState: ctx.state,
      sampleRate: ctx.sampleRate,
      baseLatency: ctx.baseLatency,
      mountCommits: commits,
    },
    async startWindow() {
      const w = await workerFrames();
      window0 = { frames, commits, t: performance.now(), workerFrames: w };
    },
    async endWindow() {
      const end = { frames: frames - window0.frames, commits: commits - window0.commits, elapsedMs: performance.now() - window0.t };
      const w = await workerFrames();
      return {
        ...end,
        workerFrames: w === null || window0.workerFrames === null ? null : w - window0.workerFrames,
        contextState: ctx.state,
      };
    },
    /** Context seconds since the spikes' start (negative before it); NaN before runPeaks. */
    peaksClock: () => Number.NaN,
    async runPeaks() {
      const plan = peaks!;
      const channels = tracks * 2;
      const maxFrames = Math.ceil((plan.durationS + 1) * 240);
      const levels = new Float32Array(maxFrames * channels);
      const drawn = new Float32Array(maxFrames * channels);
      const times = new Float64Array(maxFrames);
      let n = 0;
      const startAt = ctx.currentTime + 0.3;
      graph.start(startAt);
      bench.peaksClock = () => ctx.currentTime - startAt;
      const { probe, probeDrawn } = info;
      const w0 = await workerFrames();
      const t0 = performance.now();
      if (probe) {
        perFrame = () => {
          if (n >= maxFrames) return;
          times[n] = ctx.currentTime - startAt;
          probe(levels, n * channels);
          probeDrawn?.(drawn, n * channels);
          n++;
        };
      }
      await new Promise((r) => setTimeout(r, (plan.durationS + 0.6) * 1000));
      perFrame = null;
      const w1 = await workerFrames();
      return {
        sampledBy: probe ? 'frame' : 'screenshot',
        screenshotProbe: info.screenshotProbe ?? null,
        workerFps: w0 === null || w1 === null ? null : (w1 - w0) / ((performance.now() - t0) / 1000),
        spikes: plan.spikes,
        durationS: plan.durationS,
        floorDb: info.floorDb,
        channels,
        frames: n,
        times: Array.from(times.subarray(0, n)),
        levels: probe ? toJson(levels.subarray(0, n * channels)) : null,
        drawn: probe && probeDrawn ? toJson(drawn.subarray(0, n * channels)) : null,
      };
    },
  });
}

if (mode === 'live' || mode === 'peaks') {
  bench.ready = mountLive().then(() => bench.info);
} else {
  bench.ready = import('./offline').then(({ renderOffline }) => {
    bench.renderOffline = renderOffline;
    return { crossOriginIsolated: window.crossOriginIsolated };
  });
}
