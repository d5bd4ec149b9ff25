/**
 * The loudness history view: a graph of the short-term loudness over the last
 * `historySeconds` against the target band, with the integrated level as a dashed line, on one
 * canvas ({@link CanvasView}). One point per 100 ms of frame time; redrawn when a point is added.
 *
 * Thread: any (main thread or a worker). Nothing allocates per frame.
 */
import { checkOptions } from '../../dsp/validate';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import { type Rect, rect, devicePx } from '../render/geometry';
import { type MeterStyle, DEFAULT_STYLE, dimColor } from '../render/style';
import type { Context2D } from '../render/context';
import { drawLoudnessHistory } from '../render/loudness';
import { loudnessRange, type LoudnessViewOptions } from './loudness-scale';
import { setDeviceSize, type CanvasView } from './canvas-view';

/** Options of {@link LoudnessHistoryView}. */
export interface LoudnessHistoryOptions extends LoudnessViewOptions {
  /** Seconds of short-term history drawn, 10 to 3600 (validated by the caller). */
  historySeconds: number;
}

const HISTORY_INTERVAL_MS = 100;

export class LoudnessHistoryView implements CanvasView<MeterStyle> {
  readonly tracks = 1;
  deviceWidth = 0;
  deviceHeight = 0;
  readonly options: LoudnessHistoryOptions;
  readonly stats = { paints: 0 };
  private style: MeterStyle = DEFAULT_STYLE;
  private readonly minLufs: number;
  private readonly maxLufs: number;
  private readonly historyRect: Rect = rect();
  private lineWidth = 1;
  private band = dimColor(DEFAULT_STYLE.colors.low, 0.25);
  private readonly values: Float32Array;
  private count = 0;
  private head = 0;
  private readonly time = new Float64Array([NaN, 0]); // [next sample time, integrated LUFS]
  private dirty = true;

  constructor(options: LoudnessHistoryOptions) {
    checkOptions('LoudnessHistoryView', options, 'the options its type lists');
    this.options = options;
    const r = loudnessRange(options.target, options.range);
    this.minLufs = r.minLufs;
    this.maxLufs = r.maxLufs;
    this.values = new Float32Array(Math.max(2, Math.round((options.historySeconds * 1000) / HISTORY_INTERVAL_MS))).fill(-Infinity);
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.band = dimColor(style.colors.low, 0.25);
    this.dirty = true;
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean {
    const sized = setDeviceSize(this, widthCss, heightCss, pixelRatio);
    Object.assign(this.historyRect, { x: 0, y: 0, w: this.deviceWidth, h: this.deviceHeight });
    this.lineWidth = devicePx(2, pixelRatio, 1) >> 1 || 1;
    this.dirty = true;
    return sized;
  }

  invalidate(): void {
    this.dirty = true;
  }

  /** Forgets the graph (e.g. with a loudness reset). */
  clear(): void {
    this.values.fill(-Infinity);
    this.count = 0;
    this.head = 0;
    this.dirty = true;
  }

  /** Adds a point of the short-term loudness (or a gap when stale) every 100 ms of `clock.nowMs`. Allocates nothing. */
  update(_slot: number, levels: TrackLevels, clock: FrameClock): void {
    const now = clock.nowMs;
    if (now < this.time[0]) return;
    this.time[0] = (now === now ? now : 0) + HISTORY_INTERVAL_MS;
    this.values[this.head] = levels.stale ? -Infinity : levels.shortTerm;
    this.head = (this.head + 1) % this.values.length;
    if (this.count < this.values.length) this.count++;
    this.time[1] = levels.integrated;
    this.dirty = true;
  }

  draw(ctx: Context2D): boolean {
    if (!this.dirty || this.historyRect.h <= 0) return false;
    this.dirty = false;
    const t = this.options.target;
    drawLoudnessHistory(
      ctx,
      this.historyRect,
      this.values,
      this.count,
      this.head,
      this.minLufs,
      this.maxLufs,
      t.integratedLufs - t.toleranceLu,
      t.integratedLufs + t.toleranceLu,
      this.time[1],
      this.lineWidth,
      this.band,
      this.style,
    );
    this.stats.paints++;
    return true;
  }
}
