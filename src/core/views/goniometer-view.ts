/**
 * The goniometer view ({@link CanvasView}): a Lissajous figure of a scoped track's samples
 * (M up, S across; see ../render/goniometer.ts) with a fading trail, optional automatic gain
 * (shown), and a ±1 correlation strip under it.
 *
 * Samples come from the track's sample ring (core/scope): the view builds its own reader from
 * the spec's scope buffer, so it reads the same SharedArrayBuffer on the main thread or in the
 * render worker. Each frame's `update` takes everything that arrived since the previous frame
 * (decimated to `maxPointsPerFrame` above that) into the newest of a fixed set of trail
 * segments; `draw` paints the segments younger than `persistenceMs`, older ones fainter
 * (linear fade), so the trail is independent of the frame rate up to {@link TRAIL_SEGMENTS}
 * frames (at higher frame rates the trail is that many frames long). The correlation strip
 * shows the bank's correlation reading of the track (the engine measures it on scoped tracks).
 *
 * In time with the sound: given a delayed source (the engine's `meterSource`, a
 * DelayedSource), the host hands the view the source's `delayMs` before each frame's
 * update (`setSourceDelay`), and the view reads its ring that many frames short of the newest
 * (`SampleRingReader.readInto`'s lag, at most the reader's `maxLagFrames`: with the engine's
 * default ring size at least 500 ms at any sample rate) — the samples being heard, not the ones just
 * measured; the correlation strip is delayed with the source's readings.
 *
 * Thread: any (main thread or a worker). Allocates at construction only.
 */
import { checkOptions } from '../../dsp/validate';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import { type Rect, rect, devicePx } from '../render/geometry';
import { type MeterStyle, DEFAULT_STYLE } from '../render/style';
import type { Context2D } from '../render/context';
import { drawCorrelation, offsetPx } from '../render/correlation';
import { scaleFont } from '../render/bar';
import { drawGoniometerGrid, drawGoniometerTrace } from '../render/goniometer';
import { SampleRingReader } from '../scope/ring-reader';
import { setDeviceSize, type CanvasView } from './canvas-view';

/** Segments of the trail (frames remembered). */
export const TRAIL_SEGMENTS = 48;
/** The automatic gain aims the envelope of |M|, |S| at this fraction of the plot's half-size. */
const AUTO_GAIN_TARGET = 0.8;
/** Automatic gain range, dB, and its release (the envelope's fall), ms. */
export const AUTO_GAIN_MAX_DB = 40;
const AUTO_GAIN_RELEASE_MS = 1500;

/** Resolved options of {@link GoniometerView} (structured-cloneable: the scope words are shared, not copied). */
export interface GoniometerViewOptions {
  /** The engine's scope buffer and the ring of the shown track; null: no samples (grid and strip only). */
  scope: { readonly words: Int32Array; readonly ring: number } | null;
  /** `dots` (one square per sample) or `lines` (a polyline through them). */
  mode: 'dots' | 'lines';
  /** How long a sample stays visible, fading linearly, ms (0: only the latest frame's samples). */
  persistenceMs: number;
  /** Scale the figure so its recent envelope fills 80 % of the plot (0 to +40 dB; shown as text). */
  autoGain: boolean;
  /** Fixed gain when `autoGain` is off, dB (shown when not 0). */
  gainDb: number;
  /** Draw the correlation strip under the plot. */
  showCorrelation: boolean;
  /** Most samples taken per frame (more are decimated: every d-th sample). */
  maxPointsPerFrame: number;
  /** Height of the correlation strip, CSS px. */
  stripHeight: number;
}

export class GoniometerView implements CanvasView<MeterStyle> {
  readonly tracks = 1;
  deviceWidth = 0;
  deviceHeight = 0;
  readonly options: GoniometerViewOptions;
  readonly stats = { paints: 0, points: 0 };
  /** The gain in use, dB (automatic or fixed). */
  gainDb: number;
  /** The correlation shown (NaN: not measured or stale). */
  correlation = NaN;
  private style: MeterStyle = DEFAULT_STYLE;
  private readonly reader: SampleRingReader | null;
  private readonly segL: Float32Array[] = [];
  private readonly segR: Float32Array[] = [];
  private readonly segN: Int32Array = new Int32Array(TRAIL_SEGMENTS);
  private readonly segAt: Float64Array = new Float64Array(TRAIL_SEGMENTS).fill(-Infinity);
  private newest = TRAIL_SEGMENTS - 1;
  private nowMs = 0;
  private envelope = 0;
  private readonly plot: Rect = rect();
  private readonly strip: Rect = rect();
  private lineWidth = 1;
  private dotPx = 1;
  private correlationPx = 0;
  private dirty = true;
  /** The last draw painted trace samples (a later draw must clear them once they have faded). */
  private traceShown = false;
  private gainText = '';
  private gainTextDb = NaN;
  private pixelRatio = 1;
  private font = DEFAULT_STYLE.font;
  /** The source's delay in ring frames (see setSourceDelay). */
  private lagFrames = 0;
  /** True once an update has read the ring (a delay set before that rewinds with the lag). */
  private started = false;

  constructor(options: GoniometerViewOptions) {
    checkOptions('GoniometerView', options, 'the options its type lists');
    this.options = options;
    this.gainDb = options.autoGain ? 0 : options.gainDb;
    this.reader = options.scope === null ? null : new SampleRingReader(options.scope.words, options.scope.ring);
    for (let s = 0; s < TRAIL_SEGMENTS; s++) {
      this.segL.push(new Float32Array(options.maxPointsPerFrame));
      this.segR.push(new Float32Array(options.maxPointsPerFrame));
    }
    // Show what is already in the ring (a view built after its samples: a frozen state, a remount).
    this.reader?.rewind(options.maxPointsPerFrame);
  }

  /** The shown source's delay, ms: the ring is read that much behind its newest frame. */
  setSourceDelay(delayMs: number): void {
    const r = this.reader;
    const lag = r !== null && delayMs > 0 ? Math.round((delayMs * r.sampleRate) / 1000) : 0;
    // Before the first read, start from what is being heard rather than what was just measured.
    if (r !== null && !this.started && lag !== this.lagFrames) r.rewind(this.options.maxPointsPerFrame, lag);
    this.lagFrames = lag;
  }

  /** Frames the ring reported lost (the reader fell behind), since construction. */
  get lostFrames(): number {
    return this.reader?.lostFrames ?? 0;
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.font = scaleFont(style.font, this.pixelRatio);
    this.dirty = true;
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): boolean {
    const sized = setDeviceSize(this, widthCss, heightCss, pixelRatio);
    this.pixelRatio = pixelRatio;
    this.font = scaleFont(this.style.font, pixelRatio);
    const w = this.deviceWidth;
    const h = this.deviceHeight;
    const stripH = this.options.showCorrelation ? devicePx(this.options.stripHeight, pixelRatio, 1) : 0;
    const gap = this.options.showCorrelation ? devicePx(4, pixelRatio) : 0;
    const side = Math.max(0, Math.min(w, h - stripH - gap));
    Object.assign(this.plot, { x: (w - side) >> 1, y: 0, w: side, h: side });
    Object.assign(this.strip, { x: 0, y: side + gap, w, h: stripH });
    this.lineWidth = devicePx(1, pixelRatio, 1);
    this.dotPx = devicePx(1.5, pixelRatio, 1);
    this.dirty = true;
    return sized;
  }

  invalidate(): void {
    this.dirty = true;
  }

  /** Takes the samples that arrived since the last frame and the track's correlation. */
  update(_slot: number, levels: TrackLevels, clock: FrameClock): void {
    const now = clock.time[0];
    this.nowMs = now;
    const c = levels.stale ? NaN : levels.correlation;
    if (!Object.is(c, this.correlation)) {
      this.correlation = c;
      const px = offsetPx(c, (this.strip.w >> 1) - this.lineWidth);
      if (px !== this.correlationPx) {
        this.correlationPx = px;
        this.dirty = true;
      }
    }
    const reader = this.reader;
    if (reader === null) return;
    this.started = true;
    const next = (this.newest + 1) % TRAIL_SEGMENTS;
    const n = reader.readInto(this.segL[next], this.segR[next], this.lagFrames);
    if (n === 0) return;
    this.newest = next;
    this.segN[next] = n;
    this.segAt[next] = now;
    this.stats.points += n;
    this.dirty = true;
    if (this.options.autoGain) this.followEnvelope(next, n, clock.time[1]);
  }

  private followEnvelope(seg: number, n: number, dtMs: number): void {
    const l = this.segL[seg];
    const r = this.segR[seg];
    let peak = 0;
    for (let i = 0; i < n; i++) {
      const m = Math.abs(l[i] + r[i]);
      const s = Math.abs(r[i] - l[i]);
      const v = m > s ? m : s;
      if (v > peak) peak = v;
    }
    peak *= 0.5;
    this.envelope = Math.max(peak, this.envelope * Math.exp(-Math.max(0, dtMs) / AUTO_GAIN_RELEASE_MS));
    const db = this.envelope > 0 ? 20 * Math.log10(AUTO_GAIN_TARGET / this.envelope) : AUTO_GAIN_MAX_DB;
    // Whole dB steps, 0 … +40: the figure does not breathe with every frame.
    this.gainDb = Math.max(0, Math.min(AUTO_GAIN_MAX_DB, Math.floor(db)));
  }

  /** Opacity of a trail segment of age `ageMs`: linear fade over `persistenceMs`; with 0, only this frame's samples. */
  private alphaOf(ageMs: number): number {
    if (!(ageMs >= 0)) return 0;
    const persistence = this.options.persistenceMs;
    return persistence > 0 ? 1 - ageMs / persistence : ageMs === 0 ? 1 : 0;
  }

  draw(ctx: Context2D): boolean {
    // Repaint when something changed, while the trail fades, and once more to clear the last of it.
    const visible = this.alphaOf(this.nowMs - this.segAt[this.newest]) > 0;
    if ((!this.dirty && !visible && !this.traceShown) || this.plot.w === 0) return false;
    this.dirty = false;
    const style = this.style;
    ctx.clearRect(0, 0, this.deviceWidth, this.deviceHeight);
    if (style.colors.background !== DEFAULT_STYLE.colors.background) {
      ctx.fillStyle = style.colors.background;
      ctx.fillRect(0, 0, this.deviceWidth, this.deviceHeight);
    }
    drawGoniometerGrid(ctx, this.plot, this.lineWidth, style, this.plot.w >= 60 * this.pixelRatio ? this.font : null);
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.plot.x, this.plot.y, this.plot.w, this.plot.h);
    ctx.clip();
    const gain = Math.pow(10, this.gainDb / 20);
    const dots = this.options.mode === 'dots';
    let shown = false;
    // Oldest first, so the newest samples are on top.
    for (let k = TRAIL_SEGMENTS - 1; k >= 0; k--) {
      const s = (this.newest - k + TRAIL_SEGMENTS) % TRAIL_SEGMENTS;
      const alpha = this.alphaOf(this.nowMs - this.segAt[s]);
      if (alpha <= 0 || this.segN[s] === 0) continue;
      drawGoniometerTrace(ctx, this.plot, this.segL[s], this.segR[s], this.segN[s], gain, dots, this.dotPx, alpha, style.colors.low);
      shown = true;
    }
    ctx.restore();
    this.traceShown = shown;
    if (this.options.autoGain || this.gainDb !== 0) this.drawGain(ctx);
    if (this.options.showCorrelation) drawCorrelation(ctx, this.strip, null, this.correlationPx, 0, this.lineWidth, style);
    this.stats.paints++;
    return true;
  }

  /** The gain in use, bottom left of the plot ("+12 dB"); its text rebuilt only when it changes. */
  private drawGain(ctx: Context2D): void {
    if (this.gainDb !== this.gainTextDb) {
      this.gainTextDb = this.gainDb;
      this.gainText = `${this.gainDb > 0 ? '+' : this.gainDb < 0 ? '−' : ''}${Math.abs(this.gainDb).toFixed(Number.isInteger(this.gainDb) ? 0 : 1)} dB`;
    }
    ctx.fillStyle = this.style.colors.text;
    ctx.font = this.font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(this.gainText, this.plot.x + this.lineWidth * 2, this.plot.y + this.plot.h - this.lineWidth * 2);
  }
}
