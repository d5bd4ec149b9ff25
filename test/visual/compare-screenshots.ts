/**
 * Browser command `compareScreenshots(referenceBase64, actualBase64)` (runs in Node): compares
 * two PNG screenshots with the comparator `toMatchScreenshot` uses — vitest 4.1's `pixelmatch`
 * comparator, i.e. `@blazediff/core`'s `diff` with vitest's default options merged with this
 * project's `browser.expect.toMatchScreenshot.comparatorOptions` — and returns the verdict.
 *
 * It exists so a test can prove the comparison rejects a one-segment-off render WITHOUT a
 * stored reference: under `vitest -u` `toMatchScreenshot` accepts (and writes) anything, so a
 * self-test built on a baseline could never fail, or would overwrite its own reference.
 *
 * The two libraries are @vitest/browser's own dependencies, resolved from its location (not
 * dependencies of meterkit): whatever versions vitest compares with are the ones used here.
 */
import { createRequire } from 'node:module';
import type { BrowserCommand } from 'vitest/node';

const fromVitestBrowser = createRequire(createRequire(import.meta.url).resolve('@vitest/browser'));
const { PNG } = fromVitestBrowser('pngjs') as { PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } } };
const { diff } = fromVitestBrowser('@blazediff/core') as {
  diff: (a: Uint8Array, b: Uint8Array, out: Uint8Array | undefined, width: number, height: number, options: object) => number;
};

/** vitest 4.1's defaults of the `pixelmatch` comparator (@vitest/browser dist/index.js). */
const VITEST_DEFAULTS = {
  threshold: 0.1,
  includeAA: false,
  alpha: 0.1,
  aaColor: [255, 255, 0],
  diffColor: [255, 0, 0],
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
    return { pass: false, mismatchedPixels: NaN, width, height, message: `size differs: ${width}×${height} vs ${actual.width}×${actual.height}` } satisfies ScreenshotComparison;
  }
  const configured = (ctx.project.config.browser.expect?.toMatchScreenshot?.comparatorOptions ?? {}) as {
    allowedMismatchedPixels?: number;
    allowedMismatchedPixelRatio?: number;
  };
  const options = { ...VITEST_DEFAULTS, ...configured };
  const mismatchedPixels = diff(reference.data, actual.data, undefined, width, height, options);
  let allowed = Math.min(options.allowedMismatchedPixels ?? Infinity, (options.allowedMismatchedPixelRatio ?? Infinity) * width * height);
  if (allowed === Infinity) allowed = 0;
  const pass = mismatchedPixels <= allowed;
  return { pass, mismatchedPixels, width, height, message: `${mismatchedPixels} of ${width * height} pixels differ (${allowed} allowed)` } satisfies ScreenshotComparison;
};
