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
import {
  type BankLayout,
  createBankWords,
  layoutFromWords,
  trackBase,
  controlBase,
  T_CHANNELS,
  T_PUBLISH,
  CHANNEL_STRIDE,
  C_PEAK,
  H_PUBLISH,
  H_HEARTBEAT,
  H_WRITER_STATE,
  H_FEATURES,
  K_CONSUMED,
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
 * a spike in a snapshot that arrived between two frames is never lost.
 *
 * Thread: main thread only.
 */
export class MessageMirror {
  readonly words: Int32Array;
  readonly layout: BankLayout;
  private readonly local: Float32Array;

  constructor(tracks: number, channels: number, sampleRate: number) {
    this.words = createBankWords({ tracks, channels, sampleRate, shared: false });
    this.layout = layoutFromWords(this.words);
    this.local = new Float32Array(this.words.buffer);
  }

  /** Merges one snapshot posted by the processor (a full copy of its bank words). */
  receive(snapshot: Int32Array): void {
    const w = this.words;
    const { tracks, channels, trackStride } = this.layout;
    if (snapshot.length !== w.length) return; // not ours (different geometry): ignore
    const f = new Float32Array(snapshot.buffer, snapshot.byteOffset, snapshot.length);
    const local = this.local;
    for (let t = 0; t < tracks; t++) {
      const base = trackBase(this.layout, t);
      const consumed = w[controlBase(this.layout, t) + K_CONSUMED];
      const fresh = consumed === w[base + T_PUBLISH];
      for (let c = 0; c < channels; c++) {
        const i = base + T_CHANNELS + c * CHANNEL_STRIDE + C_PEAK;
        // Keep the unread peak: the max of what is waiting and what arrived.
        if (!fresh && local[i] > f[i]) snapshot[i] = w[i];
      }
      w.set(snapshot.subarray(base, base + trackStride), base);
    }
    w[H_PUBLISH] = snapshot[H_PUBLISH];
    w[H_HEARTBEAT] = snapshot[H_HEARTBEAT];
    w[H_WRITER_STATE] = snapshot[H_WRITER_STATE];
    w[H_FEATURES] = snapshot[H_FEATURES];
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
