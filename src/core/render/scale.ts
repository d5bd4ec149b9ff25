/**
 * Meter scales: where a level in dBFS sits along a meter (0 = bottom/left, 1 = top/right),
 * and the ticks and labels drawn beside it.
 *
 * A scale is a piecewise-linear map from dBFS to position, so a meter can spend more of its
 * length where resolution matters (e.g. near 0 dBFS) and so VU, PPM and K-system scales —
 * whose labels are in their own units — place every label at its true dBFS position.
 *
 * Thread: main thread; pure functions, no allocation in `positionFromDb` / `dbFromPosition`.
 */
import { checkNumber, checkOptions, describeValue } from '../../dsp/validate';
import { presetInfo, dbfsFromScale, type BallisticsPreset } from '../../dsp/ballistics-presets';

/** One labelled (or unlabelled minor) tick at a dBFS position. */
export interface MeterScaleTick {
  /** Position of the tick in dBFS. */
  readonly db: number;
  /** Text drawn beside it, in the scale's own units ('' for a minor tick). */
  readonly label: string;
  /** Major ticks are drawn longer. Default true when labelled. */
  readonly major: boolean;
}

/** A meter scale. Create with {@link createDbScale}; never mutate. */
export interface MeterScaleSpec {
  /** Identifier, e.g. "digital", "vu", "ppm-bbc". */
  readonly id: string;
  /** Unit shown with the scale, e.g. "dBFS", "VU", "dB". */
  readonly unit: string;
  /** Lowest level shown (the bottom of the meter), dBFS. */
  readonly minDb: number;
  /** Highest level shown (the top of the meter), dBFS. */
  readonly maxDb: number;
  /** Ascending [dBFS, position] pairs; the first is [minDb, 0], the last [maxDb, 1]. */
  readonly breakpoints: readonly (readonly [number, number])[];
  /** Ticks in ascending dBFS order. */
  readonly ticks: readonly MeterScaleTick[];
  /** The scale's own colour zones (dBFS where amber and red begin), if it defines them. */
  readonly zones?: { readonly midDb: number; readonly highDb: number };
  /** dBFS of the scale's reference mark (0 VU, PPM TEST, BBC 4…): its label is never thinned out. */
  readonly referenceDb?: number;
}

/** Options of {@link createDbScale}. */
export interface DbScaleOptions {
  id?: string;
  unit?: string;
  /** Bottom of the scale, dBFS (-200 to +40). */
  minDb: number;
  /** Top of the scale, dBFS, above minDb (-200 to +40). */
  maxDb: number;
  /**
   * Ticks: dBFS values (labelled with their value) or full tick objects. Default: every 6 dB
   * from maxDb down, plus minDb.
   */
  ticks?: readonly (number | { db: number; label?: string; major?: boolean })[];
  /** Where the amber and red zones begin, dBFS (meters use them unless midDb/highDb props are given). */
  zones?: { midDb: number; highDb: number };
  /** dBFS of the reference mark, whose label a crowded scale always keeps. Default: none. */
  referenceDb?: number;
  /**
   * Interior breakpoints [dBFS, position], ascending in both; default none (linear in dB).
   * E.g. [[-30, 0.4]] gives -60..-30 dB 40 % of the length and -30..0 dB 60 %.
   */
  breakpoints?: readonly (readonly [number, number])[];
}

function formatDb(db: number): string {
  return db > 0 ? `+${db}` : String(db);
}

/**
 * Creates a scale. Throws RangeError naming the option for a bad range, ticks outside the
 * range or breakpoints that are not ascending.
 */
export function createDbScale(options: DbScaleOptions): MeterScaleSpec {
  checkOptions('createDbScale', options, 'minDb and maxDb');
  const minDb = checkNumber('createDbScale: minDb', options.minDb, -200, 40, 'dBFS');
  const maxDb = checkNumber('createDbScale: maxDb', options.maxDb, -200, 40, 'dBFS');
  if (!(maxDb > minDb)) throw new RangeError(`createDbScale: maxDb must be above minDb (${minDb}), got ${maxDb}`);
  const inner = options.breakpoints ?? [];
  if (!Array.isArray(inner)) throw new TypeError(`createDbScale: breakpoints must be an array of [db, position] pairs, got ${describeValue(inner)}`);
  if (options.ticks !== undefined && !Array.isArray(options.ticks)) {
    throw new TypeError(`createDbScale: ticks must be an array of dB values or { db, label?, major? }, got ${describeValue(options.ticks)}`);
  }
  for (const t of options.ticks ?? []) {
    const ok =
      typeof t === 'number' ||
      (t !== null &&
        typeof t === 'object' &&
        typeof t.db === 'number' &&
        (t.label === undefined || typeof t.label === 'string') &&
        (t.major === undefined || typeof t.major === 'boolean'));
    if (!ok) throw new TypeError(`createDbScale: each tick must be a dB number or { db: number, label?: string, major?: boolean }, got ${describeValue(t)}`);
  }
  const breakpoints: [number, number][] = [[minDb, 0]];
  for (const bp of inner) {
    if (!Array.isArray(bp) || bp.length !== 2) throw new TypeError(`createDbScale: each breakpoint must be a [db, position] pair, got ${describeValue(bp)}`);
    const [db, pos] = bp as [number, number];
    const [lastDb, lastPos] = breakpoints[breakpoints.length - 1];
    if (!(db > lastDb && db < maxDb && pos > lastPos && pos < 1)) {
      throw new RangeError(`createDbScale: breakpoints must ascend strictly inside (${minDb}, ${maxDb}) dB and (0, 1), got [${db}, ${pos}]`);
    }
    breakpoints.push([db, pos]);
  }
  breakpoints.push([maxDb, 1]);
  const raw = options.ticks ?? defaultTicks(minDb, maxDb);
  const ticks = raw
    .map((t) =>
      typeof t === 'number'
        ? { db: t, label: formatDb(t), major: true }
        : { db: t.db, label: t.label ?? formatDb(t.db), major: t.major ?? (t.label ?? formatDb(t.db)) !== '' },
    )
    .sort((a, b) => a.db - b.db);
  for (const t of ticks) {
    if (!(t.db >= minDb && t.db <= maxDb)) throw new RangeError(`createDbScale: ticks must lie within ${minDb}..${maxDb} dBFS, got ${t.db}`);
  }
  const zones = options.zones === undefined ? undefined : Object.freeze({ ...options.zones });
  return Object.freeze({ id: options.id ?? 'custom', unit: options.unit ?? 'dBFS', minDb, maxDb, breakpoints, ticks, zones, referenceDb: options.referenceDb });
}

function defaultTicks(minDb: number, maxDb: number): number[] {
  const out: number[] = [];
  for (let db = Math.floor(maxDb / 6) * 6; db > minDb; db -= 6) out.push(db);
  out.push(minDb);
  return out;
}

/**
 * Position of `db` (dBFS) along the scale: 0 at or below minDb (and for -Infinity/NaN), 1 at or
 * above maxDb, piecewise-linear between breakpoints.
 */
export function positionFromDb(scale: MeterScaleSpec, db: number): number {
  const bp = scale.breakpoints;
  if (!(db > bp[0][0])) return 0;
  const n = bp.length;
  if (db >= bp[n - 1][0]) return 1;
  let i = 1;
  while (db > bp[i][0]) i++;
  // Indexed reads, not destructuring: array destructuring runs the iterator protocol.
  const a = bp[i - 1];
  const b = bp[i];
  return a[1] + ((db - a[0]) / (b[0] - a[0])) * (b[1] - a[1]);
}

/** Inverse of {@link positionFromDb}: the dBFS at position `p` (clamped to 0..1). */
export function dbFromPosition(scale: MeterScaleSpec, p: number): number {
  const bp = scale.breakpoints;
  if (!(p > 0)) return bp[0][0];
  const n = bp.length;
  if (p >= 1) return bp[n - 1][0];
  let i = 1;
  while (p > bp[i][1]) i++;
  const a = bp[i - 1];
  const b = bp[i];
  return a[0] + ((p - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
}

/**
 * The default digital peak programme meter scale (IEC 60268-18 style): -60 to 0 dBFS, linear in
 * dB, labelled every 3 dB near the top and every 6–10 dB below.
 */
export const DIGITAL_SCALE: MeterScaleSpec = createDbScale({
  id: 'digital',
  unit: 'dBFS',
  minDb: -60,
  maxDb: 0,
  ticks: [0, -3, -6, -9, -12, -15, -18, -21, -24, -30, -36, -42, -48, -54, -60],
});

/** A digital scale with more room near the top: -60..-30 dBFS take 25 %, -30..-12 take 35 %, -12..0 take 40 %. */
export const DIGITAL_EXPANDED_SCALE: MeterScaleSpec = createDbScale({
  id: 'digital-expanded',
  unit: 'dBFS',
  minDb: -60,
  maxDb: 0,
  breakpoints: [
    [-30, 0.25],
    [-12, 0.6],
  ],
  ticks: [0, -2, -4, -6, -8, -10, -12, -15, -18, -21, -24, -30, -40, -50, -60],
});

/**
 * The scale of a ballistics preset (meterkit/dsp `presetInfo`): its range, labelled marks in its
 * own units (VU, BBC marks 1–7, dB re TEST, K-system dB) placed at their dBFS positions for
 * `referenceDb` (default: the preset's — 0 VU, BBC mark 4, EBU/Nordic TEST and K references at
 * their documented dBFS), and its caution/over zones. Use it with `reading="ballistic"` on a
 * meter whose engine runs that preset. Also takes a track's ballistics as the engine reports
 * them (`scaleForBallistics(engine.ballisticsOf(track))`), preset and reference together.
 */
export function scaleForBallistics(
  presetOrTrack: BallisticsPreset | { readonly preset: BallisticsPreset; readonly referenceDb: number },
  referenceDb?: number,
): MeterScaleSpec {
  if (typeof presetOrTrack !== 'string' && (typeof presetOrTrack !== 'object' || presetOrTrack === null)) {
    throw new TypeError(`scaleForBallistics: preset must be a preset name or an engine.ballisticsOf(track) object, got ${describeValue(presetOrTrack)}`);
  }
  const preset = typeof presetOrTrack === 'string' ? presetOrTrack : presetOrTrack.preset;
  if (typeof presetOrTrack !== 'string' && referenceDb === undefined) referenceDb = presetOrTrack.referenceDb;
  const info = presetInfo(preset);
  const db = (v: number) => dbfsFromScale(preset, v, referenceDb);
  const caution = info.zones.find((z) => z.kind === 'caution');
  const over = info.zones.find((z) => z.kind === 'over');
  const maxDb = db(info.scaleMax);
  return createDbScale({
    id: preset,
    unit: info.scaleUnit,
    minDb: db(info.scaleMin),
    maxDb,
    ticks: info.ticks.map((t) => ({ db: db(t.value), label: t.label })),
    zones: { midDb: caution ? db(caution.from) : maxDb + 1, highDb: over ? db(over.from) : maxDb + 1 },
    referenceDb: db(info.scaleReference),
  });
}
