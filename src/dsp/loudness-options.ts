/**
 * The figures of the standards LoudnessMeter implements (BS.1770 gates and weights, EBU Tech
 * 3341 windows, Tech 3342 gate), its accepted ranges and its options — one place to check
 * them against the documents.
 *
 * Thread: constants only.
 */
import { LOUDNESS_OFFSET_DB } from './loudness-histogram';

/** Lowest sample rate LoudnessMeter accepts, Hz. */
export const LOUDNESS_MIN_SAMPLE_RATE = 8_000;
/** Highest sample rate LoudnessMeter accepts, Hz. */
export const LOUDNESS_MAX_SAMPLE_RATE = 768_000;
/** Highest channel count LoudnessMeter accepts. */
export const LOUDNESS_MAX_CHANNELS = 64;
/** Number of values {@link LoudnessMeter.readInto} writes. */
export const LOUDNESS_READING_COUNT = 8;

/** BS.1770 §2.7 (Γa) and Tech 3342 §3.1: absolute gate, LUFS. */
export const ABSOLUTE_GATE_LUFS = -70;
/** Mean-square energy Σ Gi·zi of a block at the absolute gate. */
export const ABSOLUTE_GATE_ENERGY = Math.pow(10, (ABSOLUTE_GATE_LUFS - LOUDNESS_OFFSET_DB) / 10);
/** BS.1770 eq. (6): relative gate of the integrated loudness, LU. */
export const INTEGRATED_RELATIVE_GATE_LU = -10;
/** Tech 3342 §3.1: relative gate of the loudness range, LU. */
export const RANGE_RELATIVE_GATE_LU = -20;
/** The 100 ms hop (BS.1770: 400 ms blocks, 75 % overlap) is cut into 20 sub-blocks of 5 ms. */
export const SUB_BLOCKS_PER_HOP = 20;
/** Tech 3341 §2.2: momentary 400 ms = 4 hops, short-term 3 s = 30 hops. */
export const MOMENTARY_SUB_BLOCKS = 4 * SUB_BLOCKS_PER_HOP;
export const SHORT_TERM_SUB_BLOCKS = 30 * SUB_BLOCKS_PER_HOP;

/** BS.1770 Table 3 weights: L, R, C, Ls, Rs; and L, R, C, LFE (excluded), Ls, Rs. */
export const DEFAULT_WEIGHTS_5 = [1, 1, 1, 1.41, 1.41];
export const DEFAULT_WEIGHTS_6 = [1, 1, 1, 0, 1.41, 1.41];

/** Construction options of {@link LoudnessMeter}. */
export interface LoudnessMeterOptions {
  /** Sample rate in Hz, finite, from 8 000 to 768 000. */
  sampleRate: number;
  /** Number of channels, integer from 1 to 64. */
  channels: number;
  /**
   * BS.1770 channel weights Gi (power weights, finite, ≥ 0), one per channel. Default:
   * 5 channels (L, R, C, Ls, Rs) → [1, 1, 1, 1.41, 1.41]; 6 channels (L, R, C, LFE, Ls, Rs)
   * → [1, 1, 1, 0, 1.41, 1.41]; otherwise 1 for every channel. A weight of 0 skips the
   * channel's loudness filter (it still counts for true peak).
   */
  channelWeights?: number[];
}
