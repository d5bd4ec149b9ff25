/**
 * Every story of the gallery renders in real Chromium without an error or a console error —
 * component stories (animated demo bank), the live demos before Start, and the docs-only
 * Introduction excluded. Catches a story broken by a change in src/ long before anyone opens
 * the gallery. (Frozen stories are screenshotted by frozen.test.tsx.) Each story, in the dark
 * and in the light theme of the gallery's toolbar, passes axe-core's WCAG 2.x A/AA rules.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { composeStories } from '@storybook/react-vite';
import axe from 'axe-core';

type Composed = { id: string; storyName: string; run: (context?: { canvasElement?: HTMLElement }) => Promise<void> };

const modules = import.meta.glob<Parameters<typeof composeStories>[0]>(['../../stories/*.stories.tsx', '!../../stories/Frozen*.stories.tsx'], { eager: true });

/** Two animation frames: the demo bank animates, meters draw on the (auto) frame loop. */
const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

afterEach(() => {
  vi.restoreAllMocks();
});

let previous: HTMLElement | null = null;

/** WCAG 2.x A/AA violations axe-core finds in `root`, one line each. */
async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    // WCAG 2.2's 24 px target size (2.5.8) is not met by the clip LEDs of dense bridges (a
    // track 6–14 px wide), by design as on hardware bridges: docs/api.md "Accessibility".
    rules: { 'target-size': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((r) => `${r.id}: ${r.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}

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
          expect(await violations(canvasElement), `${story.id} (${theme})`).toEqual([]);
        });
      }
    });
}
