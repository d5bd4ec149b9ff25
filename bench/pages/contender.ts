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
  /** meterkit only: where its canvas paints (`main` thread or the render `worker`). */
  render?: 'main' | 'worker';
  /** Lowest level the display can show, dB (for the peaks test). */
  floorDb: number;
  /** Reads what is on screen now, dB per channel (track * 2 + c), into `out` from `offset`. */
  probe?(out: Float32Array, offset: number): void;
  /**
   * Reads the level the contender last decided to draw (its own variable or the style it set),
   * dB per channel. Differs from `probe` where the display lags (e.g. a CSS transition).
   * Absent where the page cannot observe it (a canvas painted by a worker).
   */
  probeDrawn?(out: Float32Array, offset: number): void;
  /**
   * Instead of `probe`, for a canvas the page cannot read back (transferred to a worker): the
   * CSS selector of that canvas; bench/peaks.mjs scores element screenshots of it.
   */
  screenshotProbe?: string;
  /** meterkit (worker) only: animation frames the render worker has run so far. */
  renderWorkerFrames?(): Promise<number | null>;
}
