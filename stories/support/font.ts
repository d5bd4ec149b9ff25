/**
 * The gallery font: DejaVu Sans, shipped in `stories/assets/` (license next to it) and
 * registered under its own family name, so frozen stories and visual baselines never depend on
 * the fonts installed on a machine — a system "DejaVu Sans" or a missing one makes no difference.
 */
import fontUrl from '../assets/DejaVuSans.ttf?url';
import { addRenderWorkerFont } from '../../src/index';

/** CSS family name the shipped font is registered under. */
export const GALLERY_FONT_FAMILY = 'Meterkit Gallery Sans';

/** The meter `font` prop / `--meterkit-font` value frozen stories use (10 px, like the default). */
export const GALLERY_FONT = `10px "${GALLERY_FONT_FAMILY}"`;

let loading: Promise<void> | null = null;

/**
 * Registers and loads the shipped font (once per page). Await it before anything draws text on
 * a canvas: canvas text uses whatever font is ready at draw time and is not redrawn later.
 * Rejects if the file cannot be loaded, so a broken setup fails loudly instead of drawing a
 * fallback font into a screenshot.
 */
export function loadGalleryFont(): Promise<void> {
  if (loading === null) {
    const face = new FontFace(GALLERY_FONT_FAMILY, `url(${JSON.stringify(fontUrl)})`);
    loading = face.load().then(
      (loaded) => {
        document.fonts.add(loaded);
        // Meters painted by the render worker draw text with the worker's own font set.
        addRenderWorkerFont(GALLERY_FONT_FAMILY, fontUrl);
      },
      (error: unknown) => {
        loading = null;
        throw new Error(`The gallery font ${fontUrl} could not be loaded: ${String(error)}`);
      },
    );
  }
  return loading;
}
