/**
 * The audio graph every contender gets: per track a looping program source into a fader
 * (the track's "tap", the node a meter listens to), all faders into a master gain into
 * `destination`. The control contender uses exactly this graph and adds nothing.
 */
import { PROGRAM_POOL, PROGRAM_SECONDS } from './signals';

export interface TrackGraph {
  /** One stereo node per track: connect a meter here. */
  taps: GainNode[];
  sources: AudioBufferSourceNode[];
  master: GainNode;
  /** Starts every source at `when` (context time). */
  start(when: number): void;
}

export function createProgramGraph(ctx: BaseAudioContext, tracks: number, buffers: AudioBuffer[]): TrackGraph {
  const master = new GainNode(ctx, { gain: 1 / Math.sqrt(tracks) });
  master.connect(ctx.destination);
  const taps: GainNode[] = [];
  const sources: AudioBufferSourceNode[] = [];
  for (let t = 0; t < tracks; t++) {
    const source = new AudioBufferSourceNode(ctx, { buffer: buffers[t % PROGRAM_POOL], loop: true });
    const tap = new GainNode(ctx, { gain: 0.5 + (0.5 * ((t * 7) % 10)) / 10 });
    source.connect(tap);
    tap.connect(master);
    taps.push(tap);
    sources.push(source);
  }
  return {
    taps,
    sources,
    master,
    start(when) {
      sources.forEach((s, t) => s.start(when, (t * 0.37) % PROGRAM_SECONDS));
    },
  };
}

/** Spike graph: one one-shot source per track straight into its tap; taps into destination. */
export function createSpikeGraph(ctx: BaseAudioContext, buffers: AudioBuffer[]): TrackGraph {
  const master = new GainNode(ctx, { gain: 1 });
  master.connect(ctx.destination);
  const taps: GainNode[] = [];
  const sources: AudioBufferSourceNode[] = [];
  for (const buffer of buffers) {
    const source = new AudioBufferSourceNode(ctx, { buffer });
    const tap = new GainNode(ctx, { gain: 1 });
    source.connect(tap);
    tap.connect(master);
    taps.push(tap);
    sources.push(source);
  }
  return { taps, sources, master, start: (when) => sources.forEach((s) => s.start(when)) };
}
