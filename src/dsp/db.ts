/**
 * Decibel conversions for amplitude (field) quantities: 20·log10.
 *
 * Thread: pure, allocation-free; safe on the audio thread. Failure: TypeError for a value that
 * is not a number; every number (NaN and ±Infinity included) has a documented result.
 */
import { describeValue } from './validate';

function typeError(owner: string, name: string, value: unknown): TypeError {
  return new TypeError(`${owner}: ${name} must be a number, got ${describeValue(value)}`);
}

/**
 * Amplitude ratio → decibels: `20 · log10(|x|)`.
 * `0` (and `-0`) → `-Infinity`; `Infinity` → `Infinity`; `NaN` → `NaN`.
 * The sign of `x` is ignored (a level is a magnitude).
 */
export function dbFromLinear(x: number): number {
  if (typeof x !== 'number') throw typeError('dbFromLinear', 'x', x);
  return 20 * Math.log10(Math.abs(x));
}

/**
 * Decibels → amplitude ratio: `10^(db / 20)`.
 * `-Infinity` → `0`; `Infinity` → `Infinity`; `NaN` → `NaN`.
 */
export function linearFromDb(db: number): number {
  if (typeof db !== 'number') throw typeError('linearFromDb', 'db', db);
  return Math.pow(10, db / 20);
}

/** Power (energy) ratio → decibels: `10 · log10(p)`; `0` → `-Infinity`; negative or NaN → `NaN`. */
export function dbFromPower(p: number): number {
  if (typeof p !== 'number') throw typeError('dbFromPower', 'p', p);
  return 10 * Math.log10(p);
}
