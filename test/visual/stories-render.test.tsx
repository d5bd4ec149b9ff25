/**
 * Every story of the gallery renders in real Chromium without an error or a console error —
 * component stories (animated demo bank), the live demos before Start, and the docs-only
 * Introduction excluded. Catches a story broken by a change in src/ long before anyone opens
 * the gallery. (Frozen stories are screenshotted by frozen.test.tsx.)
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { composeStories } from '@storybook/react-vite';

type Composed = { id: string; storyName: string; run: (context?: { canvasElement?: HTMLElement }) => Promise<void> };

const modules = import.meta.glob<Parameters<typeof composeStories>[0]>(['../../stories/*.stories.tsx', '!../../stories/Frozen*.stories.tsx'], { eager: true });

/** Two animation frames: the demo bank animates, meters draw on the (auto) frame loop. */
const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

afterEach(() => {
  vi.restoreAllMocks();
});

let previous: HTMLElement | null = null;

for (const module of Object.values(modules)) {
  const title = (module.default as { title: string }).title;
  describe(title, () => {
    for (const story of Object.values(composeStories(module) as unknown as Record<string, Composed>)) {
      it(`${story.storyName} renders`, async () => {
        const errors: unknown[][] = [];
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
          errors.push(args);
        });
        const canvasElement = document.createElement('div');
        document.body.append(canvasElement);
        await story.run({ canvasElement });
        previous?.remove();
        previous = canvasElement;
        await frames();
        expect(canvasElement.querySelector('[data-meterkit]'), `${story.id} shows no meterkit component`).not.toBeNull();
        expect(errors).toEqual([]);
      });
    }
  });
}
