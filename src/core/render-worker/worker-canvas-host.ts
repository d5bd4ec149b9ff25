/**
 * The render-worker implementation of {@link CanvasHost}: the same calls a component makes on
 * the main-thread host, posted to the page's render worker, which owns the canvas from then on.
 *
 * Until the worker has said it is ready, calls are recorded (nothing is transferred, so the
 * canvas is still free). Then the canvas is transferred with the recorded state, or — if the
 * worker cannot be used (failed to load, no OffscreenCanvas 2D, a source the worker cannot
 * read) — a main-thread host is created on the same canvas and replays the state: never a
 * blank meter.
 *
 * Thread: main thread.
 */
import { createCanvasHost, type CanvasHost } from '../canvas-host';
import type { MeterSource } from '../meter-source';
import type { MeterStyle } from '../render/style';
import type { CanvasViewFactory, CanvasViewSpec } from '../views/create-canvas-view';
import type { RenderWorkerClient, WorkerViewHandle } from './client';
import type { ViewGeometry } from './protocol';

/** Where a worker host ended up painting (tests, diagnostics). */
export type HostPlacement = 'pending' | 'worker' | 'main';

export function createWorkerCanvasHost(
  canvas: HTMLCanvasElement,
  spec: CanvasViewSpec,
  client: RenderWorkerClient,
  views: CanvasViewFactory,
): CanvasHost & { readonly placement: HostPlacement } {
  let placement: HostPlacement = 'pending';
  let disposed = false;
  // The recorded state, replayed on whichever host takes over.
  let currentSpec = spec;
  let style: MeterStyle | null = null;
  let geometry: ViewGeometry | null = null;
  let visible = true;
  let source: MeterSource | null = null;
  let tracks: readonly number[] = [];
  let handle: WorkerViewHandle | null = null;
  let main: CanvasHost | null = null;
  let pendingClear = false;

  const toMain = () => {
    placement = 'main';
    canvas.dataset.meterkitRender = 'main';
    main = createCanvasHost(canvas, currentSpec, views);
    if (style !== null) main.setStyle(style);
    if (geometry !== null) main.resize(geometry.width, geometry.height, geometry.pixelRatio);
    main.setVisible(visible);
    main.setTracks(source, tracks);
    if (pendingClear) main.clear();
    main.paint();
  };

  const toWorker = () => {
    try {
      handle = client.addView({
        canvas,
        spec: currentSpec,
        // A layout before any style: the defaults resolved by the caller arrive with setStyle.
        style: style as MeterStyle,
        geometry: geometry ?? { width: 0, height: 0, pixelRatio: 1 },
        source,
        tracks,
        visible,
      });
    } catch (error) {
      // The canvas cannot be transferred (something took its 2D context): paint it here.
      console.warn(
        `meterkit: could not hand the canvas to the render worker (${error instanceof Error ? error.message : String(error)}); painting on the main thread.`,
      );
      handle = null;
    }
    if (handle === null) return toMain(); // the source could not be linked after all
    placement = 'worker';
    canvas.dataset.meterkitRender = 'worker';
    if (pendingClear) handle.command('clear-history');
  };

  void client.ready().then((ok) => {
    if (disposed) return;
    if (ok && style !== null && client.canLink(source)) toWorker();
    else toMain();
  });

  return {
    get placement() {
      return placement;
    },
    setSpec(next) {
      currentSpec = next;
      if (handle !== null) handle.setSpec(next);
      else main?.setSpec(next);
    },
    setStyle(next) {
      style = next;
      if (handle !== null) handle.setStyle(next);
      else main?.setStyle(next);
    },
    resize(width, height, pixelRatio) {
      geometry = { width, height, pixelRatio };
      if (handle !== null) handle.setGeometry(geometry);
      else main?.resize(width, height, pixelRatio);
    },
    setVisible(next) {
      visible = next;
      if (handle !== null) handle.setVisible(next);
      else main?.setVisible(next);
    },
    setTracks(nextSource, nextTracks) {
      source = nextSource;
      tracks = nextTracks;
      if (handle !== null) {
        if (client.canLink(nextSource)) handle.setSource(nextSource, nextTracks);
        else handle.setSource(null, []); // a source only this thread can read: the worker shows silence
      } else main?.setTracks(nextSource, nextTracks);
    },
    clear() {
      if (handle !== null) handle.command('clear-history');
      else if (main !== null) main.clear();
      else pendingClear = true;
    },
    paint() {
      // The worker paints in its own frames; a main-thread fallback paints now.
      main?.paint();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      handle?.remove();
      main?.dispose();
      handle = null;
      main = null;
    },
  };
}
