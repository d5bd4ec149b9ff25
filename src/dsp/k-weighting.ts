/**
 * ITU-R BS.1770-4/-5 K-weighting (Annex 1, §2.1): a high-shelf "pre-filter" that models the
 * acoustic effect of the head, followed by the RLB high-pass. BS.1770 tabulates both biquads
 * for 48 kHz only; here they are derived for any sample rate from their analog prototypes
 * (centre frequency, gain, Q) with the bilinear transform and frequency pre-warping, which
 * reproduces the 48 kHz table (Tables 1 and 2) to 1e-15. At other rates the response follows
 * the analog prototype, which differs slightly from the 48 kHz digital response: the 997 Hz
 * gain is 0.691 dB at 48 kHz, 0.694 at 44.1, 0.674 at 96, 0.664 at 192 and 0.731 dB at 16 kHz,
 * i.e. a 1 kHz tone reads within 0.04 dB of its 48 kHz loudness at every rate (BS.1770 asks
 * for "the same frequency response"; Tech 3341 allows ±0.1 LU). This is the derivation
 * libebur128 and most open meters use.
 *
 * Everything here is pure maths with caller-owned typed arrays: safe on the audio thread,
 * no allocation after the coefficients have been designed.
 */

import { checkNumber, checkSpan, describeValue } from './validate';

/** Stage 1 (high shelf) centre frequency in Hz, fitted to BS.1770 Table 1. */
export const K_SHELF_FREQUENCY_HZ = 1681.974450955533;
/** Stage 1 (high shelf) gain in dB, fitted to BS.1770 Table 1. */
export const K_SHELF_GAIN_DB = 3.999843853973347;
/** Stage 1 (high shelf) quality factor, fitted to BS.1770 Table 1. */
export const K_SHELF_Q = 0.7071752369554196;
/** Stage 2 (RLB high-pass) corner frequency in Hz, fitted to BS.1770 Table 2. */
export const K_HIGHPASS_FREQUENCY_HZ = 38.13547087602444;
/** Stage 2 (RLB high-pass) quality factor, fitted to BS.1770 Table 2. */
export const K_HIGHPASS_Q = 0.5003270373238773;

/**
 * Exponent that places the shelf's mid-band gain (`Vb = Vh^x`) so that the derived filter
 * matches the tabulated one; part of the same fit as the constants above.
 */
const SHELF_MID_GAIN_EXPONENT = 0.4996667741545416;

/** Number of coefficients returned by {@link designKWeighting}. */
export const K_WEIGHTING_COEFFICIENT_COUNT = 10;
/** Number of Float64 state slots one channel needs in {@link kWeightedSumOfSquares}. */
export const K_WEIGHTING_STATE_LENGTH = 4;

/**
 * Filter state magnitudes below this are flushed to exactly 0 by {@link flushKWeightingState}
 * (−400 dBFS: far below any audible or measurable level, far above the subnormal range).
 */
const FLUSH_THRESHOLD = 1e-20;

/**
 * Designs the two K-weighting biquads for a sample rate.
 *
 * Layout of the result (normalised so that a0 = 1, difference equation
 * `y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] − a1 y[n-1] − a2 y[n-2]`):
 * `[b0, b1, b2, a1, a2]` of the shelf, then `[b0, b1, b2, a1, a2]` of the high-pass.
 *
 * Thread: allocates a Float64Array unless `out` is given; call it at set-up time.
 * Failure: throws a RangeError if `sampleRate` is not finite or is not above twice the shelf
 * frequency (≈ 3364 Hz), where the bilinear pre-warp is undefined.
 *
 * @param sampleRate sample rate in Hz
 * @param out optional caller-owned array of at least 10 elements to write into
 * @returns `out` (or a new Float64Array(10)) holding the coefficients
 */
export function designKWeighting(sampleRate: number, out?: Float64Array): Float64Array {
  const minRate = 2 * K_SHELF_FREQUENCY_HZ;
  if (typeof sampleRate !== 'number' || !Number.isFinite(sampleRate) || sampleRate <= minRate) {
    throw new RangeError(
      `designKWeighting: sampleRate must be a finite number above ${minRate.toFixed(2)} Hz for K-weighting, got ${describeValue(sampleRate)}`,
    );
  }
  if (out !== undefined && !(out instanceof Float64Array)) {
    throw new TypeError(`designKWeighting: out must be a Float64Array (or omitted), got ${describeValue(out)}`);
  }
  const c = out ?? new Float64Array(K_WEIGHTING_COEFFICIENT_COUNT);
  if (c.length < K_WEIGHTING_COEFFICIENT_COUNT) {
    throw new RangeError(`designKWeighting: out must have at least ${K_WEIGHTING_COEFFICIENT_COUNT} elements, got ${c.length}`);
  }

  // Stage 1: high shelf. Bilinear transform of the analog shelf with pre-warped K = tan(πf0/fs).
  {
    const k = Math.tan((Math.PI * K_SHELF_FREQUENCY_HZ) / sampleRate);
    const vh = Math.pow(10, K_SHELF_GAIN_DB / 20);
    const vb = Math.pow(vh, SHELF_MID_GAIN_EXPONENT);
    const kq = k / K_SHELF_Q;
    const a0 = 1 + kq + k * k;
    c[0] = (vh + vb * kq + k * k) / a0;
    c[1] = (2 * (k * k - vh)) / a0;
    c[2] = (vh - vb * kq + k * k) / a0;
    c[3] = (2 * (k * k - 1)) / a0;
    c[4] = (1 - kq + k * k) / a0;
  }
  // Stage 2: RLB high-pass. BS.1770 Table 2 keeps the numerator at [1, −2, 1] (unnormalised
  // high-frequency gain of ≈ +0.04 dB at 48 kHz); the derivation does the same.
  {
    const k = Math.tan((Math.PI * K_HIGHPASS_FREQUENCY_HZ) / sampleRate);
    const kq = k / K_HIGHPASS_Q;
    const a0 = 1 + kq + k * k;
    c[5] = 1;
    c[6] = -2;
    c[7] = 1;
    c[8] = (2 * (k * k - 1)) / a0;
    c[9] = (1 - kq + k * k) / a0;
  }
  return c;
}

/**
 * Magnitude response of the K-weighting filter in dB at `frequency` Hz (both stages).
 * For tests and documentation; allocation-free.
 *
 * @param coefficients as returned by {@link designKWeighting}
 * @param frequency frequency in Hz (0 to sampleRate / 2)
 * @param sampleRate sample rate in Hz the coefficients were designed for
 */
export function kWeightingGainDb(coefficients: Float64Array, frequency: number, sampleRate: number): number {
  checkCoefficients('kWeightingGainDb', coefficients);
  checkNumber('kWeightingGainDb: sampleRate', sampleRate, 1, 1e7, 'Hz');
  checkNumber('kWeightingGainDb: frequency', frequency, 0, sampleRate / 2, 'Hz');
  const w = (2 * Math.PI * frequency) / sampleRate;
  let magnitudeSquared = 1;
  for (let s = 0; s < 2; s++) {
    const o = s * 5;
    magnitudeSquared *= biquadMagnitudeSquared(coefficients[o], coefficients[o + 1], coefficients[o + 2], coefficients[o + 3], coefficients[o + 4], w);
  }
  return 10 * Math.log10(magnitudeSquared);
}

function biquadMagnitudeSquared(b0: number, b1: number, b2: number, a1: number, a2: number, w: number): number {
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  const nr = b0 + b1 * c1 + b2 * c2;
  const ni = -(b1 * s1 + b2 * s2);
  const dr = 1 + a1 * c1 + a2 * c2;
  const di = -(a1 * s1 + a2 * s2);
  return (nr * nr + ni * ni) / (dr * dr + di * di);
}

/**
 * Runs `data[start..end)` through the K-weighting cascade of one channel and returns the sum of
 * the squared filter outputs (the numerator of BS.1770 eq. (1)); the filtered signal itself
 * is not stored. Both biquads are transposed direct form II; the channel's 4 state values live
 * at `state[offset..offset + 4)` and carry over between calls, so a signal split into blocks
 * of any size gives the same result as one call.
 *
 * Thread: audio-thread safe, no allocation. Failure: TypeError / RangeError for wrong argument
 * types or indices out of range (a few comparisons per call); sample values are not checked:
 * the input must be finite (a NaN or ±Infinity would poison the state: sanitize first, as
 * LoudnessMeter does).
 *
 * @param coefficients as returned by {@link designKWeighting}
 * @param state caller-owned filter state, {@link K_WEIGHTING_STATE_LENGTH} slots per channel
 * @param offset index of this channel's first state slot
 * @param data input samples (full scale = 1.0)
 * @param start first sample index (inclusive)
 * @param end last sample index (exclusive)
 * @returns Σ y² over the processed samples (full-scale-squared units)
 */
export function kWeightedSumOfSquares(coefficients: Float64Array, state: Float64Array, offset: number, data: Float32Array, start: number, end: number): number {
  checkKernel('kWeightedSumOfSquares', coefficients, state, offset);
  checkSpan('kWeightedSumOfSquares', data, start, end);
  const sb0 = coefficients[0],
    sb1 = coefficients[1],
    sb2 = coefficients[2];
  const sa1 = coefficients[3],
    sa2 = coefficients[4];
  const hb0 = coefficients[5],
    hb1 = coefficients[6],
    hb2 = coefficients[7];
  const ha1 = coefficients[8],
    ha2 = coefficients[9];
  let s1 = state[offset],
    s2 = state[offset + 1];
  let h1 = state[offset + 2],
    h2 = state[offset + 3];
  let sum = 0;
  for (let i = start; i < end; i++) {
    const x = data[i];
    const u = sb0 * x + s1;
    s1 = sb1 * x - sa1 * u + s2;
    s2 = sb2 * x - sa2 * u;
    const y = hb0 * u + h1;
    h1 = hb1 * u - ha1 * y + h2;
    h2 = hb2 * u - ha2 * y;
    sum += y * y;
  }
  state[offset] = s1;
  state[offset + 1] = s2;
  state[offset + 2] = h1;
  state[offset + 3] = h2;
  return sum;
}

/**
 * {@link kWeightedSumOfSquares} for two channels at once: filters `a[start..end)` with the state
 * at `offsetA` and `b[start..end)` with the state at `offsetB`, and writes the two Σ y² to
 * `out[0]` and `out[1]`. Each channel's arithmetic is exactly that of the one-channel kernel (so
 * are its results, to the bit); the two recursions run interleaved in one loop, so their
 * latencies overlap. Both arrays must hold at least `end` samples, finite.
 *
 * Thread: audio-thread safe, no allocation.
 */
export function kWeightedSumsOfSquaresPair(
  coefficients: Float64Array,
  state: Float64Array,
  offsetA: number,
  a: Float32Array,
  offsetB: number,
  b: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  checkKernel('kWeightedSumsOfSquaresPair', coefficients, state, offsetA);
  checkState('kWeightedSumsOfSquaresPair', state, offsetB);
  checkSpan('kWeightedSumsOfSquaresPair (a)', a, start, end);
  checkSpan('kWeightedSumsOfSquaresPair (b)', b, start, end);
  if (!(out instanceof Float64Array) || out.length < 2) {
    throw new TypeError(`kWeightedSumsOfSquaresPair: out must be a Float64Array of at least 2 values, got ${describeValue(out)}`);
  }
  const sb0 = coefficients[0],
    sb1 = coefficients[1],
    sb2 = coefficients[2];
  const sa1 = coefficients[3],
    sa2 = coefficients[4];
  const hb0 = coefficients[5],
    hb1 = coefficients[6],
    hb2 = coefficients[7];
  const ha1 = coefficients[8],
    ha2 = coefficients[9];
  let s1 = state[offsetA],
    s2 = state[offsetA + 1];
  let h1 = state[offsetA + 2],
    h2 = state[offsetA + 3];
  let t1 = state[offsetB],
    t2 = state[offsetB + 1];
  let g1 = state[offsetB + 2],
    g2 = state[offsetB + 3];
  let sumA = 0;
  let sumB = 0;
  for (let i = start; i < end; i++) {
    const x = a[i];
    const z = b[i];
    const u = sb0 * x + s1;
    const v = sb0 * z + t1;
    s1 = sb1 * x - sa1 * u + s2;
    t1 = sb1 * z - sa1 * v + t2;
    s2 = sb2 * x - sa2 * u;
    t2 = sb2 * z - sa2 * v;
    const y = hb0 * u + h1;
    const w = hb0 * v + g1;
    h1 = hb1 * u - ha1 * y + h2;
    g1 = hb1 * v - ha1 * w + g2;
    h2 = hb2 * u - ha2 * y;
    g2 = hb2 * v - ha2 * w;
    sumA += y * y;
    sumB += w * w;
  }
  state[offsetA] = s1;
  state[offsetA + 1] = s2;
  state[offsetA + 2] = h1;
  state[offsetA + 3] = h2;
  state[offsetB] = t1;
  state[offsetB + 1] = t2;
  state[offsetB + 2] = g1;
  state[offsetB + 3] = g2;
  out[0] = sumA;
  out[1] = sumB;
}

/**
 * Flushes one channel's K-weighting state to exactly 0 where its magnitude is below 1e-20
 * (−400 dB). Call it at regular points of the sample timeline (LoudnessMeter does at every
 * 5 ms sub-block boundary): the IIR tail then reaches true digital silence instead of decaying
 * into subnormal numbers, which are slow on many CPUs. Calling it at fixed sample positions,
 * not per process() call, keeps results independent of the caller's block size.
 *
 * Thread: audio-thread safe, no allocation.
 */
export function flushKWeightingState(state: Float64Array, offset: number): void {
  checkState('flushKWeightingState', state, offset);
  for (let i = offset; i < offset + K_WEIGHTING_STATE_LENGTH; i++) {
    if (Math.abs(state[i]) < FLUSH_THRESHOLD) state[i] = 0;
  }
}

function checkCoefficients(owner: string, coefficients: Float64Array): void {
  if (!(coefficients instanceof Float64Array) || coefficients.length < K_WEIGHTING_COEFFICIENT_COUNT) {
    throw new TypeError(
      `${owner}: coefficients must be a Float64Array of ${K_WEIGHTING_COEFFICIENT_COUNT} values from designKWeighting, got ${describeValue(coefficients)}`,
    );
  }
}

function checkState(owner: string, state: Float64Array, offset: number): void {
  if (!(state instanceof Float64Array)) throw new TypeError(`${owner}: state must be a Float64Array, got ${describeValue(state)}`);
  if (!(typeof offset === 'number' && offset >= 0 && offset === Math.floor(offset) && offset + K_WEIGHTING_STATE_LENGTH <= state.length)) {
    throw new RangeError(
      `${owner}: offset must be an integer from 0 to ${state.length - K_WEIGHTING_STATE_LENGTH} (${K_WEIGHTING_STATE_LENGTH} state values), got ${describeValue(offset)}`,
    );
  }
}

function checkKernel(owner: string, coefficients: Float64Array, state: Float64Array, offset: number): void {
  checkCoefficients(owner, coefficients);
  checkState(owner, state, offset);
}
