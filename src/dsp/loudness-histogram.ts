/**
 * Bounded-memory statistics over block loudness, for LoudnessMeter: the gated integrated
 * loudness (ITU-R BS.1770-4/-5 §2.7) and the loudness range (EBU Tech 3342 §3.1, §5) over any
 * duration — hours — in constant memory and time per block.
 *
 * Blocks are counted in 0.01 LU bins from −70 to +30 LUFS. For the integrated loudness each bin
 * also keeps the exact sum of its block energies, so the result is exact except for blocks
 * within 0.01 LU of the relative gate, whose bin is kept or dropped as a whole according to the
 * bin's mean (BS.1770: l > Γr). Loudness-range percentiles are bin centres: ±0.005 LU each,
 * ±0.01 LU on the range.
 *
 * Blocks above +30 LUFS (int16-scale samples fed by mistake, a stray 1e8 sample; float32 input
 * reaches ≈ +800 LUFS) are measured too. The gating histogram continues above +30 LUFS in
 * 1 LU bins up to {@link HISTOGRAM_CEILING_LUFS} (800 more bins, 9.6 kB), so a relative gate
 * pushed above +30 LUFS by such blocks is still applied block by block (within 1 LU of the
 * gate, by bin mean): the integrated loudness stays finite and BS.1770-correct. The loudness
 * range histogram clamps them into its top bin (+30 LUFS).
 *
 * Thread: the constructor allocates (40 kB, 120 kB with energies); everything else is
 * allocation-free and safe on the audio thread. Values go in and out through Float64Arrays,
 * never as fractional number arguments or return values: V8 boxes those into heap numbers
 * when it does not inline a call.
 */

/** BS.1770 eq. (2): −0.691 dB cancels the K-weighting gain at 997 Hz. */
export const LOUDNESS_OFFSET_DB = -0.691;
/** Histogram resolution: bins per LU (0.01 LU bins). */
export const HISTOGRAM_BINS_PER_LU = 100;
/** Loudness of the lower edge of the first bin, LUFS (the absolute gate). */
export const HISTOGRAM_FLOOR_LUFS = -70;
/** Number of fine bins: −70 to +30 LUFS. */
export const HISTOGRAM_BINS = 100 * HISTOGRAM_BINS_PER_LU;
/** Upper edge of the gating histogram's 1 LU bins above +30 LUFS (louder blocks land in the last). */
export const HISTOGRAM_CEILING_LUFS = 830;
/** The gating histogram's extra 1 LU bins from +30 LUFS to {@link HISTOGRAM_CEILING_LUFS}. */
const LOUD_BINS = HISTOGRAM_CEILING_LUFS - (HISTOGRAM_FLOOR_LUFS + HISTOGRAM_BINS / HISTOGRAM_BINS_PER_LU);
/** Loudness of the lower edge of the first 1 LU bin, LUFS. */
const LOUD_FLOOR_LUFS = HISTOGRAM_FLOOR_LUFS + HISTOGRAM_BINS / HISTOGRAM_BINS_PER_LU;

/** Histogram of block loudness values, fed with mean-square block energies Σ Gi·zi. */
export class LoudnessHistogram {
  private readonly counts: Uint32Array;
  private readonly energies: Float64Array | null;
  /** Number of bins: fine bins, plus the 1 LU bins above +30 LUFS with energies. */
  private readonly bins: number;
  private totalEnergy = 0;
  private totalCount = 0;
  private minBin: number;
  private maxBin = -1;

  /** @param withEnergies keep per-bin energy sums (needed by {@link writeGatedLoudness}) and the bins above +30 LUFS */
  constructor(withEnergies: boolean) {
    this.bins = HISTOGRAM_BINS + (withEnergies ? LOUD_BINS : 0);
    this.counts = new Uint32Array(this.bins);
    this.energies = withEnergies ? new Float64Array(this.bins) : null;
    this.minBin = this.bins;
  }

  /** Bin of a loudness value (LUFS): monotonic, clamped to the first and last bin. */
  private binOf(lufs: number): number {
    const bin =
      lufs < LOUD_FLOOR_LUFS ? Math.floor((lufs - HISTOGRAM_FLOOR_LUFS) * HISTOGRAM_BINS_PER_LU) : HISTOGRAM_BINS + Math.floor(lufs - LOUD_FLOOR_LUFS);
    return bin < 0 ? 0 : bin >= this.bins ? this.bins - 1 : bin;
  }

  /** Adds one block whose energy (> 0) is `values[index]`. The caller applies the absolute gate. */
  add(values: Float64Array, index: number): void {
    const energy = values[index];
    const lufs = LOUDNESS_OFFSET_DB + 10 * Math.log10(energy);
    const bin = this.binOf(lufs);
    this.counts[bin]++;
    if (this.energies) this.energies[bin] += energy;
    this.totalEnergy += energy;
    this.totalCount++;
    if (bin < this.minBin) this.minBin = bin;
    if (bin > this.maxBin) this.maxBin = bin;
  }

  /** Forgets every block. */
  clear(): void {
    this.counts.fill(0);
    this.energies?.fill(0);
    this.totalEnergy = 0;
    this.totalCount = 0;
    this.minBin = this.bins;
    this.maxBin = -1;
  }

  /**
   * Relative-gated loudness, BS.1770 eq. (6)–(7): the power mean of the blocks louder than
   * `relativeGateLu` (e.g. −10) below the power mean of all blocks. Writes LUFS to
   * `out[index]`, −Infinity when there is no block. Needs per-bin energies.
   */
  writeGatedLoudness(relativeGateLu: number, out: Float64Array, index: number): void {
    out[index] = -Infinity;
    const energies = this.energies;
    if (this.totalCount === 0 || energies === null) return;
    const meanEnergy = this.totalEnergy / this.totalCount;
    const threshold = LOUDNESS_OFFSET_DB + 10 * Math.log10(meanEnergy) + relativeGateLu;
    const thresholdEnergy = meanEnergy * Math.pow(10, relativeGateLu / 10);
    const thresholdBin = this.binOf(threshold);
    let energy = 0;
    let count = 0;
    for (let bin = Math.max(this.minBin, thresholdBin); bin <= this.maxBin; bin++) {
      const n = this.counts[bin];
      if (n === 0 || (bin === thresholdBin && energies[bin] / n <= thresholdEnergy)) continue;
      energy += energies[bin];
      count += n;
    }
    if (count > 0) out[index] = LOUDNESS_OFFSET_DB + 10 * Math.log10(energy / count);
  }

  /**
   * Loudness range, EBU Tech 3342: drop the blocks below `relativeGateLu` (−20) under the power
   * mean of all blocks (keeping l ≥ threshold), then take the 95th minus the 10th percentile
   * with the Tech 3342 §5 index rule `sorted[round((n − 1) · p)]`. Writes LU to `out[index]`,
   * 0 when there is no block.
   */
  writeLoudnessRange(relativeGateLu: number, out: Float64Array, index: number): void {
    out[index] = 0;
    if (this.totalCount === 0) return;
    const threshold = LOUDNESS_OFFSET_DB + 10 * Math.log10(this.totalEnergy / this.totalCount) + relativeGateLu;
    let first = Math.floor((threshold - HISTOGRAM_FLOOR_LUFS) * HISTOGRAM_BINS_PER_LU);
    // The bin holding the threshold is kept if its centre passes.
    if (first >= 0 && HISTOGRAM_FLOOR_LUFS + (first + 0.5) / HISTOGRAM_BINS_PER_LU < threshold) first++;
    first = Math.max(Math.min(first, HISTOGRAM_BINS - 1), this.minBin);
    let n = 0;
    for (let bin = first; bin <= this.maxBin; bin++) n += this.counts[bin];
    if (n === 0) return;
    const lowIndex = Math.round((n - 1) * 0.1);
    const highIndex = Math.round((n - 1) * 0.95);
    let low = -1;
    let high = -1;
    let seen = 0;
    for (let bin = first; bin <= this.maxBin && high < 0; bin++) {
      seen += this.counts[bin];
      if (low < 0 && seen > lowIndex) low = bin;
      if (seen > highIndex) high = bin;
    }
    out[index] = (high - low) / HISTOGRAM_BINS_PER_LU; // difference of the two bin centres
  }
}
