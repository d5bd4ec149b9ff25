/**
 * The scope rings: a lock-free single-producer sample ring per scoped track, all in one
 * `SharedArrayBuffer` (the "scope buffer", of the bank's family: created by the engine beside
 * the bank, written by the worklet, read by the frame loop on the main thread or in the render
 * worker). They carry raw stereo samples for views that need samples, not readings (the
 * goniometer).
 *
 * ```
 * Int32Array words (one writer per word)                        writer
 * ┌─────────────────────────────────────────────────────────────┐
 * │ header   0 MAGIC (0x53435031 "SCP1")                        │ engine, once
 * │          1 RINGS     number of rings                        │ engine, once
 * │          2 CAPACITY  frames per ring (power of two)         │ engine, once
 * │          3 MAX_BLOCK frames the writer stores per publish   │ engine, once
 * │          4 SAMPLE_RATE Hz                                   │ engine, once
 * │          5–7 reserved (0)                                   │
 * ├─────────────────────────────────────────────────────────────┤
 * │ ring r at ringBase(r) = 8 + r × (8 + 2 × CAPACITY):         │
 * │          +0 WRITE   frames written since start, uint32,     │ worklet: Atomics.store
 * │                     wrapping at 2^32 (the publish)          │   after the data
 * │          +1 TRACK   bank track this ring scopes             │ engine, once
 * │          +2–7 reserved (0)                                  │
 * │          +8 … data: CAPACITY frames, interleaved L, R as    │ worklet, plain stores
 * │                     float32 (frame f at slot f & (CAP − 1)) │
 * └─────────────────────────────────────────────────────────────┘
 * ```
 *
 * Protocol (padenot/ringbuf.js style, but the writer never waits): the writer stores a block
 * of at most MAX_BLOCK frames with plain stores, then publishes WRITE with one
 * `Atomics.store` (release). A reader loads WRITE once (acquire), copies the frames it wants
 * plainly, loads WRITE again and discards every copied frame the writer may have overwritten
 * meanwhile (index < WRITE + MAX_BLOCK − CAPACITY): a reader never returns a torn frame. The
 * writer reads no reader state, so it never blocks and a slow reader only loses data — it
 * skips to the newest frames and counts the loss. Each reader keeps its own position (so the
 * page and the render worker can each read a ring: every reader is its ring's one consumer).
 *
 * Without cross-origin isolation the same layout lives in a plain ArrayBuffer on the page and
 * the engine writes it from the worklet's batched posts (see `scope-writer.ts`).
 *
 * Thread: any. Pure functions and constants; nothing runs at import.
 */
import { checkInteger, describeValue } from '../../dsp/validate';

export const SCOPE_MAGIC = 0x53435031;
export const S_MAGIC = 0;
export const S_RINGS = 1;
export const S_CAPACITY = 2;
export const S_MAX_BLOCK = 3;
export const S_SAMPLE_RATE = 4;
export const SCOPE_HEADER_WORDS = 8;
/** Ring header words (WRITE, TRACK, reserved) before the ring's data. */
export const RING_HEADER_WORDS = 8;
export const R_WRITE = 0;
export const R_TRACK = 1;
/** Channels per frame (the goniometer's left and right). */
export const SCOPE_CHANNELS = 2;
/** Default ring capacity: 16384 frames (341 ms at 48 kHz, 85 ms at 192 kHz). */
export const DEFAULT_SCOPE_CAPACITY = 16384;
/** The writer publishes after at most this many frames (one render quantum). */
export const SCOPE_MAX_BLOCK = 128;
/** Smallest and largest capacities accepted. */
export const MIN_SCOPE_CAPACITY = 1024;
export const MAX_SCOPE_CAPACITY = 1 << 20;

/** Word index of ring `r`'s header. */
export function ringBase(capacity: number, r: number): number {
  return SCOPE_HEADER_WORDS + r * (RING_HEADER_WORDS + SCOPE_CHANNELS * capacity);
}

/** Words of a scope buffer with `rings` rings of `capacity` frames. */
export function scopeWordCount(rings: number, capacity: number): number {
  return ringBase(capacity, rings);
}

/** Options of {@link createScopeWords}. */
export interface ScopeBufferOptions {
  /** Bank tracks to scope, one ring each, in ring order. */
  tracks: readonly number[];
  /** Frames per ring, a power of two from 1024 to 1,048,576. Default 16384. */
  capacity?: number;
  sampleRate: number;
  /** true: a SharedArrayBuffer (shared transport); false: a plain ArrayBuffer (message transport). */
  shared: boolean;
}

/**
 * Allocates and initializes a scope buffer. RangeError naming the option and value for a
 * capacity that is not a power of two in range. Allocates: call at setup, never per frame.
 */
export function createScopeWords(options: ScopeBufferOptions): Int32Array {
  const capacity = options.capacity ?? DEFAULT_SCOPE_CAPACITY;
  checkInteger('scope capacity', capacity, MIN_SCOPE_CAPACITY, MAX_SCOPE_CAPACITY);
  if ((capacity & (capacity - 1)) !== 0)
    throw new RangeError(`scope capacity must be a power of two from ${MIN_SCOPE_CAPACITY} to ${MAX_SCOPE_CAPACITY}, got ${describeValue(capacity)}`);
  const rings = options.tracks.length;
  const bytes = scopeWordCount(rings, capacity) * 4;
  const buffer = options.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const words = new Int32Array(buffer);
  words[S_MAGIC] = SCOPE_MAGIC;
  words[S_RINGS] = rings;
  words[S_CAPACITY] = capacity;
  words[S_MAX_BLOCK] = SCOPE_MAX_BLOCK;
  words[S_SAMPLE_RATE] = Math.round(options.sampleRate);
  for (let r = 0; r < rings; r++) words[ringBase(capacity, r) + R_TRACK] = options.tracks[r];
  return words;
}

/** Ring index of bank track `track` in `words`, or −1 when that track is not scoped. */
export function ringOfTrack(words: Int32Array, track: number): number {
  const capacity = words[S_CAPACITY];
  for (let r = 0; r < words[S_RINGS]; r++) if (words[ringBase(capacity, r) + R_TRACK] === track) return r;
  return -1;
}

/** Checks that `words` is a scope buffer (magic, geometry); TypeError naming `owner` if not. */
export function checkScopeWords(owner: string, words: unknown): Int32Array {
  if (!(words instanceof Int32Array) || words.length < SCOPE_HEADER_WORDS || words[S_MAGIC] !== SCOPE_MAGIC) {
    throw new TypeError(`${owner}: words must be a scope buffer from createScopeWords (engine.scopeWords), got ${describeValue(words)}`);
  }
  if (words.length !== scopeWordCount(words[S_RINGS], words[S_CAPACITY])) {
    throw new TypeError(`${owner}: the scope buffer's length (${words.length} words) does not match its header`);
  }
  return words;
}
