/**
 * The correlation (and balance) meter view on one canvas ({@link CanvasView}). Redraws only
 * when the indicated position changes by a device pixel.
 *
 * Thread: any (main thread or a worker). Nothing allocates per frame.
 */
import { checkOptions } from '../../dsp/validate';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import { type Rect, rect, devicePx } from '../render/geometry';
import { type MeterStyle, DEFAULT_STYLE } from '../render/style';
import type { Context2D } from '../render/context';
import { drawCorrelation, offsetPx } from '../render/correlation';
import { setDeviceSize, type CanvasView } from './canvas-view';

/** Options of {@link CorrelationView}. */
export interface CorrelationViewOptions {
  /** Draw the balance row (L … R) below the correlation row. */
  showBalance: boolean;
}

export class CorrelationView implements CanvasView<MeterStyle> {
  readonly tracks = 1;
  deviceWidth = 0;
  deviceHeight = 0;
  readonly options: CorrelationViewOptions;
  readonly stats = { paints: 0 };
  private style: MeterStyle = DEFAULT_STYLE;
  private readonly top: Rect = rect();
  private readonly bottom: Rect = rect();
  private tickPx = 1;
  private correlationPx = 0;
  private balancePx = 0;
  private dirty = true;

  constructor(options: CorrelationViewOptions) {
    checkOptions('CorrelationView', options, 'the options its type lists');
    this.options = options;
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.dirty = true;
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean {
    const sized = setDeviceSize(this, widthCss, heightCss, pixelRatio);
    const width = this.deviceWidth;
    const height = this.deviceHeight;
    const gap = devicePx(2, pixelRatio);
    this.tickPx = devicePx(1, pixelRatio, 1);
    if (this.options.showBalance) {
      const h = Math.max(1, (height - gap) >> 1);
      Object.assign(this.top, { x: 0, y: 0, w: width, h });
      Object.assign(this.bottom, { x: 0, y: h + gap, w: width, h: Math.max(1, height - h - gap) });
    } else {
      Object.assign(this.top, { x: 0, y: 0, w: width, h: height });
    }
    this.dirty = true;
    return sized;
  }

  invalidate(): void {
    this.dirty = true;
  }

  /** Takes the track's correlation and balance (centre when stale or not measured). */
  update(_slot: number, levels: TrackLevels, _clock: FrameClock): void {
    const half = (this.top.w >> 1) - this.tickPx;
    const c = levels.stale ? 0 : offsetPx(levels.correlation, half);
    const b = levels.stale ? 0 : offsetPx(levels.balance, half);
    if (c !== this.correlationPx || b !== this.balancePx) {
      this.correlationPx = c;
      this.balancePx = b;
      this.dirty = true;
    }
  }

  draw(ctx: Context2D): boolean {
    if (!this.dirty || this.top.w === 0) return false;
    this.dirty = false;
    ctx.clearRect(0, 0, this.deviceWidth, this.deviceHeight);
    drawCorrelation(ctx, this.top, this.options.showBalance ? this.bottom : null, this.correlationPx, this.balancePx, this.tickPx, this.style);
    this.stats.paints++;
    return true;
  }
}
