/**
 * Browser command `compareScreenshots(referenceBase64, actualBase64)` (runs in Node): compares
 * two PNG screenshots with the algorithm of the comparator `toMatchScreenshot` uses — vitest
 * 4.1's `pixelmatch` comparator — with vitest's default options merged with this project's
 * `browser.expect.toMatchScreenshot.comparatorOptions`, and returns the verdict.
 *
 * It exists so a test can prove the comparison rejects a one-segment-off render WITHOUT a
 * stored reference: under `vitest -u` `toMatchScreenshot` accepts (and writes) anything, so a
 * self-test built on a baseline could never fail, or would overwrite its own reference.
 *
 * Uses `pixelmatch` 7 and `pngjs` 7, declared devDependencies of this project (vitest's
 * comparator is a port of the same pixelmatch algorithm with the same options).
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { BrowserCommand } from 'vitest/node';

/** vitest 4.1's defaults of the `pixelmatch` comparator (@vitest/browser dist/index.js). */
const VITEST_DEFAULTS = {
  threshold: 0.1,
  includeAA: false,
  alpha: 0.1,
  aaColor: [255, 255, 0] as [number, number, number],
  diffColor: [255, 0, 0] as [number, number, number],
  diffMask: false,
};

export interface ScreenshotComparison {
  /** Same verdict as toMatchScreenshot: same size and no more mismatched pixels than allowed. */
  pass: boolean;
  mismatchedPixels: number;
  width: number;
  height: number;
  message: string;
}

export const compareScreenshots: BrowserCommand<[referenceBase64: string, actualBase64: string]> = (ctx, referenceBase64, actualBase64) => {
  const reference = PNG.sync.read(Buffer.from(referenceBase64, 'base64'));
  const actual = PNG.sync.read(Buffer.from(actualBase64, 'base64'));
  const { width, height } = reference;
  if (actual.width !== width || actual.height !== height) {
    return {
      pass: false,
      mismatchedPixels: NaN,
      width,
      height,
      message: `size differs: ${width}×${height} vs ${actual.width}×${actual.height}`,
    } satisfies ScreenshotComparison;
  }
  const configured = (ctx.project.config.browser.expect?.toMatchScreenshot?.comparatorOptions ?? {}) as {
    allowedMismatchedPixels?: number;
    allowedMismatchedPixelRatio?: number;
  };
  const options = { ...VITEST_DEFAULTS, ...configured };
  const { allowedMismatchedPixels: _pixels, allowedMismatchedPixelRatio: _ratio, ...matchOptions } = options;
  const mismatchedPixels = pixelmatch(reference.data, actual.data, undefined, width, height, matchOptions);
  let allowed = Math.min(options.allowedMismatchedPixels ?? Infinity, (options.allowedMismatchedPixelRatio ?? Infinity) * width * height);
  if (allowed === Infinity) allowed = 0;
  const pass = mismatchedPixels <= allowed;
  return {
    pass,
    mismatchedPixels,
    width,
    height,
    message: `${mismatchedPixels} of ${width * height} pixels differ (${allowed} allowed)`,
  } satisfies ScreenshotComparison;
};
