/**
 * Options of the bank reader (`MeterBankReader`): consuming or observing, consumer slot,
 * staleness clock, retries. Types only.
 */
/** Options of {@link MeterBankReader}; every field optional. */
export interface BankReaderOptions {
  /**
   * This reader is a consumer of the sample peak: it acknowledges what it read, so its next
   * snapshot's `peak` covers only samples after it, and it sees every spike exactly once.
   * Each consumer needs its own slot (`consumerSlot`); observing readers (false) read slot 0's
   * peak and write nothing. Default false.
   */
  consume?: boolean;
  /**
   * The consumer slot of a consuming reader, 0 to CONSUMER_SLOTS − 1 (= 3). Default 0 (the
   * engine's own `bank`). For another consumer claim a slot first (`engine.createConsumer()`,
   * `engine.claimConsumerSlot()` or `claimConsumerSlot(words)`); never give two live readers
   * the same slot, or they take spikes from each other. Only with `consume: true`.
   */
  consumerSlot?: number;
  /** Clock in ms for staleness. Default `performance.now`. */
  now?: () => number;
  /**
   * The heartbeat must move within this many ms, else the reader reports stale (1 to 60,000,
   * or Infinity to ignore the heartbeat, e.g. for hand-written banks). Default 250.
   */
  staleAfterMs?: number;
  /** Extra staleness signal from the platform, e.g. `() => context.state === 'running'`. */
  isClockRunning?: () => boolean;
  /** Seqlock attempts before a read gives up (1 to 10,000). Default 64. */
  maxRetries?: number;
  /**
   * What the platform knows about the source (the engine passes it): `'no-source'` (engine
   * disposed, context closed), `'error'` (processor failed), `'suspended'` (context suspended),
   * or null when nothing is wrong. Read by the reader's `status` (meter-status.ts).
   */
  platformStatus?: () => 'no-source' | 'error' | 'suspended' | null;
  /** Called after this reader wrote a control word (the message transport forwards them). */
  onControl?: () => void;
}
