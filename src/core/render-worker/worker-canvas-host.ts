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
 * A canvas can be transferred only once, but React may dispose a host and make a new one on the
 * same `<canvas>` element: StrictMode's second mount in development, an `<Activity>` shown again.
 * So a disposed host's worker view is parked (hidden) while its canvas is still in the document,
 * and a new host on that canvas adopts it (sending its own spec, style, geometry and tracks)
 * instead of transferring again; the view is removed once the canvas has left the document
 * (checked a task after the dispose, then every second).
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

/** How often a parked view checks whether its canvas has left the document, ms. */
export const PARKED_CHECK_MS = 1000;

interface ParkedView {
  readonly client: RenderWorkerClient;
  readonly handle: WorkerViewHandle;
  /** The spec the view was built from (an adopter with the same one keeps the view and its state). */
  readonly spec: CanvasViewSpec;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Worker views of disposed hosts, by their (already transferred) canvas. */
const parked = new WeakMap<HTMLCanvasElement, ParkedView>();

/** Keeps `handle` (hidden) for a later host on `canvas`; removes it once the canvas is out of the document. */
function park(canvas: HTMLCanvasElement, client: RenderWorkerClient, handle: WorkerViewHandle, spec: CanvasViewSpec): void {
  handle.setVisible(false);
  const entry: ParkedView = { client, handle, spec, timer: undefined };
  const check = () => {
    if (parked.get(canvas) !== entry) return;
    if (canvas.isConnected) {
      entry.timer = setTimeout(check, PARKED_CHECK_MS);
      return;
    }
    parked.delete(canvas);
    handle.remove();
  };
  entry.timer = setTimeout(check, 0);
  parked.set(canvas, entry);
}

/** The parked view of `canvas` on `client`, taken out of the parking (null: none). */
function unpark(canvas: HTMLCanvasElement, client: RenderWorkerClient): ParkedView | null {
  const entry = parked.get(canvas);
  if (entry === undefined || entry.client !== client) return null;
  parked.delete(canvas);
  clearTimeout(entry.timer);
  return entry;
}

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

  /** Takes over the view an earlier host on this canvas left in the worker, with this host's state. */
  const adopt = (entry: ParkedView) => {
    const kept = entry.handle;
    handle = kept;
    placement = 'worker';
    canvas.dataset.meterkitRender = 'worker';
    // The same view type and options (e.g. an <Activity> shown again): keep the view and its state.
    if (entry.spec.type !== currentSpec.type || entry.spec.options !== currentSpec.options) kept.setSpec(currentSpec);
    if (style !== null) kept.setStyle(style);
    if (geometry !== null) kept.setGeometry(geometry);
    kept.setVisible(visible);
    if (client.canLink(source)) kept.setSource(source, tracks);
    else kept.setSource(null, []);
    if (pendingClear) kept.command('clear-history');
  };

  void client.ready().then((ok) => {
    if (disposed) return;
    const kept = unpark(canvas, client);
    if (kept !== null) adopt(kept);
    else if (ok && style !== null && client.canLink(source)) toWorker();
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
      // The canvas stays the worker's: park the view for a host made on it again (see above).
      if (handle !== null) park(canvas, client, handle, currentSpec);
      main?.dispose();
      handle = null;
      main = null;
    },
  };
}
