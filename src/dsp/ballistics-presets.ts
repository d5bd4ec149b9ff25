/**
 * Meter ballistics presets: the dynamics and scales of the standard programme meters, as data
 * that the ballistic kernel ({@link ./ballistics}) runs and that renderers draw scales from.
 *
 * Sources (each figure in the table below names its clause):
 * - IEC 60268-18 (digital peak meter): instant attack, return 20 dB in 1.7 s.
 * - IEC 60268-10 (quasi-peak programme meters, PPM). Integration time is defined as the duration
 *   of a 5 kHz tone burst that reads 2 dB below the same tone held steady: EBU Tech 3205-E
 *   (type IIb, the EBU meter) §3.3 — a burst at the level that reads +9 steady reads +7;
 *   "10 ± 2 ms". Return (§3.10): from +12 to −12 in 2.8 ± 0.3 s, "approximately constant"
 *   speed (linear in dB). Overswing ≤ 0.5 dB (§3.9).
 *   Type IIa (BBC): same dynamics; marks 1–7, 4 dB per mark, mark 4 = alignment; BS 5428-9:
 *   "a decay time of 2.8 s for a decay from 7 to 1".
 *   Type I: 5 ms integration; DIN 45406 returns 20 dB in 1.5 s (RTW TM7/TM9 manual, "DIN":
 *   +5…−50 dB, "10 ms for −1 dB display", "0…−20 dB: 1.5 s"); the Nordic meter returns 20 dB in
 *   1.7 s (RTW manual, "IEC 268-1 (Nordic)": "+6…−14 dB: 1.7 s").
 * - IEC 60268-17 / ANSI C16.5 (VU): a suddenly applied tone reaches 99 % of its steady
 *   deflection in 300 ms (±10 %), overshoot 1 % to 1.5 %; scale −20…+3 VU.
 * - K-System (B. Katz, "An integrated approach to metering, monitoring and levelling practices",
 *   JAES 48(9), 2000): AES-17 RMS (a sine reads its peak level) with 600 ms integration plus a
 *   peak section; 0 at −20, −14 or −12 dBFS; green below 0, amber 0…+4, red above.
 * - Digital alignment (DESIGN.md, EBU R 68): 0 VU, BBC mark 4, EBU TEST and Nordic TEST at
 *   −18 dBFS; DIN 0 dB at −9 dBFS. Every reference is a parameter of the meter.
 *
 * Thread: pure data and pure functions; safe anywhere. The tables are frozen at load time.
 */
import { checkOneOf, describeValue } from './validate';

/** The built-in meter ballistics. */
export type BallisticsPreset = 'digital-peak' | 'ppm-ebu' | 'ppm-bbc' | 'ppm-din' | 'ppm-nordic' | 'vu' | 'k-12' | 'k-14' | 'k-20';

/** Every preset name, in display order. */
export const BALLISTICS_PRESETS: readonly BallisticsPreset[] = Object.freeze([
  'digital-peak',
  'ppm-ebu',
  'ppm-bbc',
  'ppm-din',
  'ppm-nordic',
  'vu',
  'k-12',
  'k-14',
  'k-20',
] as const);

/**
 * How a preset integrates:
 * - `quasi-peak`: rectify, two parallel charging sections (slow + fast, see ./quasi-peak),
 *   linear-in-dB return (`integrationMs` 0 = instant, a sample-peak meter);
 * - `vu`: full-wave rectified average through a second-order movement (may overshoot);
 * - `rms`: mean square through two cascaded first-order sections (no overshoot), AES-17 aligned.
 */
export type BallisticModel = 'quasi-peak' | 'vu' | 'rms';

/** A labelled scale mark, in scale units. */
export interface BallisticsScaleMark {
  readonly value: number;
  readonly label: string;
}

/** A coloured scale region in scale units, `from` < `to`. */
export interface ScaleZone {
  readonly from: number;
  readonly to: number;
  readonly kind: 'normal' | 'caution' | 'over';
}

/** Everything a meter or a renderer needs to know about a preset. */
export interface BallisticsPresetInfo {
  readonly preset: BallisticsPreset;
  /** Display name, e.g. "EBU PPM". */
  readonly name: string;
  /** The standard (and clause) the dynamics and scale follow. */
  readonly standard: string;
  readonly model: BallisticModel;
  /**
   * Integration (rise) time in ms. quasi-peak: duration of a 5 kHz burst that reads 2 dB below
   * steady state (IEC 60268-10 definition; 0 = instant); vu: time to 99 % of a step;
   * rms: time for the RMS reading to reach 99 % of a step.
   */
  readonly integrationMs: number;
  /** Return: the indication falls `returnDb` dB in `returnSeconds` s after the signal stops. */
  readonly returnDb: number;
  readonly returnSeconds: number;
  /** VU only: overshoot of a step, in percent of the steady deflection (else 0). */
  readonly overshootPercent: number;
  /** dBFS of a signal that reads the scale reference (0, or BBC mark 4). */
  readonly referenceDbfs: number;
  /** Scale unit: dBFS, dB (re reference), VU, BBC mark, or K (dB re the K reference). */
  readonly scaleUnit: 'dBFS' | 'dB' | 'VU' | 'mark' | 'K';
  /** Value of the scale reference in scale units (4 for BBC, else 0). */
  readonly scaleReference: number;
  /** dB per scale unit (4 for BBC marks, else 1). */
  readonly dbPerScaleUnit: number;
  readonly scaleMin: number;
  readonly scaleMax: number;
  /** Marks to draw, ascending, all within [scaleMin, scaleMax]. */
  readonly ticks: readonly BallisticsScaleMark[];
  /** Colour regions covering [scaleMin, scaleMax]. */
  readonly zones: readonly ScaleZone[];
}

function ticks(values: readonly number[], labels: Readonly<Record<number, string>> = {}): readonly BallisticsScaleMark[] {
  return Object.freeze(values.map((value) => Object.freeze({ value, label: labels[value] ?? (value > 0 ? `+${value}` : `${value}`) })));
}

function zones(min: number, caution: number, over: number, max: number): readonly ScaleZone[] {
  const z: ScaleZone[] = [];
  if (caution > min) z.push({ from: min, to: Math.min(caution, max), kind: 'normal' });
  if (over > caution) z.push({ from: caution, to: Math.min(over, max), kind: 'caution' });
  if (max > over) z.push({ from: over, to: max, kind: 'over' });
  return Object.freeze(z.map((x) => Object.freeze(x)));
}

/** 10·log10(1 − 0.9801): where the RMS of the `rms` model is after its integration time. */
const RMS_RETURN_DB = -10 * Math.log10(1 - 0.99 * 0.99);

function kPreset(preset: 'k-12' | 'k-14' | 'k-20', headroomDb: number): BallisticsPresetInfo {
  const marks = [-40, -36, -32, -28, -24, -20, -16, -12, -8, -4, 0, 4, 8, 12, 16, 20].filter((v) => v <= headroomDb);
  if (marks[marks.length - 1] !== headroomDb) marks.push(headroomDb);
  return {
    preset,
    name: `K-${headroomDb}`,
    standard: 'K-System (Katz, JAES 48(9), 2000): AES-17 RMS, 600 ms integration, plus a peak section',
    model: 'rms',
    integrationMs: 600,
    returnDb: RMS_RETURN_DB,
    returnSeconds: 0.6,
    overshootPercent: 0,
    referenceDbfs: -headroomDb,
    scaleUnit: 'K',
    scaleReference: 0,
    dbPerScaleUnit: 1,
    scaleMin: -40,
    scaleMax: headroomDb,
    ticks: ticks(marks),
    zones: zones(-40, 0, 4, headroomDb),
  };
}

const TABLE: Record<BallisticsPreset, BallisticsPresetInfo> = {
  'digital-peak': {
    preset: 'digital-peak',
    name: 'Digital peak',
    standard: 'IEC 60268-18 digital peak meter (sample peak)',
    model: 'quasi-peak',
    integrationMs: 0,
    returnDb: 20,
    returnSeconds: 1.7,
    overshootPercent: 0,
    referenceDbfs: 0,
    scaleUnit: 'dBFS',
    scaleReference: 0,
    dbPerScaleUnit: 1,
    scaleMin: -60,
    scaleMax: 0,
    ticks: ticks([-60, -50, -40, -30, -20, -18, -12, -9, -6, -3, 0]),
    zones: zones(-60, -18, -3, 0),
  },
  'ppm-ebu': {
    preset: 'ppm-ebu',
    name: 'EBU PPM',
    standard: 'IEC 60268-10 type IIb; EBU Tech 3205-E §3.3 (10 ± 2 ms), §3.10 (+12 to −12 in 2.8 ± 0.3 s)',
    model: 'quasi-peak',
    integrationMs: 10,
    returnDb: 24,
    returnSeconds: 2.8,
    overshootPercent: 0,
    referenceDbfs: -18,
    scaleUnit: 'dB',
    scaleReference: 0,
    dbPerScaleUnit: 1,
    scaleMin: -12,
    scaleMax: 12,
    ticks: ticks([-12, -8, -4, 0, 4, 8, 9, 12], { 0: 'TEST' }),
    zones: zones(-12, 8, 9, 12),
  },
  'ppm-bbc': {
    preset: 'ppm-bbc',
    name: 'BBC PPM',
    standard: 'IEC 60268-10 type IIa; BS 5428-9 (mark 7 to mark 1 in 2.8 s); 4 dB per mark, mark 4 = alignment',
    model: 'quasi-peak',
    integrationMs: 10,
    returnDb: 24,
    returnSeconds: 2.8,
    overshootPercent: 0,
    referenceDbfs: -18,
    scaleUnit: 'mark',
    scaleReference: 4,
    dbPerScaleUnit: 4,
    scaleMin: 1,
    scaleMax: 7,
    ticks: ticks([1, 2, 3, 4, 5, 6, 7], { 1: '1', 2: '2', 3: '3', 4: '4', 5: '5', 6: '6', 7: '7' }),
    zones: zones(1, 6, 7, 7),
  },
  'ppm-din': {
    preset: 'ppm-din',
    name: 'DIN PPM',
    standard: 'IEC 60268-10 type I; DIN 45406 (5 ms integration, 20 dB in 1.5 s, scale −50…+5 dB)',
    model: 'quasi-peak',
    integrationMs: 5,
    returnDb: 20,
    returnSeconds: 1.5,
    overshootPercent: 0,
    referenceDbfs: -9,
    scaleUnit: 'dB',
    scaleReference: 0,
    dbPerScaleUnit: 1,
    scaleMin: -50,
    scaleMax: 5,
    ticks: ticks([-50, -40, -30, -20, -10, -5, 0, 5]),
    zones: zones(-50, 0, 0, 5),
  },
  'ppm-nordic': {
    preset: 'ppm-nordic',
    name: 'Nordic PPM',
    standard: 'IEC 60268-10 type I, Nordic scale (5 ms integration, 20 dB in 1.7 s, TEST = alignment)',
    model: 'quasi-peak',
    integrationMs: 5,
    returnDb: 20,
    returnSeconds: 1.7,
    overshootPercent: 0,
    referenceDbfs: -18,
    scaleUnit: 'dB',
    scaleReference: 0,
    dbPerScaleUnit: 1,
    scaleMin: -36,
    scaleMax: 12,
    ticks: ticks([-36, -30, -24, -18, -12, -6, 0, 6, 9, 12], { 0: 'TEST' }),
    zones: zones(-36, 6, 9, 12),
  },
  vu: {
    preset: 'vu',
    name: 'VU',
    standard: 'IEC 60268-17 / ANSI C16.5 (99 % in 300 ms ± 10 %, overshoot 1–1.5 %)',
    model: 'vu',
    integrationMs: 300,
    returnDb: 40,
    returnSeconds: 0.3,
    overshootPercent: 1.25,
    referenceDbfs: -18,
    scaleUnit: 'VU',
    scaleReference: 0,
    dbPerScaleUnit: 1,
    scaleMin: -20,
    scaleMax: 3,
    ticks: ticks([-20, -10, -7, -5, -3, -2, -1, 0, 1, 2, 3]),
    zones: zones(-20, 0, 0, 3),
  },
  'k-12': kPreset('k-12', 12),
  'k-14': kPreset('k-14', 14),
  'k-20': kPreset('k-20', 20),
};
for (const key of BALLISTICS_PRESETS) Object.freeze(TABLE[key]);
Object.freeze(TABLE);

/**
 * The dynamics and scale of `preset` (a frozen object; never copy it per frame).
 * Throws `RangeError` listing the valid presets when `preset` is unknown.
 */
export function presetInfo(preset: BallisticsPreset): BallisticsPresetInfo {
  return TABLE[checkOneOf('preset', preset, BALLISTICS_PRESETS)];
}

/**
 * dBFS → scale units of `preset`, with 0 (or BBC mark 4) at `referenceDbfs` (default: the
 * preset's). −Infinity stays −Infinity; values outside [scaleMin, scaleMax] are not clamped.
 * Allocation-free; no validation beyond the preset name (hot-path safe after construction).
 */
export function scaleFromDbfs(preset: BallisticsPreset, dbfs: number, referenceDbfs?: number): number {
  const info = Object.hasOwn(TABLE, preset) ? TABLE[preset] : presetInfo(preset);
  const ref = checkConversion('scaleFromDbfs', 'dbfs', dbfs, referenceDbfs ?? info.referenceDbfs);
  return info.scaleReference + (dbfs - ref) / info.dbPerScaleUnit;
}

/** Scale units of `preset` → dBFS; the inverse of {@link scaleFromDbfs}. */
export function dbfsFromScale(preset: BallisticsPreset, value: number, referenceDbfs?: number): number {
  const info = Object.hasOwn(TABLE, preset) ? TABLE[preset] : presetInfo(preset);
  const ref = checkConversion('dbfsFromScale', 'value', value, referenceDbfs ?? info.referenceDbfs);
  return ref + (value - info.scaleReference) * info.dbPerScaleUnit;
}

/** Type checks of the conversions (a number; a finite reference): a few comparisons, no allocation. */
function checkConversion(owner: string, name: string, value: number, ref: number): number {
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${describeValue(value)}`);
  if (typeof ref !== 'number' || !Number.isFinite(ref)) {
    throw new RangeError(`${owner}: referenceDbfs must be a finite number (dBFS) or omitted, got ${describeValue(ref)}`);
  }
  return ref;
}
