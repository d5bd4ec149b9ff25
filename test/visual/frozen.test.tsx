/**
 * Visual regression of the gallery's frozen stories in real headless Chromium.
 *
 * Every story of every stories/Frozen*.stories.tsx file is rendered
 * THROUGH the story (composeStories: same args, decorators, loaders and play as the gallery),
 * its stage is screenshotted and compared with the committed baseline
 * test/visual/__screenshots__/<story id>-chromium-linux.png. A new story gets a test
 * automatically; its first run fails until `npm run test:visual:update` writes the baseline.
 *
 * Deterministic by construction: fixed values in a manual bank, the frame loop in demand mode
 * (exactly one frame drawn after layout), the shipped DejaVu Sans font loaded before anything
 * draws, fixed pixel ratio and viewport, and Chromium flags that pin colour and font rendering
 * (vitest.config.ts).
 */
import { describe, it, expect } from 'vitest';
import { page, commands } from 'vitest/browser';
import { composeStories } from '@storybook/react-vite';
import type { ScreenshotComparison } from './compare-screenshots';

type Composed = {
  id: string;
  storyName: string;
  args: Record<string, unknown>;
  run: (context?: { canvasElement?: HTMLElement; args?: Record<string, unknown> }) => Promise<void>;
};

/** Every frozen story file (stories/Frozen*.stories.tsx), composed, by title. */
const FILES: Record<string, Record<string, Composed>> = Object.fromEntries(
  Object.values(import.meta.glob<Parameters<typeof composeStories>[0]>('../../stories/Frozen*.stories.tsx', { eager: true })).map((module) => [
    (module.default as { title: string }).title,
    composeStories(module) as unknown as Record<string, Composed>,
  ]),
);

const compareScreenshots = (commands as unknown as { compareScreenshots: (reference: string, actual: string) => Promise<ScreenshotComparison> })
  .compareScreenshots;

let previous: HTMLElement | null = null;

/**
 * Renders `story` (with `args` over its own) into a fresh container and resolves with its
 * frozen stage once drawn (the story's play waits for that). The previous story is unmounted
 * by Storybook at the start of this run; its empty container is removed here.
 */
async function renderStory(story: Composed, args: Record<string, unknown> = {}): Promise<HTMLElement> {
  const canvasElement = document.createElement('div');
  document.body.append(canvasElement);
  await story.run({ canvasElement, args: { ...story.args, ...args } });
  previous?.remove();
  previous = canvasElement;
  const stage = canvasElement.querySelector<HTMLElement>('[data-frozen]');
  if (stage === null) throw new Error(`${story.id} rendered no <FrozenStage>`);
  expect(stage.dataset.frozen).toBe('ready');
  return stage;
}

for (const [title, stories] of Object.entries(FILES)) {
  describe(title, () => {
    for (const story of Object.values(stories)) {
      it(`${story.storyName} matches its baseline`, async () => {
        const stage = await renderStory(story);
        await expect.element(page.elementLocator(stage)).toMatchScreenshot(story.id);
      });
    }
  });
}

describe('the comparison can fail', () => {
  const reference = FILES['Frozen/States'].LevelsVertical;

  it('rejects a render one LED segment off, and the reference still matches its baseline', async () => {
    // The reference story: levels -60, -18, -6, 0 dBFS and an over on 30 segments of 2 dB.
    const referenceStage = await renderStory(reference);
    await expect.element(page.elementLocator(referenceStage)).toMatchScreenshot(reference.id);
    const referencePng = await page.screenshot({ element: referenceStage, save: false });
    // The same story with -18 dBFS raised to -16: exactly one more segment lit on one meter.
    const levelsDb = [...(reference.args.levelsDb as number[])];
    expect(levelsDb[1]).toBe(-18);
    levelsDb[1] = -16;
    const offStage = await renderStory(reference, { levelsDb });
    const offPng = await page.screenshot({ element: offStage, save: false });
    // Rendering the reference again gives a screenshot the comparator accepts…
    const againStage = await renderStory(reference);
    const againPng = await page.screenshot({ element: againStage, save: false });
    const same = await compareScreenshots(referencePng, againPng);
    // One screenshot pixel per CSS pixel: the iframe is not scaled, the page is at 1×.
    expect([same.width, same.height]).toEqual([againStage.offsetWidth, againStage.offsetHeight]);
    expect(same.mismatchedPixels, same.message).toBe(0);
    expect(same.pass).toBe(true);
    // …and the one-segment-off render is rejected, by about the segment's area (≈ 10 × 5 px for
    // the LED, plus the bar and readout of the PeakHoldMeter beside it).
    const off = await compareScreenshots(referencePng, offPng);
    expect(off.pass, off.message).toBe(false);
    expect(off.mismatchedPixels).toBeGreaterThan(40);
  });
});
