/**
 * Broadcast loudness meter: ITU-R BS.1770-4/-5 loudness with EBU Tech 3341 ('EBU Mode')
 * momentary, short-term and gated integrated loudness, EBU Tech 3342 loudness range and
 * BS.1770 Annex 2 true peak, for sample rates from 8 to 768 kHz and up to 64 channels.
 *
 * Length (≈370 lines): one meter with its block/gating state machine, option checks and readings;
 * the K-weighting kernel, the gating histogram and the standards' figures are their own modules.
 */
import { K_WEIGHTING_STATE_LENGTH, designKWeighting, flushKWeightingState, kWeightedSumOfSquares, kWeightedSumsOfSquaresPair } from './k-weighting';
import { LOUDNESS_OFFSET_DB, LoudnessHistogram } from './loudness-histogram';
import { TruePeakMeter } from './true-peak';
import { checkInteger, checkNumber, describeValue, checkChannelBlock, checkOptions, checkOut } from './validate';
import {
  LOUDNESS_MIN_SAMPLE_RATE,
  LOUDNESS_MAX_SAMPLE_RATE,
  LOUDNESS_MAX_CHANNELS,
  LOUDNESS_READING_COUNT,
  ABSOLUTE_GATE_ENERGY,
  INTEGRATED_RELATIVE_GATE_LU,
  RANGE_RELATIVE_GATE_LU,
  SUB_BLOCKS_PER_HOP,
  MOMENTARY_SUB_BLOCKS,
  SHORT_TERM_SUB_BLOCKS,
  DEFAULT_WEIGHTS_5,
  DEFAULT_WEIGHTS_6,
  type LoudnessMeterOptions,
} from './loudness-options';

export {
  LOUDNESS_MIN_SAMPLE_RATE,
  LOUDNESS_MAX_SAMPLE_RATE,
  LOUDNESS_MAX_CHANNELS,
  LOUDNESS_READING_COUNT,
  type LoudnessMeterOptions,
} from './loudness-options';

/** Indices into LoudnessMeter's `energy` and `statistics` arrays. */
const MOMENTARY = 0;
const SHORT_TERM = 1;
const MAX_MOMENTARY = 2;
const MAX_SHORT_TERM = 3;
const INTEGRATED = 0;
const RANGE = 1;

/**
 * EBU R 128 / ITU-R BS.1770 loudness meter ('EBU Mode', EBU Tech 3341).
 *
 * - Momentary (M): 400 ms sliding rectangular window; short-term (S): 3 s. Both are updated
 *   every 5 ms of input (1/20 of the 100 ms hop), so a maximum is never missed by more than a
 *   2.5 ms window misalignment (≤ 0.03 dB for M). The windows are exactly 4 and 30 hops of
 *   `round(sampleRate / 10)` samples. Not gated (Tech 3341 §2.2).
 * - Integrated (I): BS.1770 gating of 400 ms blocks every 100 ms, absolute gate −70 LUFS,
 *   relative gate −10 LU; incomplete blocks at the end are not used (Tech 3341 §2.3).
 * - Loudness range (LRA): EBU Tech 3342, short-term values every 100 ms (10 Hz), absolute
 *   gate −70 LUFS, relative gate −20 LU, 95th minus 10th percentile.
 * - True peak: BS.1770 Annex 2 via {@link TruePeakMeter} (oversampled rate ≥ 192 kHz).
 *
 * Memory is bounded for any duration (hours): I and LRA come from histograms of 0.01 LU bins
 * (see loudness-histogram.ts; error < 0.01 LU), ≈ 180 kB per meter, all allocated here.
 * K-weighting at rates other than 48 kHz follows the analog prototype (see k-weighting.ts):
 * a 1 kHz tone reads within 0.04 dB of its 48 kHz reading at any supported rate.
 *
 * Thread: the constructor allocates; `process`, `readInto`, `reset` and `resetIntegrated` are
 * allocation-free and safe on the audio thread (long inputs are walked in 5 ms chunks). The
 * getters compute the same values but may allocate a heap number per call in V8: on the
 * audio thread read with `readInto`. `integrated` and `loudnessRange` rescan part of a
 * histogram at most once per 100 ms of input and are cached otherwise.
 *
 * Failure: bad options and mismatched input throw RangeError (option, value, valid range).
 * NaN and ±Infinity samples are counted in {@link nonFiniteSamples} and read as 0: they
 * never poison a reading, which recovers as soon as the window has passed them.
 */
export class LoudnessMeter {
  readonly sampleRate: number;
  readonly channels: number;
  /** Channel weights in use (a copy of the option or the default). */
  readonly channelWeights: readonly number[];
  /** Number of NaN / ±Infinity input samples since reset (each read as 0). */
  nonFiniteSamples = 0;

  private readonly weights: Float64Array;
  private readonly coefficients: Float64Array;
  private readonly filterState: Float64Array;
  private readonly peaks: TruePeakMeter;
  private readonly hopLength: number;
  private readonly subBlockLengths: Int32Array;
  /** Σ Gi·Σy² of each of the last 600 sub-blocks (3 s), a ring; oldest at ringPosition. */
  private readonly ring = new Float64Array(SHORT_TERM_SUB_BLOCKS);
  private readonly scratch: Float32Array;
  /** The two sums of {@link kWeightedSumsOfSquaresPair}. */
  private readonly pairSums = new Float64Array(2);
  /** Mean-square energies Σ Gi·zi: momentary, short-term, max momentary, max short-term. */
  private readonly energy = new Float64Array(4);
  /** Cached integrated loudness (LUFS) and loudness range (LU). */
  private readonly statistics = Float64Array.of(-Infinity, 0);
  private readonly gating = new LoudnessHistogram(true);
  private readonly range = new LoudnessHistogram(false);

  private ringPosition = 0;
  private subBlockEnergy = 0;
  private subBlockPhase = 0;
  private subBlockRemaining = 0;
  private subBlocksSinceReset = 0;
  /** Complete sub-blocks of the current I / LRA measurement (−1 while in a partial one). */
  private measuredSubBlocks = 0;
  private integratedDirty = false;
  private rangeDirty = false;

  constructor(options: LoudnessMeterOptions) {
    checkOptions('LoudnessMeter', options, 'sampleRate and channels');
    const { sampleRate, channels, channelWeights } = options;
    checkNumber('LoudnessMeter: sampleRate', sampleRate, LOUDNESS_MIN_SAMPLE_RATE, LOUDNESS_MAX_SAMPLE_RATE, 'Hz');
    checkInteger('LoudnessMeter: channels', channels, 1, LOUDNESS_MAX_CHANNELS);
    let weights: number[];
    if (channelWeights === undefined) {
      weights = channels === 5 ? DEFAULT_WEIGHTS_5 : channels === 6 ? DEFAULT_WEIGHTS_6 : new Array<number>(channels).fill(1);
    } else {
      if (!Array.isArray(channelWeights) || channelWeights.length !== channels) {
        throw new RangeError(`LoudnessMeter: channelWeights must be an array of ${channels} numbers (one per channel), got ${describeValue(channelWeights)}`);
      }
      for (let i = 0; i < channels; i++) {
        const w: unknown = channelWeights[i];
        if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
          throw new RangeError(`LoudnessMeter: channelWeights[${i}] must be a finite number >= 0, got ${describeValue(w)}`);
        }
      }
      weights = channelWeights;
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.channelWeights = Object.freeze(weights.slice());
    this.weights = Float64Array.from(weights);
    this.coefficients = designKWeighting(sampleRate);
    this.filterState = new Float64Array(channels * K_WEIGHTING_STATE_LENGTH);
    this.peaks = new TruePeakMeter({ sampleRate, channels });
    this.hopLength = Math.round(sampleRate / 10);
    // Sub-block j of every hop spans [floor(j·H/20), floor((j+1)·H/20)): 20 of them make H.
    this.subBlockLengths = new Int32Array(SUB_BLOCKS_PER_HOP);
    for (let j = 0; j < SUB_BLOCKS_PER_HOP; j++) {
      this.subBlockLengths[j] = Math.floor(((j + 1) * this.hopLength) / SUB_BLOCKS_PER_HOP) - Math.floor((j * this.hopLength) / SUB_BLOCKS_PER_HOP);
    }
    this.scratch = new Float32Array(Math.ceil(this.hopLength / SUB_BLOCKS_PER_HOP));
    this.reset();
  }

  /**
   * Measures one block: one Float32Array per channel (full scale = 1.0), equal lengths, any
   * length from 0 (a no-op) to hours. Failure (caller bugs only, before anything is measured):
   * TypeError unless `input` is an array of Float32Arrays, RangeError if the number of arrays
   * differs from `channels` or their lengths differ. Sample values never throw.
   */
  process(input: readonly Float32Array[]): void {
    const length = checkChannelBlock(input, this.channels, 'LoudnessMeter.process');
    let position = 0;
    while (position < length) {
      const end = Math.min(length, position + this.subBlockRemaining);
      let energy = 0;
      for (let ch = 0; ch < this.channels; ch++) {
        let data = input[ch];
        let start = position;
        let stop = end;
        const bad = countNonFinite(data, start, stop);
        const weight = this.weights[ch];
        const next = input[ch + 1];
        if (bad === 0 && weight !== 0 && ch + 1 < this.channels && this.weights[ch + 1] !== 0 && countNonFinite(next, start, stop) === 0) {
          // Two clean weighted channels: their filters run interleaved in one loop (the same
          // arithmetic per channel, so the same sums), and add to the energy in channel order.
          this.peaks.processChannel(ch, data, start, stop);
          this.peaks.processChannel(ch + 1, next, start, stop);
          const sums = this.pairSums;
          const offset = ch * K_WEIGHTING_STATE_LENGTH;
          kWeightedSumsOfSquaresPair(this.coefficients, this.filterState, offset, data, offset + K_WEIGHTING_STATE_LENGTH, next, start, stop, sums);
          energy += weight * sums[0];
          energy += this.weights[ch + 1] * sums[1];
          ch++;
          continue;
        }
        if (bad > 0) {
          this.nonFiniteSamples += bad;
          for (let i = start; i < stop; i++) this.scratch[i - start] = data[i] - data[i] === 0 ? data[i] : 0;
          data = this.scratch;
          stop -= start;
          start = 0;
        }
        this.peaks.processChannel(ch, data, start, stop);
        if (weight !== 0) {
          const offset = ch * K_WEIGHTING_STATE_LENGTH;
          energy += weight * kWeightedSumOfSquares(this.coefficients, this.filterState, offset, data, start, stop);
        }
      }
      this.subBlockEnergy += energy;
      this.subBlockRemaining -= end - position;
      position = end;
      if (this.subBlockRemaining === 0) this.endSubBlock();
    }
  }

  /** Closes a 5 ms sub-block: updates M and S, and at hop boundaries feeds I and LRA. */
  private endSubBlock(): void {
    const ring = this.ring;
    ring[this.ringPosition] = this.subBlockEnergy;
    this.ringPosition = this.ringPosition + 1 === ring.length ? 0 : this.ringPosition + 1;
    this.subBlockEnergy = 0;
    this.subBlockPhase = this.subBlockPhase + 1 === SUB_BLOCKS_PER_HOP ? 0 : this.subBlockPhase + 1;
    this.subBlockRemaining = this.subBlockLengths[this.subBlockPhase];
    this.subBlocksSinceReset++;
    this.measuredSubBlocks++;
    // Flushing at fixed points of the timeline keeps results independent of block sizes.
    for (let ch = 0; ch < this.channels; ch++) flushKWeightingState(this.filterState, ch * K_WEIGHTING_STATE_LENGTH);

    // Re-sum the windows (no running sum: it would drift and never return to exact silence).
    let shortTermSum = 0;
    let momentarySum = 0;
    let index = this.ringPosition; // oldest entry
    for (let i = 0; i < SHORT_TERM_SUB_BLOCKS; i++) {
      shortTermSum += ring[index];
      if (i >= SHORT_TERM_SUB_BLOCKS - MOMENTARY_SUB_BLOCKS) momentarySum += ring[index];
      index = index + 1 === SHORT_TERM_SUB_BLOCKS ? 0 : index + 1;
    }
    // Any 20 consecutive sub-blocks span exactly one hop, so the windows are 4 and 30 hops.
    // The maxima only take windows that lie entirely inside the current measurement.
    const e = this.energy;
    const measured = this.measuredSubBlocks;
    if (this.subBlocksSinceReset >= MOMENTARY_SUB_BLOCKS) {
      e[MOMENTARY] = momentarySum / (4 * this.hopLength);
      if (measured >= MOMENTARY_SUB_BLOCKS && e[MOMENTARY] > e[MAX_MOMENTARY]) e[MAX_MOMENTARY] = e[MOMENTARY];
    }
    if (this.subBlocksSinceReset >= SHORT_TERM_SUB_BLOCKS) {
      e[SHORT_TERM] = shortTermSum / (30 * this.hopLength);
      if (measured >= SHORT_TERM_SUB_BLOCKS && e[SHORT_TERM] > e[MAX_SHORT_TERM]) e[MAX_SHORT_TERM] = e[SHORT_TERM];
    }
    if (measured > 0 && measured % SUB_BLOCKS_PER_HOP === 0) {
      // A BS.1770 gating block is the momentary window at a hop boundary (l > Γa).
      if (measured >= MOMENTARY_SUB_BLOCKS && e[MOMENTARY] > ABSOLUTE_GATE_ENERGY) {
        this.gating.add(e, MOMENTARY);
        this.integratedDirty = true;
      }
      // Tech 3342 §5 keeps short-term values l >= −70 LUFS.
      if (measured >= SHORT_TERM_SUB_BLOCKS && e[SHORT_TERM] >= ABSOLUTE_GATE_ENERGY) {
        this.range.add(e, SHORT_TERM);
        this.rangeDirty = true;
      }
    }
  }

  /** Momentary loudness, LUFS (400 ms); −Infinity before 400 ms of input and in digital silence. */
  get momentary(): number {
    return lufs(this.energy[MOMENTARY]);
  }

  /** Short-term loudness, LUFS (3 s); −Infinity before 3 s of input and in digital silence. */
  get shortTerm(): number {
    return lufs(this.energy[SHORT_TERM]);
  }

  /**
   * Highest momentary loudness since reset / resetIntegrated, LUFS (Tech 3341 §2.1), over the
   * windows that lie entirely after the reset.
   */
  get maxMomentary(): number {
    return lufs(this.energy[MAX_MOMENTARY]);
  }

  /** Highest short-term loudness since reset / resetIntegrated, LUFS, likewise. */
  get maxShortTerm(): number {
    return lufs(this.energy[MAX_SHORT_TERM]);
  }

  /** Gated integrated loudness, LUFS, since reset; −Infinity while no block passes the gates. */
  get integrated(): number {
    this.refreshStatistics();
    return this.statistics[INTEGRATED];
  }

  /** Loudness range, LU (EBU Tech 3342), since reset; 0 until a 3 s block passes the gates. */
  get loudnessRange(): number {
    this.refreshStatistics();
    return this.statistics[RANGE];
  }

  /**
   * Duration of the current integrated / LRA measurement in seconds (since reset or
   * resetIntegrated, in 5 ms steps). Tech 3341 §2.4: flag LRA as not yet stable below 60 s.
   */
  get measuredSeconds(): number {
    return (Math.max(0, this.measuredSubBlocks) * this.hopLength) / (SUB_BLOCKS_PER_HOP * this.sampleRate);
  }

  /** Maximum true peak over all channels since reset, dBTP; −Infinity before any signal. */
  get truePeak(): number {
    return this.peaks.truePeak;
  }

  /** Maximum sample peak over all channels since reset, dBFS; −Infinity before any signal. */
  get samplePeak(): number {
    return this.peaks.samplePeak;
  }

  /**
   * Writes all readings into `out` from `offset`, in this order ({@link LOUDNESS_READING_COUNT}
   * values): momentary, shortTerm, integrated (LUFS), loudnessRange (LU), truePeak (dBTP),
   * samplePeak (dBFS), maxMomentary, maxShortTerm (LUFS). Allocation-free: the read to use on
   * the audio thread. Failure: TypeError unless `out` is a Float64Array, RangeError unless
   * `offset` is an integer leaving room for the values.
   */
  readInto(out: Float64Array, offset = 0): void {
    checkOut('LoudnessMeter.readInto', out, offset, LOUDNESS_READING_COUNT);
    const e = this.energy;
    this.refreshStatistics();
    // Inline conversions: a helper returning a fractional number could allocate (see above).
    out[offset] = e[MOMENTARY] > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(e[MOMENTARY]) : -Infinity;
    out[offset + 1] = e[SHORT_TERM] > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(e[SHORT_TERM]) : -Infinity;
    out[offset + 2] = this.statistics[INTEGRATED];
    out[offset + 3] = this.statistics[RANGE];
    this.peaks.readInto(out, offset + 4);
    out[offset + 6] = e[MAX_MOMENTARY] > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(e[MAX_MOMENTARY]) : -Infinity;
    out[offset + 7] = e[MAX_SHORT_TERM] > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(e[MAX_SHORT_TERM]) : -Infinity;
  }

  /**
   * Starts a new integrated / loudness-range measurement (the Tech 3341 §2.2 reset): clears
   * integrated, LRA, the maxima and the true and sample peaks, but keeps the sliding windows
   * and filter state, so momentary and short-term keep reading without a 3 s blackout. The new
   * measurement's blocks start at the next 5 ms sub-block boundary. Allocation-free.
   */
  resetIntegrated(): void {
    this.gating.clear();
    this.range.clear();
    this.statistics[INTEGRATED] = -Infinity;
    this.statistics[RANGE] = 0;
    this.integratedDirty = false;
    this.rangeDirty = false;
    this.energy[MAX_MOMENTARY] = 0;
    this.energy[MAX_SHORT_TERM] = 0;
    this.peaks.resetPeaks();
    const inPartialSubBlock = this.subBlockRemaining !== this.subBlockLengths[this.subBlockPhase];
    this.measuredSubBlocks = inPartialSubBlock ? -1 : 0;
  }

  /** Clears everything: windows, filters, I, LRA, peaks, maxima, the non-finite count. Allocation-free. */
  reset(): void {
    this.filterState.fill(0);
    this.ring.fill(0);
    this.energy.fill(0);
    this.peaks.reset();
    this.ringPosition = 0;
    this.subBlockEnergy = 0;
    this.subBlockPhase = 0;
    this.subBlockRemaining = this.subBlockLengths[0];
    this.subBlocksSinceReset = 0;
    this.nonFiniteSamples = 0;
    this.resetIntegrated();
  }

  private refreshStatistics(): void {
    if (this.integratedDirty) {
      this.gating.writeGatedLoudness(INTEGRATED_RELATIVE_GATE_LU, this.statistics, INTEGRATED);
      this.integratedDirty = false;
    }
    if (this.rangeDirty) {
      this.range.writeLoudnessRange(RANGE_RELATIVE_GATE_LU, this.statistics, RANGE);
      this.rangeDirty = false;
    }
  }
}

/** Mean-square energy Σ Gi·zi → LUFS (BS.1770 eq. (2)); 0 → −Infinity. */
function lufs(energy: number): number {
  return energy > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(energy) : -Infinity;
}

/** Number of NaN / ±Infinity values in `data[start..end)`. */
function countNonFinite(data: Float32Array, start: number, end: number): number {
  let bad = 0;
  for (let i = start; i < end; i++) {
    const x = data[i];
    if (x - x !== 0) bad++; // x − x is NaN exactly when x is NaN or ±Infinity
  }
  return bad;
}
