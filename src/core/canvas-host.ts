/**
 * A canvas host: what a component talks to about one canvas and the view it shows. The host
 * decides where the view runs; this module's `createCanvasHost` runs it here, on the main
 * thread: it builds the view from its spec, sizes the canvas to the view's device size,
 * subscribes the shown tracks through the source's hub (update phase) and paints in the frame
 * loop's draw phase while the canvas is visible (a view without tracks, a scale, paints only on
 * `paint()`: it changes only with layout and style). The render-worker host
 * (render-worker/worker-canvas-host.ts) implements the same interface by transferring the
 * canvas and posting these calls to the worker, where a {@link ViewBinding} runs them.
 *
 * Inputs are resolved: the spec holds validated options, the style is a resolved MeterStyle
 * (read from props and CSS by the caller, on the main thread), sizes are CSS px.
 *
 * Thread: main thread. Nothing allocates per frame.
 */
import { describeValue } from '../dsp/validate';
import type { MeterSource } from './meter-source';
import type { MeterStyle } from './render/style';
import type { Context2D } from './render/context';
import type { CanvasViewSpec, AnyCanvasView, CanvasViewFactory } from './views/create-canvas-view';
import { ViewBinding } from './views/view-binding';

export interface CanvasHost {
  /** Replaces the view by the one `spec` describes (keeping size, style, tracks); it repaints fully. */
  setSpec(spec: CanvasViewSpec): void;
  setStyle(style: MeterStyle): void;
  /** Lays out for `widthCss` × `heightCss` CSS px at `pixelRatio` device px per CSS px. */
  resize(widthCss: number, heightCss: number, pixelRatio: number): void;
  /** Off-screen canvases are not painted; becoming visible repaints everything. */
  setVisible(visible: boolean): void;
  /** Shows `tracks[slot]` of `source` at each view slot (null: none — the view falls to silence at its stale fall rate). */
  setTracks(source: MeterSource | null, tracks: readonly number[]): void;
  /** Forwards {@link CanvasView.clear} (e.g. the loudness history after a reset). */
  clear(): void;
  /** Paints now what changed, outside the frame loop (after a layout or style change). */
  paint(): void;
  /** Unsubscribes everything. The host is unusable afterwards. */
  dispose(): void;
}

/**
 * Main-thread host: the view runs and paints here, on the canvas's own 2D context (a
 * {@link ViewBinding}). `ctx` null (jsdom, no canvas): nothing paints. The canvas says where
 * it is painted in `data-meterkit-render` (`main` here, `worker` for the render worker).
 * `views` builds the view of `spec` and of later specs (e.g. `LEVEL_VIEWS`, or
 * `ALL_CANVAS_VIEWS`); a spec of a type it lacks is a TypeError.
 */
export function createCanvasHost(canvas: HTMLCanvasElement, spec: CanvasViewSpec, views: CanvasViewFactory): CanvasHost & { readonly view: AnyCanvasView } {
  if (typeof canvas !== 'object' || canvas === null || typeof (canvas as HTMLCanvasElement).getContext !== 'function')
    throw new TypeError(`createCanvasHost: canvas must be an HTMLCanvasElement, got ${describeValue(canvas)}`);
  let ctx: Context2D | null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null; // jsdom without a canvas backend throws "not implemented"
  }
  canvas.dataset.meterkitRender = 'main';
  return new ViewBinding(canvas, ctx, spec, views);
}
