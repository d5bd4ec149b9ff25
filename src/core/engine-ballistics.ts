/**
 * The engine's `ballistics` option: one preset for every bank track, or one per bank track
 * (an array, or a map `{ [bankTrack]: preset, default: preset }`), so a bridge can run VU on
 * the buses and a PPM on the master. Validated once here (called by `resolveEngineOptions`);
 * the result is one resolved entry per bank track, `null` meaning digital peak (the BALLISTIC
 * field then carries the decaying peak, and the track costs no ballistic meter).
 *
 * Thread: main thread. Pure functions; nothing runs at import.
 */
import { resolveBallisticOptions, type BallisticMeterOptions, type ResolvedBallisticOptions } from '../dsp/ballistics';
import { BALLISTICS_PRESETS, type BallisticsPreset } from '../dsp/ballistics-presets';
import { describeValue } from '../dsp/validate';

/** Ballistics of one track: a preset name or preset options (`{ preset, referenceDb, integrationMs, fallDbPerSecond, overshootPercent }`). */
export type TrackBallistics = BallisticsPreset | Omit<BallisticMeterOptions, 'sampleRate' | 'peakFallDbPerSecond'>;

/**
 * Ballistics per bank track, as a map: keys are bank track indices (inputs, then groups, then
 * the master bus); `default` applies to every track not listed (default `'digital-peak'`).
 */
export interface TrackBallisticsMap {
  default?: TrackBallistics;
  [bankTrack: number]: TrackBallistics;
}

/**
 * The engine's `ballistics` option: one {@link TrackBallistics} for every bank track; an array
 * with one entry per bank track (length `tracks + groups + master`); or a {@link TrackBallisticsMap}.
 */
export type EngineBallistics = TrackBallistics | readonly TrackBallistics[] | TrackBallisticsMap;

/** One bank track's resolved ballistics without sampleRate (the processor adds the context's); null: digital peak. */
export type ResolvedTrackBallistics = Omit<ResolvedBallisticOptions, 'sampleRate'> | null;

/** The option keys of a single {@link TrackBallistics} object, to tell it from a map. */
const OPTION_KEYS = new Set(['preset', 'referenceDb', 'integrationMs', 'fallDbPerSecond', 'overshootPercent']);

const PRESET_LIST = BALLISTICS_PRESETS.map((p) => `"${p}"`).join(', ');

/**
 * Resolves `ballistics` for `bankTracks` bank tracks at `sampleRate`: one entry per bank track.
 * TypeError for a value of the wrong shape; RangeError naming the option (`ballistics`,
 * `ballistics[3]`, `ballistics.default`), the value received and the valid presets or range.
 */
export function resolveEngineBallistics(value: EngineBallistics | undefined, bankTracks: number, sampleRate: number): ResolvedTrackBallistics[] {
  if (value === undefined || typeof value === 'string') {
    const one = resolveOne('ballistics', value, sampleRate);
    return new Array<ResolvedTrackBallistics>(bankTracks).fill(one);
  }
  if (Array.isArray(value)) {
    if (value.length !== bankTracks) {
      throw new RangeError(`ballistics as an array needs one entry per bank track (tracks + groups + master = ${bankTracks}), got ${describeValue(value)}`);
    }
    return value.map((v, i) => resolveOne(`ballistics[${i}]`, v, sampleRate));
  }
  if (value === null || typeof value !== 'object') {
    throw new TypeError(
      `ballistics must be a preset name (${PRESET_LIST}), preset options, an array with one entry per bank track, or a map { [bankTrack]: preset, default }, got ${describeValue(value)}`,
    );
  }
  const keys = Object.keys(value);
  const isMap = keys.some((k) => k === 'default' || /^\d+$/.test(k));
  if (!isMap) return new Array<ResolvedTrackBallistics>(bankTracks).fill(resolveOne('ballistics', value as TrackBallistics, sampleRate));
  const map = value as TrackBallisticsMap;
  for (const k of keys) {
    if (k === 'default') continue;
    if (OPTION_KEYS.has(k)) {
      throw new TypeError(`ballistics mixes a per-track map with the preset option "${k}"; put the options under a track index or "default"`);
    }
    if (!/^\d+$/.test(k) || Number(k) >= bankTracks) {
      throw new RangeError(`ballistics map keys must be bank track indices from 0 to ${bankTracks - 1} or "default", got ${JSON.stringify(k)}`);
    }
  }
  const fallback = resolveOne('ballistics.default', map.default, sampleRate);
  const out = new Array<ResolvedTrackBallistics>(bankTracks).fill(fallback);
  for (const k of keys) if (k !== 'default') out[Number(k)] = resolveOne(`ballistics[${k}]`, map[Number(k)], sampleRate);
  return out;
}

function resolveOne(name: string, value: TrackBallistics | undefined, sampleRate: number): ResolvedTrackBallistics {
  if (value === undefined || value === 'digital-peak') return null;
  if (typeof value === 'string') value = { preset: value }; // an unknown name: resolveBallisticOptions lists the presets
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${name} must be a preset name (${PRESET_LIST}) or preset options, got ${describeValue(value)}`);
  }
  let r: ResolvedBallisticOptions;
  try {
    r = resolveBallisticOptions({ ...value, sampleRate });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) {
      const Ctor = e instanceof RangeError ? RangeError : TypeError;
      throw new Ctor(`${name}: ${e.message}`);
    }
    throw e;
  }
  const { sampleRate: _s, ...rest } = r;
  return rest;
}

/** The ballistics a bank track runs: its preset and the reference, dBFS. */
export interface TrackBallisticsInfo {
  readonly preset: BallisticsPreset;
  readonly referenceDb: number;
}

/** The preset and reference of one resolved entry (digital peak at 0 dBFS for null). */
export function ballisticsInfo(entry: ResolvedTrackBallistics): TrackBallisticsInfo {
  return entry === null ? { preset: 'digital-peak', referenceDb: 0 } : { preset: entry.preset, referenceDb: entry.referenceDb };
}
