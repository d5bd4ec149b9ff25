/**
 * Render modes and what the page can tell about the render worker before starting it; the
 * handle a page-side host holds for a view in the worker.
 *
 * Thread: main thread. Nothing touches `Worker` or the DOM at import.
 */
import type { MeterSource } from '../meter-source';
import type { MeterStyle } from '../render/style';
import type { CanvasViewSpec } from '../views/create-canvas-view';
import type { ViewCommand, ViewGeometry } from './protocol';

/** Where meters paint: `worker` (the render worker), `main` (this thread), `auto` (worker where it works). */
export type RenderMode = 'auto' | 'worker' | 'main';

export const RENDER_MODES: readonly RenderMode[] = ['auto', 'worker', 'main'];

/** How long the worker may take to say `ready` before views fall back to the main thread, ms. */
export const WORKER_READY_TIMEOUT_MS = 5000;

/** True where this page could paint in a worker at all (the worker confirms the rest). */
export function canRenderInWorker(): boolean {
  const g = globalThis as { Worker?: unknown; OffscreenCanvas?: unknown; HTMLCanvasElement?: { prototype: object } };
  return (
    typeof g.Worker === 'function' &&
    typeof g.OffscreenCanvas === 'function' &&
    g.HTMLCanvasElement !== undefined &&
    'transferControlToOffscreen' in g.HTMLCanvasElement.prototype
  );
}

/** A view registered with the worker; every setter posts one message. */
export interface WorkerViewHandle {
  setSpec(spec: CanvasViewSpec): void;
  setStyle(style: MeterStyle): void;
  setGeometry(geometry: ViewGeometry): void;
  setSource(source: MeterSource | null, tracks: readonly number[]): void;
  setVisible(visible: boolean): void;
  command(command: ViewCommand): void;
  /** Removes the view (and releases its source); idempotent. */
  remove(): void;
}

export interface AddViewOptions {
  canvas: HTMLCanvasElement;
  spec: CanvasViewSpec;
  style: MeterStyle;
  geometry: ViewGeometry;
  source: MeterSource | null;
  tracks: readonly number[];
  visible: boolean;
}
