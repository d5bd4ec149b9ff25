/**
 * The LUFS range and the drawn scale of a loudness meter for a target (EBU Tech 3341 §2.3):
 * `ebu+9` spans target −18 … +9 LU, `ebu+18` spans −36 … +18 LU.
 *
 * Thread: any.
 */
import { checkNumber, describeValue } from '../../dsp/validate';
import { createDbScale, type MeterScaleSpec } from '../render/scale';
import type { LoudnessTarget } from '../loudness-targets';

export type LoudnessScaleRange = 'ebu+9' | 'ebu+18';

/** Options of the loudness bar and history views: plain, already validated data. */
export interface LoudnessViewOptions {
  target: LoudnessTarget;
  /** `ebu+9` or `ebu+18`. */
  range: LoudnessScaleRange;
}

/** The bar's LUFS range for a target and scale. */
export function loudnessRange(target: LoudnessTarget, range: LoudnessScaleRange): { minLufs: number; maxLufs: number } {
  const t = target.integratedLufs;
  return range === 'ebu+18' ? { minLufs: t - 36, maxLufs: t + 18 } : { minLufs: t - 18, maxLufs: t + 9 };
}

/**
 * The scale drawn beside a loudness bar (MeterScale-compatible: its "dB" are LUFS): marks
 * every 3 LU (`ebu+9`) or 6 LU (`ebu+18`), labelled in LUFS or in LU relative to the target.
 */
export function loudnessScale(target: LoudnessTarget, range: LoudnessScaleRange = 'ebu+9', units: 'LUFS' | 'LU' = 'LUFS'): MeterScaleSpec {
  if (typeof target !== 'object' || target === null)
    throw new TypeError(`loudnessScale: target must be a loudness target (e.g. LOUDNESS_TARGETS['ebu-r128']), got ${describeValue(target)}`);
  checkNumber('loudnessScale: target.integratedLufs', target.integratedLufs, -70, 0, 'LUFS');
  if (range !== 'ebu+9' && range !== 'ebu+18') throw new RangeError(`loudnessScale: range must be "ebu+9" or "ebu+18", got ${describeValue(range)}`);
  if (units !== 'LUFS' && units !== 'LU') throw new RangeError(`loudnessScale: units must be "LUFS" or "LU", got ${describeValue(units)}`);
  const { minLufs, maxLufs } = loudnessRange(target, range);
  const step = range === 'ebu+18' ? 6 : 3;
  const ticks: { db: number; label: string }[] = [];
  for (let lu = Math.ceil((minLufs - target.integratedLufs) / step) * step; target.integratedLufs + lu <= maxLufs; lu += step) {
    const lufs = target.integratedLufs + lu;
    ticks.push({ db: lufs, label: units === 'LU' ? (lu > 0 ? `+${lu}` : String(lu)) : String(lufs) });
  }
  return createDbScale({ id: `loudness-${range}`, unit: units, minDb: minLufs, maxDb: maxLufs, ticks });
}
