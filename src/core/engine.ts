/**
 * The meter engine: one AudioWorkletNode that measures every track, its meter bank, and the
 * wiring between them.
 *
 * Thread: main thread. Nothing here touches `window` or audio at import time (SSR safe).
 */
import { resolveLevelOptions, type LevelMeterOptions } from '../dsp/level-meter';
import { resolveBallisticOptions, type BallisticMeterOptions } from '../dsp/ballistics';
import type { BallisticsPreset } from '../dsp/ballistics-presets';
import { checkInteger, checkNumber, checkOneOf, describeValue } from '../dsp/validate';
import {
  createBankWords,
  MIN_SAMPLE_RATE,
  MAX_SAMPLE_RATE,
  MAX_TRACKS,
  MAX_CHANNELS,
  H_WRITER_STATE,
  WRITER_STOPPED,
} from './bank/layout';
import { MeterBankReader } from './bank/reader';
import { chooseTransport, MessageMirror, type TransportKind, type TransportRequest } from './transport';
import { loadMeterWorklet } from './worklet-loader';
import { PROCESSOR_NAME, type ProcessorInit, type FromProcessor, type ToProcessor } from '../worklet/protocol';

/** Ballistics of the engine's level meters: a preset name or preset options. */
export type EngineBallistics = BallisticsPreset | Omit<BallisticMeterOptions, 'sampleRate' | 'peakFallDbPerSecond'>;

/** Options of {@link createMeterEngine}. Level options are those of `LevelMeter` (meterkit/dsp). */
export interface MeterEngineOptions extends Omit<LevelMeterOptions, 'sampleRate'> {
  /** Number of input tracks, 1 to 1024 (with groups and master, 1024 bank tracks in all). Required. */
  tracks: number;
  /** Channels per track, 1 to 8. Default 2. */
  channels?: number;
  /**
   * Summed tracks, each a list of input track indices: measured (levels, and loudness when
   * enabled) on the sum of those inputs as they reach the engine, published as bank tracks
   * `tracks`, `tracks + 1`, … (see `engine.groupTrack(i)`). Default none.
   */
  groups?: readonly (readonly number[])[];
  /** A master bus: the sum of every input, published after the groups (`engine.masterTrack`). Default false. */
  master?: boolean;
  /**
   * Ballistics of the `ballistic` reading: `'digital-peak'` (default: the decaying peak),
   * `'ppm-ebu'`, `'ppm-bbc'`, `'ppm-din'`, `'ppm-nordic'`, `'vu'`, `'k-12'`, `'k-14'`, `'k-20'`,
   * or `{ preset, referenceDb, integrationMs, fallDbPerSecond, overshootPercent }`.
   */
  ballistics?: EngineBallistics;
  /**
   * EBU R128 / BS.1770 loudness (momentary, short-term, integrated, LRA, true peak): `true` for
   * every bank track, or a list of bank track indices (inputs, groups, master). Default off.
   * Costs about 0.4 % of a core per stereo track at 48 kHz.
   */
  loudness?: boolean | readonly number[];
  /** Phase correlation and balance of channels 1 and 2: `true` or a list of bank tracks. Needs 2+ channels. Default off. */
  correlation?: boolean | readonly number[];
  /** Correlation window, ms (1 to 10,000). Default 300. */
  correlationWindowMs?: number;
  /** `auto` (default): `shared` when the page is cross-origin isolated, else `message`. */
  transport?: TransportRequest;
  /** URL of the worklet module, for strict CSP or self-hosting. Default: the bundled file. */
  workletUrl?: string | URL;
  /** Message transport: snapshots per second, 60 to 1000. Default 120. */
  messageRateHz?: number;
  /** Reader reports stale when the audio clock has not moved for this long, ms. Default 250. */
  staleAfterMs?: number;
}

/** A running meter engine. */
export interface MeterEngine {
  readonly context: BaseAudioContext;
  /** Input tracks (the node's inputs). */
  readonly tracks: number;
  /** Tracks in the bank: inputs, then groups, then the master bus. */
  readonly bankTracks: number;
  /** Bank track of the master bus, or -1 without one. */
  readonly masterTrack: number;
  /** Bank track of group `i` (RangeError for a bad index). */
  groupTrack(i: number): number;
  readonly channels: number;
  /** Sample rate of the measured signal (the context's), Hz. */
  readonly sampleRate: number;
  /** How snapshots reach this thread: `shared` (SharedArrayBuffer) or `message` (MessagePort). */
  readonly transport: TransportKind;
  /** The engine's consuming reader: `readInto(track, out)` and the reset requests. */
  readonly bank: MeterBankReader;
  /** The bank's words (a SharedArrayBuffer view with the shared transport; post it to a worker to read there). */
  readonly words: Int32Array;
  /** The metering node. It has one input per track and no outputs; it never touches the signal. */
  readonly node: AudioWorkletNode;
  /** The last error the processor reported, or null. */
  readonly error: string | null;
  /** True after {@link dispose}. */
  readonly disposed: boolean;
  /**
   * An AudioNode to connect track `track`'s source to (a unity GainNode into the meter node,
   * created on first use) — for APIs that need a node. `connect(node, track)` is cheaper: it
   * connects straight to the meter node. Throws RangeError for a bad index, Error after dispose.
   */
  input(track: number): AudioNode;
  /**
   * Connects `node` (its output `output`, default 0) straight to input `track` of the meter
   * node and returns a function that disconnects it again. Connections made this way are also
   * undone by `dispose()`.
   */
  connect(node: AudioNode, track: number, output?: number): () => void;
  /** A new non-consuming reader of this engine's bank, e.g. for numbers without UI. */
  createReader(): MeterBankReader;
  /** Clears the clip latch (over counts) and the peak holds of one track, or of all. */
  resetClips(track?: number): void;
  /** Starts a new integrated loudness / LRA / true-peak measurement of one bank track, or of all. */
  resetLoudness(track?: number): void;
  /**
   * Resolves when the bank holds everything the processor has measured so far: at once with
   * the shared transport; after a fresh snapshot arrives with the message transport (e.g.
   * after `OfflineAudioContext.startRendering()` or `suspend()`). Resolves at once after dispose.
   */
  flush(): Promise<void>;
  /** Disconnects every node, stops the processor, closes its port. Idempotent. */
  dispose(): void;
}

/**
 * Creates a meter engine on `context` (an AudioContext or OfflineAudioContext), loading the
 * worklet first if this context has not loaded it yet.
 *
 * Errors: RangeError naming the option for bad tracks, channels, level options or a sample
 * rate outside 8–192 kHz; Error for a closed context, a missing AudioWorklet, an unloadable
 * worklet, or `transport: 'shared'` without cross-origin isolation.
 */
export async function createMeterEngine(context: BaseAudioContext, options: MeterEngineOptions): Promise<MeterEngine> {
  const o = validateEngineOptions(context, options);
  await loadMeterWorklet(context, options.workletUrl);
  if (context.state === 'closed') throw closedError();
  return new Engine(context, o);
}

interface ValidatedEngineOptions {
  tracks: number;
  channels: number;
  groups: number[][];
  master: boolean;
  ballistics: Omit<BallisticMeterOptions, 'sampleRate'> | null;
  loudness: number[];
  correlation: number[];
  correlationWindowMs: number;
  transport: TransportKind;
  level: Omit<LevelMeterOptions, 'sampleRate'>;
  messageRateHz: number;
  staleAfterMs: number;
}

function closedError(): Error {
  return new Error('meterkit: cannot create a meter engine on a closed audio context; create a new AudioContext.');
}

function validateEngineOptions(context: BaseAudioContext, options: MeterEngineOptions): ValidatedEngineOptions {
  if (context === null || typeof context !== 'object' || typeof (context as BaseAudioContext).createGain !== 'function') {
    throw new TypeError('createMeterEngine needs an AudioContext or OfflineAudioContext as its first argument');
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createMeterEngine options must be an object with at least { tracks }');
  }
  if (context.state === 'closed') throw closedError();
  checkNumber('context.sampleRate', context.sampleRate, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, 'Hz');
  const tracks = checkInteger('tracks', options.tracks, 1, MAX_TRACKS);
  const channels = checkInteger('channels', options.channels ?? 2, 1, MAX_CHANNELS);
  const request = checkOneOf('transport', options.transport ?? 'auto', ['auto', 'shared', 'message'] as const);
  const resolved = resolveLevelOptions({ ...pickLevel(options), sampleRate: context.sampleRate });
  const { sampleRate: _sr, ...level } = resolved;
  const groups = validateGroups(options.groups, tracks);
  const master = options.master ?? false;
  if (typeof master !== 'boolean') throw new TypeError(`master must be true or false, got ${describeValue(master)}`);
  if (master) groups.push(Array.from({ length: tracks }, (_, i) => i));
  const bankTracks = checkInteger('tracks + groups + master (bank tracks)', tracks + groups.length, 1, MAX_TRACKS);
  const correlation = trackSelection('correlation', options.correlation, bankTracks);
  if (correlation.length > 0 && channels < 2) throw new RangeError(`correlation needs at least 2 channels, got channels = ${channels}`);
  return {
    tracks,
    channels,
    groups,
    master,
    ballistics: validateBallistics(options.ballistics, context.sampleRate),
    loudness: trackSelection('loudness', options.loudness, bankTracks),
    correlation,
    correlationWindowMs: checkNumber('correlationWindowMs', options.correlationWindowMs ?? 300, 1, 10_000, 'ms'),
    transport: chooseTransport(request),
    level,
    messageRateHz: checkNumber('messageRateHz', options.messageRateHz ?? 120, 60, 1000, 'Hz'),
    staleAfterMs: checkNumber('staleAfterMs', options.staleAfterMs ?? 250, 1, 60_000, 'ms'),
  };
}

function validateGroups(groups: MeterEngineOptions['groups'], tracks: number): number[][] {
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw new TypeError(`groups must be an array of track lists, got ${describeValue(groups)}`);
  return groups.map((g, i) => {
    if (!Array.isArray(g) || g.length === 0) throw new RangeError(`groups[${i}] must be a non-empty array of track indices, got ${describeValue(g)}`);
    return g.map((t, j) => checkInteger(`groups[${i}][${j}]`, t, 0, tracks - 1));
  });
}

function trackSelection(name: string, value: boolean | readonly number[] | undefined, bankTracks: number): number[] {
  if (value === undefined || value === false) return [];
  if (value === true) return Array.from({ length: bankTracks }, (_, i) => i);
  if (!Array.isArray(value)) throw new TypeError(`${name} must be true, false or an array of bank track indices, got ${describeValue(value)}`);
  return [...new Set(value.map((t, i) => checkInteger(`${name}[${i}]`, t, 0, bankTracks - 1)))];
}

function validateBallistics(value: EngineBallistics | undefined, sampleRate: number): Omit<BallisticMeterOptions, 'sampleRate'> | null {
  if (value === undefined || value === 'digital-peak') return null;
  const options = typeof value === 'string' ? { preset: value } : value;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`ballistics must be a preset name or an options object, got ${describeValue(value)}`);
  }
  const r = resolveBallisticOptions({ ...options, sampleRate }); // throws RangeError naming the option
  if (r.preset === 'digital-peak' && typeof value === 'string') return null;
  const { sampleRate: _s, ...rest } = options as BallisticMeterOptions;
  return rest;
}

function pickLevel(o: MeterEngineOptions): Omit<LevelMeterOptions, 'sampleRate'> {
  const { fallDbPerSecond, holdMs, rmsWindowMs, rmsSineAligned, overThresholdDb, overConsecutive } = o;
  return { fallDbPerSecond, holdMs, rmsWindowMs, rmsSineAligned, overThresholdDb, overConsecutive };
}

class Engine implements MeterEngine {
  readonly context: BaseAudioContext;
  readonly tracks: number;
  readonly bankTracks: number;
  readonly masterTrack: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly transport: TransportKind;
  readonly bank: MeterBankReader;
  readonly words: Int32Array;
  readonly node: AudioWorkletNode;
  error: string | null = null;
  disposed = false;
  private readonly inputs: (GainNode | undefined)[];
  private readonly mirror: MessageMirror | null;
  private readonly staleAfterMs: number;
  private flushWaiters: (() => void)[] = [];
  private readonly connections = new Set<() => void>();
  private readonly groupCount: number;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(context: BaseAudioContext, o: ValidatedEngineOptions) {
    this.context = context;
    this.tracks = o.tracks;
    this.bankTracks = o.tracks + o.groups.length;
    this.masterTrack = o.master ? this.bankTracks - 1 : -1;
    this.groupCount = o.groups.length - (o.master ? 1 : 0);
    this.channels = o.channels;
    this.sampleRate = context.sampleRate;
    this.transport = o.transport;
    this.staleAfterMs = o.staleAfterMs;
    this.inputs = new Array(o.tracks);
    const shared = o.transport === 'shared';
    this.mirror = shared ? null : new MessageMirror(this.bankTracks, o.channels, context.sampleRate);
    this.words = shared
      ? createBankWords({ tracks: this.bankTracks, channels: o.channels, sampleRate: context.sampleRate, shared: true })
      : this.mirror!.words;
    const init: ProcessorInit = {
      tracks: o.tracks,
      channels: o.channels,
      groups: o.groups,
      ballistics: o.ballistics,
      loudness: o.loudness,
      correlation: o.correlation,
      correlationWindowMs: o.correlationWindowMs,
      transport: o.transport,
      words: shared ? this.words : null,
      level: o.level,
      messageRateHz: o.messageRateHz,
    };
    this.node = new AudioWorkletNode(context, PROCESSOR_NAME, {
      numberOfInputs: o.tracks,
      numberOfOutputs: 0,
      channelCount: o.channels,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: init,
    });
    this.node.port.onmessage = (e: MessageEvent<FromProcessor>) => this.onMessage(e.data);
    this.node.onprocessorerror = () => {
      this.error = 'the meterkit processor stopped with an error on the audio thread';
    };
    this.bank = new MeterBankReader(this.words, {
      consume: true,
      staleAfterMs: o.staleAfterMs,
      isClockRunning: () => !this.disposed && context.state === 'running',
      onControl: this.mirror ? () => this.post({ type: 'control', words: this.mirror!.controlWords() }) : undefined,
    });
  }

  private onMessage(msg: FromProcessor): void {
    if (msg.type === 'snapshot') {
      this.mirror?.receive(msg.words);
      if (msg.reply) this.settleFlushes();
      if (this.disposed && Atomics.load(msg.words, H_WRITER_STATE) === WRITER_STOPPED) this.closePort();
    } else if (msg.type === 'error') this.error = msg.message;
  }

  private settleFlushes(): void {
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private closePort(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
    this.node.port.onmessage = null;
    this.node.port.close();
  }

  private post(msg: ToProcessor): void {
    if (!this.disposed) this.node.port.postMessage(msg);
  }

  groupTrack(i: number): number {
    if (this.groupCount === 0) throw new RangeError('this engine has no groups (pass the groups option)');
    checkInteger('group', i, 0, this.groupCount - 1);
    return this.tracks + i;
  }

  input(track: number): AudioNode {
    checkInteger('track', track, 0, this.tracks - 1);
    if (this.disposed) throw new Error('meterkit: this meter engine was disposed; create a new one');
    let gain = this.inputs[track];
    if (gain === undefined) {
      gain = this.context.createGain();
      gain.channelCount = this.channels;
      gain.channelCountMode = 'explicit';
      gain.channelInterpretation = 'speakers';
      gain.connect(this.node, 0, track);
      this.inputs[track] = gain;
    }
    return gain;
  }

  connect(node: AudioNode, track: number, output = 0): () => void {
    checkInteger('track', track, 0, this.tracks - 1);
    if (this.disposed) throw new Error('meterkit: this meter engine was disposed; create a new one');
    // Straight into the meter node's input: no extra node on the audio thread.
    node.connect(this.node, output, track);
    let connected = true;
    const undo = () => {
      if (!connected) return;
      connected = false;
      this.connections.delete(undo);
      try {
        node.disconnect(this.node, output, track);
      } catch {
        // Already disconnected by the application: nothing to undo.
      }
    };
    this.connections.add(undo);
    return undo;
  }

  createReader(): MeterBankReader {
    return new MeterBankReader(this.words, {
      staleAfterMs: this.staleAfterMs,
      isClockRunning: () => !this.disposed && this.context.state === 'running',
    });
  }

  flush(): Promise<void> {
    if (this.mirror === null || this.disposed) return Promise.resolve();
    return new Promise((resolve) => {
      this.flushWaiters.push(resolve);
      this.post({ type: 'flush' });
    });
  }

  resetClips(track?: number): void {
    this.bank.clearOvers(track);
    this.bank.clearHolds(track);
  }

  resetLoudness(track?: number): void {
    this.bank.resetLoudness(track);
  }

  dispose(): void {
    if (this.disposed) return;
    this.bank.requestStop();
    this.post({ type: 'dispose' });
    this.disposed = true;
    for (const undo of [...this.connections]) undo();
    for (const gain of this.inputs) gain?.disconnect();
    this.inputs.fill(undefined);
    this.node.disconnect();
    this.node.onprocessorerror = null;
    this.settleFlushes();
    if (this.mirror === null) {
      // Shared transport: the processor also sees the stop word, so the port can go now.
      this.closePort();
    } else {
      // Message transport: keep the port open for the processor's last snapshot (it carries
      // WRITER_STOPPED); close it then, or after a second if none comes (context closed).
      this.closeTimer = setTimeout(() => {
        this.mirror!.stop();
        this.closePort();
      }, 1000);
    }
  }
}
