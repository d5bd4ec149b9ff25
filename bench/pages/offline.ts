/**
 * Audio-thread cost: renders the program graph through an OfflineAudioContext with one
 * contender attached and times `startRendering()`. The control render is the same graph with
 * no meter; (render − control) / audio duration is the share of one core a contender costs.
 *
 * The first `warmupS` (default 1 s) of audio are rendered but not timed, so the figure is the
 * steady-state cost, not the worklet's JIT warm-up.
 *
 * With `pollHz`, every contender (control too) is rendered with `suspend()` at that rate and,
 * at each suspension, does the per-frame read its UI would do (meterkit: `readInto` per track;
 * AnalyserNode: `getFloatTimeDomainData` + max |x| per channel; web-audio-peak-meter: read the
 * peaks its port delivered; control: nothing) before `resume()`.
 */
import { createMeterEngine, createTrackLevels, type MeterEngine } from 'meterkit/core';
import { WebAudioPeakMeter } from 'web-audio-peak-meter';
import { createProgramBuffers, SAMPLE_RATE } from './signals';
import { createProgramGraph } from './graph';
import nullProcessorUrl from './null-processor.js?url';

/** `null-worklet` is a diagnostic, not a contender: meterkit's node topology with an empty process(). */
/** `meterkit` uses the default level kernel (WebAssembly SIMD here), `meterkit-js` forces the JavaScript one. */
export type OfflineContender =
  'meterkit' | 'meterkit-js' | 'meterkit-loudness' | 'meterkit-spectrum' | 'meterkit-scope' | 'analyser' | 'wapm' | 'control' | 'null-worklet';

interface Attached {
  /** The per-frame read of this contender's UI (no drawing). */
  poll(): void;
  /** A level the contender measured, to prove it ran (linear). */
  check(): number;
  transport?: string;
  /** meterkit: the level kernel its processor reported. */
  kernel?: () => string | null;
  dispose(): void;
}

let buffers: AudioBuffer[] | null = null;

async function attachMeterkit(
  ctx: BaseAudioContext,
  taps: AudioNode[],
  kernel: 'auto' | 'js',
  extra: 'loudness' | 'spectrum' | 'scope' | null = null,
): Promise<Attached> {
  const every = taps.map((_, t) => t);
  const engine: MeterEngine = await createMeterEngine(ctx, {
    tracks: taps.length,
    channels: 2,
    kernel,
    loudness: extra === 'loudness',
    spectrum: extra === 'spectrum' ? every : undefined,
    scope: extra === 'scope' ? every : undefined,
    scopeCapacity: extra === 'scope' ? 8192 : undefined,
  });
  taps.forEach((tap, t) => engine.connect(tap, t)); // straight into the meter node, as the README shows
  const levels = taps.map(() => createTrackLevels(2));
  return {
    poll() {
      for (let t = 0; t < levels.length; t++) engine.bank.readInto(t, levels[t]);
    },
    check() {
      const probe = engine.createReader();
      const l = createTrackLevels(2);
      probe.readInto(taps.length - 1, l);
      return l.hold[0];
    },
    transport: engine.transport,
    kernel: () => engine.kernel,
    dispose: () => engine.dispose(),
  };
}

/** The hand-written peer: ChannelSplitter + one AnalyserNode (default fftSize 2048) per channel. */
function attachAnalyser(ctx: BaseAudioContext, taps: AudioNode[]): Attached {
  const analysers: AnalyserNode[] = [];
  for (const tap of taps) {
    const split = new ChannelSplitterNode(ctx, { numberOfOutputs: 2 });
    tap.connect(split);
    for (let c = 0; c < 2; c++) {
      const a = new AnalyserNode(ctx);
      split.connect(a, c);
      analysers.push(a);
    }
  }
  const data = new Float32Array(analysers[0].fftSize);
  let last = 0;
  return {
    poll() {
      for (const a of analysers) {
        a.getFloatTimeDomainData(data);
        let peak = 0;
        for (let i = 0; i < data.length; i++) {
          const v = Math.abs(data[i]);
          if (v > peak) peak = v;
        }
        last = peak;
      }
    },
    check() {
      this.poll();
      return last;
    },
    dispose: () => analysers.forEach((a) => a.disconnect()),
  };
}

/** web-audio-peak-meter 3.x without a DOM element (its documented "no DOM" usage), one per track. */
async function attachWapm(ctx: BaseAudioContext, taps: AudioNode[]): Promise<Attached> {
  const meters = taps.map((tap) => new WebAudioPeakMeter(tap, undefined as unknown as HTMLElement));
  // Its constructor starts an async addModule and does not expose the promise: wait for the nodes.
  for (let i = 0; i < 500 && meters.some((m) => m.node === undefined); i++) await new Promise((r) => setTimeout(r, 10));
  if (meters.some((m) => m.node === undefined)) throw new Error('web-audio-peak-meter nodes were not created');
  let seen = 0;
  return {
    poll() {
      for (const m of meters) seen = Math.max(seen, m.tempPeaks[0], m.tempPeaks[1]);
    },
    check: () => Math.max(seen, ...meters.flatMap((m) => m.heldPeaks)),
    dispose: () => meters.forEach((m) => m.cleanup()),
  };
}

/** Diagnostic: one AudioWorkletNode with one stereo input per track (connected directly, as `engine.connect` wires it) and an empty process(). */
async function attachNullWorklet(ctx: BaseAudioContext, taps: AudioNode[]): Promise<Attached> {
  await ctx.audioWorklet.addModule(nullProcessorUrl);
  const node = new AudioWorkletNode(ctx, 'bench-null-processor', {
    numberOfInputs: taps.length,
    numberOfOutputs: 0,
    channelCount: 2,
    channelCountMode: 'explicit',
  });
  taps.forEach((tap, t) => tap.connect(node, 0, t));
  return {
    poll() {},
    check: () => NaN,
    dispose() {
      taps.forEach((tap) => tap.disconnect(node));
      node.port.close();
    },
  };
}

function attachControl(): Attached {
  return { poll() {}, check: () => NaN, dispose() {} };
}

export interface OfflineResult {
  contender: OfflineContender;
  tracks: number;
  /** Timed audio, s (the warm-up is excluded). */
  seconds: number;
  warmupS: number;
  pollHz: number;
  /** Render time of the timed part, ms. */
  renderMs: number;
  /** Render time including the warm-up, ms. */
  totalRenderMs: number;
  setupMs: number;
  measuredLevel: number;
  transport: string | null;
  /** meterkit: the level kernel that measured ('wasm-simd' or 'js'); null for the others. */
  kernel: string | null;
}

export async function renderOffline(contender: OfflineContender, tracks: number, seconds: number, warmupS = 1, pollHz = 0): Promise<OfflineResult> {
  buffers ??= createProgramBuffers(SAMPLE_RATE);
  const t0 = performance.now();
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: seconds * SAMPLE_RATE, sampleRate: SAMPLE_RATE });
  const graph = createProgramGraph(ctx, tracks, buffers);
  const attached =
    contender === 'meterkit' ||
    contender === 'meterkit-js' ||
    contender === 'meterkit-loudness' ||
    contender === 'meterkit-spectrum' ||
    contender === 'meterkit-scope'
      ? await attachMeterkit(
          ctx,
          graph.taps,
          contender === 'meterkit-js' ? 'js' : 'auto',
          contender === 'meterkit-loudness' ? 'loudness' : contender === 'meterkit-spectrum' ? 'spectrum' : contender === 'meterkit-scope' ? 'scope' : null,
        )
      : contender === 'analyser'
        ? attachAnalyser(ctx, graph.taps)
        : contender === 'wapm'
          ? await attachWapm(ctx, graph.taps)
          : contender === 'null-worklet'
            ? await attachNullWorklet(ctx, graph.taps)
            : attachControl();
  graph.start(0);
  // The first `warmupS` of audio are rendered but not timed (worklet JIT, first allocations):
  // the clock starts when the render reaches that point.
  const warmupFrame = Math.round((warmupS * SAMPLE_RATE) / 128) * 128; // suspend() works on render quanta
  let timedFrom = NaN;
  const onSuspend = (frame: number) => {
    if (frame === warmupFrame) timedFrom = performance.now();
    if (pollHz > 0) attached.poll();
    void ctx.resume();
  };
  const suspendFrames = new Set([warmupFrame]);
  if (pollHz > 0) {
    for (let k = 1; k < seconds * pollHz; k++) suspendFrames.add(Math.floor((k * SAMPLE_RATE) / pollHz / 128) * 128);
  }
  for (const frame of suspendFrames) if (frame > 0) void ctx.suspend(frame / SAMPLE_RATE).then(() => onSuspend(frame));
  if (warmupFrame === 0) timedFrom = performance.now();
  const setupMs = performance.now() - t0;
  const start = performance.now();
  await ctx.startRendering();
  const end = performance.now();
  const renderMs = end - timedFrom;
  const measuredLevel = attached.check();
  attached.dispose();
  return {
    contender,
    tracks,
    seconds: seconds - warmupFrame / SAMPLE_RATE,
    warmupS: warmupFrame / SAMPLE_RATE,
    pollHz,
    renderMs,
    totalRenderMs: end - start,
    setupMs,
    measuredLevel,
    transport: attached.transport ?? null,
    kernel: attached.kernel?.() ?? null,
  };
}
