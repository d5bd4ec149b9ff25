/**
 * The mount-time wiring of a canvas view: re-apply sizing and style when any of its canvases
 * resizes or the device pixel ratio changes, and paint in the frame loop's draw phase.
 * Returns the teardown. Sizes are CSS px, one entry per canvas ({0, 0} for a null canvas).
 */
import { observeSize, watchPixelRatio } from '../core/observers';
import { getFrameLoop } from '../core/frame-loop';

export type CanvasSize = { w: number; h: number };

export function bindCanvases(
  canvases: readonly (HTMLCanvasElement | null)[],
  apply: (sizes: readonly CanvasSize[]) => void,
  draw: () => void,
): () => void {
  const sizes: CanvasSize[] = canvases.map(() => ({ w: 0, h: 0 }));
  const run = () => apply(sizes);
  const offs = [
    ...canvases.map((canvas, i) =>
      canvas === null
        ? () => {}
        : observeSize(canvas, (w, h) => {
            sizes[i] = { w, h };
            run();
          }),
    ),
    watchPixelRatio(run),
    getFrameLoop().subscribe(draw, 'draw'),
  ];
  return () => {
    for (const off of offs) off();
  };
}
