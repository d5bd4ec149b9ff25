/**
 * The 31 one-third-octave bands from 20 Hz to 20 kHz and their filters.
 *
 * Bands are **base-10** (IEC 61260-1:2014 §5.2, ANSI S1.11): the octave ratio is
 * G = 10^(3/10) ≈ 1.99526, exact mid-band frequencies fm = 1000 · G^(x/3) Hz for x = −17 … 13
 * (19.953 Hz … 19.953 kHz), band edges fm · G^(∓1/6). Labels are the nominal frequencies
 * (20, 25, 31.5 … 16k, 20k) of IEC 61260-1 Annex E / ISO 266.
 *
 * Filters: a Butterworth band-pass per band (the analog Butterworth low-pass prototype of order
 * N, transformed to a band-pass between the edges, then to the sampled domain by the bilinear
 * transform with both edges pre-warped, so they sit exactly at fm · G^(∓1/6)), as N biquad
 * sections normalized to 0 dB at fm. N is the lowest order from 3 (a 6th-order band-pass, the
 * classic class 1 design) to 6 whose response meets the class 1 minimum attenuation of
 * IEC 61260-1 ({@link classOneMinAttenuationDb}) with a 1 dB margin everywhere below the Nyquist
 * frequency of its rate: N = 3 for every band except the top few at 44.1 and 48 kHz, where the
 * frequency warping of the bilinear transform flattens the lower skirt. Checked with sines at
 * 44.1, 48 and 96 kHz in test/unit/spectrum.test.ts. A band whose upper edge lies at or above
 * 0.48 × the sample rate at which it runs (the 20 kHz band at 44.1 kHz, where the edge is above
 * the Nyquist frequency) cannot be a band-pass there: it is a Butterworth high-pass from its
 * lower edge (order chosen the same way), normalized at fm — a truncated band, as on every
 * 44.1 kHz analyser.
 *
 * Multirate: a band runs at the lowest rate fs / 2^k at which its upper edge is at most a
 * quarter of that rate (so everything that a halving folds onto it is more than 100 dB down in
 * the decimation filter, {@link decimatorSections}); the top bands run at fs.
 *
 * Thread: design functions allocate (call them at construction); the tables are constants.
 */
import { checkInteger, checkNumber } from './validate';

/** One band of the analyser. */
export interface OctaveBand {
  /** Index 0 … 30 from the lowest band. */
  readonly index: number;
  /** Nominal mid-band frequency, Hz (20, 25, 31.5, …, 20000). */
  readonly nominalHz: number;
  /** The label shown under a bar: "20", "31.5", "1k", "12.5k", … */
  readonly label: string;
  /** Exact mid-band frequency fm = 1000 · G^(x/3), Hz. */
  readonly centreHz: number;
  /** Lower band edge fm · G^(−1/6), Hz. */
  readonly lowerHz: number;
  /** Upper band edge fm · G^(1/6), Hz. */
  readonly upperHz: number;
}

/** The octave ratio of base-10 bands, 10^(3/10). */
export const OCTAVE_RATIO = 10 ** 0.3;

const NOMINAL = [
  20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500,
  16000, 20000,
] as const;

function labelOf(hz: number): string {
  return hz >= 1000 ? `${hz / 1000}k` : String(hz);
}

/** The 31 bands, lowest first. */
export const THIRD_OCTAVE_BANDS: readonly OctaveBand[] = Object.freeze(
  NOMINAL.map((nominalHz, index) => {
    const centreHz = 1000 * OCTAVE_RATIO ** ((index - 17) / 3);
    return Object.freeze({
      index,
      nominalHz,
      label: labelOf(nominalHz),
      centreHz,
      lowerHz: centreHz * OCTAVE_RATIO ** (-1 / 6),
      upperHz: centreHz * OCTAVE_RATIO ** (1 / 6),
    });
  }),
);

/** Number of bands (31). */
export const BAND_COUNT = 31;

/** Values per biquad section in a coefficient array: b0, b1, b2, a1, a2 (a0 = 1). */
export const SECTION = 5;

/**
 * Biquad sections per band filter: 3 (a 6th-order band-pass) where that meets class 1, up to
 * {@link MAX_BAND_SECTIONS} for bands close to the Nyquist frequency of the rate they run at
 * (where the bilinear transform's frequency warping makes the lower skirt shallower); see
 * {@link designBand}. The decimation filter has 4.
 */
export const MIN_BAND_SECTIONS = 3;
export const MAX_BAND_SECTIONS = 6;
export const DECIMATOR_SECTIONS = 4;

/** Decimation filter cut-off as a fraction of the rate it runs at (its output rate × 0.33). */
const DECIMATOR_CUTOFF = 0.165;

/** A band runs at a rate r where its upper edge ≤ r / 4; above this fraction of r it is a high-pass. */
const MAX_UPPER_EDGE = 0.48;

/**
 * The octave-normalized breakpoints (G¹ … G⁴) and class 1 minimum relative attenuations of
 * IEC 61260-1:2014 Table 1, in dB.
 */
const CLASS_ONE_STOPBAND: readonly (readonly [exponent: number, db: number])[] = [
  [1, 17.5],
  [2, 42.5],
  [3, 61],
  [4, 70],
];

/**
 * The minimum attenuation class 1 requires of a one-third-octave filter at `ratio` = f / fm
 * (either side), in dB: 0 inside the band's pass region, then the Table 1 values at the
 * octave-normalized breakpoints G … G⁴ mapped to one-third-octave bandwidth by IEC 61260-1's
 * formula Ω_b = 1 + (G^(1/2b) − 1)/(G^(1/2) − 1) · (Ω_1 − 1), interpolated linearly in dB over
 * log frequency between breakpoints and 70 dB beyond the last. (The limits between the band
 * edge and the first breakpoint are not stop-band limits and read 0 here.)
 */
export function classOneMinAttenuationDb(ratio: number): number {
  checkNumber('classOneMinAttenuationDb: ratio', ratio, 1e-9, 1e9);
  const omega = ratio >= 1 ? ratio : 1 / ratio;
  const k = (OCTAVE_RATIO ** (1 / 6) - 1) / (OCTAVE_RATIO ** 0.5 - 1);
  const points = CLASS_ONE_STOPBAND.map(([e, db]) => [1 + k * (OCTAVE_RATIO ** e - 1), db] as const);
  if (omega < points[0][0]) return 0;
  for (let i = 1; i < points.length; i++) {
    const [w0, d0] = points[i - 1];
    const [w1, d1] = points[i];
    if (omega <= w1) return d0 + ((d1 - d0) * Math.log(omega / w0)) / Math.log(w1 / w0);
  }
  return points[points.length - 1][1];
}

/** Where a band runs: `stage` k (rate fs / 2^k) and whether it is a high-pass (truncated band). */
export interface BandPlacement {
  readonly stage: number;
  readonly rate: number;
  readonly highPass: boolean;
}

/** Stage of every band at `sampleRate` (8 kHz … 384 kHz): see the module comment. */
export function placeBands(sampleRate: number): BandPlacement[] {
  const fs = checkNumber('placeBands: sampleRate', sampleRate, 8000, 384000, 'Hz');
  return THIRD_OCTAVE_BANDS.map((band) => {
    let stage = 0;
    while (band.upperHz <= fs / 2 ** (stage + 1) / 4) stage++;
    const rate = fs / 2 ** stage;
    return { stage, rate, highPass: band.upperHz >= MAX_UPPER_EDGE * rate };
  });
}

// --- complex numbers for the designs (construction time only) ---
type C = [re: number, im: number];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const cdiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const csqrt = (a: C): C => {
  const r = Math.hypot(a[0], a[1]);
  const re = Math.sqrt((r + a[0]) / 2);
  const im = Math.sqrt(Math.max(0, (r - a[0]) / 2));
  return [re, a[1] < 0 ? -im : im];
};
/** Bilinear transform of an s-plane point at sample rate fs. */
const bilinear = (s: C, fs: number): C => cdiv([2 * fs + s[0], s[1]], [2 * fs - s[0], -s[1]]);

/** Analog Butterworth prototype poles of order n (left half plane). */
function butterworthPoles(n: number): C[] {
  const poles: C[] = [];
  for (let k = 1; k <= n; k++) {
    const theta = (Math.PI * (2 * k + n - 1)) / (2 * n);
    poles.push([Math.cos(theta), Math.sin(theta)]);
  }
  return poles;
}

/** Biquad sections from z-plane poles (conjugate pairs: the ones with Im ≥ 0 are used) and a numerator per section. */
function sectionsFrom(poles: C[], numerator: readonly [number, number, number]): Float64Array {
  const upper = poles.filter((p) => p[1] > 1e-12);
  const real = poles.filter((p) => Math.abs(p[1]) <= 1e-12).sort((a, b) => a[0] - b[0]);
  // Real poles are paired with each other (a 2nd-order section with two real poles).
  const pairs: [C, C][] = upper.map((p) => [p, [p[0], -p[1]]]);
  for (let i = 0; i + 1 < real.length; i += 2) pairs.push([real[i], real[i + 1]]);
  const out = new Float64Array(pairs.length * SECTION);
  pairs.forEach(([p, q], i) => {
    const o = i * SECTION;
    out[o] = numerator[0];
    out[o + 1] = numerator[1];
    out[o + 2] = numerator[2];
    out[o + 3] = -(p[0] + q[0]);
    out[o + 4] = p[0] * q[0] - p[1] * q[1];
  });
  return out;
}

/** |H(e^{jω})| of cascaded sections at frequency `hz` and sample rate `fs`. */
export function sectionsGain(sections: Float64Array, hz: number, fs: number): number {
  const w = (2 * Math.PI * hz) / fs;
  const z1: C = [Math.cos(w), -Math.sin(w)];
  const z2 = cmul(z1, z1);
  let g = 1;
  for (let o = 0; o < sections.length; o += SECTION) {
    const num: C = [sections[o] + sections[o + 1] * z1[0] + sections[o + 2] * z2[0], sections[o + 1] * z1[1] + sections[o + 2] * z2[1]];
    const den: C = [1 + sections[o + 3] * z1[0] + sections[o + 4] * z2[0], sections[o + 3] * z1[1] + sections[o + 4] * z2[1]];
    g *= Math.hypot(num[0], num[1]) / Math.hypot(den[0], den[1]);
  }
  return g;
}

/** Scales the numerators so that the cascade's gain at `hz` is 1 (spread evenly over the sections). */
function normalize(sections: Float64Array, hz: number, fs: number): Float64Array {
  const g = sectionsGain(sections, hz, fs);
  const per = (1 / g) ** (1 / (sections.length / SECTION));
  for (let o = 0; o < sections.length; o += SECTION) {
    sections[o] *= per;
    sections[o + 1] *= per;
    sections[o + 2] *= per;
  }
  return sections;
}

/**
 * The `sections` biquads of band `index` running at `rate` Hz: a Butterworth band-pass of order
 * 2 × `sections` between the pre-warped edges, or — when `highPass` — a Butterworth high-pass of
 * that order at the lower edge; normalized to gain 1 at the exact mid-band frequency.
 */
export function bandSections(index: number, rate: number, highPass: boolean, sections = MIN_BAND_SECTIONS): Float64Array {
  const band = THIRD_OCTAVE_BANDS[checkInteger('bandSections: index', index, 0, BAND_COUNT - 1)];
  const fs = checkNumber('bandSections: rate', rate, 10, 400000, 'Hz');
  const n = checkInteger('bandSections: sections', sections, 1, MAX_BAND_SECTIONS);
  const warp = (hz: number) => 2 * fs * Math.tan((Math.PI * hz) / fs);
  if (highPass) {
    // s → ωc / s maps every prototype pole p to ωc / p; the zeros all go to s = 0 (z = 1).
    const wc = warp(band.lowerHz);
    const poles = butterworthPoles(2 * n).map((p) => bilinear(cdiv([wc, 0], p), fs));
    return normalize(sectionsFrom(poles, [1, -2, 1]), band.centreHz, fs);
  }
  const w1 = warp(band.lowerHz);
  const w2 = warp(band.upperHz);
  const w0sq = w1 * w2;
  const bw = w2 - w1;
  // s_lp = (s² + ω0²) / (B s): every prototype pole p gives the two roots of s² − pB s + ω0² = 0.
  const poles: C[] = [];
  for (const p of butterworthPoles(n)) {
    const pb: C = [p[0] * bw, p[1] * bw];
    const disc = csqrt([pb[0] * pb[0] - pb[1] * pb[1] - 4 * w0sq, 2 * pb[0] * pb[1]]);
    poles.push(bilinear([(pb[0] + disc[0]) / 2, (pb[1] + disc[1]) / 2], fs), bilinear([(pb[0] - disc[0]) / 2, (pb[1] - disc[1]) / 2], fs));
  }
  // N zeros at s = 0 and N at infinity: (1 − z⁻¹)(1 + z⁻¹) = 1 − z⁻² per section.
  return normalize(sectionsFrom(poles, [1, 0, -1]), band.centreHz, fs);
}

/** Attenuation margin over the class 1 limits a design must keep, dB. */
const DESIGN_MARGIN_DB = 1;

/**
 * Band `index`'s filter at `rate`: the fewest sections (3 to 6) whose response keeps
 * {@link DESIGN_MARGIN_DB} above the class 1 minimum attenuation at every frequency from
 * 1/40 × fm up to 0.999 × the Nyquist frequency (a logarithmic grid of 400 points per decade).
 */
export function designBand(index: number, rate: number, highPass: boolean): Float64Array {
  const band = THIRD_OCTAVE_BANDS[checkInteger('designBand: index', index, 0, BAND_COUNT - 1)];
  let sections = bandSections(index, rate, highPass, MIN_BAND_SECTIONS);
  for (let n = MIN_BAND_SECTIONS; n <= MAX_BAND_SECTIONS; n++) {
    sections = bandSections(index, rate, highPass, n);
    if (meetsClassOne(sections, band.centreHz, rate)) return sections;
  }
  return sections;
}

function meetsClassOne(sections: Float64Array, centreHz: number, rate: number): boolean {
  const lo = Math.log10(centreHz / 40);
  const hi = Math.log10(0.999 * (rate / 2));
  for (let k = 0, n = Math.ceil((hi - lo) * 400); k <= n; k++) {
    const hz = 10 ** (lo + ((hi - lo) * k) / n);
    const need = classOneMinAttenuationDb(hz / centreHz);
    if (need === 0) continue;
    if (-20 * Math.log10(sectionsGain(sections, hz, rate)) < need + DESIGN_MARGIN_DB) return false;
  }
  return true;
}

/**
 * The decimation (anti-alias) filter run before every halving of the rate: an 8th-order
 * Butterworth low-pass at 0.165 × its input rate, unity gain at DC. Everything a band run at the
 * halved rate r can receive by folding (input frequencies ≥ 3r/4) is attenuated by more than
 * 100 dB, and the bands it feeds (upper edges ≤ r/4) lose less than 0.05 dB.
 */
export function decimatorSections(): Float64Array {
  const fs = 1;
  const wc = 2 * fs * Math.tan(Math.PI * DECIMATOR_CUTOFF);
  const poles = butterworthPoles(2 * DECIMATOR_SECTIONS).map((p) => bilinear([p[0] * wc, p[1] * wc], fs));
  // All zeros at s = ∞ (z = −1): (1 + z⁻¹)² per section.
  return normalize(sectionsFrom(poles, [1, 2, 1]), 0, fs);
}
