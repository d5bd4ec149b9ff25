/**
 * The meter bank's schema: one table of every field, from which the layout constants
 * (layout.ts), the writer, both reader methods, the message mirror, the manual bank and the
 * control-message packing are derived. Add a field here and everything else follows (the
 * layout header comment in layout.ts draws the same table as a picture: keep them together).
 *
 * A field's `offset` is its index in its group's list (words from the start of the channel's
 * words, the track's extras, or the track's control words). `kind` says how the word's 32 bits
 * are read: `float` (IEEE-754 float32 bit pattern) or `uint` (unsigned count). `writer` is the
 * one side that writes the word (one writer per word).
 *
 * Thread: constants only; usable everywhere, including the audio thread.
 */

/** How a word's 32 bits are read. */
export type FieldKind = 'float' | 'uint';
/** Which side writes a word: the worklet (bank writer) or the UI (readers' requests). */
export type FieldWriter = 'worklet' | 'ui';

/** One field of the bank. */
export interface BankField {
  /** The field's name; for channel and track fields also its key in `TrackLevels`. */
  readonly name: string;
  /** Word offset within its group (channel words, track extras, control words, header). */
  readonly offset: number;
  readonly kind: FieldKind;
  readonly writer: FieldWriter;
}

function table<const N extends string>(names: readonly N[], kinds: Partial<Record<N, FieldKind>>, writer: FieldWriter) {
  return Object.freeze(names.map((name, offset) => Object.freeze({ name, offset, kind: kinds[name] ?? 'float', writer }))) as readonly (BankField & {
    readonly name: N;
  })[];
}

/**
 * Per channel (writer: the worklet), in bank order. Linear amplitude unless stated.
 * `peak` is the sample peak of consumer slot 0 (see SLOT_PEAK in layout.ts for slots 1–3).
 */
export const CHANNEL_FIELDS = table(
  ['peak', 'decayingPeak', 'hold', 'rms', 'overs', 'nonFinite', 'ballistic'] as const,
  { overs: 'uint', nonFinite: 'uint' },
  'worklet',
);

/**
 * Per track, after the channels (writer: the worklet; NaN on tracks where the measurement is
 * off): LUFS, LUFS, LUFS, LU, dBTP, −1..+1, −1..+1, seconds.
 */
export const TRACK_FIELDS = table(
  ['momentary', 'shortTerm', 'integrated', 'loudnessRange', 'truePeak', 'correlation', 'balance', 'loudnessSeconds'] as const,
  {},
  'worklet',
);

/**
 * Consumers of the sample peak that each see every spike exactly once (slot 0: the engine's
 * `bank`; slots 1–3: `engine.createConsumer()`). Per slot a track carries a BASE word and,
 * for slots 1–3, one PEAK word per channel (slot 0's is the channel's `peak` field); the
 * control region carries one `consumed` word per slot.
 */
export const CONSUMER_SLOTS = 4;

/**
 * Per track after the extras (writer: the worklet), under the seqlock: `base0..3`, the
 * acknowledgement (`consumed` word) each slot's peak is counted from; then `peak1..3` × channels.
 */
export const SLOT_FIELDS = table(['base0', 'base1', 'base2', 'base3'] as const, { base0: 'uint', base1: 'uint', base2: 'uint', base3: 'uint' }, 'worklet');

/**
 * Per track in the control region (writer: the UI). The first three are request counters the
 * writer compares with what it saw last; `consumed0..3` are the consumer slots'
 * acknowledgements (the publish number each slot last read).
 */
export const CONTROL_FIELDS = table(
  ['clearOvers', 'clearHold', 'resetLoudness', 'consumed0', 'consumed1', 'consumed2', 'consumed3'] as const,
  { clearOvers: 'uint', clearHold: 'uint', resetLoudness: 'uint', consumed0: 'uint', consumed1: 'uint', consumed2: 'uint', consumed3: 'uint' },
  'ui',
);

/** The control fields that are request counters (forwarded by the message transport). */
export const REQUEST_FIELDS = CONTROL_FIELDS.filter((f) => !f.name.startsWith('consumed'));

/** Names of the per-channel fields, in bank order. */
export type ChannelFieldName = (typeof CHANNEL_FIELDS)[number]['name'];
/** Names of the per-track fields, in bank order. */
export type TrackFieldName = (typeof TRACK_FIELDS)[number]['name'];

/** Offset of the field called `name` in `fields` (throws at load time for a typo). */
export function offsetOf<N extends string>(fields: readonly (BankField & { readonly name: N })[], name: N): number {
  const f = fields.find((x) => x.name === name);
  if (f === undefined) throw new Error(`meter bank schema has no field ${name}`);
  return f.offset;
}
