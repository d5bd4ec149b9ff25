/**
 * Decibel conversions for amplitude (field) quantities: 20·log10.
 *
 * Thread: pure, allocation-free; safe on the audio thread.
 */

/**
 * Amplitude ratio → decibels: `20 · log10(|x|)`.
 * `0` (and `-0`) → `-Infinity`; `Infinity` → `Infinity`; `NaN` → `NaN`.
 * The sign of `x` is ignored (a level is a magnitude).
 */
export function dbFromLinear(x: number): number {
  return 20 * Math.log10(Math.abs(x));
}

/**
 * Decibels → amplitude ratio: `10^(db / 20)`.
 * `-Infinity` → `0`; `Infinity` → `Infinity`; `NaN` → `NaN`.
 */
export function linearFromDb(db: number): number {
  return Math.pow(10, db / 20);
}

/** Power (energy) ratio → decibels: `10 · log10(p)`; `0` → `-Infinity`. */
export function dbFromPower(p: number): number {
  return 10 * Math.log10(p);
}
