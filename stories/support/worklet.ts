/**
 * The metering worklet URL for stories.
 *
 * The gallery runs meterkit from `src/` (not the built package), where the package's own
 * lookup (`dist/worklet/processor.js` next to the code) has no file to find. Vite's
 * `?worker&url` bundles the processor into one import-free file (dev and build), and engines
 * in stories get it as `workletUrl`. An app using the published package needs none of this.
 */
import processorUrl from '../../src/worklet/processor.ts?worker&url';

export const WORKLET_URL: string = processorUrl;

/**
 * The render worker for stories, built by Vite from `src/` the same way (`?worker&url`); the
 * gallery's preview passes it to `configureRenderWorker` so every story can paint in the worker.
 */
import renderWorkerUrl from '../../src/render-worker/worker.ts?worker&url';

export const RENDER_WORKER_URL: string = renderWorkerUrl;
