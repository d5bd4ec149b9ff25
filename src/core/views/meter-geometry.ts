/**
 * Device-pixel geometry of a level meter view: where each track, channel, clip LED and readout
 * sits, the LED segment slots, the dBFS threshold of every segment and every bar pixel, the
 * zone boundaries and the per-segment colours. Rebuilt on layout and style changes only.
 *
 * Thread: any. Allocates (on layout, never per frame).
 */
import { type Rect, rect, splitEven, devicePx } from '../render/geometry';
import { dbFromPosition } from '../render/scale';
import { type MeterStyle, DEFAULT_STYLE } from '../render/style';
import { segmentThresholds, segmentColors, type SegmentColors } from '../render/led';
import { barLength, scaleFont } from '../render/bar';
import type { ResolvedMeterViewOptions } from './meter-options';

export class MeterGeometry {
  trackRects: Rect[] = [];
  channelRects: Rect[] = [];
  clipRects: Rect[] = [];
  readoutRects: Rect[] = [];
  /** LED slots along the axis (device px from the zero end). */
  segStarts: Int32Array;
  segLens: Int32Array;
  /** LED meters: the dBFS at which each segment lights. */
  readonly thresholds: Float64Array;
  /** Bar meters: the dBFS at which each device pixel lights (centre of the pixel on the scale). */
  pxThresholds = new Float64Array(0);
  colors: SegmentColors = { lit: [], unlit: [] };
  /** Length of the meter part of a channel along the axis, device px. */
  meterLen = 0;
  midPx = 0;
  highPx = 0;
  holdThickness = 1;
  /** Readout font, scaled to device px. */
  font = '';
  /** The background to restore under cleared paint, or null when it is transparent. */
  background: string | null = null;

  constructor(readonly options: ResolvedMeterViewOptions) {
    const { tracks, channels, segments, scale } = options;
    const n = tracks * channels;
    this.segStarts = new Int32Array(segments);
    this.segLens = new Int32Array(segments);
    this.thresholds = segmentThresholds(scale, segments, new Float64Array(segments));
    this.trackRects = Array.from({ length: tracks }, () => rect());
    this.channelRects = Array.from({ length: n }, () => rect());
    this.clipRects = Array.from({ length: n }, () => rect());
    this.readoutRects = Array.from({ length: tracks }, () => rect());
  }

  /** Lays the meter out on a `width` × `height` device-px canvas at `dpr`, in `style`. */
  layout(width: number, height: number, dpr: number, style: MeterStyle): void {
    const { tracks, channels, orientation: o, segments, segmentGap, channelGap, trackGap, clipSize, readoutSize, scale } = this.options;
    const vertical = o === 'vertical';
    const along = vertical ? height : width;
    const across = vertical ? width : height;
    const starts = new Int32Array(Math.max(tracks, channels));
    const lens = new Int32Array(Math.max(tracks, channels));
    const readoutLen = readoutSize > 0 ? devicePx(readoutSize, dpr, 1) : 0;
    const clipLen = clipSize > 0 ? devicePx(clipSize, dpr, 1) : 0;
    const clipGapLen = clipSize > 0 ? devicePx(2, dpr) : 0;
    const meterLen = Math.max(1, along - readoutLen - clipLen - clipGapLen);
    this.meterLen = meterLen;
    // Map (along-start, along-length, across-start, across-length) from the zero end to a Rect.
    const place = (r: Rect, a0: number, aLen: number, c0: number, cLen: number): void => {
      if (vertical) {
        r.x = c0;
        r.w = cLen;
        r.y = height - a0 - aLen;
        r.h = aLen;
      } else {
        r.x = a0;
        r.w = aLen;
        r.y = c0;
        r.h = cLen;
      }
    };
    splitEven(across, tracks, devicePx(trackGap, dpr), starts, lens);
    const trackStarts = starts.slice(0, tracks);
    const trackLens = lens.slice(0, tracks);
    for (let i = 0; i < tracks; i++) {
      place(this.trackRects[i], 0, along, trackStarts[i], trackLens[i]);
      place(this.readoutRects[i], along - readoutLen, readoutLen, trackStarts[i], trackLens[i]);
      splitEven(trackLens[i], channels, devicePx(channelGap, dpr), starts, lens, trackStarts[i]);
      for (let c = 0; c < channels; c++) {
        const k = i * channels + c;
        place(this.channelRects[k], 0, meterLen, starts[c], lens[c]);
        place(this.clipRects[k], meterLen + clipGapLen, clipLen, starts[c], lens[c]);
      }
    }
    splitEven(meterLen, segments, devicePx(segmentGap, dpr), this.segStarts, this.segLens);
    this.pxThresholds = new Float64Array(meterLen);
    // Pixel j lights when the level reaches the dB at its centre: lit = round(position × length).
    for (let j = 0; j < meterLen; j++) this.pxThresholds[j] = dbFromPosition(scale, (j + 0.5) / meterLen);
    this.midPx = barLength(scale, meterLen, style.midDb);
    this.highPx = barLength(scale, meterLen, style.highDb);
    this.holdThickness = devicePx(2, dpr, 1);
    this.font = scaleFont(style.font, dpr);
    this.colors = segmentColors(this.thresholds, segments, style);
    this.background = style.colors.background !== DEFAULT_STYLE.colors.background ? style.colors.background : null;
  }
}

/** Device px at the far end of a meter not covered by the meter (clip LED + gap, readout), for scales. */
export function meterFarInset(options: Pick<ResolvedMeterViewOptions, 'clipSize' | 'readoutSize'>, dpr: number): number {
  const { clipSize, readoutSize } = options;
  return (clipSize > 0 ? devicePx(clipSize + 2, dpr) : 0) + (readoutSize > 0 ? devicePx(readoutSize, dpr) : 0);
}
