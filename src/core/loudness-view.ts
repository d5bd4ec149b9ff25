/**
 * A loudness meter view, framework-free: a momentary bar against the target band with
 * short-term and integrated marks, and a history graph of the short-term loudness. Like
 * MeterView, `update` works out what would be drawn at device-pixel resolution and `draw`
 * repaints only what changed; nothing allocates per frame.
 *
 * Scales (EBU Tech 3341 §2.3): `ebu+9` spans target −18 … +9 LU, `ebu+18` spans −36 … +18 LU.
 *
 * Thread: main thread.
 */
import type { TrackLevels } from './bank/reader';
import { type Surface, createSurface, sizeSurface, devicePx } from './render/surface';
import { type Rect, rect } from './render/geometry';
import { type MeterStyle, DEFAULT_STYLE, dimColor } from './render/style';
import { createDbScale, type MeterScaleSpec } from './render/scale';
import { drawLoudnessBar, drawLoudnessHistory, lufsToPx } from './render/loudness';
import type { LoudnessTarget } from './loudness-targets';
import { checkNumber, checkOneOf } from '../dsp/validate';

export type LoudnessScaleRange = 'ebu+9' | 'ebu+18';

export interface LoudnessViewOptions {
  target: LoudnessTarget;
  /** Default `ebu+9`. */
  range?: LoudnessScaleRange;
  /** Seconds of short-term history drawn (10 to 3600; 0 = no graph). Default 180. */
  historySeconds?: number;
}

/** The bar's LUFS range for a target and scale. */
export function loudnessRange(target: LoudnessTarget, range: LoudnessScaleRange): { minLufs: number; maxLufs: number } {
  const t = target.integratedLufs;
  return range === 'ebu+18' ? { minLufs: t - 36, maxLufs: t + 18 } : { minLufs: t - 18, maxLufs: t + 9 };
}

/**
 * The scale drawn beside a loudness bar (MeterScale-compatible: its "dB" are LUFS): marks
 * every 3 LU (`ebu+9`) or 6 LU (`ebu+18`), labelled in LUFS or in LU relative to the target.
 */
export function loudnessScale(target: LoudnessTarget, range: LoudnessScaleRange = 'ebu+9', units: 'LUFS' | 'LU' = 'LUFS'): MeterScaleSpec {
  const { minLufs, maxLufs } = loudnessRange(target, range);
  const step = range === 'ebu+18' ? 6 : 3;
  const ticks: { db: number; label: string }[] = [];
  for (let lu = Math.ceil((minLufs - target.integratedLufs) / step) * step; target.integratedLufs + lu <= maxLufs; lu += step) {
    const lufs = target.integratedLufs + lu;
    ticks.push({ db: lufs, label: units === 'LU' ? (lu > 0 ? `+${lu}` : String(lu)) : String(lufs) });
  }
  return createDbScale({ id: `loudness-${range}`, unit: units, minDb: minLufs, maxDb: maxLufs, ticks });
}

const HISTORY_INTERVAL_MS = 100;
const HIDDEN = -1;

export class LoudnessView {
  readonly bar: Surface;
  readonly history: Surface | null;
  style: MeterStyle = DEFAULT_STYLE;
  target: LoudnessTarget;
  range: LoudnessScaleRange;
  /** Paint counters, for tests. */
  readonly stats = { barPaints: 0, historyPaints: 0 };

  private minLufs = -41;
  private maxLufs = -14;
  private readonly barRect: Rect = rect();
  private readonly historyRect: Rect = rect();
  private markerPx = 2;
  private bandColor = '';
  private historyBand = '';
  // Shown state (device px) and its last drawn copy.
  private readonly state = new Int32Array(5); // mom, short, int, bandLow, bandHigh
  private readonly drawn = new Int32Array(5).fill(-2);
  private values: Float32Array;
  private count = 0;
  private head = 0;
  private readonly time = new Float64Array([NaN, 0]); // [next sample time, integrated LUFS]
  private historyDirty = true;

  constructor(barCanvas: HTMLCanvasElement, historyCanvas: HTMLCanvasElement | null, options: LoudnessViewOptions) {
    this.bar = createSurface(barCanvas);
    this.history = historyCanvas === null ? null : createSurface(historyCanvas);
    this.target = options.target;
    this.range = checkOneOf('range', options.range ?? 'ebu+9', ['ebu+9', 'ebu+18'] as const);
    const seconds = checkNumber('historySeconds', options.historySeconds ?? 180, 0, 3600, 's');
    this.values = new Float32Array(Math.max(2, Math.round((seconds * 1000) / HISTORY_INTERVAL_MS))).fill(-Infinity);
    this.applyRange();
  }

  setTarget(target: LoudnessTarget, range: LoudnessScaleRange): void {
    this.target = target;
    this.range = range;
    this.applyRange();
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.bandColor = dimColor(style.colors.low, 0.35);
    this.historyBand = dimColor(style.colors.low, 0.25);
    this.invalidate();
  }

  resize(barCss: { w: number; h: number }, historyCss: { w: number; h: number } | null, dpr: number): void {
    sizeSurface(this.bar, barCss.w, barCss.h, dpr);
    Object.assign(this.barRect, { x: 0, y: 0, w: this.bar.width, h: this.bar.height });
    if (this.history !== null && historyCss !== null) {
      sizeSurface(this.history, historyCss.w, historyCss.h, dpr);
      Object.assign(this.historyRect, { x: 0, y: 0, w: this.history.width, h: this.history.height });
    }
    this.markerPx = devicePx(2, dpr, 1);
    this.applyRange();
  }

  invalidate(): void {
    this.drawn.fill(-2);
    this.historyDirty = true;
  }

  /** Takes a track's levels (its loudness fields). Allocates nothing. */
  update(levels: TrackLevels, clock: { readonly nowMs: number }): void {
    const len = this.barRect.h;
    const min = this.minLufs;
    const max = this.maxLufs;
    const stale = levels.stale;
    const s = this.state;
    s[0] = stale ? HIDDEN : lufsToPx(levels.momentary, min, max, len);
    s[1] = stale ? HIDDEN : lufsToPx(levels.shortTerm, min, max, len);
    s[2] = lufsToPx(levels.integrated, min, max, len);
    const now = clock.nowMs;
    if (!(now < this.time[0])) {
      // One history point per 100 ms of frame time (the short-term loudness, or a gap).
      this.time[0] = (now === now ? now : 0) + HISTORY_INTERVAL_MS;
      this.values[this.head] = stale ? -Infinity : levels.shortTerm;
      this.head = (this.head + 1) % this.values.length;
      if (this.count < this.values.length) this.count++;
      this.time[1] = levels.integrated;
      this.historyDirty = true;
    }
  }

  draw(): void {
    const ctx = this.bar.ctx;
    if (ctx !== null && this.barRect.h > 0) {
      const s = this.state;
      const d = this.drawn;
      if (s[0] !== d[0] || s[1] !== d[1] || s[2] !== d[2] || s[3] !== d[3] || s[4] !== d[4]) {
        d.set(s);
        drawLoudnessBar(ctx, this.barRect, s[0], s[1], s[2], s[3], s[4], this.markerPx, this.bandColor, this.style);
        this.stats.barPaints++;
      }
    }
    const h = this.history;
    if (h !== null && h.ctx !== null && this.historyDirty && this.historyRect.h > 0) {
      this.historyDirty = false;
      const t = this.target;
      drawLoudnessHistory(
        h.ctx,
        this.historyRect,
        this.values,
        this.count,
        this.head,
        this.minLufs,
        this.maxLufs,
        t.integratedLufs - t.toleranceLu,
        t.integratedLufs + t.toleranceLu,
        this.time[1],
        this.markerPx >> 1 || 1,
        this.historyBand,
        this.style,
      );
      this.stats.historyPaints++;
    }
  }

  /** Forgets the history graph (e.g. with a loudness reset). */
  clearHistory(): void {
    this.values.fill(-Infinity);
    this.count = 0;
    this.head = 0;
    this.historyDirty = true;
  }

  private applyRange(): void {
    const r = loudnessRange(this.target, this.range);
    this.minLufs = r.minLufs;
    this.maxLufs = r.maxLufs;
    const len = this.barRect.h;
    this.state[3] = Math.max(0, lufsToPx(this.target.integratedLufs - this.target.toleranceLu, r.minLufs, r.maxLufs, len));
    this.state[4] = Math.max(0, lufsToPx(this.target.integratedLufs + this.target.toleranceLu, r.minLufs, r.maxLufs, len));
    this.invalidate();
  }
}
