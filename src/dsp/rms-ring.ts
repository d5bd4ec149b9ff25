/**
 * The RMS window of {@link LevelMeter} (level-meter.ts): a ring of sub-block sums of squares
 * and its running total. Storage is relocatable: by default the ring's own Float64Array; after
 * {@link RmsRing.moveTo}, slot i lives at `storage[base + i·stride]`, so the rings of many
 * meters can share one interleaved array (slot-major), where the meters of one engine, which
 * advance in lockstep, touch the same few cache lines per block instead of one per meter.
 * Where the slots live never changes a value: the arithmetic and its order are the same.
 *
 * Thread: any. `push` and the readings allocate nothing.
 */
import { CANCELLATION_RATIO } from './level-options';

export class RmsRing {
  /** Slots in the window. */
  readonly slots: number;
  private data: Float64Array;
  private base = 0;
  private stride = 1;
  private pos = 0;
  /** Σ of the slots (running; resynced at every wrap). */
  private total = 0;
  /** Σ of the slots written since the last wrap. */
  private fresh = 0;

  constructor(slots: number) {
    this.slots = slots;
    this.data = new Float64Array(slots);
  }

  /** Σ of the window's sub-block sums. */
  get sum(): number {
    return this.total;
  }

  /**
   * Moves the slots to `storage[base + i·stride]` (copying them). Throws RangeError unless
   * every slot fits in `storage`. Allocates nothing.
   */
  moveTo(storage: Float64Array, base: number, stride: number): void {
    if (!(Number.isInteger(base) && Number.isInteger(stride) && base >= 0 && stride >= 1 && base + (this.slots - 1) * stride < storage.length)) {
      throw new RangeError(`RmsRing.moveTo: ${this.slots} slots at ${base} + i·${stride} do not fit in ${storage.length} elements`);
    }
    for (let i = 0; i < this.slots; i++) storage[base + i * stride] = this.data[this.base + i * this.stride];
    this.data = storage;
    this.base = base;
    this.stride = stride;
  }

  /** Enters `count` completed sub-block sums, `src[idx + d·srcStride]`, in order. */
  push(count: number, src: Float64Array, idx: number, srcStride: number): void {
    const data = this.data;
    const base = this.base;
    const stride = this.stride;
    const last = this.slots - 1;
    let pos = this.pos;
    let total = this.total;
    let fresh = this.fresh;
    for (let d = 0; d < count; d++) {
      const acc = src[idx + d * srcStride];
      const at = base + pos * stride;
      const leaving = data[at];
      total += acc - leaving;
      fresh += acc;
      data[at] = acc;
      if (pos === last) {
        // The ring now holds exactly the sums accumulated since the last wrap: resync the
        // running sum to that fresh total so rounding drift never outlives one window.
        pos = 0;
        total = fresh;
        fresh = 0;
      } else {
        pos++;
        // A sum that dwarfed the rest of the window (a 1e30 sample) just left: the running sum
        // lost those bits to cancellation, so re-add the ring (see CANCELLATION_RATIO).
        if (leaving > CANCELLATION_RATIO * total) total = this.resum();
      }
    }
    this.pos = pos;
    this.total = total;
    this.fresh = fresh;
  }

  /** Σ of the slots in index order (as `sumOf` in level-options.ts). */
  private resum(): number {
    let s = 0;
    for (let i = 0; i < this.slots; i++) s += this.data[this.base + i * this.stride];
    return s;
  }

  /** Back to silence. */
  reset(): void {
    for (let i = 0; i < this.slots; i++) this.data[this.base + i * this.stride] = 0;
    this.pos = 0;
    this.total = 0;
    this.fresh = 0;
  }
}
