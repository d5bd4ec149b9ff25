/**
 * The one contract of every canvas view (level meters, loudness, correlation, scale): a
 * platform-free object that turns readings into pixels on a 2D context it is handed. The same
 * view runs on the main thread (an `HTMLCanvasElement`'s context) and in the render worker (an
 * `OffscreenCanvas`'s context) with identical pixels.
 *
 * A view never touches `document`, `window`, observers, `getComputedStyle`, React or a canvas
 * element: its host (a React hook on the main thread, the render worker) measures sizes,
 * resolves styles, owns the canvas and calls the view in the frame loop's phases:
 *
 * ```
 * host, on change:   setStyle(style) · resize(w, h, dpr) → size the canvas to deviceWidth × deviceHeight
 * frame, update:     update(slot, levels, clock) for each source track the view shows (view.tracks)
 * frame, draw:       draw(ctx) — repaints only what changed; true if it painted
 * host, on demand:   invalidate() — the next draw repaints everything (canvas cleared, made visible)
 * host, on demand:   clear?() — forget accumulated state (the loudness history after a reset)
 * ```
 *
 * Every constructor takes plain, structured-cloneable data (resolved options, resolved style),
 * so a view can be described in a message and built in a worker ({@link CanvasViewSpec}).
 *
 * Thread: any (main thread or a worker). `update` and `draw` allocate nothing.
 */
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';

import type { Context2D } from '../render/context';

export type { Context2D } from '../render/context';

export interface CanvasView<Style> {
  /** Backing-store size in device pixels for the last `resize` (0 before). The host sizes the canvas to it. */
  readonly deviceWidth: number;
  readonly deviceHeight: number;
  /** Number of source tracks the view shows (0 for a scale): `update` slots are 0 … tracks − 1. */
  readonly tracks: number;
  /** Sets the resolved style (colours, font, zones); the next draw repaints everything. */
  setStyle(style: Style): void;
  /**
   * Lays the view out for `widthCss` × `heightCss` CSS px at `pixelRatio` device px per CSS px.
   * Returns true when the device-pixel size changed (the host then resizes the canvas, which
   * clears it); the next draw repaints everything after any layout change.
   */
  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean;
  /** Takes the latest snapshot of the source track shown at `slot`. Allocates nothing. */
  update(slot: number, levels: TrackLevels, clock: FrameClock): void;
  /** Repaints what changed since the last draw onto `ctx`; true if anything was painted. */
  draw(ctx: Context2D): boolean;
  /** Marks everything for a full repaint at the next draw. */
  invalidate(): void;
  /**
   * Forgets what the view accumulated over time (only views with a memory have it: the loudness
   * history). Added to the contract because a user action on the main thread (a loudness reset)
   * must reach a view that may live in the render worker.
   */
  clear?(): void;
  /**
   * Optional, for views that read their own buffers besides the track snapshots (the
   * spectrum): how long after measurement the shown source presents its readings, ms (its
   * {@link MeterSource.delayMs}; 0 without one). The host calls it before each frame's first
   * `update`; the view delays its own readings by as much.
   */
  setSourceDelay?(delayMs: number): void;
}

/** Where a view keeps its backing-store size. */
export interface DeviceSized {
  deviceWidth: number;
  deviceHeight: number;
}

/**
 * Sets `view`'s device size for a CSS size at `pixelRatio` (rounded to whole device pixels);
 * returns true when it changed. Every view's `resize` starts here.
 */
export function setDeviceSize(view: DeviceSized, widthCss: number, heightCss: number, pixelRatio: number): boolean {
  const w = Math.max(0, Math.round(widthCss * pixelRatio));
  const h = Math.max(0, Math.round(heightCss * pixelRatio));
  const changed = w !== view.deviceWidth || h !== view.deviceHeight;
  view.deviceWidth = w;
  view.deviceHeight = h;
  return changed;
}
