/** Browser test helpers: synthesized buffers and sources. */

/** A stereo (or N-channel) AudioBuffer; `fill(channel, i)` gives each sample. */
export function makeBuffer(ctx: BaseAudioContext, channels: number, length: number, fill: (channel: number, i: number) => number): AudioBuffer {
  const buffer = new AudioBuffer({ numberOfChannels: channels, length, sampleRate: ctx.sampleRate });
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < length; i++) data[i] = fill(c, i);
  }
  return buffer;
}

/** Plays `buffer` once from time 0 into `destination`. */
export function play(ctx: BaseAudioContext, buffer: AudioBuffer, destination: AudioNode, loop = false): AudioBufferSourceNode {
  const src = new AudioBufferSourceNode(ctx, { buffer, loop });
  src.connect(destination);
  src.start(0);
  return src;
}

/** Resolves after `n` animation frames. */
export function frames(n = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Spikes that say which of them a reading covers, for exactly-once checks on a loaded machine,
 * where two spikes can fall between two reads (a long frame, or the audio thread catching up in
 * a burst) and are then shown together as their max — by design. Spike k (1 … n) of `values` is
 * on channel 0, with order markers in the same sample: k / (n + 1) on channel 1 (a reading's
 * max names its last spike) and (n + 1 − k) / (n + 1) on channel 2 (its first).
 */
export class MarkedSpikes {
  readonly n: number;
  /** Per reading with a spike: [first, last, channel 0's peak]. */
  readonly readings: [number, number, number][] = [];
  constructor(readonly values: readonly number[]) {
    this.n = values.length;
  }

  /** The sample for spike `k` (1 … n) on `channel` (0, 1, 2). */
  sample(k: number, channel: number): number {
    const n = this.n;
    return channel === 0 ? this.values[k - 1] : channel === 1 ? k / (n + 1) : (n + 1 - k) / (n + 1);
  }

  /** Records a reading's sample peaks (channels 0–2) when it holds a spike. */
  record(peak: ArrayLike<number>): void {
    if (!(peak[1] > 0)) return;
    const m = this.n + 1;
    this.readings.push([m - Math.round(peak[2] * m), Math.round(peak[1] * m), Math.round(peak[0] * 100) / 100]);
  }

  /** Every spike, in order, covered by exactly one reading: [1, 2, …, n] when none is lost or repeated. */
  covered(): number[] {
    return this.readings.flatMap(([first, last]) => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i));
  }

  /** What each reading's channel-0 peak must be: the max of the spikes it covers. */
  expectedPeaks(): number[] {
    return this.readings.map(([first, last]) => Math.max(...this.values.slice(first - 1, last)));
  }
}
