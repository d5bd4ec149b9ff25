/**
 * Every canvas view, drawn inside a real Web Worker on an OffscreenCanvas, gives exactly the
 * pixels of the same view drawn on the main thread on a canvas element: the views are
 * platform-free, and the render worker can run them unchanged.
 */
import { describe, it, expect } from 'vitest';
import { VIEW_CASES, drawCase } from './view-cases';

interface WorkerResult {
  name: string;
  width: number;
  height: number;
  paints: number;
  pixels: ArrayBuffer;
  inWorker: boolean;
}

function drawInWorker(): Promise<WorkerResult[]> {
  const worker = new Worker(new URL('./views.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<WorkerResult[]>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerResult[]>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(`views.worker failed: ${e.message}`));
    worker.postMessage('draw');
  }).finally(() => worker.terminate());
}

function drawHere(name: string) {
  const c = VIEW_CASES.find((v) => v.name === name)!;
  return drawCase(c, (w, h) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    return canvas.getContext('2d')!;
  });
}

function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('canvas views in a Web Worker (OffscreenCanvas) and on the main thread', async () => {
  const results = await drawInWorker();

  it('the worker drew every case, off the main thread', () => {
    expect(results.map((r) => r.name)).toEqual(VIEW_CASES.map((c) => c.name));
    for (const r of results) expect(r.inWorker, r.name).toBe(true);
  });

  for (const c of VIEW_CASES) {
    it(`${c.name}: identical pixels`, () => {
      const w = results.find((r) => r.name === c.name)!;
      const m = drawHere(c.name);
      expect([w.width, w.height]).toEqual([m.width, m.height]);
      expect(w.width).toBe(Math.round(c.widthCss * c.pixelRatio));
      expect(w.paints).toBe(m.paints);
      expect(m.paints).toBeGreaterThan(0);
      const pixels = new Uint8ClampedArray(w.pixels);
      expect(pixels.length).toBe(m.pixels.length);
      // Not a blank canvas: a good part of it is painted.
      let opaque = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) opaque++;
      expect(opaque / (w.width * w.height), 'painted share').toBeGreaterThan(c.spec.type === 'scale' ? 0.02 : 0.3);
      expect(differing(pixels, m.pixels)).toBe(0);
    });
  }

  it('the comparison can fail: the same view after fewer frames differs', () => {
    const a = drawHere(VIEW_CASES[0].name);
    const c = { ...VIEW_CASES[0], frames: VIEW_CASES[0].frames.slice(0, 1) };
    const b = drawCase(c, (w, h) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      return canvas.getContext('2d')!;
    });
    expect(differing(a.pixels, b.pixels)).toBeGreaterThan(100);
  });
});
