/**
 * The plain canvas bar bridge shared by the canvas contenders (meterkit and the hand-written
 * AnalyserNode meter), so their drawing cost is identical and only how they get their levels
 * differs: 2 vertical bars per track (3 px wide, 1 px apart, 2 px between tracks), 150 px tall,
 * -60..0 dBFS, one fill colour, clear + one batch of fillRects per frame.
 *
 * `readBarsDb` reads the bars back from the canvas pixels: what is on screen, not what the code
 * meant to draw (used by the peaks test only).
 */
export const BAR_HEIGHT = 150;
export const BAR_MIN_DB = -60;
export const BAR_MAX_DB = 0;
const BAR_WIDTH = 3;
const CHANNEL_PITCH = 4;
const TRACK_PITCH = 9;

export interface BarSurface {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  channels: number;
}

export function createBarSurface(canvas: HTMLCanvasElement, tracks: number): BarSurface {
  canvas.width = tracks * TRACK_PITCH;
  canvas.height = BAR_HEIGHT;
  canvas.style.width = `${canvas.width}px`;
  canvas.style.height = `${canvas.height}px`;
  const ctx = canvas.getContext('2d', { willReadFrequently: false })!;
  ctx.fillStyle = 'lime';
  return { canvas, ctx, channels: tracks * 2 };
}

/** Bar height in px for a linear level (0 → 0 px). */
export function barPx(linear: number): number {
  if (!(linear > 0)) return 0;
  const db = 20 * Math.log10(linear);
  const f = (Math.min(BAR_MAX_DB, Math.max(BAR_MIN_DB, db)) - BAR_MIN_DB) / (BAR_MAX_DB - BAR_MIN_DB);
  return Math.round(f * BAR_HEIGHT);
}

/** Bar height in px for a level in dB. */
export function barPxFromDb(db: number): number {
  return Number.isFinite(db) ? barPx(Math.pow(10, db / 20)) : 0;
}

/** dB shown by a bar of `px` pixels (-Infinity for an empty bar). */
export function dbFromBarPx(px: number): number {
  return px <= 0 ? -Infinity : BAR_MIN_DB + (px / BAR_HEIGHT) * (BAR_MAX_DB - BAR_MIN_DB);
}

function barX(channel: number): number {
  return (channel >> 1) * TRACK_PITCH + (channel & 1) * CHANNEL_PITCH;
}

/** Clears and draws every bar from linear levels (one per channel). */
export function drawBars(s: BarSurface, linear: Float32Array): void {
  const { ctx } = s;
  ctx.clearRect(0, 0, s.canvas.width, BAR_HEIGHT);
  for (let ch = 0; ch < s.channels; ch++) {
    const h = barPx(linear[ch]);
    if (h > 0) ctx.fillRect(barX(ch), BAR_HEIGHT - h, BAR_WIDTH, h);
  }
}

/** Copies linear levels into `outDb` as dB (the value a canvas contender decided to draw). */
export function linearToDbInto(linear: Float32Array, outDb: Float32Array, offset: number): void {
  for (let i = 0; i < linear.length; i++) outDb[offset + i] = linear[i] > 0 ? 20 * Math.log10(linear[i]) : -Infinity;
}

/** Reads every bar's height back from the canvas pixels into `outDb` (dB per channel). */
export function readBarsDb(s: BarSurface, outDb: Float32Array, offset = 0): void {
  const { data, width } = s.ctx.getImageData(0, 0, s.canvas.width, BAR_HEIGHT);
  for (let ch = 0; ch < s.channels; ch++) {
    const x = barX(ch) + 1;
    let top = BAR_HEIGHT;
    for (let y = 0; y < BAR_HEIGHT; y++) {
      if (data[(y * width + x) * 4 + 3] !== 0) {
        top = y;
        break;
      }
    }
    outDb[offset + ch] = dbFromBarPx(BAR_HEIGHT - top);
  }
}
