/**
 * The pieces of the canvas views that need no pixels: the context style cache, the view
 * factory, and the throttled, write-on-change DOM values (watchTrackDom, levelAria).
 */
import { describe, it, expect } from 'vitest';
import { ContextStyleCache, type Context2D } from '../../src/core/render/context';
import { createCanvasView, type CanvasViewSpec } from '../../src/core/views/create-canvas-view';
import { resolveMeterViewOptions } from '../../src/core/views/meter-options';
import { MeterView } from '../../src/core/views/meter-view';
import { ScaleView } from '../../src/core/views/scale-view';
import { watchTrackDom, levelAria, clippedKey } from '../../src/core/dom-values';
import { createManualBank } from '../../src/core/manual-bank';
import { createFrameLoop } from '../../src/core/frame-loop';
import { DIGITAL_SCALE } from '../../src/core/render/scale';

/** A context that records every style write. */
function recordingContext(): { ctx: Context2D; writes: string[] } {
  const writes: string[] = [];
  const ctx = {} as Record<string, unknown>;
  for (const key of ['fillStyle', 'font', 'textAlign', 'textBaseline']) {
    Object.defineProperty(ctx, key, { set: (v: string) => void writes.push(`${key}=${v}`) });
  }
  return { ctx: ctx as unknown as Context2D, writes };
}

describe('ContextStyleCache', () => {
  it('writes a style only when it changes, and again after reset or on another context', () => {
    const a = recordingContext();
    const cache = new ContextStyleCache();
    cache.use(a.ctx);
    cache.setFill(a.ctx, '#f00');
    cache.setFill(a.ctx, '#f00');
    cache.setFill(a.ctx, '#0f0');
    cache.setFont(a.ctx, '10px sans-serif');
    cache.setFont(a.ctx, '10px sans-serif');
    cache.setText(a.ctx, 'center', 'middle');
    cache.setText(a.ctx, 'center', 'middle');
    expect(a.writes).toEqual(['fillStyle=#f00', 'fillStyle=#0f0', 'font=10px sans-serif', 'textAlign=center', 'textBaseline=middle']);
    cache.reset(); // e.g. the canvas was resized
    cache.setFill(a.ctx, '#0f0');
    expect(a.writes.at(-1)).toBe('fillStyle=#0f0');
    const b = recordingContext();
    cache.use(b.ctx);
    cache.setFill(b.ctx, '#0f0');
    expect(b.writes).toEqual(['fillStyle=#0f0']);
  });
});

describe('createCanvasView', () => {
  it('builds the view a spec describes, from plain cloneable data', () => {
    const spec: CanvasViewSpec = { type: 'level', options: resolveMeterViewOptions({ tracks: 3, channels: 1 }) };
    const view = createCanvasView(structuredClone(spec));
    expect(view).toBeInstanceOf(MeterView);
    expect(view.tracks).toBe(3);
    const scale = createCanvasView({ type: 'scale', options: { scale: DIGITAL_SCALE, orientation: 'vertical', side: 'right', nearInset: 0, farInset: 8 } });
    expect(scale).toBeInstanceOf(ScaleView);
    expect(scale.tracks).toBe(0);
    expect(scale.resize(36, 200, 2)).toBe(true);
    expect([scale.deviceWidth, scale.deviceHeight]).toEqual([72, 400]);
    expect(scale.resize(36, 200, 2)).toBe(false);
  });

  it('names the bad spec type', () => {
    expect(() => createCanvasView({ type: 'gonio', options: {} } as unknown as CanvasViewSpec)).toThrow(/spec\.type must be .* got "gonio"/);
  });

  it('level options are validated once, at resolve time, with the option, the value and the range', () => {
    expect(() => resolveMeterViewOptions({ staleFallDbPerSecond: -1 }, 'LedMeter: ')).toThrow(/LedMeter: staleFallDbPerSecond/);
    expect(resolveMeterViewOptions({}).staleFallDbPerSecond).toBeCloseTo(20 / 1.7, 6);
  });
});

describe('watchTrackDom', () => {
  function setup() {
    const bank = createManualBank({ tracks: 2, channels: 2 });
    const loop = createFrameLoop({ mode: 'demand', document: null });
    const attrs: Record<string, string> = {};
    const el = { setAttribute: (k: string, v: string) => void (attrs[k] = v) } as unknown as Element;
    return { bank, loop, attrs, el };
  }

  it('levelAria: at most every intervalMs, only on change; value clamped to the range, text the level with the clip state', () => {
    const { bank, loop, attrs, el } = setup();
    let writes = 0;
    const aria = levelAria(el, { minDb: -60, maxDb: 0, intervalMs: 500 });
    const counted = { ...aria, write: (k: number, l: Parameters<typeof aria.write>[1]) => (writes++, aria.write(k, l)) };
    const off = watchTrackDom(bank.source, 1, [counted], loop);
    bank.set(1, { levelDb: -12.44 });
    loop.advance(16);
    expect(attrs['aria-valuenow']).toBe('-12.4');
    expect(attrs['aria-valuetext']).toBe('-12.4 dBFS');
    bank.set(1, { levelDb: -3, overs: 1 });
    for (let i = 0; i < 20; i++) loop.advance(16); // 320 ms: not yet
    expect(attrs['aria-valuenow']).toBe('-12.4');
    for (let i = 0; i < 20; i++) loop.advance(16);
    expect(attrs['aria-valuenow']).toBe('-3');
    expect(attrs['aria-valuetext']).toBe('-3.0 dBFS, clipped');
    const before = writes;
    for (let i = 0; i < 100; i++) loop.advance(16); // unchanged level: no writes
    expect(writes).toBe(before);
    bank.set(1, { levelDb: 6 });
    for (let i = 0; i < 40; i++) loop.advance(16);
    expect(attrs['aria-valuenow']).toBe('0'); // clamped to maxDb (the element's range) …
    expect(attrs['aria-valuetext']).toBe('6.0 dBFS, clipped'); // … the text says the level itself
    bank.set(1, { levelDb: -Infinity });
    for (let i = 0; i < 40; i++) loop.advance(16);
    expect(attrs['aria-valuenow']).toBe('-60');
    expect(attrs['aria-valuetext']).toBe('silent, clipped'); // the over stays latched until reset
    off();
    bank.stop();
  });

  it('a value with intervalMs 0 is checked every frame (clip state)', () => {
    const { bank, loop } = setup();
    const seen: number[] = [];
    const off = watchTrackDom(bank.source, 0, [{ intervalMs: 0, key: clippedKey, write: (k) => void seen.push(k) }], loop);
    loop.advance(16);
    bank.set(0, { levelDb: -1, overs: 2 });
    loop.advance(16);
    loop.advance(16);
    expect(seen).toEqual([0, 1]);
    off();
    bank.stop();
  });
});
