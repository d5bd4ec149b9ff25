/**
 * Wires synthesized tracks into a meter engine: per track a looping AudioBufferSourceNode →
 * fader (GainNode) → optional StereoPannerNode → `engine.connect(node, track)`. Every track also
 * feeds a master bus (a GainNode: the master fader), metered as one more engine track if asked,
 * and the master bus feeds a monitor gain into `destination`, muted by default. The meter
 * itself is a tap and never connects to `destination`.
 */
import type { MeterEngine } from '../../src/index';
import type { MixerTrack } from './mixer-tracks';
import type { Material } from './signals';

export interface MixerGraphOptions {
  /** Engine track that meters the master bus (post master fader). Default: not metered. */
  masterTrack?: number;
  /** Master fader, linear. Default 1. */
  masterGain?: number;
  /** Seconds from now until the sources start. Default 0.05. */
  startDelay?: number;
  /**
   * Engine tracks fed by each graph track: track i also feeds engine tracks i + k·tracks.length
   * for k = 1 … copies − 1 (one source, many meters: a cheap way to meter 1024 tracks). Default 1.
   */
  copies?: number;
}

export interface MixerGraph {
  /** Gain of the master bus into `context.destination` (0 = muted, the default). */
  readonly monitor: GainNode;
  /** Stops every source and disconnects every node (engine connections are undone too). */
  dispose(): void;
}

/** AudioBuffers per context and material key, built once. */
const buffers = new WeakMap<BaseAudioContext, Map<string, AudioBuffer | null>>();

function bufferFor(context: BaseAudioContext, track: MixerTrack): AudioBuffer | null {
  let perContext = buffers.get(context);
  if (perContext === undefined) {
    perContext = new Map();
    buffers.set(context, perContext);
  }
  let buffer = perContext.get(track.material);
  if (buffer === undefined) {
    const material: Material = track.make(context.sampleRate);
    buffer = material.length === 0 ? null : new AudioBuffer({ numberOfChannels: material.length, length: material[0].length, sampleRate: context.sampleRate });
    material.forEach((data, c) => buffer!.copyToChannel(data, c));
    perContext.set(track.material, buffer);
  }
  return buffer;
}

/**
 * Builds the graph for `tracks` (track i → engine input i) and starts it. Returns the monitor
 * gain and a dispose function.
 */
export function buildMixerGraph(context: BaseAudioContext, engine: MeterEngine, tracks: readonly MixerTrack[], options: MixerGraphOptions = {}): MixerGraph {
  const master = new GainNode(context, { gain: options.masterGain ?? 1 });
  const monitor = new GainNode(context, { gain: 0 });
  master.connect(monitor);
  monitor.connect(context.destination);
  const sources: AudioBufferSourceNode[] = [];
  const nodes: AudioNode[] = [master, monitor];
  const undo: (() => void)[] = [];
  if (options.masterTrack !== undefined) undo.push(engine.connect(master, options.masterTrack));
  const when = context.currentTime + (options.startDelay ?? 0.05);
  tracks.forEach((track, i) => {
    if (track.silent) return;
    const buffer = bufferFor(context, track);
    if (buffer === null) return;
    const source = new AudioBufferSourceNode(context, { buffer, loop: true });
    const fader = new GainNode(context, { gain: track.gain ?? 1 });
    source.connect(fader);
    let out: AudioNode = fader;
    if (track.pan !== undefined) {
      const panner = new StereoPannerNode(context, { pan: track.pan });
      fader.connect(panner);
      out = panner;
      nodes.push(panner);
    }
    for (let k = 0; k < (options.copies ?? 1); k++) undo.push(engine.connect(out, i + k * tracks.length));
    out.connect(master);
    source.start(when, (track.offset ?? 0) % buffer.duration);
    sources.push(source);
    nodes.push(source, fader);
  });
  return {
    monitor,
    dispose() {
      for (const off of undo) off();
      for (const source of sources) {
        try {
          source.stop();
        } catch {
          // Already stopped (context closed).
        }
      }
      for (const node of nodes) node.disconnect();
    },
  };
}
