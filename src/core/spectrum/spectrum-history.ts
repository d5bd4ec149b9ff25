/**
 * A short time-indexed history of spectrum readings (31 band levels and holds per entry), so a
 * spectrum view can show each reading when its audio is heard — the spectrum's counterpart of
 * {@link DelayedSource}, which does the same for the level snapshots. It keeps readings, never
 * audio: `capacity` entries of 62 floats.
 *
 * `pick(targetMs)` hands out the entry nearest to `targetMs` (a frame time minus the delay):
 * - while the history does not reach back that far yet (just started, or the delay grew),
 *   nothing (false: the display holds what it shows);
 * - when the delay spans more entries than the history holds, the oldest one (the delay is
 *   then `capacity` frames).
 *
 * Band levels are time-weighted (125 ms or 1 s) and holds hold, so the nearest entry loses
 * nothing a display could show; no peak folding is needed (unlike sample peaks).
 *
 * Thread: any. Allocates at construction only.
 */
import { BAND_COUNT } from '../../dsp/octave-bands';

export class SpectrumHistory {
  readonly capacity: number;
  private readonly times: Float64Array;
  private readonly levels: Float32Array;
  private readonly holds: Float32Array;
  /** Entries written so far (capped at capacity) and the index of the next write. */
  private count = 0;
  private next = 0;

  constructor(capacity = 128) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity > 4096) {
      throw new RangeError(`SpectrumHistory: capacity must be an integer from 2 to 4096, got ${String(capacity)}`);
    }
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.levels = new Float32Array(capacity * BAND_COUNT);
    this.holds = new Float32Array(capacity * BAND_COUNT);
  }

  /** Entries held. */
  get size(): number {
    return this.count;
  }

  /** Forgets every entry. */
  clear(): void {
    this.count = 0;
    this.next = 0;
  }

  /** Records the reading of `timeMs` (frame times, non-decreasing). */
  push(timeMs: number, levels: Float32Array, holds: Float32Array): void {
    const i = this.next;
    this.times[i] = timeMs;
    const at = i * BAND_COUNT;
    for (let b = 0; b < BAND_COUNT; b++) {
      this.levels[at + b] = levels[b];
      this.holds[at + b] = holds[b];
    }
    this.next = (i + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /**
   * Copies the entry nearest to `targetMs` into `levels` and `holds` (length ≥ 31); false (both
   * untouched) when there is none to show yet.
   */
  pick(targetMs: number, levels: Float32Array, holds: Float32Array): boolean {
    const n = this.count;
    if (n === 0) return false;
    const cap = this.capacity;
    const oldest = (this.next - n + cap) % cap;
    let best = -1;
    if (targetMs < this.times[oldest]) {
      // Not reached back that far: only a full history (the delay is longer than it) shows its oldest.
      if (n < cap) return false;
      best = oldest;
    } else {
      // Newest first: the first entry at or before the target, or the one just after it if nearer.
      let after = -1;
      for (let k = 1; k <= n; k++) {
        const i = (this.next - k + cap) % cap;
        if (this.times[i] <= targetMs) {
          best = after >= 0 && this.times[after] - targetMs < targetMs - this.times[i] ? after : i;
          break;
        }
        after = i;
      }
    }
    const at = best * BAND_COUNT;
    for (let b = 0; b < BAND_COUNT; b++) {
      levels[b] = this.levels[at + b];
      holds[b] = this.holds[at + b];
    }
    return true;
  }
}
