/**
 * Pre-rendered meter columns ("sprites"): one fully lit and one fully unlit channel, drawn
 * once per layout and style. A frame then repaints only the stretch of a channel whose state
 * changed, with one `drawImage` per sprite — instead of re-filling every segment. At 128
 * stereo meters this is the difference between thousands of fills per frame and a few blits.
 *
 * Thread: main thread. Allocation only when sprites are (re)built.
 */
import type { Orientation, Rect } from './geometry';
import type { MeterStyle } from './style';

export type SpriteCanvas = HTMLCanvasElement | OffscreenCanvas;

export interface Sprite {
  readonly canvas: SpriteCanvas;
  readonly ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
}

/** A blank sprite of `w` × `h` device px, or null where canvases are unavailable. */
export function createSprite(w: number, h: number): Sprite | null {
  let canvas: SpriteCanvas | null = null;
  if (typeof OffscreenCanvas === 'function') canvas = new OffscreenCanvas(Math.max(1, w), Math.max(1, h));
  else if (typeof document !== 'undefined') {
    canvas = document.createElement('canvas');
    canvas.width = Math.max(1, w);
    canvas.height = Math.max(1, h);
  }
  const ctx = canvas?.getContext('2d') ?? null;
  return canvas !== null && ctx !== null ? { canvas, ctx: ctx as Sprite['ctx'] } : null;
}

/** Fills [from, to) along the axis of a sprite that is `breadth` across and `length` along. */
function fillSprite(s: Sprite, o: Orientation, length: number, breadth: number, from: number, to: number): void {
  if (to <= from) return;
  if (o === 'vertical') s.ctx.fillRect(0, length - to, breadth, to - from);
  else s.ctx.fillRect(from, 0, to - from, breadth);
}

/** Draws the lit and unlit LED columns: every segment in its colour, and dimmed. */
export function paintLedSprites(
  lit: Sprite,
  unlit: Sprite,
  o: Orientation,
  length: number,
  breadth: number,
  starts: Int32Array,
  lens: Int32Array,
  segments: number,
  colors: { lit: readonly string[]; unlit: readonly string[] },
): void {
  for (const s of [lit, unlit]) s.ctx.clearRect(0, 0, s.canvas.width, s.canvas.height);
  for (let i = 0; i < segments; i++) {
    lit.ctx.fillStyle = colors.lit[i];
    fillSprite(lit, o, length, breadth, starts[i], starts[i] + lens[i]);
    unlit.ctx.fillStyle = colors.unlit[i];
    fillSprite(unlit, o, length, breadth, starts[i], starts[i] + lens[i]);
  }
}

/** Draws the lit bar (zone colours, boundaries at midPx and highPx) and the unlit track. */
export function paintBarSprites(
  lit: Sprite,
  unlit: Sprite,
  o: Orientation,
  length: number,
  breadth: number,
  midPx: number,
  highPx: number,
  style: MeterStyle,
): void {
  for (const s of [lit, unlit]) s.ctx.clearRect(0, 0, s.canvas.width, s.canvas.height);
  lit.ctx.fillStyle = style.colors.low;
  fillSprite(lit, o, length, breadth, 0, Math.min(midPx, length));
  lit.ctx.fillStyle = style.colors.mid;
  fillSprite(lit, o, length, breadth, midPx, Math.min(highPx, length));
  lit.ctx.fillStyle = style.colors.high;
  fillSprite(lit, o, length, breadth, highPx, length);
  unlit.ctx.fillStyle = style.colors.track;
  fillSprite(unlit, o, length, breadth, 0, length);
}

/**
 * Copies [from, to) along the axis from `sprite` into channel rectangle `r` (whose length
 * along the axis equals the sprite's). Integer coordinates, same size: a plain pixel copy.
 */
export function blit(ctx: CanvasRenderingContext2D, sprite: Sprite, r: Rect, o: Orientation, length: number, from: number, to: number): void {
  if (to <= from) return;
  if (o === 'vertical') ctx.drawImage(sprite.canvas, 0, length - to, r.w, to - from, r.x, r.y + r.h - to, r.w, to - from);
  else ctx.drawImage(sprite.canvas, from, 0, to - from, r.h, r.x + from, r.y, to - from, r.h);
}
