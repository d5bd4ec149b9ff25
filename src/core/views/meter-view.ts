/**
 * The level meter view: one or more tracks' LED or bar meters on one canvas, platform-free
 * ({@link CanvasView}).
 *
 * Per frame the host calls `update(slot, levels, clock)` for each track the view shows, then
 * `draw(ctx)`. `update` turns levels into what would be drawn — lit segments or pixels, hold
 * position, clip state, readout — at device-pixel resolution, and marks a track dirty only if
 * any of that changed; `draw` repaints, per channel, only the stretch between the old and the
 * new level (fills, not copies), whole tracks only after a layout or style change. So a still
 * meter costs a few comparisons per frame and no canvas work, and nothing allocates per frame.
 *
 * When a snapshot is stale (audio clock stopped) the display falls from its last value at
 * `staleFallDbPerSecond` toward silence instead of freezing; holds disappear, clip latches stay.
 *
 * Thread: any (main thread or a worker).
 */
import { checkOptions } from '../../dsp/validate';
import { dbFromLinear } from '../../dsp/db';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import { type Rect, rect } from '../render/geometry';
import { type MeterStyle, DEFAULT_STYLE } from '../render/style';
import { type Context2D, ContextStyleCache } from '../render/context';
import { litSegments, drawLedRange } from '../render/led';
import { drawBarRange, holdStart, holdEnd, drawClipLed, drawReadout, formatReadout, READOUT_SILENT } from '../render/bar';
import { MeterGeometry, meterFarInset } from './meter-geometry';
import type { ResolvedMeterViewOptions } from './meter-options';
import { setDeviceSize, type CanvasView } from './canvas-view';

/** Counters for tests and diagnostics. */
export interface MeterViewStats {
  /** Tracks repainted since creation. */
  tracksDrawn: number;
  /** draw() calls that painted at least one track. */
  paints: number;
}

const HIDDEN = -1;

export class MeterView implements CanvasView<MeterStyle> {
  readonly options: ResolvedMeterViewOptions;
  readonly tracks: number;
  deviceWidth = 0;
  deviceHeight = 0;
  style: MeterStyle = DEFAULT_STYLE;
  readonly stats: MeterViewStats = { tracksDrawn: 0, paints: 0 };
  private dpr = 1;
  private readonly cache = new ContextStyleCache();
  private geometry: MeterGeometry;

  // Display state per (track, channel) and per track.
  private readonly shownDb: Float64Array;
  private readonly lit: Int32Array;
  private readonly hold: Int32Array;
  private readonly holdDb: Float64Array;
  private readonly clip: Uint8Array;
  private readonly readout: Int32Array;
  private readonly dirty: Uint8Array;
  private anyDirty = true;
  // What is on the canvas now (p = painted), and tracks that need a whole repaint.
  private readonly pLit: Int32Array;
  private readonly pHold: Int32Array;
  private readonly pClip: Uint8Array;
  private readonly pReadout: Int32Array;
  private readonly full: Uint8Array;

  /** `options` from {@link resolveMeterViewOptions}: not checked again here. */
  constructor(options: ResolvedMeterViewOptions) {
    checkOptions('MeterView', options, 'the fields resolveMeterViewOptions returns');
    this.options = options;
    const { tracks, channels } = options;
    this.tracks = tracks;
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
    this.geometry = new MeterGeometry(options);
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.layout();
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean {
    const sized = setDeviceSize(this, widthCss, heightCss, pixelRatio);
    if (!sized && pixelRatio === this.dpr) return false;
    this.dpr = pixelRatio;
    if (sized) this.cache.reset(); // a resized canvas has a fresh context state
    this.layout();
    return sized;
  }

  invalidate(): void {
    this.dirty.fill(1);
    this.full.fill(1);
    this.anyDirty = true;
    // A full repaint sets every style again: the host may have reset the context's state
    // (e.g. after a web font arrived, `font` must really be set again to take it).
    this.cache.reset();
  }

  /** Geometry of the track at `slot` (device px), for overlays that align with it. */
  trackRect(slot: number): Readonly<Rect> {
    return this.geometry.trackRects[slot] ?? rect();
  }

  /** Device-pixel offset of the meter area from the far end (clip LED + readout), for scales. */
  get farInset(): number {
    return meterFarInset(this.options, this.dpr);
  }

  /** Takes the latest levels of the track at `slot`; `clock.deltaMs` drives the stale fall. Allocates nothing. */
  update(slot: number, levels: TrackLevels, clock: Pick<FrameClock, 'deltaMs'>): void {
    const { channels, reading, staleFallDbPerSecond, scale } = this.options;
    const nc = Math.min(channels, levels.channels);
    let changed = false;
    let maxHoldDb = -Infinity;
    const fall = (staleFallDbPerSecond * Math.max(0, clock.deltaMs)) / 1000;
    for (let c = 0; c < channels; c++) {
      const k = slot * channels + c;
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
      // readoutTenths() inlined: a fresh double passed to a helper may be boxed per call.
      const t = maxHoldDb > -150 ? Math.round(maxHoldDb * 10) : READOUT_SILENT;
      if (t !== this.readout[slot]) {
        this.readout[slot] = t;
        changed = true;
      }
    }
    if (changed) {
      this.dirty[slot] = 1;
      this.anyDirty = true;
    }
  }

  /**
   * Derives channel k's lit segments (LED) or pixels (bar) and hold position from its dB
   * values: one threshold search each, so the frame path has one shape of call.
   */
  private derive(k: number): boolean {
    const { kind, segments, showHold, scale } = this.options;
    const g = this.geometry;
    const led = kind === 'led';
    const thresholds = led ? g.thresholds : g.pxThresholds;
    const n = led ? segments : g.meterLen;
    const lit = litSegments(thresholds, n, this.shownDb[k]);
    const holdDb = this.holdDb[k];
    let hold = HIDDEN;
    // LED: the highest segment the hold lights (holdSegment, inlined); bar: its pixel.
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
  draw(ctx: Context2D): boolean {
    if (!this.anyDirty) return false;
    this.anyDirty = false;
    if (this.deviceWidth === 0) return false;
    const { tracks, channels, clipSize, readoutSize } = this.options;
    const g = this.geometry;
    const s = this.style;
    const cache = this.cache;
    cache.use(ctx);
    let drawn = 0;
    for (let i = 0; i < tracks; i++) {
      if (this.dirty[i] === 0) continue;
      this.dirty[i] = 0;
      drawn++;
      const full = this.full[i] === 1;
      this.full[i] = 0;
      if (full) clearRect(ctx, cache, g.trackRects[i], g.background);
      for (let c = 0; c < channels; c++) {
        const k = i * channels + c;
        if (full) {
          this.paintRange(ctx, k, 0, g.meterLen, false);
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
          drawClipLed(ctx, cache, g.clipRects[k], this.clip[k] === 1, s);
          this.pClip[k] = this.clip[k];
        }
      }
      if (readoutSize > 0 && (full || this.readout[i] !== this.pReadout[i])) {
        const rr = g.readoutRects[i];
        clearRect(ctx, cache, rr, g.background);
        drawReadout(ctx, cache, rr, formatReadout(this.readout[i]), s, g.font);
        this.pReadout[i] = this.readout[i];
      }
    }
    this.stats.tracksDrawn += drawn;
    if (drawn > 0) this.stats.paints++;
    return drawn > 0;
  }

  /** Device px along the axis where channel state `lit` stops being lit. */
  private boundary(lit: number): number {
    if (this.options.kind === 'bar') return lit < 0 ? 0 : lit;
    const n = this.options.segments;
    return lit <= 0 ? 0 : lit >= n ? this.geometry.meterLen : this.geometry.segStarts[lit];
  }

  private holdFrom(hold: number): number {
    const g = this.geometry;
    return this.options.kind === 'bar' ? holdStart(hold, g.holdThickness, g.meterLen) : g.segStarts[hold];
  }

  private holdTo(hold: number): number {
    const g = this.geometry;
    return this.options.kind === 'bar' ? holdEnd(hold, g.holdThickness, g.meterLen) : g.segStarts[hold] + g.segLens[hold];
  }

  /** Repaints [from, to) of channel k from its current state with the LED or bar painter. */
  private paintRange(ctx: Context2D, k: number, from: number, to: number, clear: boolean): void {
    const g = this.geometry;
    if (from < 0) from = 0;
    if (to > g.meterLen) to = g.meterLen;
    if (to <= from) return;
    const r = g.channelRects[k];
    const o = this.options.orientation;
    if (this.options.kind === 'led') {
      drawLedRange(ctx, this.cache, r, o, g.colors, g.segStarts, g.segLens, this.options.segments, this.lit[k], this.hold[k], from, to, clear, g.background);
    } else {
      drawBarRange(ctx, this.cache, r, o, this.lit[k], this.hold[k], g.holdThickness, g.midPx, g.highPx, from, to, clear, this.style, g.background);
    }
  }

  /** Recomputes device-pixel geometry, re-derives what is shown and marks everything for repaint. */
  private layout(): void {
    this.geometry.layout(this.deviceWidth, this.deviceHeight, this.dpr, this.style);
    for (let k = 0; k < this.lit.length; k++) this.derive(k);
    this.invalidate();
  }
}

/** Clears `r` and restores `background` (when not null) under it. */
function clearRect(ctx: Context2D, cache: ContextStyleCache, r: Rect, background: string | null): void {
  ctx.clearRect(r.x, r.y, r.w, r.h);
  if (background !== null) {
    cache.setFill(ctx, background);
    ctx.fillRect(r.x, r.y, r.w, r.h);
  }
}
