/**
 * What the page (main thread) and the render worker agree on: the messages between them.
 * Types and constants only — no side effects, so the worker bundle can import it.
 *
 * ```
 * page                                   render worker
 * new Worker(url)  ───────────────────►  posts `ready` (capabilities) at start
 * source {id, link}  ─────────────────►  a consuming reader of the bank (own consumer slot,
 *                                        or a MessageMirror fed by a port from the worklet)
 * view {id, source, tracks, spec,  ───►  the OffscreenCanvas (transferred), the view built
 *       style, size, canvas}             from its spec; painted in the worker's frame loop
 * view-* (size, style, visible, …) ───►  applied before the next frame
 * mode / advance / ping  ─────────────►  demand mode, one frame, `pong` after it is drawn
 * ```
 * Nothing per frame crosses the threads: levels reach the worker through the bank only.
 *
 * Thread: any.
 */
import type { CanvasViewSpec } from '../views/create-canvas-view';
import type { MeterStyle } from '../render/style';

/** Version of this protocol: a worker file from another meterkit build is refused. */
export const RENDER_WORKER_PROTOCOL = 1;

/**
 * How the worker reads a source's bank.
 * - `shared`: the bank's SharedArrayBuffer words and the consumer slot reserved for the worker.
 * - `port`: a MessagePort on which bank snapshots arrive (`{ type: 'snapshot', words }`, the
 *   message transport's format), straight from the worklet or a manual bank.
 */
export type SourceLink = (
  | { readonly kind: 'shared'; readonly words: Int32Array; readonly consumerSlot: number; readonly staleAfterMs: number }
  | {
      readonly kind: 'port';
      readonly port: MessagePort;
      readonly tracks: number;
      readonly channels: number;
      readonly sampleRate: number;
      readonly staleAfterMs: number;
    }
) & {
  /** Show each reading this long after it is read (output alignment, core/delayed-source.ts); absent or 0: at once. */
  readonly delayMs?: number;
};

/** A source's link for the worker, the objects to transfer with it, and how to undo it. */
export interface WorkerSourceLink {
  readonly link: SourceLink;
  readonly transfer: Transferable[];
  /** Whether the source's platform clock runs now (e.g. `context.state === 'running'`). */
  running(): boolean;
  /** Calls `listener` when {@link running} may have changed; returns the unsubscribe. */
  onRunningChange(listener: () => void): () => void;
  /** Gives back what the link reserved (the consumer slot, the port). Idempotent. */
  release(): void;
  /** Optional (output alignment): the delay now, and a watch of its changes (returns the unsubscribe). */
  delayMs?(): number;
  onDelayChange?(listener: () => void): () => void;
}

export interface ViewGeometry {
  /** CSS px. */
  readonly width: number;
  readonly height: number;
  /** Device px per CSS px. */
  readonly pixelRatio: number;
}

export type ToRenderWorker =
  | { type: 'source'; id: number; link: SourceLink; running: boolean }
  /** The platform clock of a source started or stopped (e.g. AudioContext state). */
  | { type: 'source-running'; id: number; running: boolean }
  /** The output-alignment delay of a source changed, ms. */
  | { type: 'source-delay'; id: number; delayMs: number }
  | { type: 'source-remove'; id: number }
  | {
      type: 'view';
      id: number;
      canvas: OffscreenCanvas;
      spec: CanvasViewSpec;
      style: MeterStyle;
      geometry: ViewGeometry;
      /** Source id, or -1 for none (the view falls to silence). */
      source: number;
      tracks: readonly number[];
      visible: boolean;
    }
  | { type: 'view-spec'; id: number; spec: CanvasViewSpec }
  | { type: 'view-style'; id: number; style: MeterStyle }
  | { type: 'view-geometry'; id: number; geometry: ViewGeometry }
  | { type: 'view-source'; id: number; source: number; tracks: readonly number[] }
  | { type: 'view-visible'; id: number; visible: boolean }
  | { type: 'view-command'; id: number; command: ViewCommand }
  | { type: 'view-remove'; id: number }
  | { type: 'page-visible'; visible: boolean }
  /**
   * A web font for canvas text in the worker (a worker has its own font set: fonts loaded into
   * the page's `document.fonts` are not seen there). `source` is a CSS `url("…")` with an
   * absolute URL, or the font file's bytes.
   */
  | { type: 'font'; family: string; source: string | ArrayBuffer; descriptors: FontFaceDescriptors }
  | { type: 'mode'; mode: 'auto' | 'demand' }
  /** Demand mode: run exactly one frame of `deltaMs`. */
  | { type: 'advance'; deltaMs: number }
  /** Answered with `pong` once every earlier message is applied (and any frame it ran is drawn). */
  | { type: 'ping'; seq: number }
  | { type: 'stats'; seq: number };

/** Commands a view may take besides its data (e.g. the loudness history's reset). */
export type ViewCommand = 'clear-history';

/** Live counts in the worker, for leak tests and diagnostics. */
export interface RenderWorkerStats {
  views: number;
  sources: number;
  /** Hub listeners across every source. */
  listeners: number;
  /** Frame-loop subscriptions. */
  subscribers: number;
  /** Frames run so far. */
  frames: number;
  /** Views painted in the last frame. */
  painted: number;
}

export type FromRenderWorker =
  | { type: 'ready'; protocol: number; offscreen2d: boolean; animationFrames: boolean }
  | { type: 'pong'; seq: number }
  | { type: 'stats'; seq: number; stats: RenderWorkerStats }
  /** Something failed in the worker (a bad message, a view that threw); the page logs it once. */
  | { type: 'error'; message: string };
