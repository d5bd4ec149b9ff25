/**
 * A one-third-octave real-time analyser: the 31 base-10 bands from 20 Hz to 20 kHz
 * ({@link THIRD_OCTAVE_BANDS}; filters, class 1 and the multirate structure in octave-bands.ts),
 * a band level with exponential time weighting, and a peak hold per band.
 *
 * Levels: the mean square of each band's output, exponentially time-weighted sample by sample at
 * the band's rate with the sound-level-meter time constants (IEC 61672-1: fast τ = 125 ms, slow
 * τ = 1 s), averaged over the channels (power mean: a stereo track with the same signal in both
 * channels reads as one channel; antiphase does not cancel). In dB relative to a full-scale
 * sine: a sine of amplitude A at a band's centre reads 20·log10(A) in that band (the RMS + 3.01
 * dB of AES17), silence −Infinity.
 *
 * Hold: per band the highest level, held `holdMs` (default 1500, `Infinity` = until reset),
 * then falling at `fallDbPerSecond` (default 20 dB / 1.7 s, as the level meters) until it meets
 * the level. Updated once per `process` call (a render quantum: 2.7 ms at 48 kHz) from the
 * weighted level, which moves less than 0.1 dB in that time.
 *
 * Cost: about 40 biquad sections per input sample per channel (the top six bands at the full
 * rate, three more per halving, the decimation filters), measured in `npm run bench`.
 *
 * Thread: construction allocates; `process`, `readInto`, `levelDb`, `holdDb`, `resetHolds`
 * and `reset` allocate nothing: safe on the audio thread. Non-finite samples are measured as 0
 * (counted in `nonFinite`); subnormal filter states are flushed to zero after every call.
 */
import { BAND_COUNT, MAX_BAND_SECTIONS, DECIMATOR_SECTIONS, SECTION, designBand, decimatorSections, placeBands } from './octave-bands';
import { checkInteger, checkNumber, checkOneOf, checkOptions, checkChannelBlock, describeValue } from './validate';

/** Sound level meter time weightings (IEC 61672-1). */
export type TimeWeighting = 'fast' | 'slow';

export const TIME_WEIGHTINGS: readonly TimeWeighting[] = Object.freeze(['fast', 'slow'] as const);

/** Time constant of a weighting, seconds. */
export const TIME_CONSTANT_S: Readonly<Record<TimeWeighting, number>> = Object.freeze({ fast: 0.125, slow: 1 });

/** Options of {@link SpectrumAnalyzer}. Only `sampleRate` is required. */
export interface SpectrumAnalyzerOptions {
  /** Sample rate in Hz, 8000 to 384000. */
  sampleRate: number;
  /** Channels, 1 to 8 (their band powers are averaged). Default 1. */
  channels?: number;
  /** `'fast'` (125 ms, default) or `'slow'` (1 s). */
  timeWeighting?: TimeWeighting;
  /** How long a band's peak hold stays, ms, 0 to 60,000 or `Infinity`. Default 1500. */
  holdMs?: number;
  /** How fast a hold falls afterwards, dB/s, 0.1 to 1000. Default 20 / 1.7 ≈ 11.76. */
  fallDbPerSecond?: number;
}

const FLUSH = 1e-30;

export class SpectrumAnalyzer {
  readonly sampleRate: number;
  readonly channels: number;
  readonly timeWeighting: TimeWeighting;
  readonly holdMs: number;
  readonly fallDbPerSecond: number;
  /** Non-finite input samples seen (measured as 0). */
  nonFinite = 0;

  /** Stages (rates fs / 2^k) the bands run at. */
  private readonly stages: number;
  /** Bands of each stage, as [start, end) into `order`. */
  private readonly stageStart: Int32Array;
  private readonly order: Int32Array;
  /** Band filter coefficients, band-major: MAX_BAND_SECTIONS × SECTION per band (the first `sections[b]` used). */
  private readonly bandCoef: Float64Array;
  /** Sections of each band's filter. */
  private readonly sections: Int32Array;
  private readonly decCoef: Float64Array;
  /** Per channel: band states (2 per section), decimator states, the decimation phase per stage. */
  private readonly bandState: Float64Array;
  private readonly decState: Float64Array;
  private readonly phase: Int32Array;
  /** Per channel and band: the weighted mean square. */
  private readonly power: Float64Array;
  /** Per band: the weighting coefficient at the band's rate. */
  private readonly alpha: Float64Array;
  /** Per band: the held mean square (channel mean) and the samples it stays for. */
  private readonly hold: Float64Array;
  private readonly holdLeft: Float64Array;
  private readonly holdSamples: number;
  /** Hold fall per input sample, as a power factor. */
  private readonly fallPerSample: number;

  constructor(options: SpectrumAnalyzerOptions) {
    checkOptions('SpectrumAnalyzer', options, 'sampleRate');
    const fs = checkNumber('SpectrumAnalyzer: sampleRate', options.sampleRate, 8000, 384000, 'Hz');
    this.sampleRate = fs;
    this.channels = checkInteger('SpectrumAnalyzer: channels', options.channels ?? 1, 1, 8);
    this.timeWeighting = checkOneOf('SpectrumAnalyzer: timeWeighting', options.timeWeighting ?? 'fast', TIME_WEIGHTINGS);
    this.holdMs = checkNumber('SpectrumAnalyzer: holdMs', options.holdMs ?? 1500, 0, 60000, 'ms', true);
    this.fallDbPerSecond = checkNumber('SpectrumAnalyzer: fallDbPerSecond', options.fallDbPerSecond ?? 20 / 1.7, 0.1, 1000, 'dB/s');
    if (this.holdMs === -Infinity) throw new RangeError(`SpectrumAnalyzer: holdMs must be 0 to 60000 ms or Infinity, got ${describeValue(options.holdMs)}`);

    const placement = placeBands(fs);
    this.stages = Math.max(...placement.map((p) => p.stage)) + 1;
    this.stageStart = new Int32Array(this.stages + 1);
    this.order = new Int32Array(BAND_COUNT);
    let n = 0;
    for (let s = 0; s < this.stages; s++) {
      this.stageStart[s] = n;
      for (let b = BAND_COUNT - 1; b >= 0; b--) if (placement[b].stage === s) this.order[n++] = b;
    }
    this.stageStart[this.stages] = n;
    this.bandCoef = new Float64Array(BAND_COUNT * MAX_BAND_SECTIONS * SECTION);
    this.sections = new Int32Array(BAND_COUNT);
    this.alpha = new Float64Array(BAND_COUNT);
    const tau = TIME_CONSTANT_S[this.timeWeighting];
    for (let b = 0; b < BAND_COUNT; b++) {
      const coef = designBand(b, placement[b].rate, placement[b].highPass);
      this.bandCoef.set(coef, b * MAX_BAND_SECTIONS * SECTION);
      this.sections[b] = coef.length / SECTION;
      this.alpha[b] = 1 - Math.exp(-1 / (tau * placement[b].rate));
    }
    this.decCoef = decimatorSections();
    this.bandState = new Float64Array(this.channels * BAND_COUNT * MAX_BAND_SECTIONS * 2);
    this.decState = new Float64Array(this.channels * this.stages * DECIMATOR_SECTIONS * 2);
    this.phase = new Int32Array(this.channels * this.stages);
    this.power = new Float64Array(this.channels * BAND_COUNT);
    this.hold = new Float64Array(BAND_COUNT);
    this.holdLeft = new Float64Array(BAND_COUNT);
    this.holdSamples = (this.holdMs / 1000) * fs;
    this.fallPerSample = 10 ** (-this.fallDbPerSecond / 10 / fs);
  }

  /** Measures `end − start` samples of every channel (one Float32Array per channel, equal lengths). */
  process(input: readonly Float32Array[], start = 0, end?: number): void {
    const length = checkChannelBlock(input, this.channels, 'SpectrumAnalyzer.process');
    const stop = end ?? length;
    if (!Number.isInteger(start) || !Number.isInteger(stop) || start < 0 || stop < start || stop > length) {
      throw new RangeError(`SpectrumAnalyzer.process: start and end must be integers with 0 ≤ start ≤ end ≤ ${length}, got ${start} and ${stop}`);
    }
    if (stop === start) return;
    for (let ch = 0; ch < this.channels; ch++) this.processChannel(ch, input[ch], start, stop);
    this.updateHolds(stop - start);
  }

  private processChannel(ch: number, x: Float32Array, start: number, stop: number): void {
    const { bandCoef, sections, decCoef, bandState, decState, phase, power, alpha, order, stageStart, stages } = this;
    const bandBase = ch * BAND_COUNT * MAX_BAND_SECTIONS * 2;
    const decBase = ch * stages * DECIMATOR_SECTIONS * 2;
    const powBase = ch * BAND_COUNT;
    const phaseBase = ch * stages;
    for (let i = start; i < stop; i++) {
      let v = x[i];
      if (v - v !== 0) {
        this.nonFinite++;
        v = 0;
      }
      for (let s = 0; s < stages; s++) {
        // The bands of this stage.
        for (let k = stageStart[s]; k < stageStart[s + 1]; k++) {
          const b = order[k];
          let y = v;
          let c = b * MAX_BAND_SECTIONS * SECTION;
          let z = bandBase + b * MAX_BAND_SECTIONS * 2;
          for (let q = 0, n = sections[b]; q < n; q++, c += SECTION, z += 2) {
            const out = bandCoef[c] * y + bandState[z];
            bandState[z] = bandCoef[c + 1] * y - bandCoef[c + 3] * out + bandState[z + 1];
            bandState[z + 1] = bandCoef[c + 2] * y - bandCoef[c + 4] * out;
            y = out;
          }
          const p = powBase + b;
          power[p] += alpha[b] * (y * y - power[p]);
        }
        if (s === stages - 1) break;
        // Anti-alias filter, then keep every second sample for the next stage.
        let z = decBase + s * DECIMATOR_SECTIONS * 2;
        for (let q = 0, c = 0; q < DECIMATOR_SECTIONS; q++, c += SECTION, z += 2) {
          const out = decCoef[c] * v + decState[z];
          decState[z] = decCoef[c + 1] * v - decCoef[c + 3] * out + decState[z + 1];
          decState[z + 1] = decCoef[c + 2] * v - decCoef[c + 4] * out;
          v = out;
        }
        const ph = phaseBase + s;
        phase[ph] ^= 1;
        if (phase[ph] === 1) break;
      }
    }
    // Flush subnormal-bound states (silence decays towards them) so they never slow the loop.
    for (let k = bandBase, e = bandBase + BAND_COUNT * MAX_BAND_SECTIONS * 2; k < e; k++) if (bandState[k] < FLUSH && bandState[k] > -FLUSH) bandState[k] = 0;
    for (let k = decBase, e = decBase + stages * DECIMATOR_SECTIONS * 2; k < e; k++) if (decState[k] < FLUSH && decState[k] > -FLUSH) decState[k] = 0;
    for (let k = powBase; k < powBase + BAND_COUNT; k++) if (power[k] < FLUSH * FLUSH) power[k] = 0;
  }

  private updateHolds(samples: number): void {
    const fall = this.fallPerSample ** samples;
    for (let b = 0; b < BAND_COUNT; b++) {
      const level = this.meanPower(b);
      if (level >= this.hold[b]) {
        this.hold[b] = level;
        this.holdLeft[b] = this.holdSamples;
      } else if (this.holdLeft[b] > 0) {
        this.holdLeft[b] -= samples;
      } else {
        const fallen = this.hold[b] * fall;
        this.hold[b] = fallen > level ? fallen : level;
      }
    }
  }

  private meanPower(band: number): number {
    let sum = 0;
    for (let ch = 0; ch < this.channels; ch++) sum += this.power[ch * BAND_COUNT + band];
    return sum / this.channels;
  }

  /** Level of `band` (0 = 20 Hz … 30 = 20 kHz), dB re a full-scale sine; −Infinity in silence. */
  levelDb(band: number): number {
    return dbOfMeanSquare(this.meanPower(checkBand(band)));
  }

  /** Peak hold of `band`, dB re a full-scale sine. */
  holdDb(band: number): number {
    return dbOfMeanSquare(this.hold[checkBand(band)]);
  }

  /** Writes the 31 levels and holds (dB) into `levels` and `holds` from `offset` (no allocation). */
  readInto(levels: Float32Array | Float64Array, holds?: Float32Array | Float64Array, offset = 0): void {
    if (levels.length < offset + BAND_COUNT || (holds !== undefined && holds.length < offset + BAND_COUNT)) {
      throw new RangeError(`SpectrumAnalyzer.readInto: arrays must hold ${BAND_COUNT} values from offset ${offset}`);
    }
    for (let b = 0; b < BAND_COUNT; b++) {
      levels[offset + b] = dbOfMeanSquare(this.meanPower(b));
      if (holds !== undefined) holds[offset + b] = dbOfMeanSquare(this.hold[b]);
    }
  }

  /** Drops every hold to the current level. */
  resetHolds(): void {
    for (let b = 0; b < BAND_COUNT; b++) {
      this.hold[b] = this.meanPower(b);
      this.holdLeft[b] = 0;
    }
  }

  /** Back to silence: filter states, levels and holds. */
  reset(): void {
    this.bandState.fill(0);
    this.decState.fill(0);
    this.phase.fill(0);
    this.power.fill(0);
    this.hold.fill(0);
    this.holdLeft.fill(0);
    this.nonFinite = 0;
  }
}

/** dB re a full-scale sine of a mean square (a sine of amplitude A has mean square A²/2). */
export function dbOfMeanSquare(meanSquare: number): number {
  return meanSquare > 0 ? 10 * Math.log10(2 * meanSquare) : -Infinity;
}

function checkBand(band: number): number {
  return checkInteger('SpectrumAnalyzer: band', band, 0, BAND_COUNT - 1);
}
