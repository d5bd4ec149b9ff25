/**
 * Design of the quasi-peak (PPM) model of {@link ./ballistics}: two charging sections in
 * parallel, summed, with one common return.
 *
 * Model (per channel; the structure of Fons Adriaensen's IEC PPM DSP, `iec1ppmdsp.cc` /
 * `iec2ppmdsp.cc` in x42-meters and Ardour `libs/ardour`; constants here are our own): the
 * rectified signal |x| charges a slow section (τ_slow) and a fast section (τ_fast = τ_slow / ρ),
 * each only while |x| exceeds it; both fall by the same factor per sample, so their sum falls
 * linearly in dB at the return rate; the indication is gain·(slow + fast). One first-order
 * section fitted to the 10 ms point reads short bursts too low (0.5 ms: −19.3 dB instead of
 * −17 dB); the fast section carries short bursts, the slow one sets the integration time.
 *
 * Constants, from time constants only (rate-free; coefficients are derived per sample rate by
 * the kernel): ρ = {@link QUASI_PEAK_SECTION_RATIO} is fitted once to the whole IEC 60268-10
 * Type II tone-burst curve (10 ms −2 dB, 5 ms −4 dB, 1.5 ms −9 dB, 0.5 ms −17 dB); τ_slow is
 * then solved from the IEC definition of integration time (the 5 kHz burst of that duration
 * reads 2 dB below the steady tone) at the preset's return rate. The gain makes a steady 1 kHz
 * sine read its amplitude at the crest of its ripple, at the meter's own sample rate.
 *
 * Thread: pure functions with a module-level cache. Built-in presets are tabulated; other
 * integration or return values are solved by simulation (≈ 1–3 ms), and each gain by a short
 * simulation (< 0.5 ms), once per key. Call from a constructor, never per block.
 */
import { checkNumber, checkOptions } from './validate';

/** Ranges accepted by the exported functions (those of BallisticMeter's quasi-peak options). */
const MAX_INTEGRATION_MS = 1000;
const MIN_FALL = 0.1;
const MAX_FALL = 10_000;
const MAX_RATE = 1_000_000;

/** τ_slow / τ_fast, fitted to the IEC 60268-10 Type II burst table (see docs/quasi-peak-ppm.md). */
export const QUASI_PEAK_SECTION_RATIO = 4.3;

/** The charge time constants of a quasi-peak design (continuous time; 0 = instant attack). */
export interface QuasiPeakDesign {
  /** Slow section charge time constant in ms. */
  readonly slowMs: number;
  /** Fast section charge time constant in ms (`slowMs / QUASI_PEAK_SECTION_RATIO`). */
  readonly fastMs: number;
}

/** Burst frequency of the IEC 60268-10 integration-time definition. */
const BURST_HZ = 5000;
/** Sample rate of the design simulation (the definition is continuous time; τ moves < 0.2 % from 44.1 to 96 kHz). */
const DESIGN_RATE = 48_000;
const NO_INTEGRATION: QuasiPeakDesign = Object.freeze({ slowMs: 0, fastMs: 0 });

function design(slowMs: number): QuasiPeakDesign {
  return Object.freeze({ slowMs, fastMs: slowMs / QUASI_PEAK_SECTION_RATIO });
}

/** Designs of the built-in presets (integrationMs|fallDbPerSecond), solved by {@link solveQuasiPeak}; a unit test re-solves them. */
const designCache = new Map<string, QuasiPeakDesign>([
  ['10|8.571428571428571', design(4.89747)], // Type II: ppm-ebu, ppm-bbc
  ['5|13.333333333333334', design(2.41902)], // Type I: ppm-din
  ['5|11.764705882352942', design(2.40339)], // Type I: ppm-nordic
]);
const gainCache = new Map<string, number>();

/** Per-sample charge coefficient of a section of `tauMs` at `sampleRate` (1 = instant). */
export function chargeCoefficient(tauMs: number, sampleRate: number): number {
  checkNumber('chargeCoefficient: tauMs', tauMs, 0, 1e9, 'ms');
  checkNumber('chargeCoefficient: sampleRate', sampleRate, 1, MAX_RATE, 'Hz');
  return tauMs > 0 ? 1 - Math.exp(-1000 / (tauMs * sampleRate)) : 1;
}

/** Per-sample return factor of a fall of `fallDbPerSecond` at `sampleRate`. */
export function returnFactor(fallDbPerSecond: number, sampleRate: number): number {
  checkNumber('returnFactor: fallDbPerSecond', fallDbPerSecond, 0, MAX_FALL, 'dB/s');
  checkNumber('returnFactor: sampleRate', sampleRate, 1, MAX_RATE, 'Hz');
  return Math.pow(10, -fallDbPerSecond / (20 * sampleRate));
}

/**
 * Highest slow + fast sum for a unit sine of `hz` lasting `samples`, from rest, over samples
 * from `from` on. Allocation-free simulation of the kernel.
 */
function sumReading(d: QuasiPeakDesign, decay: number, fs: number, hz: number, samples: number, from: number): number {
  const cs = chargeCoefficient(d.slowMs, fs);
  const cf = chargeCoefficient(d.fastMs, fs);
  const w = (2 * Math.PI * hz) / fs;
  const cw = Math.cos(w);
  const sw = Math.sin(w);
  let c = 1; // cos(w·i), sin(w·i) by rotation: no Math.sin per sample
  let si = 0;
  let slow = 0;
  let fast = 0;
  let max = 0;
  for (let i = 0; i < samples; i++) {
    const a = si < 0 ? -si : si;
    slow *= decay;
    fast *= decay;
    if (a > slow) slow += cs * (a - slow);
    if (a > fast) fast += cf * (a - fast);
    if (i >= from && slow + fast > max) max = slow + fast;
    const nc = c * cw - si * sw;
    si = si * cw + c * sw;
    c = nc;
  }
  return max;
}

/** Samples until a design of `slowMs` has settled on a steady tone, plus 20 ms. */
function settleSamples(slowMs: number, fs: number): number {
  return Math.ceil(((30 * slowMs + 20) * fs) / 1000);
}

/**
 * The quasi-peak design for an IEC 60268-10 integration time: the slow/fast pair (ratio
 * {@link QUASI_PEAK_SECTION_RATIO}) for which a 5 kHz burst of `integrationMs` reads 2 dB below
 * the steady tone, returning at `fallDbPerSecond`. 0 = instant attack (a sample-peak meter).
 * Built-in presets are tabulated; other values are solved and cached. Allocates only when solving.
 */
export function quasiPeakDesign(integrationMs: number, fallDbPerSecond: number): QuasiPeakDesign {
  checkDesignArgs('quasiPeakDesign', integrationMs, fallDbPerSecond);
  if (integrationMs <= 0) return NO_INTEGRATION;
  const key = `${integrationMs}|${fallDbPerSecond}`;
  let d = designCache.get(key);
  if (d === undefined) {
    d = solveQuasiPeak(integrationMs, fallDbPerSecond);
    designCache.set(key, d);
  }
  return d;
}

/** Solves {@link quasiPeakDesign} by simulation at 48 kHz (log-bisection on τ_slow), uncached. */
export function solveQuasiPeak(integrationMs: number, fallDbPerSecond: number): QuasiPeakDesign {
  checkDesignArgs('solveQuasiPeak', integrationMs, fallDbPerSecond);
  const decay = returnFactor(fallDbPerSecond, DESIGN_RATE);
  const burst = Math.round((integrationMs * DESIGN_RATE) / 1000);
  const target = Math.pow(10, -2 / 20);
  let lo = Math.log(1e-3);
  let hi = Math.log(integrationMs * 4);
  for (let i = 0; i < 30; i++) {
    const d = design(Math.exp(0.5 * (lo + hi)));
    const steady = sumReading(d, decay, DESIGN_RATE, BURST_HZ, burst + settleSamples(d.slowMs, DESIGN_RATE), 0);
    if (sumReading(d, decay, DESIGN_RATE, BURST_HZ, burst, 0) / steady < target) hi = Math.log(d.slowMs);
    else lo = Math.log(d.slowMs);
  }
  return design(Math.exp(0.5 * (lo + hi)));
}

/**
 * Gain on slow + fast so that a steady 1 kHz sine at `sampleRate` reads its amplitude at the
 * crest of its ripple (the charge/return equilibrium sits a little below the crest; an analogue
 * PPM is calibrated on its alignment tone the same way). 0.5 for instant attack. Cached per key.
 */
export function quasiPeakGain(d: QuasiPeakDesign, fallDbPerSecond: number, sampleRate: number): number {
  checkOptions('quasiPeakGain', d, 'slowMs and fastMs (a QuasiPeakDesign)');
  checkNumber('quasiPeakGain: d.slowMs', d.slowMs, 0, 4 * MAX_INTEGRATION_MS, 'ms');
  checkNumber('quasiPeakGain: d.fastMs', d.fastMs, 0, 4 * MAX_INTEGRATION_MS, 'ms');
  checkNumber('quasiPeakGain: fallDbPerSecond', fallDbPerSecond, MIN_FALL, MAX_FALL, 'dB/s');
  checkNumber('quasiPeakGain: sampleRate', sampleRate, 1, MAX_RATE, 'Hz');
  if (d.slowMs <= 0) return 0.5;
  const key = `${d.slowMs}|${fallDbPerSecond}|${sampleRate}`;
  let gain = gainCache.get(key);
  if (gain === undefined) {
    const settle = settleSamples(d.slowMs, sampleRate);
    const crest = sumReading(d, returnFactor(fallDbPerSecond, sampleRate), sampleRate, 1000, settle + Math.ceil(sampleRate / 100), settle);
    gain = 1 / crest;
    gainCache.set(key, gain);
  }
  return gain;
}

/** Bounds the design's simulation (a huge integration time would run for minutes). */
function checkDesignArgs(owner: string, integrationMs: number, fallDbPerSecond: number): void {
  checkNumber(`${owner}: integrationMs`, integrationMs, 0, MAX_INTEGRATION_MS, 'ms');
  checkNumber(`${owner}: fallDbPerSecond`, fallDbPerSecond, MIN_FALL, MAX_FALL, 'dB/s');
}
