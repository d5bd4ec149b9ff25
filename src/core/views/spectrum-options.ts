/**
 * The spectrum view's options as components and apps give them, validated once where they
 * enter (RangeError/TypeError naming the option, the value received and the valid range).
 *
 * Thread: main thread (once per change of options).
 */
import { checkBoolean, checkInteger, checkNumber, checkOptions, describeValue } from '../../dsp/validate';
import { checkSpectrumWords, spectrumSlotOf, spectrumTracksOf } from '../spectrum/spectrum-bank';
import type { SpectrumViewOptions } from './spectrum-view';

export interface SpectrumOptionsInput {
  /** Bank track shown; it must be in the engine's `spectrum` option. */
  track: number;
  /** The engine (its `spectrumWords`), or the words themselves; null: nothing measured yet. */
  spectrum: Int32Array | { readonly spectrumWords: Int32Array | null } | null | undefined;
  /**
   * Bottom of the dB scale, dB re a full-scale sine, −140 to −10.
   * @default -72
   */
  minDb?: number;
  /**
   * Top of the dB scale, −60 to +20 (above minDb + 10).
   * @default 0
   */
  maxDb?: number;
  /**
   * Label step of the dB scale, 1 to 60 dB.
   * @default 12
   */
  scaleStepDb?: number;
  /**
   * Peak-hold caps (the engine's `holdMs`, then falling at its `fallDbPerSecond`).
   * @default true
   */
  showHold?: boolean;
  /**
   * Display tilt about 1 kHz, dB per octave, −12 to +12. 0: pink noise reads flat (the
   * one-third-octave convention); −3: white noise reads flat.
   * @default 0
   */
  tiltDbPerOctave?: number;
  /**
   * How the bars fall while the audio is suspended or the engine gone, dB/s, 1 to 1000.
   * @default 20 / 1.7 (as the level meters)
   */
  staleFallDbPerSecond?: number;
}

/** The spectrum words of an engine or words (null when there are none yet). */
export function spectrumWordsOf(spectrum: SpectrumOptionsInput['spectrum']): Int32Array | null {
  if (spectrum === null || spectrum === undefined) return null;
  if (spectrum instanceof Int32Array) return spectrum;
  if (typeof spectrum === 'object' && 'spectrumWords' in spectrum) return spectrum.spectrumWords;
  return spectrum as never;
}

export function resolveSpectrumOptions(owner: string, o: SpectrumOptionsInput): SpectrumViewOptions {
  checkOptions(owner, o, 'track and spectrum');
  const track = checkInteger(`${owner}: track`, o.track, 0, 1023);
  const raw = spectrumWordsOf(o.spectrum);
  let spectrum: SpectrumViewOptions['spectrum'] = null;
  if (raw !== null) {
    const words = checkSpectrumWords(owner, raw);
    const slot = spectrumSlotOf(words, track);
    if (slot < 0) {
      throw new RangeError(
        `${owner}: bank track ${track} has no spectrum; analysed tracks: [${spectrumTracksOf(words).join(', ')}] (add it to the engine's spectrum option)`,
      );
    }
    spectrum = { words, slot };
  } else if (o.spectrum !== null && o.spectrum !== undefined && typeof o.spectrum !== 'object') {
    throw new TypeError(`${owner}: spectrum must be an engine or its spectrumWords, got ${describeValue(o.spectrum)}`);
  }
  const minDb = checkNumber(`${owner}: minDb`, o.minDb ?? -72, -140, -10, 'dB');
  const maxDb = checkNumber(`${owner}: maxDb`, o.maxDb ?? 0, -60, 20, 'dB');
  if (maxDb < minDb + 10) throw new RangeError(`${owner}: maxDb must be at least minDb + 10 (${minDb + 10} dB), got ${maxDb}`);
  return {
    spectrum,
    minDb,
    maxDb,
    scaleStepDb: checkNumber(`${owner}: scaleStepDb`, o.scaleStepDb ?? 12, 1, 60, 'dB'),
    showHold: o.showHold === undefined ? true : checkBoolean(`${owner}: showHold`, o.showHold),
    tiltDbPerOctave: checkNumber(`${owner}: tiltDbPerOctave`, o.tiltDbPerOctave ?? 0, -12, 12, 'dB/octave'),
    staleFallDbPerSecond: checkNumber(`${owner}: staleFallDbPerSecond`, o.staleFallDbPerSecond ?? 20 / 1.7, 1, 1000, 'dB/s'),
  };
}
