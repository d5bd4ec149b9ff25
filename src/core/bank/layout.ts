/**
 * The meter bank's memory layout: one `Int32Array` of words over a `SharedArrayBuffer`
 * (shared transport) or a plain `ArrayBuffer` (message transport). Floats are stored as their
 * IEEE-754 float32 bit patterns and accessed only with `Atomics`, which the ECMAScript memory
 * model guarantees tear-free for integer element types.
 *
 * ```
 * header      HEADER_WORDS words                      (see H_*)
 * tracks      tracks × trackStride words              (writer: the worklet)
 *   SEQ       seqlock word: odd while the writer is inside, +2 per publish
 *   PUBLISH   publish number of this snapshot
 *   channel c CHANNEL_STRIDE words: PEAK, DECAY, HOLD, RMS (float bits), OVERS, NONFINITE
 *             (uint32), BALLISTIC (float bits: the ballistics preset's indication)
 *   extras    EXTRA_WORDS words: momentary, short-term, integrated, LRA, true peak,
 *             correlation, balance, measured seconds (float bits; NaN on tracks where the
 *             measurement is off)
 *   slots     SLOT_WORDS(channels) words, one group per consumer slot k = 0..3:
 *             BASE k (uint32: the CONSUMED k value slot k's peak counts from), then
 *             PEAK k × channels for k = 1..3 (float bits; slot 0's peak is the channel's PEAK)
 * control     tracks × CONTROL_STRIDE words           (writer: the UI)
 *   CLEAR_OVERS, CLEAR_HOLD, RESET_LOUDNESS (request counters),
 *   CONSUMED 0..3 (per consumer slot: the publish number that slot last read)
 * ```
 * The fields of each group are listed once, in schema.ts; the constants below derive from it.
 * Every word has exactly one writer: header words H_RESET_*, H_CONTROL_GEN, H_STOP_REQUEST and
 * H_CONSUMERS and the control region are written by the UI; everything else by the worklet.
 * (Several UI-side threads may claim consumer slots: they change H_CONSUMERS only with atomic
 * read-modify-write, see consumers.ts.)
 *
 * Consumer slots: slot k's PEAK is the max |x| since the publish slot k last acknowledged in
 * its CONSUMED k word, so each consuming reader sees every spike exactly once, whatever the
 * others do. Observing readers read slot 0's PEAK and write nothing. The writer keeps slots
 * 1–3 only while their bit is set in H_CONSUMERS (set and cleared by the UI side when a
 * consumer is created and released): one consumer costs the audio thread what it always did.
 *
 * Thread: pure functions and constants; usable everywhere, including the audio thread.
 */
import { checkInteger, checkNumber, checkOptions, checkBoolean, describeValue } from '../../dsp/validate';
import { CHANNEL_FIELDS, TRACK_FIELDS, CONTROL_FIELDS, SLOT_FIELDS, CONSUMER_SLOTS, offsetOf } from './schema';

export { CONSUMER_SLOTS };

/** Identifies a meterkit bank: ASCII "MTRK". */
export const BANK_MAGIC = 0x4d54524b;
/** Layout version; bumped on any incompatible change (3: H_OVERS_GEN). */
export const BANK_VERSION = 3;

/** Header words (two cache lines; the tracks start 64-byte aligned). */
export const HEADER_WORDS = 32;
/** Header word indices. */
export const H_MAGIC = 0;
export const H_VERSION = 1;
export const H_TRACKS = 2;
export const H_CHANNELS = 3;
/** Sample rate in Hz, float bits. */
export const H_SAMPLE_RATE = 4;
/** Writer: number of publishes so far (wraps at 2^32). */
export const H_PUBLISH = 5;
/** Writer: audio frames rendered (low 32 bits of the audio clock) — the heartbeat. */
export const H_HEARTBEAT = 6;
/** Writer: WRITER_IDLE, WRITER_RUNNING or WRITER_STOPPED. */
export const H_WRITER_STATE = 7;
export const H_TRACK_STRIDE = 8;
/** Writer: FEATURE_* bits of the fields it publishes. */
export const H_FEATURES = 9;
export const H_CONTROL_OFFSET = 10;
/** UI: request counters that apply to every track. */
export const H_RESET_ALL_OVERS = 11;
export const H_RESET_ALL_HOLDS = 12;
export const H_RESET_ALL_LOUDNESS = 13;
/** UI: bumped after any control word changed, so the writer scans only when needed. */
export const H_CONTROL_GEN = 14;
/** UI: non-zero asks the writer to stop for good (the engine was disposed). */
export const H_STOP_REQUEST = 15;
/** UI: bit k set = consumer slot k is in use (claimed by a consuming reader). */
export const H_CONSUMERS = 16;
/**
 * Writer: bumped (wrapping) at the end of every publish that changed any track's OVERS word
 * (a new over, or a reset). A reader that saw the same value last time knows every track's clip
 * latch is as it was, for the cost of one load (clip indicators check 10 times a second).
 */
export const H_OVERS_GEN = 17;

/** Header words the writer updates while running (the message transport mirrors them). */
export const LIVE_HEADER_WORDS: readonly number[] = Object.freeze([H_PUBLISH, H_HEARTBEAT, H_WRITER_STATE, H_FEATURES, H_OVERS_GEN]);

export const WRITER_IDLE = 0;
export const WRITER_RUNNING = 1;
export const WRITER_STOPPED = 2;

/** Feature bits in H_FEATURES. */
export const FEATURE_LOUDNESS = 1;
export const FEATURE_CORRELATION = 2;

/** Track block word offsets. */
export const T_SEQ = 0;
export const T_PUBLISH = 1;
export const T_CHANNELS = 2;

/** Channel field offsets within a channel's words (from CHANNEL_FIELDS in schema.ts). */
export const C_PEAK = offsetOf(CHANNEL_FIELDS, 'peak');
export const C_DECAY = offsetOf(CHANNEL_FIELDS, 'decayingPeak');
export const C_HOLD = offsetOf(CHANNEL_FIELDS, 'hold');
export const C_RMS = offsetOf(CHANNEL_FIELDS, 'rms');
export const C_OVERS = offsetOf(CHANNEL_FIELDS, 'overs');
export const C_NONFINITE = offsetOf(CHANNEL_FIELDS, 'nonFinite');
/** The ballistic indication (PPM, VU, K-system; the decaying peak for digital peak), linear. */
export const C_BALLISTIC = offsetOf(CHANNEL_FIELDS, 'ballistic');
export const CHANNEL_STRIDE = CHANNEL_FIELDS.length;

/** Extra (per-track) field offsets within the extras words (from TRACK_FIELDS in schema.ts). */
export const X_MOMENTARY = offsetOf(TRACK_FIELDS, 'momentary');
export const X_SHORT_TERM = offsetOf(TRACK_FIELDS, 'shortTerm');
export const X_INTEGRATED = offsetOf(TRACK_FIELDS, 'integrated');
export const X_LOUDNESS_RANGE = offsetOf(TRACK_FIELDS, 'loudnessRange');
export const X_TRUE_PEAK = offsetOf(TRACK_FIELDS, 'truePeak');
export const X_CORRELATION = offsetOf(TRACK_FIELDS, 'correlation');
export const X_BALANCE = offsetOf(TRACK_FIELDS, 'balance');
/** Seconds of input in the current integrated / LRA measurement (Tech 3341 §2.4: LRA unstable below 60 s). */
export const X_LOUDNESS_SECONDS = offsetOf(TRACK_FIELDS, 'loudnessSeconds');
export const EXTRA_WORDS = TRACK_FIELDS.length;

/** Control words per track (from CONTROL_FIELDS in schema.ts). */
export const K_CLEAR_OVERS = offsetOf(CONTROL_FIELDS, 'clearOvers');
export const K_CLEAR_HOLD = offsetOf(CONTROL_FIELDS, 'clearHold');
export const K_RESET_LOUDNESS = offsetOf(CONTROL_FIELDS, 'resetLoudness');
/** Consumer slot 0's CONSUMED word; slot k's is K_CONSUMED + k. */
export const K_CONSUMED = offsetOf(CONTROL_FIELDS, 'consumed0');
export const CONTROL_STRIDE = CONTROL_FIELDS.length;

/** Bit pattern of the float32 quiet NaN: "not measured". */
export const NAN_BITS = 0x7fc00000;

/** Limits of a bank (and so of an engine). */
export const MAX_TRACKS = 1024;
export const MAX_CHANNELS = 8;
export const MIN_SAMPLE_RATE = 8000;
export const MAX_SAMPLE_RATE = 192000;

/** Geometry of a bank, derived from tracks and channels. All offsets in words. */
export interface BankLayout {
  readonly tracks: number;
  readonly channels: number;
  readonly trackStride: number;
  readonly extrasOffset: number;
  /** Offset of the consumer slot words within a track block: BASE 0..3, then PEAK 1..3 × channels. */
  readonly slotsOffset: number;
  readonly controlOffset: number;
  readonly totalWords: number;
}

/** Words per track block, padded to 16 words (64 bytes, one cache line). */
export function trackStrideFor(channels: number): number {
  const raw = T_CHANNELS + channels * CHANNEL_STRIDE + EXTRA_WORDS + slotWords(channels);
  return Math.ceil(raw / 16) * 16;
}

/**
 * Computes the layout for `tracks` × `channels`.
 * Throws `RangeError` for tracks outside 1..1024 or channels outside 1..8.
 */
export function bankLayout(tracks: number, channels: number): BankLayout {
  checkInteger('tracks', tracks, 1, MAX_TRACKS);
  checkInteger('channels', channels, 1, MAX_CHANNELS);
  const trackStride = trackStrideFor(channels);
  const controlOffset = HEADER_WORDS + tracks * trackStride;
  return {
    tracks,
    channels,
    trackStride,
    extrasOffset: T_CHANNELS + channels * CHANNEL_STRIDE,
    slotsOffset: T_CHANNELS + channels * CHANNEL_STRIDE + EXTRA_WORDS,
    controlOffset,
    totalWords: controlOffset + tracks * CONTROL_STRIDE,
  };
}

/** Bytes a bank of `tracks` × `channels` needs. */
export function bytesForBank(tracks: number, channels: number): number {
  return bankLayout(tracks, channels).totalWords * 4;
}

/** Word index of track `t`'s block. */
export function trackBase(layout: BankLayout, t: number): number {
  return HEADER_WORDS + t * layout.trackStride;
}

/** Words of a track's consumer slot group: a BASE per slot, a PEAK per channel for slots 1..3. */
export function slotWords(channels: number): number {
  return SLOT_FIELDS.length + (CONSUMER_SLOTS - 1) * channels;
}

/** Offset within a track block of slot `slot`'s BASE word. */
export function slotBaseOffset(layout: BankLayout, slot: number): number {
  return layout.slotsOffset + slot;
}

/**
 * Offset within a track block of slot `slot`'s PEAK word of channel `c`: the channel's PEAK
 * field for slot 0, the slot group's words for slots 1..3.
 */
export function slotPeakOffset(layout: BankLayout, slot: number, c: number): number {
  return slot === 0 ? T_CHANNELS + c * CHANNEL_STRIDE + C_PEAK : layout.slotsOffset + SLOT_FIELDS.length + (slot - 1) * layout.channels + c;
}

/** Word index of track `t`'s control words. */
export function controlBase(layout: BankLayout, t: number): number {
  return layout.controlOffset + t * CONTROL_STRIDE;
}

/** Options of {@link createBankWords}. */
export interface BankInit {
  tracks: number;
  channels: number;
  /** Hz, 8000 to 192000. */
  sampleRate: number;
  /** true: SharedArrayBuffer (needs cross-origin isolation); false: a plain ArrayBuffer. */
  shared: boolean;
}

/**
 * Allocates and initialises a bank. Throws `RangeError` for bad geometry or sample rate, and
 * an Error when `shared` is requested where SharedArrayBuffer is unavailable.
 */
export function createBankWords(init: BankInit): Int32Array {
  checkOptions('createBankWords', init, 'tracks, channels and sampleRate');
  const layout = bankLayout(init.tracks, init.channels);
  checkNumber('sampleRate', init.sampleRate, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, 'Hz');
  if (init.shared !== undefined) checkBoolean('createBankWords: shared', init.shared);
  const bytes = layout.totalWords * 4;
  let buffer: ArrayBufferLike;
  if (init.shared) {
    if (typeof SharedArrayBuffer !== 'function') {
      throw new Error(
        'SharedArrayBuffer is not available: the page is not cross-origin isolated. Serve it with ' +
          '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp", or use the message transport.',
      );
    }
    buffer = new SharedArrayBuffer(bytes);
  } else {
    buffer = new ArrayBuffer(bytes);
  }
  const words = new Int32Array(buffer);
  writeHeader(words, layout, init.sampleRate);
  return words;
}

/** Writes the static header of a freshly allocated bank (before any other thread sees it). */
export function writeHeader(words: Int32Array, layout: BankLayout, sampleRate: number): void {
  const f = new Float32Array(1);
  f[0] = sampleRate;
  const bits = new Int32Array(f.buffer)[0];
  Atomics.store(words, H_MAGIC, BANK_MAGIC);
  Atomics.store(words, H_VERSION, BANK_VERSION);
  Atomics.store(words, H_TRACKS, layout.tracks);
  Atomics.store(words, H_CHANNELS, layout.channels);
  Atomics.store(words, H_SAMPLE_RATE, bits);
  Atomics.store(words, H_TRACK_STRIDE, layout.trackStride);
  Atomics.store(words, H_CONTROL_OFFSET, layout.controlOffset);
}

/**
 * Reads the layout back from a bank's header and checks it is a meterkit bank of this
 * version. Throws an Error describing the mismatch otherwise.
 */
export function layoutFromWords(words: Int32Array): BankLayout {
  if (!(words instanceof Int32Array)) throw new TypeError(`layoutFromWords: words must be an Int32Array of a meter bank, got ${describeValue(words)}`);
  if (words.length < HEADER_WORDS || Atomics.load(words, H_MAGIC) !== BANK_MAGIC) {
    throw new Error('not a meterkit meter bank (bad magic word)');
  }
  const version = Atomics.load(words, H_VERSION);
  if (version !== BANK_VERSION) {
    throw new Error(`meter bank format version ${version} is not supported (this build reads version ${BANK_VERSION})`);
  }
  const layout = bankLayout(Atomics.load(words, H_TRACKS), Atomics.load(words, H_CHANNELS));
  if (layout.totalWords > words.length) throw new Error('meter bank buffer is shorter than its header says');
  return layout;
}
