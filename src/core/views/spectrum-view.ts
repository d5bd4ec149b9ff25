/**
 * The one-third-octave spectrum view ({@link CanvasView}): 31 vertical bars (20 Hz … 20 kHz)
 * with peak-hold caps, a dB scale on the left and band labels under the bars.
 *
 * Readings come from the engine's spectrum bank (core/spectrum/spectrum-bank.ts): the view
 * builds its own reader from the spec's words, so it reads the same SharedArrayBuffer on the
 * main thread or in the render worker. `update` reads one consistent publish per frame; while
 * the track's bank readings are stale (audio suspended, engine gone) the bars fall to silence
 * at `staleFallDbPerSecond`. Output alignment: a source that shows readings late (an engine's
 * `meterSource`, a {@link DelayedSource}: its `delayMs`, handed in by the host through
 * `setSourceDelay`) delays the spectrum by as much — the view keeps a short history of its
 * readings ({@link SpectrumHistory}, 128 frames) and shows the one nearest to the delay ago.
 * `tiltDbPerOctave` adds a tilt about 1 kHz to what is shown (0:
 * pink noise reads flat, the one-third-octave convention; −3: white noise reads flat).
 *
 * Labels: every band's label when they fit, else the octave bands' (31.5, 63, 125 … 16k), else
 * every other octave's; the scale labels every `scaleStepDb` that fits.
 *
 * Thread: any (main thread or a worker). Allocates at construction only; `update` and `draw`
 * allocate nothing.
 */
import { checkOptions } from '../../dsp/validate';
import { BAND_COUNT, THIRD_OCTAVE_BANDS } from '../../dsp/octave-bands';
import type { TrackLevels } from '../bank/reader';
import type { FrameClock } from '../frame-loop';
import { type MeterStyle, DEFAULT_STYLE } from '../render/style';
import type { Context2D } from '../render/context';
import { scaleFont } from '../render/bar';
import { clamp, fontSizePx } from '../render/scale-draw';
import { devicePx } from '../render/geometry';
import { SpectrumBankReader } from '../spectrum/spectrum-bank';
import { SpectrumHistory } from '../spectrum/spectrum-history';
import { setDeviceSize, type CanvasView } from './canvas-view';

/** Resolved options of {@link SpectrumView} (structured-cloneable: the words are shared, not copied). */
export interface SpectrumViewOptions {
  /** The engine's spectrum bank and the slot of the shown track; null: nothing measured (scale and labels only). */
  spectrum: { readonly words: Int32Array; readonly slot: number } | null;
  /** Bottom and top of the dB scale (dB re a full-scale sine). */
  minDb: number;
  maxDb: number;
  /** Label step of the dB scale, dB. */
  scaleStepDb: number;
  /** Draw the peak-hold caps. */
  showHold: boolean;
  /** Tilt added to the display about 1 kHz, dB per octave. */
  tiltDbPerOctave: number;
  /** How the bars fall while the readings are stale, dB/s. */
  staleFallDbPerSecond: number;
}

/** Octave-band indices (31.5 Hz … 16 kHz): labelled when not every band fits. */
const OCTAVE_BANDS = [2, 5, 8, 11, 14, 17, 20, 23, 26, 29];
const IN_OCTAVES = Math.log2(10 ** 0.3);

export class SpectrumView implements CanvasView<MeterStyle> {
  readonly tracks = 1;
  deviceWidth = 0;
  deviceHeight = 0;
  readonly options: SpectrumViewOptions;
  readonly stats = { paints: 0, reads: 0 };
  /** The levels and holds shown, dB (after tilt and stale fall). */
  readonly shownDb = new Float64Array(BAND_COUNT).fill(-Infinity);
  readonly shownHoldDb = new Float64Array(BAND_COUNT).fill(-Infinity);
  private readonly reader: SpectrumBankReader | null;
  private readonly levels = new Float32Array(BAND_COUNT);
  private readonly holds = new Float32Array(BAND_COUNT);
  private readonly tilt = new Float64Array(BAND_COUNT);
  private readonly barPx = new Int32Array(BAND_COUNT).fill(-1);
  private readonly holdPx = new Int32Array(BAND_COUNT).fill(-1);
  private readonly barX = new Int32Array(BAND_COUNT + 1);
  private style: MeterStyle = DEFAULT_STYLE;
  private font = DEFAULT_STYLE.font;
  private pixelRatio = 1;
  private plotX = 0;
  private plotH = 0;
  private gap = 1;
  private capPx = 2;
  private labelEvery: readonly number[] = OCTAVE_BANDS;
  /** The scale's labelled dB values and their text (made in resize, so draw allocates nothing). */
  private scaleDb: number[] = [];
  private scaleText: string[] = [];
  private dirty = true;
  /** Output alignment: the readings of the last 128 frames, and the delay to show them with, ms. */
  private readonly history = new SpectrumHistory(128);
  private delayMs = 0;

  constructor(options: SpectrumViewOptions) {
    checkOptions('SpectrumView', options, 'the options its type lists');
    this.options = options;
    this.reader = options.spectrum === null ? null : new SpectrumBankReader(options.spectrum.words);
    for (let b = 0; b < BAND_COUNT; b++) this.tilt[b] = options.tiltDbPerOctave * (b - 17) * (IN_OCTAVES / 3);
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
    const fontPx = fontSizePx(this.style.font) * pixelRatio;
    this.plotX = devicePx(30, pixelRatio);
    this.plotH = Math.max(0, this.deviceHeight - Math.round(fontPx + 4 * pixelRatio));
    const plotW = Math.max(0, this.deviceWidth - this.plotX);
    for (let b = 0; b <= BAND_COUNT; b++) this.barX[b] = this.plotX + Math.round((b * plotW) / BAND_COUNT);
    this.gap = plotW / BAND_COUNT >= 6 * pixelRatio ? devicePx(2, pixelRatio, 1) : devicePx(1, pixelRatio, 1);
    this.capPx = devicePx(2, pixelRatio, 1);
    // Band labels: every band if "12.5k" fits a slot, else octaves, else every other octave.
    const slot = plotW / BAND_COUNT;
    const wide = fontPx * 2.8;
    this.labelEvery = slot >= wide ? THIRD_OCTAVE_BANDS.map((b) => b.index) : slot * 3 >= wide ? OCTAVE_BANDS : OCTAVE_BANDS.filter((_, i) => i % 2 === 1);
    this.scaleDb = [];
    this.scaleText = [];
    const { minDb, maxDb, scaleStepDb } = this.options;
    for (let db = maxDb; db >= minDb - 1e-9; db -= scaleStepDb) {
      this.scaleDb.push(db);
      this.scaleText.push(String(Math.round(db * 10) / 10));
    }
    this.barPx.fill(-1);
    this.holdPx.fill(-1);
    this.dirty = true;
    return sized;
  }

  invalidate(): void {
    this.dirty = true;
  }

  /** Height of `db` in the plot, device px (0 at or below minDb). */
  private heightOf(db: number): number {
    const { minDb, maxDb } = this.options;
    if (!(db > minDb)) return 0;
    const t = db >= maxDb ? 1 : (db - minDb) / (maxDb - minDb);
    return Math.round(t * this.plotH);
  }

  /** How long after measurement the source shows its readings, ms (0: at once). */
  setSourceDelay(delayMs: number): void {
    this.delayMs = delayMs > 0 ? delayMs : 0;
  }

  update(_slot: number, levels: TrackLevels, clock: FrameClock): void {
    const dtS = Math.max(0, clock.time[1]) / 1000;
    const stale = levels.stale || this.reader === null;
    let read = !stale && this.reader!.readInto(this.options.spectrum!.slot, this.levels, this.holds) > 0;
    if (read) {
      this.stats.reads++;
      this.history.push(clock.nowMs, this.levels, this.holds);
      // Delayed: the reading nearest to the delay ago (none yet: the bars hold).
      if (this.delayMs > 0) read = this.history.pick(clock.nowMs - this.delayMs, this.levels, this.holds);
    }
    const fall = this.options.staleFallDbPerSecond * dtS;
    for (let b = 0; b < BAND_COUNT; b++) {
      if (read) {
        this.shownDb[b] = this.levels[b] + this.tilt[b];
        this.shownHoldDb[b] = this.holds[b] + this.tilt[b];
      } else {
        // Nothing new (stale, or not yet published): fall towards silence.
        this.shownDb[b] -= stale ? fall : 0;
        this.shownHoldDb[b] -= stale ? fall : 0;
      }
      const bar = this.heightOf(this.shownDb[b]);
      const hold = this.options.showHold ? this.heightOf(this.shownHoldDb[b]) : 0;
      if (bar !== this.barPx[b] || hold !== this.holdPx[b]) {
        this.barPx[b] = bar;
        this.holdPx[b] = hold;
        this.dirty = true;
      }
    }
  }

  draw(ctx: Context2D): boolean {
    if (!this.dirty || this.deviceWidth === 0 || this.deviceHeight === 0) return false;
    this.dirty = false;
    this.stats.paints++;
    const style = this.style;
    const { minDb } = this.options;
    ctx.clearRect(0, 0, this.deviceWidth, this.deviceHeight);
    if (style.colors.background !== DEFAULT_STYLE.colors.background) {
      ctx.fillStyle = style.colors.background;
      ctx.fillRect(0, 0, this.deviceWidth, this.deviceHeight);
    }
    const line = devicePx(1, this.pixelRatio, 1);
    const plotW = this.deviceWidth - this.plotX;
    // Grid lines and scale labels.
    ctx.font = this.font;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    const fontPx = fontSizePx(style.font) * this.pixelRatio;
    let lastY = -Infinity;
    for (let k = 0; k < this.scaleDb.length; k++) {
      const db = this.scaleDb[k];
      const y = this.plotH - this.heightOf(db <= minDb ? minDb + 1e-9 : db);
      ctx.fillStyle = style.colors.track;
      ctx.fillRect(this.plotX, Math.min(this.plotH - line, y), plotW, line);
      if (y - lastY >= fontPx * 1.2) {
        ctx.fillStyle = style.colors.text;
        ctx.fillText(this.scaleText[k], this.plotX - devicePx(4, this.pixelRatio), clamp(y, fontPx / 2, this.plotH - fontPx / 2));
        lastY = y;
      }
    }
    // Bars and hold caps.
    for (let b = 0; b < BAND_COUNT; b++) {
      const x = this.barX[b];
      const w = Math.max(1, this.barX[b + 1] - x - this.gap);
      const h = this.barPx[b];
      if (h > 0) {
        ctx.fillStyle = style.colors.low;
        ctx.fillRect(x, this.plotH - h, w, h);
      }
      const hold = this.holdPx[b];
      if (this.options.showHold && hold > 0) {
        ctx.fillStyle = style.colors.hold === '' ? style.colors.high : style.colors.hold;
        ctx.fillRect(x, this.plotH - Math.max(hold, this.capPx), w, this.capPx);
      }
    }
    // Band labels.
    ctx.fillStyle = style.colors.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    for (let k = 0; k < this.labelEvery.length; k++) {
      const b = this.labelEvery[k];
      const cx = (this.barX[b] + this.barX[b + 1] - this.gap) / 2;
      ctx.fillText(THIRD_OCTAVE_BANDS[b].label, cx, this.deviceHeight);
    }
    return true;
  }
}
