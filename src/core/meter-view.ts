/**
 * A meter view: draws one or more tracks' level meters on one canvas, framework-free.
 *
 * Per frame the owner calls `update(i, levels, clock)` for each track it shows, then
 * `draw()`. `update` turns levels into what would be drawn — lit segments or pixels, hold
 * position, clip state, readout — at device-pixel resolution, and marks a track dirty only
 * if any of that changed; `draw` repaints dirty tracks only. So a still meter costs a few
 * comparisons per frame and no canvas work, and nothing allocates per frame.
 *
 * When a snapshot is stale (audio clock stopped) the display falls from its last value at
 * `staleFallDbPerSecond` toward silence instead of freezing; holds disappear, clip latches stay.
 *
 * Thread: main thread.
 */
import { dbFromLinear } from '../dsp/db';
import { checkInteger, checkNumber, checkOneOf } from '../dsp/validate';
import { DEFAULT_FALL_DB_PER_SECOND } from '../dsp/level-meter';
import type { TrackLevels } from './bank/reader';
import { type Surface, createSurface, sizeSurface, devicePx } from './render/surface';
import { type Rect, type Orientation, rect, splitEven, fillAlong } from './render/geometry';
import { type MeterScaleSpec, DIGITAL_SCALE, dbFromPosition } from './render/scale';
import { type MeterStyle, DEFAULT_STYLE } from './render/style';
import { segmentThresholds, segmentColors, litSegments, type SegmentColors } from './render/led';
import {
  barLength,
  holdColor,
  drawClipLed,
  drawReadout,
  formatReadout,
  scaleFont,
  READOUT_SILENT,
} from './render/bar';

export type MeterKind = 'led' | 'bar';
/** What a meter shows: the decaying peak, the RMS, or the engine's ballistics preset (PPM, VU, K). */
export type MeterReading = 'peak' | 'rms' | 'ballistic';

/** Layout and behaviour of a view. Sizes in CSS pixels. */
export interface MeterViewOptions {
  /** `led` (segments) or `bar` (continuous with a hold line). Default `led`. */
  kind?: MeterKind;
  /** Default `vertical`. */
  orientation?: Orientation;
  /** Tracks drawn side by side on this canvas, 1 to 1024. Default 1. */
  tracks?: number;
  /** Channels per track, 1 to 8. Default 2. */
  channels?: number;
  /** Default {@link DIGITAL_SCALE} (-60..0 dBFS). */
  scale?: MeterScaleSpec;
  /** What the bar shows: `peak` (decaying peak, default), `rms`, or `ballistic` (the engine's ballistics preset). */
  reading?: MeterReading;
  /** LED segments per channel, 2 to 200. Default 30. */
  segments?: number;
  /** Gap between LED segments, CSS px (0 to 10). Default 1. */
  segmentGap?: number;
  /** Gap between channels of a track, CSS px (0 to 50). Default 2. */
  channelGap?: number;
  /** Gap between tracks, CSS px (0 to 100). Default 6. */
  trackGap?: number;
  /** Peak-hold indication. Default true. */
  showHold?: boolean;
  /** Clip LED per channel at the far end, this many CSS px long (0 = none, up to 40). Default 6. */
  clipSize?: number;
  /** Numeric peak-hold readout per track at the far end, this many CSS px long (0 = none, up to 40). Default 0. */
  readoutSize?: number;
  /** Fall of the display when the audio clock stops, dB/s. Default 20 dB / 1.7 s. */
  staleFallDbPerSecond?: number;
}

export type ResolvedMeterViewOptions = Required<MeterViewOptions>;

const DEFAULTS: ResolvedMeterViewOptions = {
  kind: 'led',
  orientation: 'vertical',
  tracks: 1,
  channels: 2,
  scale: DIGITAL_SCALE,
  reading: 'peak',
  segments: 30,
  segmentGap: 1,
  channelGap: 2,
  trackGap: 6,
  showHold: true,
  clipSize: 6,
  readoutSize: 0,
  staleFallDbPerSecond: DEFAULT_FALL_DB_PER_SECOND,
};

/**
 * Validates view options. Throws RangeError naming the option (prefixed with `prefix`, e.g.
 * the component name) and the value received.
 */
export function resolveMeterViewOptions(o: MeterViewOptions, prefix = ''): ResolvedMeterViewOptions {
  const r = { ...DEFAULTS } as ResolvedMeterViewOptions;
  for (const key of Object.keys(o) as (keyof MeterViewOptions)[]) {
    if (o[key] !== undefined) (r as unknown as Record<string, unknown>)[key] = o[key];
  }
  const n = (name: string) => prefix + name;
  checkOneOf(n('kind'), r.kind, ['led', 'bar'] as const);
  checkOneOf(n('orientation'), r.orientation, ['vertical', 'horizontal'] as const);
  checkOneOf(n('reading'), r.reading, ['peak', 'rms', 'ballistic'] as const);
  checkInteger(n('tracks'), r.tracks, 1, 1024);
  checkInteger(n('channels'), r.channels, 1, 8);
  checkInteger(n('segments'), r.segments, 2, 200);
  checkNumber(n('segmentGap'), r.segmentGap, 0, 10, 'px');
  checkNumber(n('channelGap'), r.channelGap, 0, 50, 'px');
  checkNumber(n('trackGap'), r.trackGap, 0, 100, 'px');
  checkNumber(n('clipSize'), r.clipSize, 0, 40, 'px');
  checkNumber(n('readoutSize'), r.readoutSize, 0, 40, 'px');
  checkNumber(n('staleFallDbPerSecond'), r.staleFallDbPerSecond, 0, 100_000, 'dB/s');
  if (typeof r.scale !== 'object' || r.scale === null || !Array.isArray(r.scale.breakpoints)) {
    throw new TypeError(`${n('scale')} must be a scale from createDbScale() or a preset such as DIGITAL_SCALE`);
  }
  return r;
}

/** Counters for tests and diagnostics. */
export interface MeterViewStats {
  /** Tracks repainted since creation. */
  tracksDrawn: number;
  /** draw() calls that painted at least one track. */
  paints: number;
}

const HIDDEN = -1;

export class MeterView {
  readonly surface: Surface;
  options: ResolvedMeterViewOptions;
  style: MeterStyle = DEFAULT_STYLE;
  readonly stats: MeterViewStats = { tracksDrawn: 0, paints: 0 };

  // Geometry (device px), rebuilt on resize/options.
  private trackRects: Rect[] = [];
  private channelRects: Rect[] = [];
  private clipRects: Rect[] = [];
  private readoutRects: Rect[] = [];
  private segStarts = new Int32Array(0);
  private segLens = new Int32Array(0);
  private thresholds = new Float64Array(0);
  /** Bar meters: the dBFS at which each device pixel lights (centre of the pixel on the scale). */
  private pxThresholds = new Float64Array(0);
  private colors: SegmentColors = { lit: [], unlit: [] };
  private meterLen = 0;
  private midPx = 0;
  private highPx = 0;
  private holdThickness = 1;
  private font = '';

  // Display state per (track, channel) and per track.
  private shownDb = new Float64Array(0);
  private lit = new Int32Array(0);
  private hold = new Int32Array(0);
  private holdDb = new Float64Array(0);
  private clip = new Uint8Array(0);
  private readout = new Int32Array(0);
  private dirty = new Uint8Array(0);
  private anyDirty = true;
  // What is on the canvas now (p = painted), and tracks that need a whole repaint.
  private pLit = new Int32Array(0);
  private pHold = new Int32Array(0);
  private pClip = new Uint8Array(0);
  private pReadout = new Int32Array(0);
  private full = new Uint8Array(0);
  private hasBackground = false;

  constructor(canvas: HTMLCanvasElement, options: MeterViewOptions = {}) {
    this.surface = createSurface(canvas);
    this.options = resolveMeterViewOptions(options);
    this.allocate();
  }

  /** Changes options; re-lays out and repaints everything. */
  setOptions(options: MeterViewOptions): void {
    this.options = resolveMeterViewOptions(options);
    this.allocate();
    this.layout();
  }

  /** Sets the resolved style (colours, zones, font) and repaints. */
  setStyle(style: MeterStyle): void {
    this.style = style;
    this.layout();
  }

  /** Sizes the canvas to `cssWidth` × `cssHeight` CSS px at `dpr`; repaints if anything changed. */
  resize(cssWidth: number, cssHeight: number, dpr: number): void {
    if (sizeSurface(this.surface, cssWidth, cssHeight, dpr) || this.trackRects.length === 0) this.layout();
  }

  /** Marks every track for a whole repaint (e.g. after becoming visible again). */
  invalidate(): void {
    this.dirty.fill(1);
    this.full.fill(1);
    this.anyDirty = true;
  }

  /** Geometry of track `i` (device px), for overlays that align with it. */
  trackRect(i: number): Readonly<Rect> {
    return this.trackRects[i] ?? rect();
  }

  /** Device-pixel offset of the meter area from the far end (clip LED + readout), for scales. */
  get farInset(): number {
    const { clipSize, readoutSize } = this.options;
    const dpr = this.surface.dpr;
    return (clipSize > 0 ? devicePx(clipSize + 2, dpr) : 0) + (readoutSize > 0 ? devicePx(readoutSize, dpr) : 0);
  }

  /**
   * Takes track `i`'s latest levels. `clock.deltaMs` is the time since the previous frame (for the
   * stale fall). Allocates nothing.
   */
  update(i: number, levels: TrackLevels, clock: { readonly deltaMs: number }): void {
    const deltaMs = clock.deltaMs;
    const { channels, reading, staleFallDbPerSecond, scale } = this.options;
    const nc = Math.min(channels, levels.channels);
    let changed = false;
    let maxHoldDb = -Infinity;
    const fall = (staleFallDbPerSecond * Math.max(0, deltaMs)) / 1000;
    for (let c = 0; c < channels; c++) {
      const k = i * channels + c;
      let db: number;
      let holdDb: number;
      if (c >= nc) {
        db = -Infinity;
        holdDb = -Infinity;
      } else if (levels.stale) {
        db = this.shownDb[k] - fall;
        holdDb = -Infinity;
      } else {
        db = dbFromLinear(reading === 'rms' ? levels.rms[c] : reading === 'ballistic' ? levels.ballistic[c] : levels.decayingPeak[c]);
        holdDb = dbFromLinear(levels.hold[c]);
      }
      if (!(db > scale.minDb - 1)) db = -Infinity; // below the scale: silent, and no NaN
      if (!(holdDb > scale.minDb - 1)) holdDb = -Infinity;
      this.shownDb[k] = db;
      this.holdDb[k] = holdDb;
      if (holdDb > maxHoldDb) maxHoldDb = holdDb;
      const clip = c < nc && levels.overs[c] > 0 ? 1 : 0;
      if (clip !== this.clip[k]) {
        this.clip[k] = clip;
        changed = true;
      }
      if (this.derive(k)) changed = true;
    }
    if (this.options.readoutSize > 0) {
      const t = maxHoldDb > -150 ? Math.round(maxHoldDb * 10) : READOUT_SILENT;
      if (t !== this.readout[i]) {
        this.readout[i] = t;
        changed = true;
      }
    }
    if (changed) {
      this.dirty[i] = 1;
      this.anyDirty = true;
    }
  }

  /**
   * Derives channel k's lit segments (LED) or pixels (bar) and hold position from its dB
   * values. Both kinds are one threshold search, so the frame path has one shape of call and
   * passes no fresh numbers to helpers (which V8 might box).
   */
  private derive(k: number): boolean {
    const { kind, segments, showHold, scale } = this.options;
    const led = kind === 'led';
    const thresholds = led ? this.thresholds : this.pxThresholds;
    const n = led ? segments : this.meterLen;
    const db = this.shownDb[k];
    const holdDb = this.holdDb[k];
    const lit = litSegments(thresholds, n, db);
    let hold = HIDDEN;
    if (showHold && holdDb > scale.minDb) hold = litSegments(thresholds, n, holdDb) - (led ? 1 : 0);
    if (lit === this.lit[k] && hold === this.hold[k]) return false;
    this.lit[k] = lit;
    this.hold[k] = hold;
    return true;
  }

  /**
   * Repaints what changed since the last draw: per channel only the stretch between the old and
   * the new level (and the old and new hold); whole tracks only after a layout or style change.
   */
  draw(): void {
    if (!this.anyDirty) return;
    this.anyDirty = false;
    const ctx = this.surface.ctx;
    if (ctx === null || this.surface.width === 0) return;
    const { tracks, channels, clipSize, readoutSize } = this.options;
    const s = this.style;
    let drawn = 0;
    for (let i = 0; i < tracks; i++) {
      if (this.dirty[i] === 0) continue;
      this.dirty[i] = 0;
      drawn++;
      const full = this.full[i] === 1;
      this.full[i] = 0;
      if (full) {
        const tr = this.trackRects[i];
        ctx.clearRect(tr.x, tr.y, tr.w, tr.h);
        if (this.hasBackground) {
          ctx.fillStyle = s.colors.background;
          ctx.fillRect(tr.x, tr.y, tr.w, tr.h);
        }
      }
      for (let c = 0; c < channels; c++) {
        const k = i * channels + c;
        if (full) {
          this.paintRange(ctx, k, 0, this.meterLen, false);
        } else if (this.lit[k] !== this.pLit[k] || this.hold[k] !== this.pHold[k]) {
          const was = this.boundary(this.pLit[k]);
          const now = this.boundary(this.lit[k]);
          this.paintRange(ctx, k, Math.min(was, now), Math.max(was, now), true);
          // A moved hold: repaint where it was and where it is (a still one was redrawn above
          // if the level's stretch crossed it).
          if (this.hold[k] !== this.pHold[k]) {
            if (this.pHold[k] !== HIDDEN) this.paintRange(ctx, k, this.holdFrom(this.pHold[k]), this.holdTo(this.pHold[k]), true);
            if (this.hold[k] !== HIDDEN) this.paintRange(ctx, k, this.holdFrom(this.hold[k]), this.holdTo(this.hold[k]), true);
          }
        }
        this.pLit[k] = this.lit[k];
        this.pHold[k] = this.hold[k];
        if (clipSize > 0 && (full || this.clip[k] !== this.pClip[k])) {
          drawClipLed(ctx, this.clipRects[k], this.clip[k] === 1, s);
          this.pClip[k] = this.clip[k];
        }
      }
      if (readoutSize > 0 && (full || this.readout[i] !== this.pReadout[i])) {
        const rr = this.readoutRects[i];
        ctx.clearRect(rr.x, rr.y, rr.w, rr.h);
        if (this.hasBackground) {
          ctx.fillStyle = s.colors.background;
          ctx.fillRect(rr.x, rr.y, rr.w, rr.h);
        }
        drawReadout(ctx, rr, formatReadout(this.readout[i]), s, this.font);
        this.pReadout[i] = this.readout[i];
      }
    }
    this.stats.tracksDrawn += drawn;
    if (drawn > 0) this.stats.paints++;
  }

  /** Device px along the axis where channel state `lit` stops being lit. */
  private boundary(lit: number): number {
    if (this.options.kind === 'bar') return lit < 0 ? 0 : lit;
    const n = this.options.segments;
    return lit <= 0 ? 0 : lit >= n ? this.meterLen : this.segStarts[lit];
  }

  private holdFrom(hold: number): number {
    return this.options.kind === 'bar' ? Math.max(0, Math.min(this.meterLen, Math.max(this.holdThickness, hold)) - this.holdThickness) : this.segStarts[hold];
  }

  private holdTo(hold: number): number {
    return this.options.kind === 'bar' ? Math.min(this.meterLen, Math.max(this.holdThickness, hold)) : this.segStarts[hold] + this.segLens[hold];
  }

  /**
   * Repaints [from, to) of channel k from its current state: lit below the level, unlit above,
   * the hold indication where it falls in the range. Only fills (about a microsecond each in
   * Chromium, several times cheaper than image copies); clears only under translucent paint.
   * `clear = false` right after a whole-track clear.
   */
  private paintRange(ctx: CanvasRenderingContext2D, k: number, from: number, to: number, clear: boolean): void {
    const len = this.meterLen;
    if (from < 0) from = 0;
    if (to > len) to = len;
    if (to <= from) return;
    const r = this.channelRects[k];
    const o = this.options.orientation;
    if (this.options.kind === 'led') {
      const segs = this.options.segments;
      const starts = this.segStarts;
      const lens = this.segLens;
      const lit = this.lit[k];
      const hold = this.hold[k];
      // First segment whose slot ends after `from` (slots ascend).
      let lo = 0;
      let hi = segs;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] + lens[mid] <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < segs && starts[i] < to; i++) {
        const a = starts[i];
        const b = a + lens[i];
        if (i < lit || i === hold) {
          ctx.fillStyle = this.colors.lit[i]; // opaque: covers whatever was there
        } else {
          if (clear) this.clearAlong(ctx, r, o, a, b);
          ctx.fillStyle = this.colors.unlit[i];
        }
        fillAlong(ctx, r, o, a, b);
      }
      return;
    }
    // Bar: zone colours below the level, the track above it, then the hold line.
    const b = this.lit[k] < 0 ? 0 : this.lit[k];
    const s = this.style;
    const litTo = b < to ? b : to;
    if (from < litTo) {
      const mid = this.midPx;
      const high = this.highPx;
      if (from < mid) this.fillZone(ctx, r, o, s.colors.low, from, litTo < mid ? litTo : mid);
      if (litTo > mid && from < high) this.fillZone(ctx, r, o, s.colors.mid, from > mid ? from : mid, litTo < high ? litTo : high);
      if (litTo > high) this.fillZone(ctx, r, o, s.colors.high, from > high ? from : high, litTo);
    }
    const trackFrom = b > from ? b : from;
    if (trackFrom < to) {
      if (clear) this.clearAlong(ctx, r, o, trackFrom, to);
      this.fillZone(ctx, r, o, s.colors.track, trackFrom, to);
    }
    const hold = this.hold[k];
    if (hold === HIDDEN) return;
    const h0 = this.holdFrom(hold) > from ? this.holdFrom(hold) : from;
    const h1 = this.holdTo(hold) < to ? this.holdTo(hold) : to;
    if (h1 > h0) this.fillZone(ctx, r, o, holdColor(s, hold, this.midPx, this.highPx), h0, h1);
  }

  private fillZone(ctx: CanvasRenderingContext2D, r: Rect, o: Orientation, color: string, from: number, to: number): void {
    if (to <= from) return;
    ctx.fillStyle = color;
    fillAlong(ctx, r, o, from, to);
  }

  /** Clears [from, to) of `r` along the axis (and restores a non-transparent background). */
  private clearAlong(ctx: CanvasRenderingContext2D, r: Rect, o: Orientation, from: number, to: number): void {
    if (o === 'vertical') ctx.clearRect(r.x, r.y + r.h - to, r.w, to - from);
    else ctx.clearRect(r.x + from, r.y, to - from, r.h);
    if (this.hasBackground) {
      ctx.fillStyle = this.style.colors.background;
      fillAlong(ctx, r, o, from, to);
    }
  }

  private allocate(): void {
    const { tracks, channels, segments } = this.options;
    const n = tracks * channels;
    this.shownDb = new Float64Array(n).fill(-Infinity);
    this.lit = new Int32Array(n);
    this.hold = new Int32Array(n).fill(HIDDEN);
    this.holdDb = new Float64Array(n).fill(-Infinity);
    this.clip = new Uint8Array(n);
    this.readout = new Int32Array(tracks).fill(READOUT_SILENT);
    this.dirty = new Uint8Array(tracks).fill(1);
    this.pLit = new Int32Array(n);
    this.pHold = new Int32Array(n).fill(HIDDEN);
    this.pClip = new Uint8Array(n);
    this.pReadout = new Int32Array(tracks);
    this.full = new Uint8Array(tracks).fill(1);
    this.segStarts = new Int32Array(segments);
    this.segLens = new Int32Array(segments);
    this.thresholds = segmentThresholds(this.options.scale, segments, new Float64Array(segments));
    this.trackRects = Array.from({ length: tracks }, () => rect());
    this.channelRects = Array.from({ length: n }, () => rect());
    this.clipRects = Array.from({ length: n }, () => rect());
    this.readoutRects = Array.from({ length: tracks }, () => rect());
    this.anyDirty = true;
  }

  /** Recomputes device-pixel geometry; marks everything dirty and forces recomputation. */
  private layout(): void {
    const { tracks, channels, orientation: o, segments, segmentGap, channelGap, trackGap, clipSize, readoutSize, scale } =
      this.options;
    const { width, height, dpr } = this.surface;
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
    this.midPx = barLength(scale, meterLen, this.style.midDb);
    this.highPx = barLength(scale, meterLen, this.style.highDb);
    this.holdThickness = devicePx(2, dpr, 1);
    this.font = scaleFont(this.style.font, dpr);
    this.colors = segmentColors(this.thresholds, segments, this.style);
    this.hasBackground = this.style.colors.background !== DEFAULT_STYLE.colors.background;
    // Re-derive what is shown for the new geometry and repaint everything.
    for (let k = 0; k < this.lit.length; k++) this.derive(k);
    this.invalidate();
  }
}
