/**
 * Every frozen story painted by the render worker and painted on the main thread gives the
 * same pixels, byte for byte (the same PNG), and the worker really painted it (the canvases
 * were transferred). The baselines (frozen.test.tsx) check the default mode against the
 * committed references; this checks the two modes against each other.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { page } from 'vitest/browser';
import { composeStories } from '@storybook/react-vite';
import { setDefaultRenderMode } from '../../src/core/render-worker/placement';

type Composed = {
  id: string;
  storyName: string;
  args: Record<string, unknown>;
  run: (context?: { canvasElement?: HTMLElement; args?: Record<string, unknown> }) => Promise<void>;
};

const FILES = Object.values(import.meta.glob<Parameters<typeof composeStories>[0]>('../../stories/Frozen*.stories.tsx', { eager: true })).map(
  (module) => [(module.default as { title: string }).title, composeStories(module) as unknown as Record<string, Composed>] as const,
);

afterAll(() => setDefaultRenderMode('auto'));

/** Renders `story` with every canvas component in `mode`; resolves with its stage's screenshot and the canvases' placements. */
async function shot(story: Composed, mode: 'main' | 'worker'): Promise<{ png: string; placements: string[] }> {
  setDefaultRenderMode(mode);
  const canvasElement = document.createElement('div');
  document.body.append(canvasElement);
  try {
    await story.run({ canvasElement, args: story.args });
    const stage = canvasElement.querySelector<HTMLElement>('[data-frozen]')!;
    expect(stage.dataset.frozen).toBe('ready');
    const png = await page.screenshot({ element: stage, save: false });
    const placements = [...stage.querySelectorAll('canvas')].map((c) => c.dataset.meterkitRender ?? '?');
    return { png, placements };
  } finally {
    canvasElement.remove();
  }
}

for (const [title, stories] of FILES) {
  describe(title, () => {
    for (const story of Object.values(stories)) {
      it(`${story.storyName}: the worker paints exactly what the main thread paints`, async () => {
        const main = await shot(story, 'main');
        const worker = await shot(story, 'worker');
        expect(main.placements.length).toBeGreaterThan(0);
        expect(new Set(main.placements)).toEqual(new Set(['main']));
        expect(new Set(worker.placements)).toEqual(new Set(['worker']));
        expect(worker.png === main.png, `${story.id}: worker and main-thread screenshots differ`).toBe(true);
      });
    }
  });
}
