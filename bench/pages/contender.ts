/** What the harness gives a contender and what the contender reports back. */
export interface ContenderProps {
  ctx: AudioContext;
  /** One stereo node per track: meter these. */
  taps: AudioNode[];
  onReady(info: ContenderInfo): void;
}

export interface ContenderInfo {
  /** meterkit only: the transport its engine chose. */
  transport?: string;
  /** Lowest level the display can show, dB (for the peaks test). */
  floorDb: number;
  /** Reads what is on screen now, dB per channel (track * 2 + c), into `out` from `offset`. */
  probe(out: Float32Array, offset: number): void;
  /**
   * Reads the level the contender last decided to draw (its own variable or the style it set),
   * dB per channel. Differs from `probe` where the display lags (e.g. a CSS transition).
   */
  probeDrawn(out: Float32Array, offset: number): void;
}
