/**
 * The level kernel: per-channel sample peak, decaying peak, peak hold, sliding-window RMS,
 * over (clip) count and non-finite sample count, over Float32Array blocks of any length.
 *
 * Every statistic is defined sample by sample, so readings do not depend on how the signal is
 * cut into blocks (1, 128 or 100,000 samples give identical results, to the bit).
 *
 * Cost: samples are measured in chunks of up to 256. One tight pass per chunk computes the
 * sample peak, the decaying peak and the RMS sub-block sums; the hold, the overs and the
 * non-finite count then follow per chunk in O(1) whenever nothing can have happened to them
 * (the usual case), and only a chunk with a NaN/±Infinity, an over, a new hold maximum or a
 * hold expiring is measured again sample by sample. Both paths do the same arithmetic in the
 * same order, so which one ran never shows in a reading.
 *
 * Thread: safe on the audio thread. `process` and every reading allocate nothing; all memory
 * is allocated in the constructor (the RMS ring: at most 1024 doubles per channel, plus 514
 * doubles of chunk scratch and decay powers).
 *
 * The per-sample scan also exists as WebAssembly SIMD (level-kernel-wasm.ts), which measures
 * many meters at once and hands each its scan through {@link LevelMeter.processScanned}.
 *
 * Length (≈390 lines): one kernel whose fast and replay paths must stay side by side (they
 * do the same arithmetic in the same order; see `process`).
 */
import { checkSpan } from './validate';
import { RmsRing } from './rms-ring';
import { rmsRingGeometry, resolveLevelOptions, type LevelMeterOptions, type ResolvedLevelOptions } from './level-options';

export {
  LEVEL_DEFAULTS,
  DEFAULT_FALL_DB_PER_SECOND,
  resolveLevelOptions,
  rmsRingGeometry,
  type LevelMeterOptions,
  type ResolvedLevelOptions,
} from './level-options';

/** Set by {@link LevelMeter.fromResolved} for the duration of one construction. */
let trustedOptions: ResolvedLevelOptions | null = null;

/** Largest finite float32; anything above it (Infinity) or NaN is non-finite. */
const FLOAT32_MAX = 3.4028234663852886e38;
/** Decaying levels below this (≈ -400 dBFS) are flushed to 0 so they never become denormal. */
const FLUSH_BELOW = 1e-20;
/** Samples per chunk of {@link LevelMeter.process}: bounds its scratch buffer and power table. */
const CHUNK = 256;
/**
 * The released-hold shortcut needs every sample below the falling level; k^n from the table and
 * the decaying peak's n successive roundings differ by a few ulps, so the test keeps this margin
 * (2^-32, far above n·2^-53) and leaves the borderline cases to the exact path.
 */
const RELEASE_MARGIN = 1 - 2 ** -32;
/**
 * One channel's level meter. The caller owns the instance; `process` feeds it samples.
 *
 * Readings (all linear amplitude, 0..1 = 0 dBFS, may exceed 1):
 * - `peak`: max |x| since the last {@link takePeak} / {@link reset};
 * - `decayingPeak`: instant attack, falls at `fallDbPerSecond`;
 * - `hold`: the maximum held for `holdMs`, then following the decaying peak down;
 * - `rms`: RMS over the last `rmsWindowMs` (the window starts as silence);
 * - `overs`: samples at or above the over threshold since {@link clearOvers} (latched);
 * - `nonFinite`: NaN/±Infinity samples since {@link clearOvers}; they are excluded from every
 *   measure (taken as 0, so the RMS window stays aligned in time).
 */
export class LevelMeter {
  /** The validated options in use. */
  readonly options: ResolvedLevelOptions;

  private readonly decayPerSample: number;
  private readonly holdSamples: number;
  private readonly overLinear: number;
  private readonly overNeed: number;
  private readonly rmsScale: number;
  /** The RMS window's sub-block sums (rms-ring.ts). */
  private readonly ring: RmsRing;
  private readonly slotSamples: number;
  /** k^n for n = 0 … CHUNK: the decay over a chunk of n samples. */
  private readonly powK: Float64Array;

  private _peak = 0;
  private _decay = 0;
  private _hold = 0;
  private holdLeft = 0;
  private _overs = 0;
  private overRun = 0;
  private _nonFinite = 0;
  private slotAcc = 0;
  private slotFill = 0;
  /** Sub-block sums completed in the current chunk, entered into the ring once it commits. */
  private readonly pendingSums = new Float64Array(CHUNK + 1);
  /** The JavaScript scan's results for {@link commitScan}: max |x|, decaying peak, running sum. */
  private readonly scanRecord = new Float64Array(3);

  /**
   * Builds a meter from options already resolved by {@link resolveLevelOptions} (e.g. by the
   * engine, where the options entered), without validating them again. The caller vouches for
   * them; pass the object `resolveLevelOptions` returned (or a copy of it).
   */
  static fromResolved(options: ResolvedLevelOptions): LevelMeter {
    trustedOptions = options !== null && typeof options === 'object' ? options : null;
    try {
      return new LevelMeter(options);
    } finally {
      trustedOptions = null;
    }
  }

  /** Validates `options` (RangeError naming the option, value and range) and fills defaults. */
  constructor(options: LevelMeterOptions) {
    const o = trustedOptions !== null && trustedOptions === options ? trustedOptions : resolveLevelOptions(options);
    this.options = o;
    this.decayPerSample = Math.pow(10, -o.fallDbPerSecond / (20 * o.sampleRate));
    this.holdSamples = o.holdMs === Infinity ? Infinity : Math.round((o.holdMs * o.sampleRate) / 1000);
    this.overLinear = Math.pow(10, o.overThresholdDb / 20);
    this.overNeed = o.overConsecutive;
    const { slotSamples, slots } = rmsRingGeometry((o.rmsWindowMs * o.sampleRate) / 1000);
    this.slotSamples = slotSamples;
    this.powK = new Float64Array(CHUNK + 1);
    for (let n = 0; n <= CHUNK; n++) this.powK[n] = Math.pow(this.decayPerSample, n);
    this.ring = new RmsRing(slots);
    this.rmsScale = (o.rmsSineAligned ? 2 : 1) / (slots * slotSamples);
  }

  /** Length of the RMS window actually used, in samples (see {@link rmsRingGeometry}). */
  get rmsWindowSamples(): number {
    return this.ring.slots * this.slotSamples;
  }

  /**
   * Measures `samples[start..end)` (`end` defaults to `samples.length`). Any length, including 0
   * (a no-op). Never throws on sample values (NaN, ±Infinity and huge samples are measured or
   * counted); never allocates. Failure: TypeError if `samples` is not a Float32Array, RangeError
   * unless `start`, `end` are integers with 0 ≤ start ≤ end ≤ samples.length (caller bugs,
   * checked in a few comparisons per call).
   */
  process(samples: Float32Array, start = 0, end?: number): void {
    const stop = checkSpan('LevelMeter.process', samples, start, end);
    for (let i = start; i < stop;) {
      const chunkEnd = stop - i > CHUNK ? i + CHUNK : stop;
      if (!this.fastChunk(samples, i, chunkEnd)) this.exactChunk(samples, i, chunkEnd);
      i = chunkEnd;
    }
    this.flush();
  }

  /** Flushes decayed levels below {@link FLUSH_BELOW} to 0 so they never become denormal. */
  private flush(): void {
    if (this._decay < FLUSH_BELOW) this._decay = 0;
    if (this._hold < FLUSH_BELOW) this._hold = 0;
  }

  /**
   * The common case, per block instead of per sample: one pass computes the sample peak, the
   * decaying peak and the RMS sub-block sums (into `pendingSums`); the chunk is then committed
   * when the hold, the overs and the non-finite count followed in O(1): no NaN, no sample at or
   * above the over threshold or the hold value, the hold neither expiring nor released under a
   * new maximum (or digital silence). Otherwise nothing changes and it returns false (the chunk
   * is then measured by {@link exactChunk}). The arithmetic and its order are those of
   * {@link exactChunk}, so the readings are identical. The scan's results reach
   * {@link commitScan} through a typed array: float arguments would be boxed (allocate) in V8.
   */
  private fastChunk(samples: Float32Array, start: number, end: number): boolean {
    const k = this.decayPerSample;
    const slotSamples = this.slotSamples;
    const pending = this.pendingSums;
    let decay = this._decay;
    let acc = this.slotAcc;
    let fill = this.slotFill;
    let segMax = 0;
    let done = 0;
    for (let j = start; j < end; j++) {
      const x = samples[j];
      const a = Math.abs(x);
      if (a > segMax) segMax = a;
      decay *= k;
      if (a > decay) decay = a;
      acc += x * x;
      if (++fill === slotSamples) {
        pending[done++] = acc;
        acc = 0;
        fill = 0;
      }
    }
    const r = this.scanRecord;
    r[0] = segMax;
    r[1] = decay;
    r[2] = acc;
    return this.commitScan(end - start, fill, done, r, 0, 1, 2, pending, 0, 1);
  }

  /**
   * The O(1) half of the fast path, shared by both kernels: given a chunk's scan (max |x| at
   * `rec[segIdx]`, decaying peak after it at `rec[decIdx]`, running sub-block sum at
   * `rec[accIdx]`, sub-block fill `fill`, and `done` completed sums at `sums[sumIdx + d·stride]`),
   * commits the chunk when the hold, the overs and the non-finite count follow in O(1) (see
   * {@link fastChunk}); otherwise changes nothing and returns false. Typed arrays, not float
   * arguments, so V8 boxes nothing.
   */
  private commitScan(
    n: number,
    fill: number,
    done: number,
    rec: Float64Array,
    segIdx: number,
    decIdx: number,
    accIdx: number,
    sums: Float64Array,
    sumIdx: number,
    stride: number,
  ): boolean {
    const segMax = rec[segIdx];
    const acc = rec[accIdx];
    const decay0 = this._decay;
    let probe = acc;
    for (let d = 0; d < done; d++) probe += sums[sumIdx + d * stride];
    if (probe !== probe || !(segMax < this.overLinear)) return false; // a NaN or an over
    const holdLeft = this.holdLeft;
    if (holdLeft > n && segMax < this._hold) {
      this.holdLeft = holdLeft - n; // held throughout, no new maximum
    } else if (holdLeft === 0 && segMax < decay0 * this.powK[n] * RELEASE_MARGIN) {
      this._hold = rec[decIdx]; // released throughout: the hold follows the decaying peak
    } else if (segMax === 0 && this._hold === 0) {
      this.holdLeft = this.holdSamples; // digital silence: every sample re-arms a hold of 0
    } else {
      return false;
    }
    this.overRun = 0;
    if (segMax > this._peak) this._peak = segMax;
    this._decay = rec[decIdx];
    this.slotAcc = acc;
    this.slotFill = fill;
    this.ring.push(done, sums, sumIdx, stride);
    return true;
  }

  /** Internal (the WASM kernel's entry): measures `samples[0..n)`, n ≤ 256, scanned from {@link scanState}; arguments as in {@link commitScan}. */
  processScanned(
    samples: Float32Array,
    n: number,
    fill: number,
    done: number,
    rec: Float64Array,
    segIdx: number,
    decIdx: number,
    accIdx: number,
    sums: Float64Array,
    sumIdx: number,
    stride: number,
  ): void {
    if (!this.commitScan(n, fill, done, rec, segIdx, decIdx, accIdx, sums, sumIdx, stride)) this.exactChunk(samples, 0, n);
    this.flush();
  }

  /** Internal: writes the scan's inputs (decaying peak, running sub-block sum) to `out`; returns the sub-block fill. */
  scanState(out: Float64Array, decIdx: number, accIdx: number): number {
    out[decIdx] = this._decay;
    out[accIdx] = this.slotAcc;
    return this.slotFill;
  }

  /** Internal: moves the RMS ring's slots to `storage[base + i·stride]` (see RmsRing.moveTo). */
  moveRmsRing(storage: Float64Array, base: number, stride: number): void {
    this.ring.moveTo(storage, base, stride);
  }

  /** Internal: the decay factor per sample and the RMS sub-block length the scan needs (allocates). */
  get scanConstants(): { readonly k: number; readonly slotSamples: number } {
    return { k: this.decayPerSample, slotSamples: this.slotSamples };
  }
  /** Sample by sample: every statistic, in the same arithmetic order as {@link fastChunk}. */
  private exactChunk(samples: Float32Array, start: number, end: number): void {
    const k = this.decayPerSample;
    const holdSamples = this.holdSamples;
    const thr = this.overLinear;
    const need = this.overNeed;
    const slotSamples = this.slotSamples;
    const pending = this.pendingSums;
    let peak = this._peak;
    let decay = this._decay;
    let hold = this._hold;
    let holdLeft = this.holdLeft;
    let overs = this._overs;
    let overRun = this.overRun;
    let nonFinite = this._nonFinite;
    let acc = this.slotAcc;
    let fill = this.slotFill;
    let done = 0;
    for (let j = start; j < end; j++) {
      let x = samples[j];
      let a = Math.abs(x);
      if (!(a <= FLOAT32_MAX)) {
        nonFinite++;
        a = 0;
        x = 0;
      }
      if (a > peak) peak = a;
      decay *= k;
      if (a > decay) decay = a;
      if (a >= hold) {
        hold = a;
        holdLeft = holdSamples;
      } else if (holdLeft > 0) {
        holdLeft--;
      } else {
        hold = decay;
      }
      if (a >= thr) {
        if (++overRun >= need) overs++;
      } else {
        overRun = 0;
      }
      acc += x * x;
      if (++fill === slotSamples) {
        pending[done++] = acc;
        acc = 0;
        fill = 0;
      }
    }
    this._peak = peak;
    this._decay = decay;
    this._hold = hold;
    this.holdLeft = holdLeft;
    this._overs = overs;
    this.overRun = overRun;
    this._nonFinite = nonFinite;
    this.slotAcc = acc;
    this.slotFill = fill;
    this.ring.push(done, pending, 0, 1);
  }

  /** Max |x| since the last `takePeak()` or reset (linear). */
  get peak(): number {
    return this._peak;
  }
  /** Decaying peak (linear): instant attack, falls at `fallDbPerSecond`. */
  get decayingPeak(): number {
    return this._decay;
  }
  /** Peak-hold value (linear). */
  get hold(): number {
    return this._hold;
  }
  /** RMS over the window (linear; AES-17 aligned when `rmsSineAligned`). */
  get rms(): number {
    const s = this.ring.sum;
    return s > 0 ? Math.sqrt(s * this.rmsScale) : 0;
  }
  /** Samples at or above the over threshold since the last `clearOvers()` (latched count). */
  get overs(): number {
    return this._overs;
  }
  /** NaN/±Infinity samples since the last `clearOvers()`. */
  get nonFinite(): number {
    return this._nonFinite;
  }

  /** Returns the sample peak since the previous call (or reset) and starts a new interval. */
  takePeak(): number {
    const p = this._peak;
    this._peak = 0;
    return p;
  }

  /** Clears the over count, the consecutive-over run and the non-finite count (the clip latch). */
  clearOvers(): void {
    this._overs = 0;
    this.overRun = 0;
    this._nonFinite = 0;
  }

  /** Drops the peak-hold value to the current decaying peak and restarts its hold time. */
  clearHold(): void {
    this._hold = this._decay;
    this.holdLeft = 0;
  }

  /** Returns the meter to its initial state: silence, nothing held, no overs. */
  reset(): void {
    this._peak = 0;
    this._decay = 0;
    this._hold = 0;
    this.holdLeft = 0;
    this.clearOvers();
    this.ring.reset();
    this.slotAcc = 0;
    this.slotFill = 0;
  }
}
