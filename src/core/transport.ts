/**
 * How the bank travels from the audio thread to the UI.
 *
 * - `shared`: one SharedArrayBuffer both threads see (needs cross-origin isolation:
 *   COOP `same-origin` + COEP `require-corp`). Zero copies, zero messages.
 * - `message`: no shared memory. The processor keeps the same bank layout in a plain
 *   ArrayBuffer and posts a copy over its MessagePort at `messageRateHz` (≥ 60 Hz); the main
 *   thread merges each copy into its own local bank ({@link MessageMirror}) so the reader API
 *   is identical. Costs one structured-clone copy per post and allocates on the main thread.
 */
import { checkOneOf } from '../dsp/validate';
import {
  type BankLayout,
  createBankWords,
  layoutFromWords,
  trackBase,
  controlBase,
  T_PUBLISH,
  H_CONSUMERS,
  H_WRITER_STATE,
  K_CONSUMED,
  CONSUMER_SLOTS,
  LIVE_HEADER_WORDS,
  slotPeakOffset,
  slotBaseOffset,
  WRITER_STOPPED,
} from './bank/layout';
import { packControlWords } from './bank/control';
import type { TransportKind } from './protocol';

export type { TransportKind };
/** Requested transport: `auto` picks `shared` when the page is cross-origin isolated. */
export type TransportRequest = 'auto' | TransportKind;

/** True when SharedArrayBuffer can be used (the page is cross-origin isolated). */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/**
 * Resolves a transport request. Throws an Error explaining the required headers when `shared`
 * is requested on a page that is not cross-origin isolated.
 */
export function chooseTransport(request: TransportRequest): TransportKind {
  checkOneOf('chooseTransport: transport', request, ['auto', 'shared', 'message'] as const);
  if (request === 'message') return 'message';
  if (canShareMemory()) return 'shared';
  if (request === 'shared') {
    throw new Error(
      'transport "shared" needs SharedArrayBuffer, but this page is not cross-origin isolated. Serve it with ' +
        '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp", or use transport "auto" or "message".',
    );
  }
  return 'message';
}

/**
 * The main-thread side of the message transport: a local bank that receives the processor's
 * snapshots. Sample peaks are merged (max) until the local consuming reader has read them, so
 * a spike in a snapshot that arrived between two frames is never lost — for each local
 * consumer slot separately.
 *
 * Thread: main thread only.
 */
export class MessageMirror {
  readonly words: Int32Array;
  readonly layout: BankLayout;
  private readonly local: Float32Array;
  /** Per slot and channel: the merged peak of the track being received. */
  private readonly merged: Float32Array;

  constructor(tracks: number, channels: number, sampleRate: number) {
    this.words = createBankWords({ tracks, channels, sampleRate, shared: false });
    this.layout = layoutFromWords(this.words);
    this.local = new Float32Array(this.words.buffer);
    this.merged = new Float32Array(CONSUMER_SLOTS * channels);
  }

  /**
   * Merges one snapshot posted by the processor (a full copy of its bank words). For every
   * consumer slot in use on this side, the slot's peak becomes the snapshot's peak if the
   * slot's consumer read the previous local snapshot, else the max of both (so a spike
   * waits for it), and its BASE is the slot's acknowledgement (the mirror is on the
   * consumers' thread, so that is exact).
   */
  receive(snapshot: Int32Array): void {
    const w = this.words;
    const layout = this.layout;
    const { tracks, channels } = layout;
    if (snapshot.length !== w.length) return; // not ours (different geometry): ignore
    const f = new Float32Array(snapshot.buffer, snapshot.byteOffset, snapshot.length);
    const local = this.local;
    const slots = (w[H_CONSUMERS] & ((1 << CONSUMER_SLOTS) - 1)) | 1;
    for (let t = 0; t < tracks; t++) {
      const base = trackBase(layout, t);
      const kb = controlBase(layout, t) + K_CONSUMED;
      const published = w[base + T_PUBLISH];
      // Merge into a copy of the posted slot words first: the track's words are replaced below.
      for (let k = CONSUMER_SLOTS - 1; k >= 0; k--) {
        if ((slots & (1 << k)) === 0) continue;
        const fresh = w[kb + k] === published;
        for (let c = 0; c < channels; c++) {
          const arrived = f[base + slotPeakOffset(layout, 0, c)];
          const i = base + slotPeakOffset(layout, k, c);
          // Keep the unread peak: the max of what is waiting and what arrived.
          this.merged[k * channels + c] = !fresh && local[i] > arrived ? local[i] : arrived;
        }
      }
      w.set(snapshot.subarray(base, base + layout.trackStride), base);
      for (let k = 0; k < CONSUMER_SLOTS; k++) {
        if ((slots & (1 << k)) === 0) continue;
        for (let c = 0; c < channels; c++) local[base + slotPeakOffset(layout, k, c)] = this.merged[k * channels + c];
        w[base + slotBaseOffset(layout, k)] = w[kb + k];
      }
    }
    for (const h of LIVE_HEADER_WORDS) w[h] = snapshot[h];
  }

  /** Marks the local bank stopped (the processor was disposed). */
  stop(): void {
    this.words[H_WRITER_STATE] = WRITER_STOPPED;
  }

  /** The UI's control words packed as the processor expects them (see ControlMessage). Allocates. */
  controlWords(): Int32Array {
    return packControlWords(this.words, this.layout);
  }
}
