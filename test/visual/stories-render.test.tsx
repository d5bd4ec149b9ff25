/**
 * Every story of the gallery renders in real Chromium without an error or a console error —
 * component stories (animated demo bank), the live demos before Start, and the docs-only
 * Introduction excluded. Catches a story broken by a change in src/ long before anyone opens
 * the gallery. (Frozen stories are screenshotted by frozen.test.tsx.) Each story, in the dark
 * and in the light theme of the gallery's toolbar, passes axe-core's WCAG 2.x A/AA rules.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { composeStories } from '@storybook/react-vite';
import { axeViolations, describeViolations } from '../helpers/axe';

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
  for (const theme of ['dark', 'light'] as const)
    describe(`${title} (${theme})`, () => {
      for (const story of Object.values(composeStories(module, { initialGlobals: { theme } }) as unknown as Record<string, Composed>)) {
        it(`${story.storyName} renders and passes axe`, async () => {
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
          expect(canvasElement.querySelector(`[data-theme-page="${theme}"]`), `${story.id} is not in the ${theme} theme`).not.toBeNull();
          expect(describeViolations(await axeViolations(canvasElement)), `${story.id} (${theme})`).toEqual([]);
        });
      }
    });
}
