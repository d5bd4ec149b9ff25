/**
 * Consumer slots of a bank: claiming and releasing them. A slot is in use while its bit is set
 * in the header word H_CONSUMERS; the word is written only by the UI side (readers, engines,
 * workers — with atomic read-modify-write, so threads of that side never lose each other's
 * bits) and read by the writer, which keeps a slot's peaks only while it is claimed.
 *
 * Thread: any thread except the writer's. No allocation.
 */
import { CONSUMER_SLOTS, H_CONSUMERS, layoutFromWords } from './layout';
import { checkInteger, describeValue } from '../../dsp/validate';

/** TypeError naming `owner` unless `words` is a meterkit meter bank. */
function checkBank(owner: string, words: Int32Array): void {
  try {
    layoutFromWords(words);
  } catch (error) {
    throw new TypeError(
      `${owner}: words must be the Int32Array of a meter bank (engine.words, createBankWords), got ${describeValue(words)} (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/**
 * Claims the lowest free consumer slot of `words` and returns its number (0 to
 * CONSUMER_SLOTS − 1). Pass it, with the words, to the thread that will construct
 * `new MeterBankReader(words, { consume: true, consumerSlot })`.
 * Throws an Error when every slot is in use.
 */
export function claimConsumerSlot(words: Int32Array): number {
  checkBank('claimConsumerSlot', words);
  for (;;) {
    const used = Atomics.load(words, H_CONSUMERS);
    let slot = 0;
    while (slot < CONSUMER_SLOTS && (used & (1 << slot)) !== 0) slot++;
    if (slot === CONSUMER_SLOTS) {
      throw new Error(
        `all ${CONSUMER_SLOTS} consumer slots of this meter bank are in use; release one (reader.release() or releaseConsumerSlot) or read with a non-consuming reader`,
      );
    }
    // publish the claim: another UI thread claiming at the same time retries with the new word.
    if (Atomics.compareExchange(words, H_CONSUMERS, used, used | (1 << slot)) === used) return slot;
  }
}

/** Marks consumer slot `slot` (0 to CONSUMER_SLOTS − 1) in use; idempotent. Throws RangeError for a bad slot. */
export function markConsumerSlot(words: Int32Array, slot: number): void {
  checkBank('markConsumerSlot', words);
  checkInteger('consumerSlot', slot, 0, CONSUMER_SLOTS - 1);
  Atomics.or(words, H_CONSUMERS, 1 << slot); // publish: the writer keeps this slot from its next publish
}

/** Frees consumer slot `slot`; the writer stops keeping its peaks. Idempotent. Throws RangeError for a bad slot. */
export function releaseConsumerSlot(words: Int32Array, slot: number): void {
  checkBank('releaseConsumerSlot', words);
  checkInteger('consumerSlot', slot, 0, CONSUMER_SLOTS - 1);
  Atomics.and(words, H_CONSUMERS, ~(1 << slot)); // publish: the writer drops this slot from its next publish
}

/** Bits of the consumer slots in use. */
export function consumerSlotsInUse(words: Int32Array): number {
  return Atomics.load(words, H_CONSUMERS);
}
