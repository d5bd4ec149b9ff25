/**
 * The clip latches of a bank without a snapshot: the writer's overs generation (H_OVERS_GEN,
 * bumped in every publish that changed any track's over count) and a track's latched state
 * from its OVERS words alone. Each word is read with one Atomics.load: an over count is one
 * word, so no seqlock is needed to tell whether it is zero (a read racing a publish sees the
 * old or the new count, and the next check sees the new one).
 *
 * Thread: any reader thread. No allocation.
 */
import { type BankLayout, trackBase, T_CHANNELS, CHANNEL_STRIDE, C_OVERS, H_OVERS_GEN } from './layout';

/** The bank's overs generation: equal values mean no track's over count changed in between. */
export function oversGeneration(words: Int32Array): number {
  return Atomics.load(words, H_OVERS_GEN);
}

/** 1 when any channel of `track` has a latched over (OVERS ≠ 0), else 0. `track` must be valid. */
export function trackClipped(words: Int32Array, layout: BankLayout, track: number): number {
  const b = trackBase(layout, track) + T_CHANNELS + C_OVERS;
  for (let c = 0; c < layout.channels; c++) if (Atomics.load(words, b + c * CHANNEL_STRIDE) !== 0) return 1;
  return 0;
}
