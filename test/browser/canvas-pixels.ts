/** Reads canvas pixels in device pixels. */
export function pixel(canvas: HTMLCanvasElement, x: number, y: number): [number, number, number, number] {
  const d = canvas.getContext('2d')!.getImageData(Math.floor(x), Math.floor(y), 1, 1).data;
  return [d[0], d[1], d[2], d[3]];
}

/** "#rrggbb" → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** True when the pixel is `hex` at full opacity. */
export function isColor(p: [number, number, number, number], hex: string): boolean {
  const [r, g, b] = rgb(hex);
  return p[3] === 255 && Math.abs(p[0] - r) <= 1 && Math.abs(p[1] - g) <= 1 && Math.abs(p[2] - b) <= 1;
}

/** The canvas inside a meterkit component root. */
export function canvasOf(root: ParentNode, component = 'LedMeter'): HTMLCanvasElement {
  const el = root.querySelector(`[data-meterkit="${component}"] canvas`);
  if (!(el instanceof HTMLCanvasElement)) throw new Error(`no ${component} canvas`);
  return el;
}

/**
 * Height in px of the green trace (the dark theme's low-zone colour, any opacity above ~0.7)
 * within columns [x0, x1) of `img`: bottom row − top row, negative when there is none. A mono
 * goniometer figure is a vertical line; silence a dot.
 */
export function traceHeight(img: ImageData, x0 = 0, x1 = img.width): number {
  let top = Infinity;
  let bottom = -Infinity;
  for (let y = 0; y < img.height; y++)
    for (let x = x0; x < x1; x++) {
      const k = 4 * (y * img.width + x);
      if (img.data[k + 1] > 150 && img.data[k] < 120) {
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  return bottom - top;
}
