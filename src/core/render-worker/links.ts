/**
 * How a meter source offers itself to the render worker (`MeterSource.linkForWorker`):
 *
 * - a bank in a SharedArrayBuffer: the words and a consumer slot of its own, claimed here and
 *   given back on release — so the worker's reads take no spike away from any other consumer
 *   (engine.bank, a `useTrackMeters` callback) and see every spike exactly once;
 * - a bank without shared memory: a MessagePort on which the bank's writer posts its snapshots
 *   (the message transport's format), straight from the audio thread for an engine.
 *
 * Thread: main thread.
 */
import { claimConsumerSlot, releaseConsumerSlot } from '../bank/consumers';
import type { MeterSource } from '../meter-source';
import type { WorkerSourceLink } from './protocol';

/** Link factories of sources meterkit made (an engine's bank, a manual bank's source). */
const factories = new WeakMap<MeterSource, () => WorkerSourceLink | null>();

/** Registers how `source` links to the render worker (used by the engine and the manual bank). */
export function registerWorkerLink(source: MeterSource, factory: () => WorkerSourceLink | null): void {
  factories.set(source, factory);
}

/** True when `source` can offer a link (registered, or its own `linkForWorker`). */
export function isLinkable(source: MeterSource): boolean {
  return factories.has(source) || typeof source.linkForWorker === 'function';
}

/** A fresh link for `source` (null when it cannot link now). */
export function linkOf(source: MeterSource): WorkerSourceLink | null {
  const factory = factories.get(source);
  if (factory !== undefined) return factory();
  return typeof source.linkForWorker === 'function' ? source.linkForWorker() : null;
}

export interface LinkClock {
  staleAfterMs: number;
  /** Whether the source's platform clock runs now. */
  running(): boolean;
  /** Subscribes to changes of {@link running}; returns the unsubscribe. */
  onRunningChange(listener: () => void): () => void;
}

/** A link to a shared bank through a freshly claimed consumer slot; null when all slots are taken. */
export function sharedBankLink(words: Int32Array, clock: LinkClock): WorkerSourceLink | null {
  let slot: number;
  try {
    slot = claimConsumerSlot(words);
  } catch {
    return null; // every consumer slot is in use: the caller paints on the main thread
  }
  let released = false;
  return {
    link: { kind: 'shared', words, consumerSlot: slot, staleAfterMs: clock.staleAfterMs },
    transfer: [],
    running: clock.running,
    onRunningChange: clock.onRunningChange,
    release() {
      if (released) return;
      released = true;
      releaseConsumerSlot(words, slot);
    },
  };
}

/** A link through `port` (transferred to the worker), on which bank snapshots arrive. */
export function portBankLink(
  port: MessagePort,
  geometry: { tracks: number; channels: number; sampleRate: number },
  clock: LinkClock,
  release: () => void,
): WorkerSourceLink {
  let released = false;
  return {
    link: { kind: 'port', port, ...geometry, staleAfterMs: clock.staleAfterMs },
    transfer: [port],
    running: clock.running,
    onRunningChange: clock.onRunningChange,
    release() {
      if (released) return;
      released = true;
      release();
    },
  };
}

/** A clock that always runs (manual banks: staleness comes from the writer state only). */
export const ALWAYS_RUNNING: Omit<LinkClock, 'staleAfterMs'> = {
  running: () => true,
  onRunningChange: () => () => {},
};
