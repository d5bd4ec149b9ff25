/**
 * The loudness bar view: the momentary loudness as a bar against the target band, with a
 * short-term marker and an integrated mark, on one canvas ({@link CanvasView}). `update` works
 * out the device-pixel positions; `draw` repaints only when one of them changed.
 *
 * Thread: any (main thread or a worker). Nothing allocates per frame.
 */
import { checkOptions } from '../../dsp/validate';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import { type Rect, rect, devicePx } from '../render/geometry';
import { type MeterStyle, DEFAULT_STYLE, dimColor } from '../render/style';
import type { Context2D } from '../render/context';
import { drawLoudnessBar, lufsToPx } from '../render/loudness';
import { loudnessRange, type LoudnessViewOptions } from './loudness-scale';
import { setDeviceSize, type CanvasView } from './canvas-view';

const HIDDEN = -1;

export class LoudnessBarView implements CanvasView<MeterStyle> {
  readonly tracks = 1;
  deviceWidth = 0;
  deviceHeight = 0;
  readonly options: LoudnessViewOptions;
  readonly stats = { paints: 0 };
  private style: MeterStyle = DEFAULT_STYLE;
  private dpr = 1;
  private readonly minLufs: number;
  private readonly maxLufs: number;
  private readonly barRect: Rect = rect();
  private markerPx = 2;
  private bandColor = dimColor(DEFAULT_STYLE.colors.low, 0.35);
  // Shown state (device px) and its last drawn copy.
  private readonly state = new Int32Array(5); // mom, short, int, bandLow, bandHigh
  private readonly drawn = new Int32Array(5).fill(-2);

  constructor(options: LoudnessViewOptions) {
    checkOptions('LoudnessBarView', options, 'the options its type lists');
    this.options = options;
    const r = loudnessRange(options.target, options.range);
    this.minLufs = r.minLufs;
    this.maxLufs = r.maxLufs;
    this.layout();
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.bandColor = dimColor(style.colors.low, 0.35);
    this.invalidate();
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean {
    const sized = setDeviceSize(this, widthCss, heightCss, pixelRatio);
    this.dpr = pixelRatio;
    this.layout();
    return sized;
  }

  invalidate(): void {
    this.drawn.fill(-2);
  }

  /** Takes the track's loudness fields (slot 0). Allocates nothing. */
  update(_slot: number, levels: TrackLevels, _clock: FrameClock): void {
    const len = this.barRect.h;
    const min = this.minLufs;
    const max = this.maxLufs;
    const stale = levels.stale;
    const s = this.state;
    s[0] = stale ? HIDDEN : lufsToPx(levels.momentary, min, max, len);
    s[1] = stale ? HIDDEN : lufsToPx(levels.shortTerm, min, max, len);
    s[2] = lufsToPx(levels.integrated, min, max, len);
  }

  draw(ctx: Context2D): boolean {
    if (this.barRect.h <= 0) return false;
    const s = this.state;
    const d = this.drawn;
    if (s[0] === d[0] && s[1] === d[1] && s[2] === d[2] && s[3] === d[3] && s[4] === d[4]) return false;
    d.set(s);
    drawLoudnessBar(ctx, this.barRect, s[0], s[1], s[2], s[3], s[4], this.markerPx, this.bandColor, this.style);
    this.stats.paints++;
    return true;
  }

  private layout(): void {
    Object.assign(this.barRect, { x: 0, y: 0, w: this.deviceWidth, h: this.deviceHeight });
    this.markerPx = devicePx(2, this.dpr, 1);
    const { target } = this.options;
    const len = this.barRect.h;
    this.state[3] = Math.max(0, lufsToPx(target.integratedLufs - target.toleranceLu, this.minLufs, this.maxLufs, len));
    this.state[4] = Math.max(0, lufsToPx(target.integratedLufs + target.toleranceLu, this.minLufs, this.maxLufs, len));
    this.invalidate();
  }
}
