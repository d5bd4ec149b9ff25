/**
 * The meter scale view: tick marks and labels of a scale, aligned with meters of the same
 * length and insets, on one canvas ({@link CanvasView}). It shows no track; it repaints only
 * after a layout or style change.
 *
 * Thread: any (main thread or a worker).
 */
import { checkOptions } from '../../dsp/validate';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import type { Orientation } from '../render/geometry';
import type { MeterScaleSpec } from '../render/scale';
import { type MeterStyle, DEFAULT_STYLE } from '../render/style';
import type { Context2D } from '../render/context';
import { drawScale } from '../render/scale-draw';
import { setDeviceSize, type CanvasView } from './canvas-view';

/** Options of {@link ScaleView}: plain, already validated data. */
export interface ScaleViewOptions {
  scale: MeterScaleSpec;
  orientation: Orientation;
  /** Side the meter is on (ticks point to it): `left` | `right` (vertical), `top` | `bottom` (horizontal). */
  side: 'left' | 'right' | 'top' | 'bottom';
  /** CSS px at the meter's zero end not covered by the meter. */
  nearInset: number;
  /** CSS px at the far end not covered by the meter (clip LED + gap, readout). */
  farInset: number;
}

export class ScaleView implements CanvasView<MeterStyle> {
  readonly tracks = 0;
  deviceWidth = 0;
  deviceHeight = 0;
  readonly options: ScaleViewOptions;
  readonly stats = { paints: 0 };
  private style: MeterStyle = DEFAULT_STYLE;
  private dpr = 1;
  private dirty = true;

  constructor(options: ScaleViewOptions) {
    checkOptions('ScaleView', options, 'the options its type lists');
    this.options = options;
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.dirty = true;
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean {
    const sized = setDeviceSize(this, widthCss, heightCss, pixelRatio);
    this.dpr = pixelRatio;
    this.dirty = true;
    return sized;
  }

  invalidate(): void {
    this.dirty = true;
  }

  /** A scale shows no track: nothing to take. */
  update(_slot: number, _levels: TrackLevels, _clock: FrameClock): void {}

  draw(ctx: Context2D): boolean {
    if (!this.dirty || this.deviceWidth === 0) return false;
    this.dirty = false;
    const o = this.options;
    const dpr = this.dpr;
    drawScale(ctx, this.deviceWidth, this.deviceHeight, dpr, o.scale, this.style, {
      orientation: o.orientation,
      side: o.side,
      nearInset: Math.round(o.nearInset * dpr),
      farInset: Math.round(o.farInset * dpr),
    });
    this.stats.paints++;
    return true;
  }
}
