/**
 * A correlation (and balance) meter view, framework-free. Redraws only when the indicated
 * position changes by a device pixel; nothing allocates per frame.
 *
 * Thread: main thread.
 */
import type { TrackLevels } from './bank/reader';
import { type Surface, createSurface, sizeSurface, devicePx } from './render/surface';
import { type Rect, rect } from './render/geometry';
import { type MeterStyle, DEFAULT_STYLE } from './render/style';
import { drawCorrelation, offsetPx } from './render/correlation';

export class CorrelationView {
  readonly surface: Surface;
  style: MeterStyle = DEFAULT_STYLE;
  showBalance: boolean;
  readonly stats = { paints: 0 };
  private readonly top: Rect = rect();
  private readonly bottom: Rect = rect();
  private tickPx = 1;
  private correlationPx = 0;
  private balancePx = 0;
  private dirty = true;

  constructor(canvas: HTMLCanvasElement, showBalance: boolean) {
    this.surface = createSurface(canvas);
    this.showBalance = showBalance;
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.dirty = true;
  }

  setShowBalance(show: boolean): void {
    this.showBalance = show;
    this.layout();
  }

  resize(cssWidth: number, cssHeight: number, dpr: number): void {
    sizeSurface(this.surface, cssWidth, cssHeight, dpr);
    this.layout();
  }

  invalidate(): void {
    this.dirty = true;
  }

  /** Takes a track's correlation and balance (0 when stale or not measured). */
  update(levels: TrackLevels): void {
    const half = (this.top.w >> 1) - this.tickPx;
    const c = levels.stale ? 0 : offsetPx(levels.correlation, half);
    const b = levels.stale ? 0 : offsetPx(levels.balance, half);
    if (c !== this.correlationPx || b !== this.balancePx) {
      this.correlationPx = c;
      this.balancePx = b;
      this.dirty = true;
    }
  }

  draw(): void {
    const ctx = this.surface.ctx;
    if (!this.dirty || ctx === null || this.top.w === 0) return;
    this.dirty = false;
    ctx.clearRect(0, 0, this.surface.width, this.surface.height);
    drawCorrelation(ctx, this.top, this.showBalance ? this.bottom : null, this.correlationPx, this.balancePx, this.tickPx, this.style);
    this.stats.paints++;
  }

  private layout(): void {
    const { width, height, dpr } = this.surface;
    const gap = devicePx(2, dpr);
    this.tickPx = devicePx(1, dpr, 1);
    if (this.showBalance) {
      const h = Math.max(1, (height - gap) >> 1);
      Object.assign(this.top, { x: 0, y: 0, w: width, h });
      Object.assign(this.bottom, { x: 0, y: h + gap, w: width, h: Math.max(1, height - h - gap) });
    } else {
      Object.assign(this.top, { x: 0, y: 0, w: width, h: height });
    }
    this.dirty = true;
  }
}
