/**
 * The engine's options: their types, defaults and the one place they are validated
 * ({@link resolveEngineOptions}, called by `createMeterEngine` where the options enter). The
 * resolved options flow inward (engine → processor init → meters) and are not re-resolved.
 *
 * Thread: main thread. Pure functions; nothing runs at import.
 */
import { resolveLevelOptions, LEVEL_DEFAULTS, type LevelMeterOptions, type ResolvedLevelOptions } from '../dsp/level-meter';
import { resolveEngineBallistics, type EngineBallistics, type ResolvedTrackBallistics } from './engine-ballistics';
import { checkInteger, checkNumber, checkOneOf, describeValue } from '../dsp/validate';
import { MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, MAX_TRACKS, MAX_CHANNELS } from './bank/layout';
import { DEFAULT_SCOPE_CAPACITY, MIN_SCOPE_CAPACITY, MAX_SCOPE_CAPACITY, SCOPE_MAX_BLOCK } from './scope/ring-layout';
import { TIME_WEIGHTINGS, type TimeWeighting } from '../dsp/spectrum';
import { chooseTransport, type TransportKind, type TransportRequest } from './transport';
import { followsContextLatency } from './latency-gate';
import type { LevelKernelRequest } from './protocol';

export type { EngineBallistics, TrackBallistics, TrackBallisticsMap, ResolvedTrackBallistics } from './engine-ballistics';

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
   * or `{ preset, referenceDb, integrationMs, fallDbPerSecond, overshootPercent }` — for every
   * bank track; or one per bank track: an array of length `tracks + groups + master`, or a map
   * `{ [bankTrack]: preset, default: preset }` (e.g. `{ default: 'vu', 32: 'ppm-ebu' }`: VU on
   * every track, PPM on bank track 32). `engine.ballisticsOf(track)` says which a track runs.
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
  /**
   * Level kernel on the audio thread: `'auto'` (default: WebAssembly SIMD where the audio
   * thread supports it, else JavaScript) or `'js'` (always JavaScript). Both give the same
   * readings to the bit; `engine.kernel` tells which one runs (docs/audio-thread.md).
   */
  kernel?: LevelKernelRequest;
  /**
   * Bank tracks whose samples reach the page through a sample ring (for `<Goniometer>`): a
   * list of bank track indices, e.g. `[engine.masterTrack]` (channels 1 and 2; mono tracks
   * give L = R). Scoped tracks with 2+ channels also get correlation. Default none. See
   * docs/goniometer.md.
   */
  scope?: readonly number[];
  /**
   * Frames per scope ring, a power of two from 1024 to 1,048,576. Default: 16384 (341 ms at
   * 48 kHz) where nothing is delayed (`alignToOutput: false`, an OfflineAudioContext); otherwise
   * the smallest power of two from 16384 up whose lag span (the goniometer's delay, see
   * SampleRingReader.maxLagFrames) covers 500 ms — or the fixed `latencyMs` — at the context's
   * rate: 32768 at 44.1/48 kHz, 65536 at 88.2/96 kHz.
   */
  scopeCapacity?: number;
  /**
   * Bank tracks analysed in 31 one-third-octave bands (for `<SpectrumMeter>`): a list of bank
   * track indices, e.g. `[engine.masterTrack]`. Every channel of a track is analysed and the
   * band powers averaged. Holds use `holdMs` and `fallDbPerSecond`. Default none. See
   * docs/broadcast-metering.md "Spectrum".
   */
  spectrum?: readonly number[];
  /** Band level time weighting: `'fast'` (125 ms, default) or `'slow'` (1 s), as sound level meters. */
  spectrumTimeWeighting?: TimeWeighting;
  /**
   * Show every reading when its audio is heard: components given the engine read
   * `engine.meterSource`, which delays each snapshot by the output latency the context reports
   * (`outputLatency + baseLatency`, followed at 1 Hz; `outputLatency` is read only after the
   * context rendered 3 s since the engine was made or last started running, `baseLatency` alone
   * until then: see latency-gate.ts). `true` (default): aligned wherever the
   * context reports a latency (an OfflineAudioContext has none: nothing is delayed); `false`:
   * never; `{ latencyMs }`: a latency you measured (0 to 2000 ms), e.g. of a Bluetooth headset
   * that reports too little. Peaks stay exact. See docs/api.md "Meters in time with the sound".
   */
  alignToOutput?: boolean | { readonly latencyMs: number };
}

/** Options of {@link createMeterEngine} with every default filled in and every value validated. */
export interface ResolvedEngineOptions {
  tracks: number;
  channels: number;
  /** Groups only (the master bus is `master`, not folded in here). */
  groups: number[][];
  master: boolean;
  /** Bank tracks: tracks + groups + (master ? 1 : 0). */
  bankTracks: number;
  /** One entry per bank track: resolved ballistic options without sampleRate (the processor adds the context's); null: digital peak. */
  ballistics: ResolvedTrackBallistics[];
  loudness: number[];
  correlation: number[];
  correlationWindowMs: number;
  transport: TransportKind;
  /** Resolved level options without sampleRate (the processor adds the context's). */
  level: Omit<ResolvedLevelOptions, 'sampleRate'>;
  messageRateHz: number;
  staleAfterMs: number;
  kernel: LevelKernelRequest;
  /** Scoped bank tracks, in ring order (no duplicates). */
  scope: number[];
  scopeCapacity: number;
  /** Bank tracks analysed by the spectrum, in slot order (no duplicates). */
  spectrum: number[];
  spectrumTimeWeighting: TimeWeighting;
  /** `auto`: follow the context's latency; `off`; or a fixed latency, ms. */
  alignToOutput: { readonly mode: 'auto' | 'off' | 'fixed'; readonly latencyMs: number };
}

/** Names of the level options of {@link MeterEngineOptions}, derived from `LEVEL_DEFAULTS`. */
export const LEVEL_OPTION_NAMES = Object.freeze(Object.keys(LEVEL_DEFAULTS)) as readonly (keyof typeof LEVEL_DEFAULTS)[];

/** Error for a context that was closed before (or while) the engine was created. */
export function closedError(): Error {
  return new Error('meterkit: cannot create a meter engine on a closed audio context; create a new AudioContext.');
}

/**
 * Validates the options of `createMeterEngine` once and fills their defaults.
 * Throws TypeError for a missing context or options object; RangeError naming the option, the
 * value received and the valid range for a bad value; Error for a closed context or
 * `transport: 'shared'` without cross-origin isolation.
 */
export function resolveEngineOptions(context: BaseAudioContext, options: MeterEngineOptions): ResolvedEngineOptions {
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
  const { sampleRate: _sr, ...level } = resolveLevelOptions({ ...pickLevel(options), sampleRate: context.sampleRate });
  const groups = validateGroups(options.groups, tracks);
  const master = options.master ?? false;
  if (typeof master !== 'boolean') throw new TypeError(`master must be true or false, got ${describeValue(master)}`);
  const bankTracks = checkInteger('tracks + groups + master (bank tracks)', tracks + groups.length + (master ? 1 : 0), 1, MAX_TRACKS);
  const scope = listSelection('scope', options.scope, bankTracks);
  const alignToOutput = resolveAlign(options.alignToOutput);
  const asked = trackSelection('correlation', options.correlation, bankTracks);
  // Scoped stereo tracks get correlation too (the goniometer's strip).
  const correlation = [...new Set([...asked, ...(channels >= 2 ? scope : [])])];
  if (asked.length > 0 && channels < 2) throw new RangeError(`correlation needs at least 2 channels, got channels = ${channels}`);
  return {
    tracks,
    channels,
    groups,
    master,
    bankTracks,
    ballistics: resolveEngineBallistics(options.ballistics, bankTracks, context.sampleRate),
    loudness: trackSelection('loudness', options.loudness, bankTracks),
    correlation,
    correlationWindowMs: checkNumber('correlationWindowMs', options.correlationWindowMs ?? 300, 1, 10_000, 'ms'),
    transport: chooseTransport(request),
    level,
    messageRateHz: checkNumber('messageRateHz', options.messageRateHz ?? 120, 60, 1000, 'Hz'),
    staleAfterMs: checkNumber('staleAfterMs', options.staleAfterMs ?? 250, 1, 60_000, 'ms'),
    kernel: checkOneOf('kernel', options.kernel ?? 'auto', ['auto', 'js'] as const),
    scope,
    scopeCapacity: options.scopeCapacity === undefined ? defaultScopeCapacity(alignToOutput, context) : checkScopeCapacity(options.scopeCapacity),
    spectrum: listSelection('spectrum', options.spectrum, bankTracks),
    spectrumTimeWeighting: checkOneOf('spectrumTimeWeighting', options.spectrumTimeWeighting ?? 'fast', TIME_WEIGHTINGS),
    alignToOutput,
  };
}

/** The level options among `o` (every key of LEVEL_DEFAULTS, undefined where not given). */
function pickLevel(o: MeterEngineOptions): Omit<LevelMeterOptions, 'sampleRate'> {
  const out: Record<string, unknown> = {};
  for (const key of LEVEL_OPTION_NAMES) out[key] = o[key];
  return out as Omit<LevelMeterOptions, 'sampleRate'>;
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

function resolveAlign(value: MeterEngineOptions['alignToOutput']): ResolvedEngineOptions['alignToOutput'] {
  if (value === undefined || value === true) return { mode: 'auto', latencyMs: 0 };
  if (value === false) return { mode: 'off', latencyMs: 0 };
  if (value === null || typeof value !== 'object') throw new TypeError(`alignToOutput must be true, false or { latencyMs }, got ${describeValue(value)}`);
  return { mode: 'fixed', latencyMs: checkNumber('alignToOutput.latencyMs', value.latencyMs, 0, 2000, 'ms') };
}

/** A list of bank track indices (no duplicates, in order of first appearance). */
function listSelection(name: string, value: readonly number[] | undefined, bankTracks: number): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`${name} must be an array of bank track indices (e.g. [engine.masterTrack]), got ${describeValue(value)}`);
  return [...new Set(value.map((t, i) => checkInteger(`${name}[${i}]`, t, 0, bankTracks - 1)))];
}

/** The delay a default-sized scope ring lets the goniometer follow when the latency is the context's, ms. */
export const SCOPE_ALIGN_MS = 500;

/**
 * The default scope ring size: the smallest power of two from 16384 whose lag span (CAPACITY −
 * MAX_BLOCK − CAPACITY / 4, ring-reader.ts) holds the delay the goniometer may have to follow at
 * the context's rate (at most MAX_SCOPE_CAPACITY): a fixed latency; SCOPE_ALIGN_MS on a realtime
 * context that reports its latency; none otherwise (16384).
 */
export function defaultScopeCapacity(align: ResolvedEngineOptions['alignToOutput'], context: BaseAudioContext): number {
  const ms = align.mode === 'fixed' ? align.latencyMs : align.mode === 'auto' && followsContextLatency(context) ? SCOPE_ALIGN_MS : 0;
  const need = (((ms / 1000) * context.sampleRate + SCOPE_MAX_BLOCK) * 4) / 3;
  let capacity = DEFAULT_SCOPE_CAPACITY;
  while (capacity < need && capacity < MAX_SCOPE_CAPACITY) capacity *= 2;
  return capacity;
}

function checkScopeCapacity(value: number | undefined): number {
  const capacity = checkInteger('scopeCapacity', value ?? DEFAULT_SCOPE_CAPACITY, MIN_SCOPE_CAPACITY, MAX_SCOPE_CAPACITY);
  if ((capacity & (capacity - 1)) !== 0) {
    throw new RangeError(`scopeCapacity must be a power of two from ${MIN_SCOPE_CAPACITY} to ${MAX_SCOPE_CAPACITY}, got ${describeValue(value)}`);
  }
  return capacity;
}
