/**
 * The meterkit render worker: paints every meter whose canvas the page transferred to it, from
 * its own animation frames, reading the meter banks directly — so a busy main thread never
 * freezes a meter. One per page, created by meterkit itself (`meterkit/render-worker`).
 *
 * Built alone into one self-contained file (no imports left), like the worklet. This file only
 * adapts `DedicatedWorkerGlobalScope` to {@link WorkerRenderHost}.
 *
 * Thread: the render worker.
 */
import { WorkerRenderHost } from '../core/render-worker/worker-host';
import { RENDER_WORKER_PROTOCOL, type ToRenderWorker, type FromRenderWorker } from '../core/render-worker/protocol';

interface WorkerScope {
  postMessage(message: FromRenderWorker): void;
  onmessage: ((e: MessageEvent<ToRenderWorker>) => void) | null;
  requestAnimationFrame?: (callback: (timeMs: number) => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
  OffscreenCanvas?: unknown;
  fonts?: { add(face: FontFace): void };
  FontFace?: typeof FontFace;
}

const scope = globalThis as unknown as WorkerScope;
const animationFrames = typeof scope.requestAnimationFrame === 'function';
const host = new WorkerRenderHost({
  post: (message) => scope.postMessage(message),
  raf: animationFrames ? scope.requestAnimationFrame!.bind(scope) : undefined,
  caf: animationFrames ? scope.cancelAnimationFrame!.bind(scope) : undefined,
  loadFont:
    scope.FontFace !== undefined && scope.fonts !== undefined
      ? async (family, source, descriptors) => {
          const face = new scope.FontFace!(family, source, descriptors);
          scope.fonts!.add(face);
          await face.load();
        }
      : undefined,
});
scope.onmessage = (e) => host.receive(e.data);
scope.postMessage({ type: 'ready', protocol: RENDER_WORKER_PROTOCOL, offscreen2d: offscreen2d(), animationFrames });

/** True when this worker can draw 2D on an OffscreenCanvas. */
function offscreen2d(): boolean {
  try {
    const Ctor = scope.OffscreenCanvas as (new (w: number, h: number) => { getContext(t: '2d'): unknown }) | undefined;
    return Ctor !== undefined && new Ctor(1, 1).getContext('2d') !== null;
  } catch {
    return false;
  }
}
