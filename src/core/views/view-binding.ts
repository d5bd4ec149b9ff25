/**
 * Binds one canvas view to its canvas, a meter source and a frame loop — the whole of hosting
 * a view, the same on the main thread ({@link createCanvasHost}) and in the render worker:
 *
 * - the view is built from its spec by the binding's view factory (the types its caller
 *   bundles; the render worker's builds every type); the canvas is sized to the view's device size only when
 *   that changed (resizing a canvas clears it);
 * - one hub subscription per shown track feeds `view.update(slot, levels, clock)`; a view with
 *   `setSourceDelay` (the spectrum) is told the source's `delayMs` first, each frame;
 * - without a source (none yet, or one that went away) the view is fed a stale snapshot each
 *   frame for {@link SILENT_FEED_MS}, so it falls to silence at its stale fall rate instead of
 *   freezing at its last level;
 * - a draw-phase subscription paints while visible (views without tracks — a scale — paint
 *   only when told to); becoming visible repaints everything.
 *
 * The canvas is an `HTMLCanvasElement` or an `OffscreenCanvas`: only its width and height are
 * touched; the view draws on the 2D context handed in. Thread: any. A frame allocates nothing.
 */
import { describeValue } from '../../dsp/validate';
import { createTrackLevels, type TrackLevels } from '../bank/reader';
import { getFrameLoop, type FrameLoop, type FrameClock } from '../frame-loop';
import { getMeterHub } from '../meter-hub';
import type { MeterSource } from '../meter-source';
import type { Context2D } from '../render/context';
import type { MeterStyle } from '../render/style';
import type { CanvasHost } from '../canvas-host';
import { buildCanvasView, type AnyCanvasView, type CanvasViewFactory, type CanvasViewSpec } from './create-canvas-view';

/** What a binding touches of its canvas. */
export interface SizedCanvas {
  width: number;
  height: number;
}

/**
 * How long a view without a source is fed silence, ms: enough for any display to fall from
 * full scale to the bottom of its scale at the default stale fall (60 dB in 5.1 s); after that
 * the binding costs nothing per frame.
 */
export const SILENT_FEED_MS = 30_000;

/** Channels of the stale snapshot fed without a source (the most a bank has). */
const SILENT_CHANNELS = 8;
let silent: TrackLevels | null = null;
function silentLevels(): TrackLevels {
  if (silent === null) {
    silent = createTrackLevels(SILENT_CHANNELS);
    silent.stale = true;
  }
  return silent;
}

export class ViewBinding implements CanvasHost {
  readonly loop: FrameLoop;
  private readonly canvas: SizedCanvas;
  private readonly ctx: Context2D | null;
  private readonly views: CanvasViewFactory;
  private current: AnyCanvasView;
  private style: MeterStyle | null = null;
  private size: [number, number, number] | null = null;
  private visible = true;
  private source: MeterSource | null = null;
  private tracks: readonly number[] = [];
  private offTracks: (() => void)[] = [];
  private offSilent: (() => void) | null = null;
  private offDraw: (() => void) | null = null;
  private readonly silentSince = new Float64Array([NaN]);
  private disposed = false;
  /** Draws that painted something (diagnostics, leak and worker tests). */
  paints = 0;

  /**
   * `views` builds the spec's view (and every later spec's, {@link setSpec}): a TypeError for a
   * type it lacks.
   */
  constructor(canvas: SizedCanvas, ctx: Context2D | null, spec: CanvasViewSpec, views: CanvasViewFactory, loop: FrameLoop = getFrameLoop()) {
    if (typeof canvas !== 'object' || canvas === null)
      throw new TypeError(`ViewBinding: canvas must be a canvas (HTMLCanvasElement or OffscreenCanvas), got ${describeValue(canvas)}`);
    if (typeof loop !== 'object' || loop === null || typeof loop.subscribe !== 'function')
      throw new TypeError(`ViewBinding: loop must be a frame loop, got ${describeValue(loop)}`);
    this.canvas = canvas;
    this.ctx = ctx;
    this.loop = loop;
    this.views = views;
    this.current = buildCanvasView(spec, views, 'ViewBinding');
    this.syncDraw();
    this.subscribe();
  }

  get view(): AnyCanvasView {
    return this.current;
  }

  /** The source shown (null: none; the view falls to silence). */
  get currentSource(): MeterSource | null {
    return this.source;
  }

  /** Hub and silence subscriptions held (leak tests). */
  get listeners(): number {
    return this.offTracks.length + (this.offSilent === null ? 0 : 1);
  }

  setSpec(spec: CanvasViewSpec): void {
    this.current = buildCanvasView(spec, this.views, 'ViewBinding.setSpec');
    if (this.style !== null) this.current.setStyle(this.style);
    if (this.size !== null) this.layout(this.size[0], this.size[1], this.size[2]);
    if (this.ctx !== null) this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.syncDraw();
    this.subscribe();
  }

  setStyle(style: MeterStyle): void {
    this.style = style;
    this.current.setStyle(style);
  }

  resize(widthCss: number, heightCss: number, pixelRatio: number): void {
    this.size = [widthCss, heightCss, pixelRatio];
    this.layout(widthCss, heightCss, pixelRatio);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.current.invalidate();
  }

  setTracks(source: MeterSource | null, tracks: readonly number[]): void {
    this.source = source;
    this.tracks = tracks;
    this.subscribe();
  }

  clear(): void {
    this.current.clear?.();
  }

  /**
   * Resets the canvas's context state (by re-setting its width) and repaints everything — e.g.
   * after a web font was loaded: a context keeps the fallback it resolved for a `font` string
   * until that string is set anew.
   */
  resetContext(): void {
    const w = this.canvas.width;
    this.canvas.width = w;
    this.current.invalidate();
    this.paint();
  }

  /** Paints what changed now (outside the frame loop, e.g. after a layout or style change). */
  readonly paint = (): void => {
    if (!this.visible || this.ctx === null) return;
    if (this.current.draw(this.ctx)) this.paints++;
  };

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.source = null;
    this.unsubscribe();
    this.offDraw?.();
    this.offDraw = null;
  }

  private layout(w: number, h: number, dpr: number): void {
    const view = this.current;
    view.resize(w, h, dpr);
    if (this.canvas.width !== view.deviceWidth) this.canvas.width = view.deviceWidth;
    if (this.canvas.height !== view.deviceHeight) this.canvas.height = view.deviceHeight;
  }

  /** Only views that show tracks change between frames; a scale paints when its host is told to. */
  private syncDraw(): void {
    if (this.disposed) return;
    const wants = this.current.tracks > 0;
    if (wants && this.offDraw === null) this.offDraw = this.loop.subscribe(this.paint, 'draw');
    else if (!wants && this.offDraw !== null) {
      this.offDraw();
      this.offDraw = null;
    }
  }

  private subscribe(): void {
    this.unsubscribe();
    if (this.disposed) return;
    const v = this.current;
    if (this.source === null) {
      if (v.tracks > 0) {
        this.silentSince[0] = NaN;
        this.offSilent = this.loop.subscribe(this.feedSilence, 'update');
      }
      return;
    }
    const source = this.source;
    const hub = getMeterHub(source, this.loop);
    const n = Math.min(this.tracks.length, v.tracks);
    for (let slot = 0; slot < n; slot++) {
      // A view that delays its own buffers hears the source's delay before its first update of a frame.
      const update =
        slot === 0 && typeof v.setSourceDelay === 'function'
          ? (levels: TrackLevels, clock: FrameClock) => {
              v.setSourceDelay!(source.delayMs ?? 0);
              v.update(0, levels, clock);
            }
          : (levels: TrackLevels, clock: FrameClock) => v.update(slot, levels, clock);
      this.offTracks.push(hub.subscribe(this.tracks[slot], update));
    }
  }

  private unsubscribe(): void {
    for (const off of this.offTracks) off();
    this.offTracks = [];
    this.offSilent?.();
    this.offSilent = null;
  }

  private readonly feedSilence = (clock: FrameClock): void => {
    const since = this.silentSince;
    if (since[0] !== since[0]) since[0] = clock.nowMs;
    const view = this.current;
    const levels = silentLevels();
    for (let slot = 0; slot < view.tracks; slot++) view.update(slot, levels, clock);
    if (clock.nowMs - since[0] > SILENT_FEED_MS) {
      this.offSilent?.();
      this.offSilent = null;
    }
  };
}
