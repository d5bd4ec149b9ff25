/**
 * The ballistic level kernel: one channel of a standard programme meter (digital peak, PPM, VU,
 * K-System) run sample by sample, so a reading never depends on how the signal is cut into
 * blocks (1, 128 or 4096 samples give identical readings). Presets and citations:
 * {@link ./ballistics-presets}.
 *
 * Models (state per channel; `level` is linear amplitude, 1 = 0 dBFS, before the reference):
 * - quasi-peak (digital peak, PPMs, IEC 60268-10 / -18): |x| charges two sections in parallel, a
 *   slow and a fast one (τ_slow = 4.3·τ_fast), each only while |x| exceeds it; both fall by one
 *   constant factor per sample (linear in dB at the return rate); the indication is their sum
 *   times a calibration gain. Design, constants and sources: {@link ./quasi-peak}. Type II
 *   (10 ms): τ 4.90 / 1.14 ms; Type I (5 ms): τ 2.42 / 0.56 ms. Integration 0 = instant attack
 *   (IEC 60268-18). Sample peak: inter-sample peaks are not reconstructed.
 * - vu (IEC 60268-17): full-wave rectified |x| through a second-order low-pass (bilinear state
 *   variable form), damping from the overshoot (1.25 % → ζ = 0.8127), natural frequency so that a
 *   step first reaches 99 % at the rise time; scaled by π/2 so a sine reads its amplitude
 *   (0 VU = a −18 dBFS sine by default). Never reads below 0 (the needle's stop).
 * - rms (K-System): x² through two cascaded first-order sections of τ = T/5.8398 (a step's RMS
 *   reaches 99 % at T = 600 ms, no overshoot); level = √(2·mean square) (AES-17: a sine reads
 *   its amplitude, so 0 on K-20 = −20 dBFS RMS in AES-17 terms).
 * Every preset also keeps `peak`: an instant-attack sample peak falling at `peakFallDbPerSecond`
 * (default IEC 60268-18, 20 dB in 1.7 s) — the K-System's peak section.
 *
 * Thread: construct on any thread (built-in presets use tabulated designs; an overridden
 * quasi-peak integration or return is solved once, ≈ 1–6 ms, then cached; each sample rate's
 * gain takes < 0.5 ms once; see ./quasi-peak). `process`, every getter and `reset` allocate nothing: safe on the audio thread. Non-finite samples are counted
 * and measured as 0; they never poison the state.
 */
import { checkNumber, checkOneOf, checkOptions, checkSpan, describeValue } from './validate';
import { chargeCoefficient, quasiPeakDesign, quasiPeakGain, returnFactor } from './quasi-peak';
import { BALLISTICS_PRESETS, dbfsFromScale, presetInfo, scaleFromDbfs, type BallisticsPreset, type BallisticsPresetInfo } from './ballistics-presets';

/** Options of {@link BallisticMeter}. Only `sampleRate` is required. */
export interface BallisticMeterOptions {
  /** Sample rate in Hz (1 to 1,000,000). */
  sampleRate: number;
  /** Ballistics preset. Default `'digital-peak'`. */
  preset?: BallisticsPreset;
  /** dBFS that reads the scale reference (0, VU 0, BBC mark 4), −60 to 0. Default: the preset's. */
  referenceDb?: number;
  /**
   * Override of the preset's integration time in ms (quasi-peak 0–1000, vu/rms 10–10,000).
   * quasi-peak: both charging sections scale together (the shape of the burst curve is kept) so
   * that a 5 kHz burst of this duration reads 2 dB below the steady tone (IEC 60268-10).
   */
  integrationMs?: number;
  /** quasi-peak presets only: return rate in dB/s (0.1 to 10,000). Default: the preset's. */
  fallDbPerSecond?: number;
  /** vu only: step overshoot in percent (0 = critically damped, to 20). Default 1.25. */
  overshootPercent?: number;
  /** Fall rate of the `peak` indicator in dB/s (0 to 10,000; 0 = holds). Default 20/1.7. */
  peakFallDbPerSecond?: number;
}

/** Options with every default filled in. */
export interface ResolvedBallisticOptions {
  readonly sampleRate: number;
  readonly preset: BallisticsPreset;
  readonly referenceDb: number;
  readonly integrationMs: number;
  /** Return rate of the quasi-peak model in dB/s (NaN for vu and rms: they return by their filter). */
  readonly fallDbPerSecond: number;
  /** Overshoot of the vu model in percent (0 for other models). */
  readonly overshootPercent: number;
  readonly peakFallDbPerSecond: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;
/** States below this (≈ −400 dBFS) are flushed to 0 at block end so they never go denormal. */
const FLUSH_BELOW = 1e-20;
/** Dimensionless time (t/τ) at which 1 − (1 + x)·e^−x = 0.99² (RMS of two poles at 99 %). */
const RMS_99_TAUS = solve((x) => 1 - (1 + x) * Math.exp(-x) - 0.9801, 0, 30);

/**
 * Validates options and fills defaults. Throws `RangeError` naming the option, the value received
 * and the valid range (an unknown preset lists the valid ones; an option that does not apply to
 * the preset's model says which presets take it).
 */
export function resolveBallisticOptions(options: BallisticMeterOptions): ResolvedBallisticOptions {
  checkOptions('BallisticMeter', options, 'sampleRate');
  const sampleRate = checkNumber('sampleRate', options.sampleRate, 1, 1_000_000, 'Hz');
  const preset = checkOneOf('preset', options.preset ?? 'digital-peak', BALLISTICS_PRESETS);
  const info = presetInfo(preset);
  const onlyFor = (name: string, model: string, value: unknown) => {
    const takers = BALLISTICS_PRESETS.filter((p) => presetInfo(p).model === model).join(', ');
    throw new RangeError(
      `${name} does not apply to preset "${preset}" (${info.model} model), got ${describeValue(value)}; leave it out, or use a preset it applies to: ${takers}`,
    );
  };
  const referenceDb = checkNumber('referenceDb', options.referenceDb ?? info.referenceDbfs, -60, 0, 'dBFS');
  const qp = info.model === 'quasi-peak';
  const integrationMs = checkNumber('integrationMs', options.integrationMs ?? info.integrationMs, qp ? 0 : 10, qp ? 1000 : 10_000, 'ms');
  if (options.fallDbPerSecond !== undefined && !qp) onlyFor('fallDbPerSecond', 'quasi-peak', options.fallDbPerSecond);
  const fallDbPerSecond = qp ? checkNumber('fallDbPerSecond', options.fallDbPerSecond ?? info.returnDb / info.returnSeconds, 0.1, 10_000, 'dB/s') : NaN;
  if (options.overshootPercent !== undefined && info.model !== 'vu') onlyFor('overshootPercent', 'vu', options.overshootPercent);
  const overshootPercent = checkNumber('overshootPercent', options.overshootPercent ?? info.overshootPercent, 0, 20, '%');
  const peakFallDbPerSecond = checkNumber('peakFallDbPerSecond', options.peakFallDbPerSecond ?? 20 / 1.7, 0, 10_000, 'dB/s');
  return Object.freeze({ sampleRate, preset, referenceDb, integrationMs, fallDbPerSecond, overshootPercent, peakFallDbPerSecond });
}

/** Set by {@link BallisticMeter.fromResolved} for the duration of one construction. */
let trustedOptions: ResolvedBallisticOptions | null = null;

/** Bisection for the root of an increasing-then-crossing `f` in [lo, hi]. */
function solve(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * One channel of a ballistic meter. The caller owns the instance and feeds it with `process`.
 * Readings are live after every `process` call (no publish step) and never NaN.
 */
export class BallisticMeter {
  /** The validated options in use. */
  readonly options: ResolvedBallisticOptions;
  /** The preset's dynamics and scale (shared frozen object). */
  readonly info: BallisticsPresetInfo;

  private readonly model: 0 | 1 | 2; // 0 quasi-peak, 1 vu, 2 rms
  private readonly c1: number; // qp: slow charge; rms: one-pole coefficient; vu: a1
  private readonly c2: number; // qp: return factor per sample; vu: a2
  private readonly c3: number; // qp: calibration gain; vu: a3
  private readonly c4: number; // qp: fast charge
  private readonly peakDecay: number;
  private s1 = 0; // qp: slow section; vu: ic1eq; rms: first section
  private s2 = 0; // qp: fast section; vu: ic2eq; rms: second section
  private s3 = 0; // vu: low-pass output
  private _peak = 0;
  private _nonFinite = 0;

  /**
   * Builds a meter from options already resolved by {@link resolveBallisticOptions} (e.g. by the
   * engine, where the options entered), without validating them again. The caller vouches for
   * them; pass the object `resolveBallisticOptions` returned (or a copy of it).
   */
  static fromResolved(options: ResolvedBallisticOptions): BallisticMeter {
    trustedOptions = options;
    try {
      return new BallisticMeter(options);
    } finally {
      trustedOptions = null;
    }
  }

  /** Validates `options` (RangeError naming the option, value and range) and fills defaults. */
  constructor(options: BallisticMeterOptions) {
    const o = trustedOptions !== null && trustedOptions === options ? trustedOptions : resolveBallisticOptions(options);
    this.options = o;
    this.info = presetInfo(o.preset);
    const fs = o.sampleRate;
    this.peakDecay = Math.pow(10, -o.peakFallDbPerSecond / (20 * fs));
    if (this.info.model === 'quasi-peak') {
      this.model = 0;
      const design = quasiPeakDesign(o.integrationMs, o.fallDbPerSecond);
      this.c1 = chargeCoefficient(design.slowMs, fs);
      this.c2 = returnFactor(o.fallDbPerSecond, fs);
      this.c3 = quasiPeakGain(design, o.fallDbPerSecond, fs);
      this.c4 = chargeCoefficient(design.fastMs, fs);
    } else if (this.info.model === 'vu') {
      this.model = 1;
      const p = o.overshootPercent / 100;
      const zeta = p > 0 ? -Math.log(p) / Math.sqrt(Math.PI * Math.PI + Math.log(p) ** 2) : 1;
      const step = (x: number) =>
        zeta < 1
          ? 1 -
            Math.exp(-zeta * x) * (Math.cos(Math.sqrt(1 - zeta * zeta) * x) + (zeta / Math.sqrt(1 - zeta * zeta)) * Math.sin(Math.sqrt(1 - zeta * zeta) * x))
          : 1 - (1 + x) * Math.exp(-x);
      const firstPeak = zeta < 1 ? Math.PI / Math.sqrt(1 - zeta * zeta) : 40;
      const w0 = solve((x) => step(x) - 0.99, 0, firstPeak) / (o.integrationMs / 1000);
      const g = Math.tan(w0 / (2 * fs));
      const a1 = 1 / (1 + g * (g + 2 * zeta));
      this.c1 = a1;
      this.c2 = g * a1;
      this.c3 = g * g * a1;
      this.c4 = 0;
    } else {
      this.model = 2;
      this.c1 = 1 - Math.exp(-RMS_99_TAUS / ((o.integrationMs / 1000) * fs));
      this.c2 = 0;
      this.c3 = 0;
      this.c4 = 0;
    }
  }

  /**
   * Meters `samples[start..end)` (`end` defaults to `samples.length`); any length, 0 included.
   * Never throws on sample values, never allocates. Failure (caller bugs only): TypeError if
   * `samples` is not a Float32Array, RangeError unless 0 ≤ start ≤ end ≤ samples.length, integers. Non-finite samples count in {@link nonFinite} and are measured as 0.
   */
  process(samples: Float32Array, start = 0, end?: number): void {
    const stop = checkSpan('BallisticMeter.process', samples, start, end);
    const model = this.model;
    const c1 = this.c1;
    const c2 = this.c2;
    const c3 = this.c3;
    const c4 = this.c4;
    const pk = this.peakDecay;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let peak = this._peak;
    let bad = 0;
    for (let i = start; i < stop; i++) {
      let a = samples[i];
      if (a < 0) a = -a;
      if (!(a <= FLOAT32_MAX)) {
        bad++;
        a = 0;
      }
      peak *= pk;
      if (a > peak) peak = a;
      if (model === 0) {
        s1 *= c2;
        s2 *= c2;
        if (a > s1) s1 += c1 * (a - s1);
        if (a > s2) s2 += c4 * (a - s2);
      } else if (model === 1) {
        // Zavalishin's trapezoidal state-variable low-pass (s2 carries the low-pass state).
        const v3 = a - s2;
        const v1 = c1 * s1 + c2 * v3;
        s3 = s2 + c2 * s1 + c3 * v3;
        s1 = 2 * v1 - s1;
        s2 = 2 * s3 - s2;
      } else {
        s1 += c1 * (a * a - s1);
        s2 += c1 * (s1 - s2);
      }
    }
    if ((s1 < 0 ? -s1 : s1) < FLUSH_BELOW) s1 = 0;
    if ((s2 < 0 ? -s2 : s2) < FLUSH_BELOW) s2 = 0;
    if ((s3 < 0 ? -s3 : s3) < FLUSH_BELOW) s3 = 0;
    if (peak < FLUSH_BELOW) peak = 0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this._peak = peak;
    this._nonFinite += bad;
  }

  /**
   * The ballistic indication as linear amplitude (1 = 0 dBFS; a steady sine reads its amplitude
   * on every preset), before the scale reference. ≥ 0, never NaN.
   */
  get level(): number {
    if (this.model === 0) return (this.s1 + this.s2) * this.c3;
    if (this.model === 1) {
      const y = this.s3 * 0.5 * Math.PI; // π/2: the rectified average of a sine is 2/π of its peak
      return y > 0 ? y : 0;
    }
    return Math.sqrt(2 * this.s2);
  }
  /** {@link level} in dBFS (−Infinity for 0). */
  get levelDb(): number {
    return 20 * Math.log10(this.level);
  }
  /** {@link level} in the preset's scale units relative to `referenceDb` (VU, BBC marks, dB, K). */
  get scaleValue(): number {
    return scaleFromDbfs(this.options.preset, this.levelDb, this.options.referenceDb);
  }
  /** Sample peak with instant attack falling at `peakFallDbPerSecond` (linear). */
  get peak(): number {
    return this._peak;
  }
  /** {@link peak} in dBFS (sample peak, not true peak). */
  get peakDb(): number {
    return 20 * Math.log10(this._peak);
  }
  /** NaN/±Infinity samples seen since construction or {@link reset}. */
  get nonFinite(): number {
    return this._nonFinite;
  }

  /** Linear amplitude → this meter's scale units (uses this meter's reference). */
  scaleOf(linear: number): number {
    return scaleFromDbfs(this.options.preset, 20 * Math.log10(linear), this.options.referenceDb);
  }
  /** Scale units → dBFS for this meter's reference (for drawing ticks). */
  dbfsOf(scaleValue: number): number {
    return dbfsFromScale(this.options.preset, scaleValue, this.options.referenceDb);
  }

  /** Returns the meter to rest (silence, nothing counted). */
  reset(): void {
    this.s1 = 0;
    this.s2 = 0;
    this.s3 = 0;
    this._peak = 0;
    this._nonFinite = 0;
  }
}
