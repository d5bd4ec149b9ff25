/**
 * Loudness targets of the delivery specifications a loudness meter is read against.
 *
 * - EBU R 128 (2020): programme loudness −23.0 LUFS; ±0.5 LU for programmes in general, ±1 LU
 *   where exact normalisation is impractical (live); maximum true peak −1 dBTP.
 * - ATSC A/85 (2013), the US (CALM Act) practice: −24 LKFS ±2 dB; true peak −2 dBTP.
 * - Streaming −14 LUFS: the normalisation level of Spotify, YouTube and Tidal; true peak −1 dBTP.
 * - Streaming −16 LUFS: Apple Music / Apple Podcasts and AES TD1008's recommendation for
 *   streaming; true peak −1 dBTP.
 *
 * The streaming services publish a level, not a tolerance: the ±1 LU here is the display band.
 */
import { checkNumber, describeValue } from '../dsp/validate';

export type LoudnessTargetName = 'ebu-r128' | 'atsc-a85' | 'streaming-14' | 'streaming-16';

export interface LoudnessTarget {
  /** Short display name, e.g. "EBU R128". */
  readonly name: string;
  /** Target integrated loudness, LUFS (= LKFS). */
  readonly integratedLufs: number;
  /** Allowed deviation of the integrated loudness, ± LU. */
  readonly toleranceLu: number;
  /** Maximum permitted true peak, dBTP. */
  readonly truePeakDbtp: number;
}

export const LOUDNESS_TARGETS: Readonly<Record<LoudnessTargetName, LoudnessTarget>> = Object.freeze({
  'ebu-r128': Object.freeze({ name: 'EBU R128', integratedLufs: -23, toleranceLu: 0.5, truePeakDbtp: -1 }),
  'atsc-a85': Object.freeze({ name: 'ATSC A/85', integratedLufs: -24, toleranceLu: 2, truePeakDbtp: -2 }),
  'streaming-14': Object.freeze({ name: 'Streaming −14', integratedLufs: -14, toleranceLu: 1, truePeakDbtp: -1 }),
  'streaming-16': Object.freeze({ name: 'Streaming −16', integratedLufs: -16, toleranceLu: 1, truePeakDbtp: -1 }),
});

/** A target by name, or a custom target validated (RangeError naming the field and value). */
export function resolveLoudnessTarget(target: LoudnessTargetName | LoudnessTarget, prefix = ''): LoudnessTarget {
  if (typeof target === 'string') {
    const found = (LOUDNESS_TARGETS as Record<string, LoudnessTarget>)[target];
    if (found === undefined) {
      const names = Object.keys(LOUDNESS_TARGETS)
        .map((n) => `"${n}"`)
        .join(', ');
      throw new RangeError(`${prefix}target must be one of ${names} or a target object, got ${describeValue(target)}`);
    }
    return found;
  }
  if (target === null || typeof target !== 'object') throw new TypeError(`${prefix}target must be a name or a target object, got ${describeValue(target)}`);
  checkNumber(`${prefix}target.integratedLufs`, target.integratedLufs, -70, 0, 'LUFS');
  checkNumber(`${prefix}target.toleranceLu`, target.toleranceLu, 0, 20, 'LU');
  checkNumber(`${prefix}target.truePeakDbtp`, target.truePeakDbtp, -20, 3, 'dBTP');
  return target;
}
