/**
 * A canvas host: what a component talks to about one canvas and the view it shows. The host
 * decides where the view runs; this module's `createCanvasHost` runs it here, on the main
 * thread: it builds the view from its spec, sizes the canvas to the view's device size,
 * subscribes the shown tracks through the source's hub (update phase) and paints in the frame
 * loop's draw phase while the canvas is visible (a view without tracks, a scale, paints only on
 * `paint()`: it changes only with layout and style). A render worker host would implement the same
 * interface by transferring the canvas and posting these calls as messages.
 *
 * Inputs are resolved: the spec holds validated options, the style is a resolved MeterStyle
 * (read from props and CSS by the caller, on the main thread), sizes are CSS px.
 *
 * Thread: main thread. Nothing allocates per frame.
 */
import type { MeterSource } from './meter-source';
import { getMeterHub } from './meter-hub';
import { getFrameLoop } from './frame-loop';
import type { MeterStyle } from './render/style';
import type { Context2D } from './render/context';
import { createCanvasView, type CanvasViewSpec, type AnyCanvasView } from './views/create-canvas-view';

export interface CanvasHost {
  /** Replaces the view by the one `spec` describes (keeping size, style, tracks); it repaints fully. */
  setSpec(spec: CanvasViewSpec): void;
  setStyle(style: MeterStyle): void;
  /** Lays out for `widthCss` × `heightCss` CSS px at `pixelRatio` device px per CSS px. */
  resize(widthCss: number, heightCss: number, pixelRatio: number): void;
  /** Off-screen canvases are not painted; becoming visible repaints everything. */
  setVisible(visible: boolean): void;
  /** Shows `tracks[slot]` of `source` at each view slot (null: nothing). */
  setTracks(source: MeterSource | null, tracks: readonly number[]): void;
  /** Forwards {@link CanvasView.clear} (e.g. the loudness history after a reset). */
  clear(): void;
  /** Paints now what changed, outside the frame loop (after a layout or style change). */
  paint(): void;
  /** Unsubscribes everything. The host is unusable afterwards. */
  dispose(): void;
}

/** Main-thread host: the view runs and paints here. `ctx` null (jsdom, no canvas): nothing paints. */
export function createCanvasHost(canvas: HTMLCanvasElement, spec: CanvasViewSpec): CanvasHost & { readonly view: AnyCanvasView } {
  let ctx: Context2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null; // jsdom without a canvas backend throws "not implemented"
  }
  let view = createCanvasView(spec);
  let style: MeterStyle | null = null;
  let size: [number, number, number] | null = null;
  let visible = true;
  let source: MeterSource | null = null;
  let tracks: readonly number[] = [];
  let offTracks: (() => void)[] = [];

  const paint = () => {
    if (visible && ctx !== null) view.draw(ctx);
  };
  // Only views that show tracks change between frames; a scale paints when its host is told to.
  let offDraw: (() => void) | null = null;
  const syncDraw = () => {
    if (view.tracks > 0 && offDraw === null) offDraw = getFrameLoop().subscribe(paint, 'draw');
    else if (view.tracks === 0 && offDraw !== null) {
      offDraw();
      offDraw = null;
    }
  };
  syncDraw();
  const resizeView = (w: number, h: number, dpr: number) => {
    view.resize(w, h, dpr);
    // Resizing a canvas clears it: only when the device size really changed.
    if (canvas.width !== view.deviceWidth) canvas.width = view.deviceWidth;
    if (canvas.height !== view.deviceHeight) canvas.height = view.deviceHeight;
  };
  const subscribe = () => {
    for (const off of offTracks) off();
    offTracks = [];
    if (source === null) return;
    const hub = getMeterHub(source);
    const v = view;
    const n = Math.min(tracks.length, v.tracks);
    for (let slot = 0; slot < n; slot++) offTracks.push(hub.subscribe(tracks[slot], (levels, clock) => v.update(slot, levels, clock)));
  };

  return {
    get view() {
      return view;
    },
    setSpec(next) {
      view = createCanvasView(next);
      if (style !== null) view.setStyle(style);
      if (size !== null) resizeView(size[0], size[1], size[2]);
      if (ctx !== null) ctx.clearRect(0, 0, canvas.width, canvas.height);
      syncDraw();
      subscribe();
    },
    setStyle(next) {
      style = next;
      view.setStyle(next);
    },
    resize(w, h, dpr) {
      size = [w, h, dpr];
      resizeView(w, h, dpr);
    },
    setVisible(next) {
      visible = next;
      if (next) view.invalidate();
    },
    setTracks(nextSource, nextTracks) {
      source = nextSource;
      tracks = nextTracks;
      subscribe();
    },
    clear() {
      view.clear?.();
    },
    paint,
    dispose() {
      source = null;
      subscribe();
      offDraw?.();
      offDraw = null;
    },
  };
}
