/**
 * `meterkit/render-worker` — the meterkit render worker as one self-contained, minified ES
 * module (dist/render-worker.js). It is an asset to start by URL, not a module to import:
 *
 * ```ts
 * const worker = new Worker(new URL('meterkit/render-worker', import.meta.url), { type: 'module' });
 * ```
 *
 * It has no exports. Started as a module Worker it paints transferred OffscreenCanvases from
 * the meter bank; it receives `ToRenderWorker` messages and posts `FromRenderWorker` messages
 * (protocol version `RENDER_WORKER_PROTOCOL`, all from `meterkit/core`). The default render
 * mode of the components starts and drives it for you (`defaultRenderWorkerUrl`).
 *
 * Types only, for tools that need every export to have a declaration; nothing here exists
 * at run time.
 */
export type { ToRenderWorker, FromRenderWorker, RenderWorkerStats } from './core.js';
