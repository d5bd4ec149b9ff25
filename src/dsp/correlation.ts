/**
 * Stereo phase correlation and balance over a sliding window, sample by sample (block-size
 * independent: blocks of 1, 128 or 4096 samples give identical readings).
 *
 * Over the last `windowMs` of both channels L, R (rectangular window):
 * - correlation r = Σ L·R / √(Σ L² · Σ R²), −1 (out of phase) … 0 (uncorrelated, or 90°) … +1
 *   (identical up to gain) — the Pearson coefficient without mean removal, which is what
 *   correlation meters (goniometer companions) show: DC is programme, not offset;
 * - balance b = (Σ R² − Σ L²) / (Σ R² + Σ L²), −1 all energy left … 0 centre … +1 all right.
 *   Hard left reads −1, equal energy reads 0, R 6 dB below L reads −0.6.
 *
 * Default window 300 ms: the integration time of the VU meter and of this kit's RMS, so the
 * correlation moves with the level meters beside it; it holds 6 cycles of 20 Hz (a stable reading
 * for bass) and still shows a phase flip within a third of a second.
 *
 * Silence: when a channel's mean square over the window is below `silenceDb`, the coefficient is
 * undefined; `correlation` then reads 0 (needle centre, like hardware correlators) and
 * `correlationDefined` is false — never NaN, so nothing downstream is poisoned. Balance is
 * likewise 0 with `balanceDefined` false when both channels are silent.
 *
 * Running sums use the ring of sub-block sums of the level kernel's RMS ({@link rmsRingGeometry}):
 * each wrap of the ring replaces the running sums by the fresh sums of the samples now in it, so
 * floating-point drift never outlives one window, and a slot that dwarfed the rest of the window
 * (huge finite samples, 1e30) makes the sums be re-added from the rings when it leaves, so the
 * readings recover within one window (see `CANCELLATION_RATIO` in level-options.ts).
 *
 * Thread: `process` and every getter allocate nothing (three Float64Array rings of ≤ 1024 slots
 * are allocated in the constructor): safe on the audio thread. Non-finite samples are counted and
 * measured as 0.
 */
import { CANCELLATION_RATIO, rmsRingGeometry, sumOf } from './level-options';
import { checkNumber, checkOptions, checkSpan } from './validate';

/** Options of {@link CorrelationMeter}. Only `sampleRate` is required. */
export interface CorrelationMeterOptions {
  /** Sample rate in Hz (1 to 1,000,000). */
  sampleRate: number;
  /** Window length in ms (1 to 10,000). Default 300. */
  windowMs?: number;
  /**
   * A channel whose mean square over the window is below this level (dBFS, RMS; −200 to 0) counts
   * as silent. Default −90 dBFS: above 16-bit dither (≈ −101 dBFS RMS), so dither alone never
   * drives the needle.
   */
  silenceDb?: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/** A stereo correlation and balance meter for one channel pair. */
export class CorrelationMeter {
  /** The validated options in use. */
  readonly options: Readonly<Required<CorrelationMeterOptions>>;

  private readonly ringLR: Float64Array;
  private readonly ringLL: Float64Array;
  private readonly ringRR: Float64Array;
  private readonly slotSamples: number;
  private readonly silentSum: number;

  private accLR = 0;
  private accLL = 0;
  private accRR = 0;
  private fill = 0;
  private pos = 0;
  private sumLR = 0;
  private sumLL = 0;
  private sumRR = 0;
  private freshLR = 0;
  private freshLL = 0;
  private freshRR = 0;
  private _nonFinite = 0;

  constructor(options: CorrelationMeterOptions) {
    checkOptions('CorrelationMeter', options, 'sampleRate');
    const sampleRate = checkNumber('sampleRate', options.sampleRate, 1, 1_000_000, 'Hz');
    const windowMs = checkNumber('windowMs', options.windowMs ?? 300, 1, 10_000, 'ms');
    const silenceDb = checkNumber('silenceDb', options.silenceDb ?? -90, -200, 0, 'dBFS');
    this.options = Object.freeze({ sampleRate, windowMs, silenceDb });
    const { slotSamples, slots } = rmsRingGeometry((windowMs * sampleRate) / 1000);
    this.slotSamples = slotSamples;
    this.ringLR = new Float64Array(slots);
    this.ringLL = new Float64Array(slots);
    this.ringRR = new Float64Array(slots);
    this.silentSum = Math.pow(10, silenceDb / 10) * slots * slotSamples;
  }

  /** Length of the window actually used, in samples (see {@link rmsRingGeometry}). */
  get windowSamples(): number {
    return this.ringLR.length * this.slotSamples;
  }

  /**
   * Measures `left[start..end)` against `right[start..end)` (the same sample indices). `end`
   * defaults to the shorter length. Never throws on sample values, never allocates. Failure
   * (caller bugs only): TypeError unless both are Float32Arrays, RangeError unless start and end
   * are integers with 0 ≤ start ≤ end ≤ the length of each array.
   */
  process(left: Float32Array, right: Float32Array, start = 0, end?: number): void {
    if (end === undefined && left instanceof Float32Array && right instanceof Float32Array) end = Math.min(left.length, right.length);
    const stop = checkSpan('CorrelationMeter.process (left)', left, start, end);
    checkSpan('CorrelationMeter.process (right)', right, start, stop);
    const ringLR = this.ringLR;
    const ringLL = this.ringLL;
    const ringRR = this.ringRR;
    const slots = ringLR.length;
    const slotSamples = this.slotSamples;
    let accLR = this.accLR;
    let accLL = this.accLL;
    let accRR = this.accRR;
    let fill = this.fill;
    let pos = this.pos;
    let sumLR = this.sumLR;
    let sumLL = this.sumLL;
    let sumRR = this.sumRR;
    let freshLR = this.freshLR;
    let freshLL = this.freshLL;
    let freshRR = this.freshRR;
    let bad = 0;

    for (let i = start; i < stop; i++) {
      let l = left[i];
      let r = right[i];
      if (!((l < 0 ? -l : l) <= FLOAT32_MAX)) {
        bad++;
        l = 0;
      }
      if (!((r < 0 ? -r : r) <= FLOAT32_MAX)) {
        bad++;
        r = 0;
      }
      accLR += l * r;
      accLL += l * l;
      accRR += r * r;
      if (++fill === slotSamples) {
        const leavingLL = ringLL[pos];
        const leavingRR = ringRR[pos];
        sumLR += accLR - ringLR[pos];
        sumLL += accLL - leavingLL;
        sumRR += accRR - leavingRR;
        freshLR += accLR;
        freshLL += accLL;
        freshRR += accRR;
        ringLR[pos] = accLR;
        ringLL[pos] = accLL;
        ringRR[pos] = accRR;
        accLR = 0;
        accLL = 0;
        accRR = 0;
        fill = 0;
        if (++pos === slots) {
          // The ring holds exactly the sums since the last wrap: resync (no drift past a window).
          pos = 0;
          sumLR = freshLR;
          sumLL = freshLL;
          sumRR = freshRR;
          freshLR = 0;
          freshLL = 0;
          freshRR = 0;
        } else if (leavingLL > CANCELLATION_RATIO * sumLL || leavingRR > CANCELLATION_RATIO * sumRR) {
          // A slot that dwarfed the rest of the window (a 1e30 sample) left: its bits cancelled
          // out of the running sums, so re-add the rings (see CANCELLATION_RATIO; |ΣLR| is
          // bounded by √(ΣLL·ΣRR), so LL and RR alone decide).
          sumLR = sumOf(ringLR);
          sumLL = sumOf(ringLL);
          sumRR = sumOf(ringRR);
        }
      }
    }

    this.accLR = accLR;
    this.accLL = accLL;
    this.accRR = accRR;
    this.fill = fill;
    this.pos = pos;
    this.sumLR = sumLR;
    this.sumLL = sumLL;
    this.sumRR = sumRR;
    this.freshLR = freshLR;
    this.freshLL = freshLL;
    this.freshRR = freshRR;
    this._nonFinite += bad;
  }

  /** True when both channels are above `silenceDb` over the window (the coefficient exists). */
  get correlationDefined(): boolean {
    return this.sumLL >= this.silentSum && this.sumRR >= this.silentSum && this.sumLL > 0 && this.sumRR > 0;
  }
  /** True when either channel is above `silenceDb` over the window. */
  get balanceDefined(): boolean {
    return (this.sumLL >= this.silentSum && this.sumLL > 0) || (this.sumRR >= this.silentSum && this.sumRR > 0);
  }

  /** Phase correlation, −1 … +1; 0 when {@link correlationDefined} is false. Never NaN. */
  get correlation(): number {
    if (!this.correlationDefined) return 0;
    const r = this.sumLR / Math.sqrt(this.sumLL * this.sumRR);
    return r > 1 ? 1 : r < -1 ? -1 : r;
  }

  /** Balance, −1 (left) … +1 (right) from the channel energies; 0 when {@link balanceDefined} is false. */
  get balance(): number {
    if (!this.balanceDefined) return 0;
    const ll = this.sumLL > 0 ? this.sumLL : 0;
    const rr = this.sumRR > 0 ? this.sumRR : 0;
    return (rr - ll) / (rr + ll);
  }

  /** NaN/±Infinity samples (either channel) since construction or {@link reset}. */
  get nonFinite(): number {
    return this._nonFinite;
  }

  /** Returns the meter to its initial state (a window of silence). */
  reset(): void {
    this.ringLR.fill(0);
    this.ringLL.fill(0);
    this.ringRR.fill(0);
    this.accLR = 0;
    this.accLL = 0;
    this.accRR = 0;
    this.fill = 0;
    this.pos = 0;
    this.sumLR = 0;
    this.sumLL = 0;
    this.sumRR = 0;
    this.freshLR = 0;
    this.freshLL = 0;
    this.freshRR = 0;
    this._nonFinite = 0;
  }
}
