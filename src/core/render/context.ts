/**
 * The 2D context a renderer draws with, and a cache of its style state so repeated writes of
 * the same `fillStyle`, `font`, `textAlign` or `textBaseline` are skipped (as uPlot's
 * `setCtxStyle` does): a canvas parses every colour string assigned to it, even an unchanged one.
 *
 * The cache is valid for one context as long as nothing else writes those properties. Resizing
 * a canvas resets its context state, so the owner calls `reset()` after a resize (and the cache
 * resets itself when it is handed a different context).
 *
 * Thread: any (main thread or a worker). Allocates nothing.
 */

/** A 2D context a view draws with: a canvas element's or an OffscreenCanvas's. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export class ContextStyleCache {
  private ctx: Context2D | null = null;
  private fill = '';
  private font = '';
  private align = '';
  private baseline = '';

  /** Forgets the cached state: the next write of each property goes to the context. */
  reset(): void {
    this.fill = '';
    this.font = '';
    this.align = '';
    this.baseline = '';
  }

  /** Binds the cache to `ctx` (a new context resets it). Call once per draw. */
  use(ctx: Context2D): void {
    if (ctx === this.ctx) return;
    this.ctx = ctx;
    this.reset();
  }

  setFill(ctx: Context2D, color: string): void {
    if (color === this.fill) return;
    this.fill = color;
    ctx.fillStyle = color;
  }

  setFont(ctx: Context2D, font: string): void {
    if (font === this.font) return;
    this.font = font;
    ctx.font = font;
  }

  setText(ctx: Context2D, align: CanvasTextAlign, baseline: CanvasTextBaseline): void {
    if (align !== this.align) {
      this.align = align;
      ctx.textAlign = align;
    }
    if (baseline !== this.baseline) {
      this.baseline = baseline;
      ctx.textBaseline = baseline;
    }
  }
}
