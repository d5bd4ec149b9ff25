/**
 * `meterkit/dsp` — pure, allocation-free measurement kernels. No DOM, no Web Audio, no React:
 * runs in Node, browsers, workers and AudioWorkletGlobalScope.
 */
export { dbFromLinear, linearFromDb, dbFromPower } from './db';
export {
  LEVEL_DEFAULTS,
  DEFAULT_FALL_DB_PER_SECOND,
  resolveLevelOptions,
  rmsRingGeometry,
  type LevelMeterOptions,
  type ResolvedLevelOptions,
} from './level-options';
export { LevelMeter } from './level-meter';
export * from './loudness';
export * from './true-peak';
export * from './k-weighting';
export * from './ballistics';
export * from './ballistics-presets';
export * from './quasi-peak';
export * from './correlation';
export * from './octave-bands';
export * from './spectrum';
