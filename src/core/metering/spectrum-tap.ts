/**
 * The worklet's spectrum work, platform-free: after each block it runs one
 * {@link SpectrumAnalyzer} per analysed bank track on the mean of the track's channels
 * ((L + R) / 2 for stereo: the mono sum an RTA shows; identical channels read as one, and what
 * cancels in mono cancels here — the goniometer and correlation meter show that) and, about 100
 * times a second, publishes the 31 levels and holds of every analysed track into the spectrum
 * bank (../spectrum/spectrum-bank.ts) under its seqlock. Analysing the sum costs one analyser
 * per track, not one per channel (≈ 0.8 % of a core per stereo track at 48 kHz; `npm run bench`).
 *
 * Thread: the audio thread. Allocates only in the constructor; `write` never throws (a track
 * without channels in a block is skipped).
 */
import { SpectrumAnalyzer, type TimeWeighting } from '../../dsp/spectrum';
import { BAND_COUNT } from '../../dsp/octave-bands';
import { SpectrumBankWriter } from '../spectrum/spectrum-bank';
import type { ChannelSource } from './scope-tap';

/** Publishes per second (the bands' fastest weighting, 125 ms, moves 0.35 dB in 10 ms). */
export const SPECTRUM_PUBLISH_HZ = 100;

export interface SpectrumTapOptions {
  tracks: readonly number[];
  channels: number;
  sampleRate: number;
  timeWeighting: TimeWeighting;
  holdMs: number;
  fallDbPerSecond: number;
}

export class SpectrumTap {
  readonly tracks: Int32Array;
  private readonly analyzers: SpectrumAnalyzer[];
  private readonly writer: SpectrumBankWriter;
  private readonly levels = new Float32Array(BAND_COUNT);
  /** The channel mean of the current block, as the analyser's one channel. */
  private readonly mono: Float32Array[] = [new Float32Array(128)];
  private readonly holds = new Float32Array(BAND_COUNT);
  private readonly publishEvery: number;
  private sinceFrames = 0;

  constructor(o: SpectrumTapOptions, words: Int32Array) {
    this.tracks = Int32Array.from(o.tracks);
    this.analyzers = o.tracks.map(
      () =>
        new SpectrumAnalyzer({
          sampleRate: o.sampleRate,
          channels: 1,
          timeWeighting: o.timeWeighting,
          // The level meters' hold options, within the analyser's ranges.
          holdMs: o.holdMs === Infinity ? Infinity : Math.min(60000, Math.max(0, o.holdMs)),
          fallDbPerSecond: Math.min(1000, Math.max(0.1, o.fallDbPerSecond)),
        }),
    );
    this.writer = new SpectrumBankWriter(words);
    this.publishEvery = Math.max(1, Math.round(o.sampleRate / SPECTRUM_PUBLISH_HZ));
  }

  /** Analyses `frames` samples of every analysed track; publishes when due. Returns true when it published. */
  write(source: ChannelSource, frames: number): boolean {
    for (let s = 0; s < this.tracks.length; s++) {
      const chans = source.channelsOf(this.tracks[s]);
      if (chans.length === 0 || chans[0].length < frames) continue;
      if (this.mono[0].length < frames) this.mono[0] = new Float32Array(frames); // a larger block size: once
      monoSum(chans, frames, this.mono[0]);
      this.analyzers[s].process(this.mono, 0, frames);
    }
    this.sinceFrames += frames;
    if (this.sinceFrames < this.publishEvery) return false;
    this.sinceFrames = 0;
    this.publish();
    return true;
  }

  /** Publishes every track's readings now. */
  publish(): void {
    for (let s = 0; s < this.tracks.length; s++) {
      this.analyzers[s].readInto(this.levels, this.holds);
      this.writer.publish(s, this.levels, this.holds);
    }
  }

  /** Drops the holds of slot `slot` (−1: every slot) to the current levels. */
  resetHolds(slot: number): void {
    for (let s = 0; s < this.analyzers.length; s++) if (slot < 0 || slot === s) this.analyzers[s].resetHolds();
    this.publish();
  }
}

/** out[i] = the mean of the channels' sample i, for i < frames. */
export function monoSum(chans: readonly Float32Array[], frames: number, out: Float32Array): void {
  const n = chans.length;
  const c0 = chans[0];
  for (let i = 0; i < frames; i++) out[i] = c0[i];
  if (n === 1) return;
  const k = 1 / n;
  for (let c = 1; c < n; c++) {
    const ch = chans[c];
    for (let i = 0; i < frames; i++) out[i] += ch[i];
  }
  for (let i = 0; i < frames; i++) out[i] *= k;
}
