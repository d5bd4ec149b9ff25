/**
 * The UI's control words (reset request counters) as one packed message, for the message
 * transport: the UI side packs them from its local bank ({@link packControlWords}), the
 * processor stores them into its own bank ({@link applyControlWords}). The packed layout is
 * derived from the schema: the forwarded header words, then per track the REQUEST_FIELDS.
 * The consumers' acknowledgements are not forwarded: on the processor's side, "consumed"
 * means "posted".
 *
 * Thread: pack on the UI thread, apply on the writer's thread (off the audio callback: in the
 * port's message handler). Neither allocates except `packControlWords` without an `out`.
 */
import { type BankLayout, controlBase, H_RESET_ALL_OVERS, H_RESET_ALL_HOLDS, H_RESET_ALL_LOUDNESS, H_CONTROL_GEN } from './layout';
import { REQUEST_FIELDS } from './schema';

/** Header words the UI writes that the processor needs, in packed order. */
export const FORWARDED_HEADER_WORDS: readonly number[] = Object.freeze([H_RESET_ALL_OVERS, H_RESET_ALL_HOLDS, H_RESET_ALL_LOUDNESS, H_CONTROL_GEN]);

/** Length of a packed control message for a bank of `tracks` tracks. */
export function controlMessageLength(tracks: number): number {
  return FORWARDED_HEADER_WORDS.length + tracks * REQUEST_FIELDS.length;
}

/** Packs the UI's control words of `words` (a bank of `layout`) into `out` (allocated when omitted). */
export function packControlWords(words: Int32Array, layout: BankLayout, out = new Int32Array(controlMessageLength(layout.tracks))): Int32Array {
  const h = FORWARDED_HEADER_WORDS.length;
  for (let i = 0; i < h; i++) out[i] = Atomics.load(words, FORWARDED_HEADER_WORDS[i]);
  for (let t = 0; t < layout.tracks; t++) {
    const kb = controlBase(layout, t);
    const o = h + t * REQUEST_FIELDS.length;
    for (let k = 0; k < REQUEST_FIELDS.length; k++) out[o + k] = Atomics.load(words, kb + REQUEST_FIELDS[k].offset);
  }
  return out;
}

/**
 * Stores a packed control message into `words` (a bank of `layout`). A message of another
 * length (another geometry) is ignored. The control generation word is stored last: publish.
 */
export function applyControlWords(words: Int32Array, layout: BankLayout, packed: Int32Array): void {
  if (packed.length !== controlMessageLength(layout.tracks)) return;
  const h = FORWARDED_HEADER_WORDS.length;
  for (let t = 0; t < layout.tracks; t++) {
    const kb = controlBase(layout, t);
    const o = h + t * REQUEST_FIELDS.length;
    for (let k = 0; k < REQUEST_FIELDS.length; k++) Atomics.store(words, kb + REQUEST_FIELDS[k].offset, packed[o + k]);
  }
  for (let i = 0; i < h; i++) {
    if (FORWARDED_HEADER_WORDS[i] !== H_CONTROL_GEN) Atomics.store(words, FORWARDED_HEADER_WORDS[i], packed[i]);
  }
  // publish: the writer scans the control words only after the generation moved.
  Atomics.store(words, H_CONTROL_GEN, packed[FORWARDED_HEADER_WORDS.indexOf(H_CONTROL_GEN)]);
}
