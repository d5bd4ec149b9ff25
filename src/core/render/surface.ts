/**
 * A canvas and its 2D context, sized in device pixels (`css size × devicePixelRatio`) so every
 * edge lands on a whole device pixel and HiDPI output stays sharp.
 *
 * Thread: main thread.
 */

export interface Surface {
  readonly canvas: HTMLCanvasElement;
  /** null where canvas is unavailable (jsdom, SSR): drawing becomes a no-op. */
  readonly ctx: CanvasRenderingContext2D | null;
  /** Size in CSS pixels. */
  cssWidth: number;
  cssHeight: number;
  /** Device pixels per CSS pixel. */
  dpr: number;
  /** Backing store size in device pixels. */
  width: number;
  height: number;
}

export function createSurface(canvas: HTMLCanvasElement): Surface {
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null; // jsdom without a canvas backend throws "not implemented"
  }
  return { canvas, ctx, cssWidth: 0, cssHeight: 0, dpr: 1, width: 0, height: 0 };
}

/**
 * Sizes the backing store for a CSS size and pixel ratio. Only touches the canvas when the
 * device-pixel size changed (resizing clears it). Returns true if it did.
 */
export function sizeSurface(surface: Surface, cssWidth: number, cssHeight: number, dpr: number): boolean {
  const width = Math.max(0, Math.round(cssWidth * dpr));
  const height = Math.max(0, Math.round(cssHeight * dpr));
  surface.cssWidth = cssWidth;
  surface.cssHeight = cssHeight;
  const changed = width !== surface.width || height !== surface.height || dpr !== surface.dpr;
  surface.dpr = dpr;
  if (width !== surface.width || height !== surface.height) {
    surface.width = width;
    surface.height = height;
    surface.canvas.width = width;
    surface.canvas.height = height;
  }
  return changed;
}

/** Device-pixel length of `css` CSS pixels at `dpr`, at least `min`. */
export function devicePx(css: number, dpr: number, min = 0): number {
  return Math.max(min, Math.round(css * dpr));
}
