/**
 * Draws the view cases of view-cases.ts inside a dedicated Web Worker, each on its own
 * OffscreenCanvas, and posts back their pixels (transferring the buffers).
 */
import { VIEW_CASES, drawCase } from './view-cases';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };

scope.onmessage = () => {
  const results = VIEW_CASES.map((c) => {
    const r = drawCase(c, (w, h) => new OffscreenCanvas(w, h).getContext('2d')!);
    return {
      name: c.name,
      width: r.width,
      height: r.height,
      paints: r.paints,
      pixels: r.pixels.buffer as ArrayBuffer,
      inWorker: typeof document === 'undefined',
    };
  });
  scope.postMessage(
    results,
    results.map((r) => r.pixels),
  );
};
