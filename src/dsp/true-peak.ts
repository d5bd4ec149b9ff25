/**
 * True-peak level per ITU-R BS.1770-4/-5 Annex 2: oversample, low-pass (interpolate), take the
 * absolute value, report the maximum in dBTP. Floating point is used throughout, so the
 * 12.04 dB head-room attenuation of Annex 2 §3 is unnecessary and omitted.
 *
 * Oversampling factor: the smallest even factor that brings the rate to at least 192 kHz (the
 * oversampled rate BS.1770 Annex 2 §3 asks of a meter that reports dBTP), and at least 2:
 * 4× at 48 kHz, 6× at 44.1 and 32 kHz, 24× at 8 kHz, 4× at 88.2 kHz, 2× at 96 kHz and above.
 * Even, so the half-sample instant is always evaluated: that is where the worst inter-sample
 * peak of a tone at fs/4 lies (Tech 3341 cases 16 and 19), and at ≥ 176.4 kHz a 1× "meter"
 * would read those cases 3 dB low. The worst-case grid under-read for a tone at a given audio
 * frequency is then about the same at every rate (Annex 2, Attachment 1:
 * `20·log10(cos(π·f/fo))`: ≤ 0.47 dB at 20 kHz, ≤ 0.12 dB at 10 kHz at fo = 192 kHz).
 *
 * Interpolation filter: designed here, a Kaiser-windowed sinc (β = 5) with its cut-off at the
 * input Nyquist frequency, 16 taps per polyphase branch, each branch normalised to unity gain
 * at DC. Every branch is within +0.05/−0.03 dB of an ideal fractional delay up to 0.40·fs
 * (the BS.1770 Annex 2 example filter: ±0.24 dB); above that it rolls off (−2.6 dB at
 * 0.45·fs), so a transient made only of content above 0.4·fs may under-read. Its zero phase
 * reproduces the input samples exactly, so only the `factor − 1` in-between phases are
 * computed and the input samples themselves give the sample peak: the true peak never reads
 * below the sample peak.
 *
 * Cost: branches p and factor − p are mirror images, so the kernel folds the 16-sample window
 * once and evaluates each mirror pair with 16 multiplies (24 per input sample at 4×).
 * Interpolation is also skipped while no sample of the window could reach the current peak
 * (`|y| ≤ Σ|h| · max|x|`), which leaves the result bit-identical and makes quiet passages
 * nearly free; the worst case (a signal that keeps setting new peaks) is the full cost.
 *
 * Latency: an interpolated point is evaluated once the 8 input samples after it have
 * arrived (the filter half-length); the sample peak is immediate.
 *
 * Length (≈370 lines): the polyphase filter design and the allocation-free oversampling kernel
 * share one filter bank; split apart they would only pass that private state back and forth.
 */

import { checkInteger, checkNumber, checkChannelBlock, checkOptions, checkOut, checkSpan, describeValue } from './validate';

/** Minimum oversampled rate in Hz (BS.1770 Annex 2 §3). */
export const TRUE_PEAK_MIN_OVERSAMPLED_RATE_HZ = 192_000;
/** Upper limit of the oversampling factor (reached only below 6.2 kHz). */
export const TRUE_PEAK_MAX_FACTOR = 32;
/** Taps of each polyphase branch of the interpolation filter (even). */
export const TRUE_PEAK_TAPS_PER_PHASE = 16;
/** Kaiser window shape parameter of the interpolation filter. */
const KAISER_BETA = 5;
/** The kernel is unrolled for 16 taps. */
const TAPS = 16;

/**
 * Oversampling factor used for a sample rate: the smallest even integer ≥ 192000 / sampleRate,
 * from 2 to 32. Failure: throws a RangeError for a non-finite or non-positive rate.
 */
export function truePeakOversamplingFactor(sampleRate: number): number {
  if (typeof sampleRate !== 'number' || !Number.isFinite(sampleRate) || sampleRate <= 0) {
    throw new RangeError(`truePeakOversamplingFactor: sampleRate must be a finite number above 0 Hz, got ${describeValue(sampleRate)}`);
  }
  // The small epsilon keeps exact divisors (48000 → 4) from rounding up through FP noise.
  const factor = 2 * Math.ceil(TRUE_PEAK_MIN_OVERSAMPLED_RATE_HZ / (2 * sampleRate) - 1e-9);
  return Math.min(TRUE_PEAK_MAX_FACTOR, Math.max(2, factor));
}

/**
 * The polyphase interpolation filter. `coefficients[(p − 1)·T + k]` (p = 1 … factor − 1,
 * k = 0 … T − 1) weights input sample `x[m − T/2 + 1 + k]` to produce the interpolated value
 * at time `m + p / factor` (in input samples). Phase 0 is the identity and is not stored.
 */
export interface TruePeakInterpolator {
  /** Oversampling factor (even, 2 to 32). */
  readonly factor: number;
  /** Taps per polyphase branch, T. */
  readonly tapsPerPhase: number;
  /** (factor − 1) · T coefficients, phase-major. */
  readonly coefficients: Float64Array;
  /** max over phases of Σ|h|: no interpolated value exceeds gainBound · max|input window|. */
  readonly gainBound: number;
}

/**
 * Designs the interpolation filter for a sample rate (see the module comment).
 * Thread: allocates; call at set-up time. Failure: RangeError for a bad sample rate.
 */
export function designTruePeakInterpolator(sampleRate: number): TruePeakInterpolator {
  const factor = truePeakOversamplingFactor(sampleRate);
  const taps = TRUE_PEAK_TAPS_PER_PHASE;
  const half = taps / 2;
  const coefficients = new Float64Array((factor - 1) * taps);
  const windowNorm = besselI0(KAISER_BETA);
  for (let p = 1; p < factor; p++) {
    const row = (p - 1) * taps;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const tau = p / factor - (k - (half - 1)); // distance from the tap's sample, in samples
      const x = Math.PI * tau;
      const sinc = Math.sin(x) / x; // tau is never an integer for p ≠ 0
      const r = tau / half;
      const window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / windowNorm;
      coefficients[row + k] = sinc * window;
      sum += sinc * window;
    }
    for (let k = 0; k < taps; k++) coefficients[row + k] /= sum;
  }
  let gainBound = 1;
  for (let row = 0; row < coefficients.length; row += taps) {
    let sum = 0;
    for (let k = 0; k < taps; k++) sum += Math.abs(coefficients[row + k]);
    gainBound = Math.max(gainBound, sum);
  }
  return { factor, tapsPerPhase: taps, coefficients, gainBound };
}

/**
 * Folds the phases for the kernel (the factor is even): for each mirror pair (p, factor − p),
 * p < factor / 2, 8 "even" weights (h[k] + h[15 − k]) / 2 then 8 "odd" weights
 * (h[k] − h[15 − k]) / 2 of phase p; then the 8 weights h[k] of the symmetric middle phase.
 */
function foldCoefficients(interpolator: TruePeakInterpolator): Float64Array {
  const { factor, coefficients } = interpolator;
  const pairs = factor / 2 - 1;
  const folded = new Float64Array(pairs * TAPS + TAPS / 2);
  for (let pair = 0; pair < pairs; pair++) {
    const row = pair * TAPS; // phase p = pair + 1
    for (let k = 0; k < TAPS / 2; k++) {
      const a = coefficients[row + k];
      const b = coefficients[row + TAPS - 1 - k];
      folded[pair * TAPS + k] = (a + b) / 2;
      folded[pair * TAPS + TAPS / 2 + k] = (a - b) / 2;
    }
  }
  const middleRow = (factor / 2 - 1) * TAPS;
  for (let k = 0; k < TAPS / 2; k++) folded[pairs * TAPS + k] = coefficients[middleRow + k];
  return folded;
}

/** Zeroth-order modified Bessel function of the first kind (power series). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 64; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Converts a linear amplitude to dB; 0 gives −Infinity. */
function toDb(linear: number): number {
  return linear > 0 ? 20 * Math.log10(linear) : -Infinity;
}

/** Construction options of {@link TruePeakMeter}. */
export interface TruePeakMeterOptions {
  /** Sample rate in Hz, from 1 000 to 768 000. */
  sampleRate: number;
  /** Number of channels, integer from 1 to 64. */
  channels: number;
}

/**
 * Multi-channel true-peak meter (BS.1770 Annex 2). Holds the maximum since construction or
 * {@link reset}, per channel and overall.
 *
 * Thread: the constructor allocates; `process`, `processChannel`, `readInto` and the resets are
 * allocation-free and safe on the audio thread (the getters may allocate a heap number in V8:
 * read with `readInto` there). Non-finite samples are treated as 0 (and counted by `process`),
 * so they never poison the reading. State carries across blocks of any size: the same signal
 * in blocks of 1 or 100 000 samples reads the same.
 *
 * Failure: RangeError for bad options (sampleRate from 1 000 to 768 000 Hz, channels from 1
 * to 64) and for mismatched input in `process`.
 */
export class TruePeakMeter {
  /** Oversampling factor in use (see {@link truePeakOversamplingFactor}). */
  readonly factor: number;
  /** Number of channels. */
  readonly channels: number;
  /** Number of NaN / ±Infinity samples seen by {@link process} since reset. */
  nonFiniteSamples = 0;

  private readonly pairCoefficients: Float64Array;
  /** Number of mirror pairs of phases; the middle phase's weights follow them. */
  private readonly pairs: number;
  private readonly gainBound: number;
  /** Per channel, the last 16 samples twice over (a "double ring"), so a window is contiguous. */
  private readonly history: Float64Array;
  private readonly position: Int32Array;
  /** Per channel, how many more windows contain a sample loud enough to matter. */
  private readonly countdown: Int32Array;
  /** Per channel, windows still centred before the last resetPeaks (not counted). */
  private readonly holdoff: Int32Array;
  private readonly interpolatedPeak: Float64Array;
  private readonly samplePeaks: Float64Array;

  constructor(options: TruePeakMeterOptions) {
    checkOptions('TruePeakMeter', options, 'sampleRate and channels');
    const { sampleRate, channels } = options;
    checkNumber('TruePeakMeter: sampleRate', sampleRate, 1000, 768_000, 'Hz');
    checkInteger('TruePeakMeter: channels', channels, 1, 64);
    const interpolator = designTruePeakInterpolator(sampleRate);
    this.factor = interpolator.factor;
    this.pairCoefficients = foldCoefficients(interpolator);
    this.pairs = this.factor / 2 - 1;
    this.gainBound = interpolator.gainBound;
    this.channels = channels;
    this.history = new Float64Array(channels * 2 * TAPS);
    this.position = new Int32Array(channels);
    this.countdown = new Int32Array(channels);
    this.holdoff = new Int32Array(channels);
    this.interpolatedPeak = new Float64Array(channels);
    this.samplePeaks = new Float64Array(channels);
  }

  /**
   * Measures one block: one Float32Array per channel, equal lengths (0 is a no-op).
   * Failure: TypeError unless `input` is an array of Float32Arrays, RangeError if the channel
   * count or lengths do not match. Sample values never throw.
   */
  process(input: readonly Float32Array[]): void {
    const length = checkChannelBlock(input, this.channels, 'TruePeakMeter.process');
    for (let ch = 0; ch < this.channels; ch++) {
      const data = input[ch];
      for (let i = 0; i < length; i++) {
        const x = data[i];
        if (x - x !== 0) this.nonFiniteSamples++; // x − x is NaN only for NaN and ±Infinity
      }
      this.processChannel(ch, data, 0, length);
    }
  }

  /**
   * Measures `data[start..end)` of one channel (full scale = 1.0): the kernel LoudnessMeter
   * uses. NaN and ±Infinity are read as 0 (not counted here). Failure: TypeError unless `data`
   * is a Float32Array, RangeError for a channel or start/end out of range (a few comparisons).
   */
  processChannel(channel: number, data: Float32Array, start: number, end: number): void {
    this.checkChannel('TruePeakMeter.processChannel', channel);
    checkSpan('TruePeakMeter.processChannel', data, start, end);
    const e = this.pairCoefficients;
    const pairs = this.pairs;
    const middle = pairs * TAPS;
    const history = this.history;
    const base = channel * 2 * TAPS;
    const gain = this.gainBound;
    let pos = this.position[channel];
    let countdown = this.countdown[channel];
    let holdoff = this.holdoff[channel];
    let peak = this.interpolatedPeak[channel];
    let samplePeak = this.samplePeaks[channel];
    for (let i = start; i < end; i++) {
      let x = data[i];
      if (x - x !== 0) x = 0; // NaN and ±Infinity (the only values with x − x ≠ 0) read as 0
      history[base + pos] = x;
      history[base + pos + TAPS] = x;
      pos = pos + 1 === TAPS ? 0 : pos + 1;
      const ax = x < 0 ? -x : x;
      if (ax > samplePeak) samplePeak = ax;
      // Skip the interpolation while no sample in the window could lift the reading:
      // |interpolated| ≤ gainBound · max|window| (exact, never changes the result).
      if (ax * gain > (peak > samplePeak ? peak : samplePeak)) countdown = TAPS;
      if (holdoff > 0) {
        holdoff--;
        continue;
      }
      if (countdown === 0) continue;
      countdown--;
      // Window (oldest first) is history[w .. w + 16); fold it around its centre.
      const w = base + pos;
      const h0 = history[w],
        h1 = history[w + 1],
        h2 = history[w + 2],
        h3 = history[w + 3];
      const h4 = history[w + 4],
        h5 = history[w + 5],
        h6 = history[w + 6],
        h7 = history[w + 7];
      const h8 = history[w + 8],
        h9 = history[w + 9],
        h10 = history[w + 10],
        h11 = history[w + 11];
      const h12 = history[w + 12],
        h13 = history[w + 13],
        h14 = history[w + 14],
        h15 = history[w + 15];
      const s0 = h0 + h15,
        s1 = h1 + h14,
        s2 = h2 + h13,
        s3 = h3 + h12;
      const s4 = h4 + h11,
        s5 = h5 + h10,
        s6 = h6 + h9,
        s7 = h7 + h8;
      const d0 = h0 - h15,
        d1 = h1 - h14,
        d2 = h2 - h13,
        d3 = h3 - h12;
      const d4 = h4 - h11,
        d5 = h5 - h10,
        d6 = h6 - h9,
        d7 = h7 - h8;
      for (let r = 0; r < pairs * TAPS; r += TAPS) {
        // Phases p and factor − p share their folded sums: y = even ± odd.
        const even = e[r] * s0 + e[r + 1] * s1 + e[r + 2] * s2 + e[r + 3] * s3 + e[r + 4] * s4 + e[r + 5] * s5 + e[r + 6] * s6 + e[r + 7] * s7;
        const odd = e[r + 8] * d0 + e[r + 9] * d1 + e[r + 10] * d2 + e[r + 11] * d3 + e[r + 12] * d4 + e[r + 13] * d5 + e[r + 14] * d6 + e[r + 15] * d7;
        const y = (even < 0 ? -even : even) + (odd < 0 ? -odd : odd); // max(|even + odd|, |even − odd|)
        if (y > peak) peak = y;
      }
      // The middle phase (half a sample) is symmetric: only the folded sums.
      const y =
        e[middle] * s0 +
        e[middle + 1] * s1 +
        e[middle + 2] * s2 +
        e[middle + 3] * s3 +
        e[middle + 4] * s4 +
        e[middle + 5] * s5 +
        e[middle + 6] * s6 +
        e[middle + 7] * s7;
      if (y > peak) peak = y;
      else if (-y > peak) peak = -y;
    }
    this.position[channel] = pos;
    this.countdown[channel] = countdown;
    this.holdoff[channel] = holdoff;
    this.interpolatedPeak[channel] = peak;
    this.samplePeaks[channel] = samplePeak;
  }

  private checkChannel(owner: string, channel: number): void {
    if (!(typeof channel === 'number' && channel >= 0 && channel < this.channels && channel === Math.floor(channel))) {
      checkInteger(`${owner}: channel`, channel, 0, this.channels - 1);
    }
  }

  /** Linear true peak of one channel (full scale = 1.0), never below its sample peak. RangeError for a bad channel. */
  truePeakLinearOf(channel: number): number {
    this.checkChannel('TruePeakMeter.truePeakLinearOf', channel);
    return Math.max(this.interpolatedPeak[channel], this.samplePeaks[channel]);
  }

  /** Linear sample peak of one channel (full scale = 1.0). */
  samplePeakLinearOf(channel: number): number {
    this.checkChannel('TruePeakMeter.samplePeakLinearOf', channel);
    return this.samplePeaks[channel];
  }

  /** Linear true peak, maximum over all channels. */
  get truePeakLinear(): number {
    let max = 0;
    for (let ch = 0; ch < this.channels; ch++) max = Math.max(max, this.truePeakLinearOf(ch));
    return max;
  }

  /** Linear sample peak, maximum over all channels. */
  get samplePeakLinear(): number {
    let max = 0;
    for (let ch = 0; ch < this.channels; ch++) max = Math.max(max, this.samplePeaks[ch]);
    return max;
  }

  /** True peak in dBTP, maximum over all channels since reset; −Infinity before any non-zero sample. */
  get truePeak(): number {
    return toDb(this.truePeakLinear);
  }

  /** Sample peak in dBFS, maximum over all channels since reset; −Infinity before any non-zero sample. */
  get samplePeak(): number {
    return toDb(this.samplePeakLinear);
  }

  /**
   * Writes [true peak dBTP, sample peak dBFS] (maxima over all channels, −Infinity before any
   * signal) to `out[offset]` and `out[offset + 1]`. Allocation-free: the read to use on the
   * audio thread (a getter returning a fractional number may allocate a heap number).
   */
  readInto(out: Float64Array, offset = 0): void {
    checkOut('TruePeakMeter.readInto', out, offset, 2);
    let truePeak = 0;
    let samplePeak = 0;
    for (let ch = 0; ch < this.channels; ch++) {
      if (this.interpolatedPeak[ch] > truePeak) truePeak = this.interpolatedPeak[ch];
      if (this.samplePeaks[ch] > samplePeak) samplePeak = this.samplePeaks[ch];
    }
    if (samplePeak > truePeak) truePeak = samplePeak;
    out[offset] = truePeak > 0 ? 20 * Math.log10(truePeak) : -Infinity;
    out[offset + 1] = samplePeak > 0 ? 20 * Math.log10(samplePeak) : -Infinity;
  }

  /** Clears the peaks, the filter history and the non-finite count. Allocation-free. */
  reset(): void {
    this.history.fill(0);
    this.position.fill(0);
    this.countdown.fill(0);
    this.holdoff.fill(0);
    this.interpolatedPeak.fill(0);
    this.samplePeaks.fill(0);
    this.nonFiniteSamples = 0;
  }

  /**
   * Clears the held peaks but keeps the filter history: the waveform reconstructed from the
   * next sample on still sees the samples before it. Points between two samples that both
   * precede the reset are not counted. Allocation-free.
   */
  resetPeaks(): void {
    this.interpolatedPeak.fill(0);
    this.samplePeaks.fill(0);
    // With the peaks at 0 every sample in the window matters again.
    this.countdown.fill(TAPS);
    // The window at a new sample n is centred between x[n − 8] and x[n − 7]: the first
    // interval that reaches past the reset, [x[r − 1], x[r]], is centred at n = r + 7.
    this.holdoff.fill(TAPS / 2 - 1);
  }
}
