/**
 * The page test/e2e/firefox.test.ts drives in Firefox: meterkit from the packed tarball, as an
 * app installs it. It exposes `window.checks`, whose functions measure and return raw readings;
 * every assertion is made by the test.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createMeterEngine, createTrackLevels, MeterBridge, type MeterEngine } from 'meterkit';

const SR = 48000;

export interface OfflineReading {
  transport: string;
  kernel: string | null;
  isolated: boolean;
  peak: number[];
  rms: number[];
  hold: number[];
  spikeHold: number;
}

export interface LiveReading {
  state: string;
  transport: string;
  valueText: string | null;
  renderedIn: string | undefined;
}

function sineBuffer(ctx: BaseAudioContext, amplitude: number, hz: number, spikeAt = -1, spike = 0): AudioBuffer {
  const buffer = ctx.createBuffer(2, ctx.sampleRate, ctx.sampleRate);
  for (let c = 0; c < 2; c++) {
    const data = buffer.getChannelData(c);
    if (amplitude > 0) for (let i = 0; i < data.length; i++) data[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / ctx.sampleRate);
    if (spikeAt >= 0 && c === 0) data[spikeAt] = spike;
  }
  return buffer;
}

function play(ctx: BaseAudioContext, buffer: AudioBuffer, into: AudioNode): void {
  const src = new AudioBufferSourceNode(ctx, { buffer });
  src.connect(into);
  src.start();
}

/**
 * The engine's kernel once the processor has reported it (`engine.kernel` is null until its
 * port message arrives — with the shared transport nothing else waits for that message).
 */
async function kernelOf(engine: MeterEngine): Promise<string | null> {
  for (let i = 0; i < 400 && engine.kernel === null; i++) await new Promise((r) => setTimeout(r, 5));
  return engine.kernel;
}

/** 1 s of a 1 kHz sine of amplitude 0.5 on track 0, one single-sample spike of 0.9 in silence on track 1. */
async function offline(transport: 'shared' | 'message', kernel: 'auto' | 'js'): Promise<OfflineReading> {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
  const engine = await createMeterEngine(ctx, { tracks: 2, channels: 2, transport, kernel });
  try {
    play(ctx, sineBuffer(ctx, 0.5, 1000), engine.input(0));
    play(ctx, sineBuffer(ctx, 0, 0, 30_001, 0.9), engine.input(1));
    await ctx.startRendering();
    await engine.flush();
    const out = createTrackLevels(2);
    engine.bank.readInto(0, out);
    const reading = { peak: Array.from(out.peak), rms: Array.from(out.rms), hold: Array.from(out.hold) };
    engine.bank.readInto(1, out);
    return { transport: engine.transport, kernel: await kernelOf(engine), isolated: crossOriginIsolated, ...reading, spikeHold: out.hold[0] };
  } finally {
    engine.dispose();
  }
}

let live: { ctx: AudioContext; engine: MeterEngine; root: Root } | null = null;

/** A realtime context, a 1 kHz tone at amplitude 0.5 on track 0, a MeterBridge painting with `render`. */
async function mountBridge(transport: 'shared' | 'message', render: 'main' | 'worker'): Promise<void> {
  await unmount();
  const ctx = new AudioContext();
  await ctx.resume();
  const engine = await createMeterEngine(ctx, { tracks: 2, channels: 2, transport });
  const tone = new OscillatorNode(ctx, { frequency: 1000 });
  const level = new GainNode(ctx, { gain: 0.5 });
  tone.connect(level);
  tone.start();
  engine.connect(level, 0);
  const root = createRoot(document.getElementById('root')!);
  root.render(<MeterBridge source={engine} tracks={2} labels={['Tone', 'Quiet']} render={render} />);
  live = { ctx, engine, root };
}

function liveReading(): LiveReading {
  const meter = document.querySelector('[role="meter"][aria-label="Tone level"]');
  const canvas = document.querySelector<HTMLCanvasElement>('[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]');
  return {
    state: live?.ctx.state ?? 'none',
    transport: live?.engine.transport ?? 'none',
    valueText: meter?.getAttribute('aria-valuetext') ?? null,
    renderedIn: canvas?.dataset.meterkitRender,
  };
}

/** Lit pixels of the bridge canvas read on the page (main-thread painting only: a transferred canvas has no 2D context here). */
function litPixels(): number {
  const canvas = document.querySelector<HTMLCanvasElement>('[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]')!;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === 0x2e && data[i + 1] === 0xcc && data[i + 2] === 0x71) n++;
  return n;
}

async function unmount(): Promise<void> {
  if (live === null) return;
  const { ctx, engine, root } = live;
  live = null;
  root.unmount();
  engine.dispose();
  await ctx.close();
}

declare global {
  interface Window {
    checks: { offline: typeof offline; mountBridge: typeof mountBridge; liveReading: typeof liveReading; litPixels: typeof litPixels; unmount: typeof unmount };
  }
}
window.checks = { offline, mountBridge, liveReading, litPixels, unmount };
