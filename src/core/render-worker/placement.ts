/**
 * Where a canvas component paints: the one decision of render modes, made on the main thread
 * for every canvas component (React's `useCanvasView` calls it).
 *
 * - `main`: this thread, always.
 * - `worker`: the page's render worker; on the main thread (with one console warning) where the
 *   worker cannot be used: no OffscreenCanvas / `transferControlToOffscreen` / module workers /
 *   worker animation frames, a worker file that fails to load, or a source the worker cannot
 *   read (a custom `MeterSource` without `linkForWorker`).
 * - `auto` (the default): `worker` where it can be used, `main` elsewhere — silently.
 *
 * Thread: main thread. Nothing starts at import.
 */
import { createCanvasHost, type CanvasHost } from '../canvas-host';
import type { MeterSource } from '../meter-source';
import type { CanvasViewFactory, CanvasViewSpec } from '../views/create-canvas-view';
import { canRenderInWorker, getRenderWorker, type RenderMode } from './client';
import { createWorkerCanvasHost } from './worker-canvas-host';

export type Placement = 'worker' | 'main';

let pageDefault: RenderMode = 'auto';

/**
 * The render mode of components that are given none (no `render` prop, no provider's):
 * `'auto'` unless changed here. For tests and apps that want one mode page-wide.
 */
export function setDefaultRenderMode(mode: RenderMode): void {
  if (mode !== 'auto' && mode !== 'worker' && mode !== 'main') {
    throw new RangeError(`setDefaultRenderMode: mode must be one of "auto", "worker", "main", got ${JSON.stringify(mode)}`);
  }
  pageDefault = mode;
}

/** The page-wide default render mode ({@link setDefaultRenderMode}). */
export function defaultRenderMode(): RenderMode {
  return pageDefault;
}

let warnedUnsupported = false;

/** Where a canvas showing `source` paints for the requested `render` mode. */
export function placementFor(render: RenderMode, source: MeterSource | null): Placement {
  if (render === 'main') return 'main';
  const explicit = render === 'worker';
  if (!canRenderInWorker()) {
    if (explicit && !warnedUnsupported && typeof window !== 'undefined') {
      warnedUnsupported = true;
      console.warn('meterkit: render="worker" needs OffscreenCanvas with transferControlToOffscreen and module workers; painting on the main thread instead.');
    }
    return 'main';
  }
  const client = getRenderWorker();
  if (client.state === 'failed') return 'main';
  if (!client.canLink(source)) {
    if (explicit)
      console.warn('meterkit: render="worker" was asked for a source the render worker cannot read (it has no linkForWorker); painting on the main thread.');
    return 'main';
  }
  return 'worker';
}

/**
 * A host for `canvas` at `placement`: the view painted here, or in the render worker. `views`
 * builds the view when it paints on this thread (at `main`, or when the worker cannot take the
 * canvas); the worker builds every type itself.
 */
export function createHostFor(placement: Placement, canvas: HTMLCanvasElement, spec: CanvasViewSpec, views: CanvasViewFactory): CanvasHost {
  return placement === 'worker' ? createWorkerCanvasHost(canvas, spec, getRenderWorker(), views) : createCanvasHost(canvas, spec, views);
}
