/**
 * The spectrum bank: the one-third-octave readings of the tracks an engine analyses
 * (`spectrum: [tracks]`), in their own block of Int32 words — a SharedArrayBuffer on the
 * `shared` transport — with the same discipline as the meter bank: one writer (the worklet),
 * any number of readers, float32 bit patterns in Int32 slots through `Atomics`, and a seqlock
 * per track so a reader never sees half of one publish and half of the next.
 *
 * ```
 * header (8 words):  MAGIC · VERSION · slots · bands (31) · sampleRate · 0 · 0 · 0
 * slot table:        the bank track of every slot (padded to a multiple of 8)
 * per slot (64):     seq · publishes · level[31] · hold[31]      (levels in dB re a full-scale sine)
 * ```
 *
 * On the `message` transport the worklet posts a copy of its (plain) block with each bank
 * snapshot and the engine copies it into its own; readers are the same.
 *
 * Thread: any. `SpectrumBankWriter.publish` and `SpectrumBankReader.readInto` allocate nothing.
 */
import { checkInteger, describeValue } from '../../dsp/validate';
import { BAND_COUNT } from '../../dsp/octave-bands';

export const SPECTRUM_MAGIC = 0x4d4b5350; // "MKSP"
export const SPECTRUM_VERSION = 1;
const HEADER = 8;
/** Words per slot: seq, publishes, levels, holds. */
export const SPECTRUM_STRIDE = 2 + 2 * BAND_COUNT;
const SEQ = 0;
const PUBLISHES = 1;
const LEVELS = 2;
const HOLDS = 2 + BAND_COUNT;
/** Reader attempts before it gives up on a snapshot (the writer publishes in well under a microsecond). */
const READ_RETRIES = 16;

function tableWords(slots: number): number {
  return Math.ceil(slots / 8) * 8;
}

/** Creates the block for `tracks` (bank track indices, one slot each, in order). */
export function createSpectrumWords(o: { tracks: readonly number[]; sampleRate: number; shared: boolean }): Int32Array {
  const slots = o.tracks.length;
  const length = HEADER + tableWords(slots) + slots * SPECTRUM_STRIDE;
  const words = o.shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
  words[0] = SPECTRUM_MAGIC;
  words[1] = SPECTRUM_VERSION;
  words[2] = slots;
  words[3] = BAND_COUNT;
  words[4] = Math.round(o.sampleRate);
  o.tracks.forEach((t, i) => (words[HEADER + i] = t));
  const f = new Float32Array(1);
  const bits = new Int32Array(f.buffer);
  f[0] = -Infinity;
  for (let s = 0; s < slots; s++) {
    const base = slotBase(words, s);
    for (let b = 0; b < 2 * BAND_COUNT; b++) words[base + LEVELS + b] = bits[0];
  }
  return words;
}

/** Checks that `words` is a spectrum bank (TypeError / RangeError naming `owner`). */
export function checkSpectrumWords(owner: string, words: unknown): Int32Array {
  if (!(words instanceof Int32Array))
    throw new TypeError(`${owner}: spectrum must be an engine with a spectrum (spectrum: [tracks]) or its spectrumWords, got ${describeValue(words)}`);
  if (words.length < HEADER || words[0] !== SPECTRUM_MAGIC || words[1] !== SPECTRUM_VERSION || words[3] !== BAND_COUNT) {
    throw new RangeError(`${owner}: spectrum is not a meterkit spectrum bank (engine.spectrumWords)`);
  }
  return words;
}

/** Slots in a spectrum bank. */
export function spectrumSlots(words: Int32Array): number {
  return words[2];
}

/** The slot of bank track `track`, or −1 when the engine does not analyse it. */
export function spectrumSlotOf(words: Int32Array, track: number): number {
  for (let s = 0, n = words[2]; s < n; s++) if (words[HEADER + s] === track) return s;
  return -1;
}

/** The bank tracks analysed, in slot order. */
export function spectrumTracksOf(words: Int32Array): number[] {
  return Array.from(words.subarray(HEADER, HEADER + words[2]));
}

function slotBase(words: Int32Array, slot: number): number {
  return HEADER + tableWords(words[2]) + slot * SPECTRUM_STRIDE;
}

/** The one writer (the worklet). */
export class SpectrumBankWriter {
  private readonly f = new Float32Array(1);
  private readonly bits = new Int32Array(this.f.buffer);
  constructor(private readonly words: Int32Array) {}

  /** Publishes the 31 levels and holds (dB) of `slot` under its seqlock. */
  publish(slot: number, levels: Float32Array, holds: Float32Array): void {
    const w = this.words;
    const base = slotBase(w, slot);
    const seq = Atomics.load(w, base + SEQ);
    Atomics.store(w, base + SEQ, seq + 1); // odd: writing
    for (let b = 0; b < BAND_COUNT; b++) {
      this.f[0] = levels[b];
      Atomics.store(w, base + LEVELS + b, this.bits[0]);
      this.f[0] = holds[b];
      Atomics.store(w, base + HOLDS + b, this.bits[0]);
    }
    // 1 … 2^31 − 1, wrapping past 0 (248 days of publishes at 100 Hz): > 0 means "published".
    Atomics.store(w, base + PUBLISHES, (Atomics.load(w, base + PUBLISHES) + 1) & 0x7fffffff || 1);
    Atomics.store(w, base + SEQ, seq + 2); // even: done
  }
}

/** A reader of one spectrum bank (any thread). */
export class SpectrumBankReader {
  readonly words: Int32Array;
  private readonly f = new Float32Array(1);
  private readonly bits = new Int32Array(this.f.buffer);
  constructor(words: Int32Array) {
    this.words = checkSpectrumWords('SpectrumBankReader', words);
  }

  /**
   * Copies slot `slot`'s 31 levels and holds (dB re a full-scale sine) into `levels` and `holds`
   * (from index 0) as one consistent publish. Returns the publish count read (1 … 2^31 − 1,
   * wrapping to 1; 0: nothing published yet), or −1 when the writer kept publishing through every attempt (the arrays may
   * then hold a mix; keep the previous frame's values).
   */
  readInto(slot: number, levels: Float32Array, holds: Float32Array): number {
    const w = this.words;
    const base = slotBase(w, slot);
    for (let attempt = 0; attempt < READ_RETRIES; attempt++) {
      const before = Atomics.load(w, base + SEQ);
      if ((before & 1) !== 0) continue;
      for (let b = 0; b < BAND_COUNT; b++) {
        this.bits[0] = Atomics.load(w, base + LEVELS + b);
        levels[b] = this.f[0];
        this.bits[0] = Atomics.load(w, base + HOLDS + b);
        holds[b] = this.f[0];
      }
      const publishes = Atomics.load(w, base + PUBLISHES);
      if (Atomics.load(w, base + SEQ) === before) return publishes;
    }
    return -1;
  }

  /** The slot of bank track `track` (RangeError naming the analysed tracks when there is none). */
  slotOf(track: number): number {
    checkInteger('SpectrumBankReader: track', track, 0, 1023);
    const slot = spectrumSlotOf(this.words, track);
    if (slot < 0) {
      throw new RangeError(
        `SpectrumBankReader: bank track ${track} has no spectrum; analysed tracks: [${spectrumTracksOf(this.words).join(', ')}] (add it to the engine's spectrum option)`,
      );
    }
    return slot;
  }
}
