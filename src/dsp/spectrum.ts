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
import { BAND_COUNT, MAX_BAND_SECTIONS, SECTION, designBand, decimatorSections, placeBands } from './octave-bands';
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
/** Samples processed per inner pass (the work buffers' length). */
const CHUNK = 1024;

/** Lanes filtered together: independent filters share one loop so their recursions overlap. */
const LANES = 4;

/**
 * Runs four independent cascades of `count` biquad sections (transposed direct form II) over
 * `n` samples in one loop per section, so the four recursions — each bound by its own latency —
 * run side by side. Lane j's sections are `coef[c0 + (j·MAX + q)·5 …]` (identity sections pad a
 * shorter cascade), its state `state[z0 + (j·MAX + q)·2 …]`; lane j reads `input` for its first
 * section and its own output after that, and leaves its result in `out[j]`.
 */
function lanes4(
  coef: Float64Array,
  c0: number,
  count: number,
  state: Float64Array,
  z0: number,
  input: Float64Array,
  o0: Float64Array,
  o1: Float64Array,
  o2: Float64Array,
  o3: Float64Array,
  n: number,
): void {
  const M = MAX_BAND_SECTIONS;
  for (let q = 0; q < count; q++) {
    const i0 = q === 0 ? input : o0;
    const i1 = q === 0 ? input : o1;
    const i2 = q === 0 ? input : o2;
    const i3 = q === 0 ? input : o3;
    const ca = c0 + q * SECTION;
    const cb = ca + M * SECTION;
    const cc = cb + M * SECTION;
    const cd = cc + M * SECTION;
    const za = z0 + q * 2;
    const zb = za + M * 2;
    const zc = zb + M * 2;
    const zd = zc + M * 2;
    const a0 = coef[ca],
      a1 = coef[ca + 1],
      a2 = coef[ca + 2],
      a3 = coef[ca + 3],
      a4 = coef[ca + 4];
    const b0 = coef[cb],
      b1 = coef[cb + 1],
      b2 = coef[cb + 2],
      b3 = coef[cb + 3],
      b4 = coef[cb + 4];
    const c0_ = coef[cc],
      c1 = coef[cc + 1],
      c2 = coef[cc + 2],
      c3 = coef[cc + 3],
      c4 = coef[cc + 4];
    const d0 = coef[cd],
      d1 = coef[cd + 1],
      d2 = coef[cd + 2],
      d3 = coef[cd + 3],
      d4 = coef[cd + 4];
    let sa1 = state[za],
      sa2 = state[za + 1];
    let sb1 = state[zb],
      sb2 = state[zb + 1];
    let sc1 = state[zc],
      sc2 = state[zc + 1];
    let sd1 = state[zd],
      sd2 = state[zd + 1];
    for (let i = 0; i < n; i++) {
      const xa = i0[i];
      const xb = i1[i];
      const xc = i2[i];
      const xd = i3[i];
      const ya = a0 * xa + sa1;
      const yb = b0 * xb + sb1;
      const yc = c0_ * xc + sc1;
      const yd = d0 * xd + sd1;
      sa1 = a1 * xa - a3 * ya + sa2;
      sb1 = b1 * xb - b3 * yb + sb2;
      sc1 = c1 * xc - c3 * yc + sc2;
      sd1 = d1 * xd - d3 * yd + sd2;
      sa2 = a2 * xa - a4 * ya;
      sb2 = b2 * xb - b4 * yb;
      sc2 = c2 * xc - c4 * yc;
      sd2 = d2 * xd - d4 * yd;
      o0[i] = ya;
      o1[i] = yb;
      o2[i] = yc;
      o3[i] = yd;
    }
    state[za] = sa1;
    state[za + 1] = sa2;
    state[zb] = sb1;
    state[zb + 1] = sb2;
    state[zc] = sc1;
    state[zc + 1] = sc2;
    state[zd] = sd1;
    state[zd + 1] = sd2;
  }
}

/** One lane of a stage's group: a band, the decimation filter, or nothing. */
const DECIMATOR_LANE = -1;
const EMPTY_LANE = -2;

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
  /** Groups of each stage, as [start, end) into the group arrays. */
  private readonly stageGroups: Int32Array;
  /** Per group: what each of its LANES lanes is (band index, DECIMATOR_LANE, EMPTY_LANE), and its sections (the longest lane's). */
  private readonly laneOf: Int32Array;
  private readonly groupSections: Int32Array;
  /** Per group: LANES × MAX_BAND_SECTIONS × SECTION coefficients (identity sections pad shorter lanes). */
  private readonly coef: Float64Array;
  /** Per channel, per group: LANES × MAX_BAND_SECTIONS × 2 state words. */
  private readonly state: Float64Array;
  private readonly groups: number;
  /** Per channel and stage: the decimation phase. */
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
  /** Work buffers: a stage's block, the next stage's, and the four lanes' outputs. */
  private readonly stageIn = new Float64Array(CHUNK);
  private readonly stageOut = new Float64Array(CHUNK);
  private readonly out: Float64Array[] = [0, 1, 2, 3].map(() => new Float64Array(CHUNK));

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
    const designs = placement.map((p, b) => designBand(b, p.rate, p.highPass));
    const decimator = decimatorSections();
    // Lanes of every stage: its bands (highest first), then the decimation filter feeding the next stage.
    const groupLanes: number[][] = [];
    const stageGroups: number[] = [];
    for (let st = 0; st < this.stages; st++) {
      stageGroups.push(groupLanes.length);
      const lanes: number[] = [];
      for (let b = BAND_COUNT - 1; b >= 0; b--) if (placement[b].stage === st) lanes.push(b);
      if (st < this.stages - 1) lanes.push(DECIMATOR_LANE);
      // The decimation lane comes last, so it is in the stage's last group: its output buffer is
      // not reused by another group of the stage before the next stage reads it.
      for (let k = 0; k < lanes.length; k += LANES) {
        const g = lanes.slice(k, k + LANES);
        while (g.length < LANES) g.push(EMPTY_LANE);
        groupLanes.push(g);
      }
    }
    stageGroups.push(groupLanes.length);
    this.groups = groupLanes.length;
    this.stageGroups = Int32Array.from(stageGroups);
    this.laneOf = Int32Array.from(groupLanes.flat());
    this.groupSections = new Int32Array(this.groups);
    this.coef = new Float64Array(this.groups * LANES * MAX_BAND_SECTIONS * SECTION);
    groupLanes.forEach((lanes, g) => {
      lanes.forEach((lane, j) => {
        const sections = lane === DECIMATOR_LANE ? decimator : lane === EMPTY_LANE ? new Float64Array(0) : designs[lane];
        const base = (g * LANES + j) * MAX_BAND_SECTIONS * SECTION;
        for (let q = 0; q < MAX_BAND_SECTIONS; q++) {
          const o = base + q * SECTION;
          if (q * SECTION < sections.length) this.coef.set(sections.subarray(q * SECTION, (q + 1) * SECTION), o);
          else this.coef[o] = 1; // identity: y = x
        }
        this.groupSections[g] = Math.max(this.groupSections[g], sections.length / SECTION);
      });
    });
    this.state = new Float64Array(this.channels * this.groups * LANES * MAX_BAND_SECTIONS * 2);
    this.phase = new Int32Array(this.channels * this.stages);
    this.alpha = new Float64Array(BAND_COUNT);
    const tau = TIME_CONSTANT_S[this.timeWeighting];
    for (let b = 0; b < BAND_COUNT; b++) this.alpha[b] = 1 - Math.exp(-1 / (tau * placement[b].rate));
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
    for (let from = start; from < stop; from += CHUNK) this.processChunk(ch, x, from, Math.min(stop, from + CHUNK));
    // Flush subnormal-bound states (silence decays towards them) so they never slow the loops.
    const { state, power } = this;
    const per = this.groups * LANES * MAX_BAND_SECTIONS * 2;
    for (let k = ch * per, e = k + per; k < e; k++) if (state[k] < FLUSH && state[k] > -FLUSH) state[k] = 0;
    for (let k = ch * BAND_COUNT, e = k + BAND_COUNT; k < e; k++) if (power[k] < FLUSH * FLUSH) power[k] = 0;
  }

  /**
   * Up to CHUNK samples of one channel, stage by stage: each group of four lanes (bands, and the
   * decimation filter) filters the stage's whole block in one loop per section; the bands'
   * outputs feed their weighted mean squares; every second sample of the decimation filter's
   * output is the next stage's block.
   */
  private processChunk(ch: number, x: Float32Array, start: number, stop: number): void {
    const { coef, state, groupSections, laneOf, stageGroups, phase, power, alpha, stages, out } = this;
    let block = this.stageIn;
    let n = stop - start;
    for (let i = 0; i < n; i++) {
      const v = x[start + i];
      if (v - v !== 0) {
        this.nonFinite++;
        block[i] = 0;
      } else block[i] = v;
    }
    const stateBase = ch * this.groups * LANES * MAX_BAND_SECTIONS * 2;
    for (let st = 0; st < stages && n > 0; st++) {
      let decimated: Float64Array | null = null;
      for (let g = stageGroups[st]; g < stageGroups[st + 1]; g++) {
        const c0 = g * LANES * MAX_BAND_SECTIONS * SECTION;
        const z0 = stateBase + g * LANES * MAX_BAND_SECTIONS * 2;
        lanes4(coef, c0, groupSections[g], state, z0, block, out[0], out[1], out[2], out[3], n);
        for (let j = 0; j < LANES; j++) {
          const lane = laneOf[g * LANES + j];
          if (lane === DECIMATOR_LANE) decimated = out[j];
          if (lane < 0) continue;
          const p = ch * BAND_COUNT + lane;
          const a = alpha[lane];
          const y = out[j];
          let pw = power[p];
          for (let i = 0; i < n; i++) pw += a * (y[i] * y[i] - pw);
          power[p] = pw;
        }
      }
      if (decimated === null) break;
      const next = block === this.stageIn ? this.stageOut : this.stageIn;
      const ph = ch * stages + st;
      let m = 0;
      let keep = phase[ph];
      for (let i = 0; i < n; i++) {
        keep ^= 1;
        if (keep === 0) next[m++] = decimated[i];
      }
      phase[ph] = keep;
      block = next;
      n = m;
    }
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
    this.state.fill(0);
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
