/**
 * Frozen stories: meters showing fixed values with no audio, drawn exactly once per change on
 * the frame loop in demand mode — no time, no randomness, no animation. They are the gallery's
 * reference states and the visual regression tests render them (test/visual/), so the gallery
 * and the baselines cannot drift apart.
 *
 * Pattern of a frozen story file (see Frozen.stories.tsx):
 * - the meta spreads {@link frozenMeta}: it loads the shipped font before rendering and its
 *   `play` resolves once every stage has drawn;
 * - a story renders its meters inside a {@link FrozenStage}, fed by {@link useFrozenBank}.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { MeterProvider, createManualBank, getFrameLoop, settleRenderWorker, type ManualBank, type ManualChannelLevels } from '../../src/index';
import { GALLERY_FONT, GALLERY_FONT_FAMILY, loadGalleryFont } from './font';
import { themeStyle, type ThemeName } from './themes';

let demandHolders = 0;

/**
 * Puts the page's frame loop in demand mode while any frozen stage is mounted (reference
 * counted; back to `auto` after the last one unmounts), so only {@link FrozenStage} draws.
 */
function holdDemandMode(): () => void {
  const loop = getFrameLoop();
  if (demandHolders++ === 0) loop.mode = 'demand';
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--demandHolders === 0) loop.mode = 'auto';
  };
}

/** Resolves after two animation frames: layout done and ResizeObserver callbacks delivered. */
export function afterLayout(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export interface FrozenStageProps {
  /** Page colours and meter palette (`<MeterProvider theme>`). Default `dark`. */
  theme?: ThemeName;
  children: ReactNode;
  style?: CSSProperties;
}

/**
 * The box a frozen story draws in (and the element the visual tests screenshot): a themed,
 * padded block in the shipped font. After every commit it waits for layout, runs exactly ONE
 * frame of the demand-mode loop (and of the render worker's loop, which follows it) and marks
 * itself `data-frozen="ready"` once that frame is drawn and on screen.
 */
export function FrozenStage({ theme = 'dark', children, style }: FrozenStageProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  // Layout effects run after the children's, whose meters have subscribed by then: switching
  // to demand mode here cancels the frame their subscription scheduled.
  useLayoutEffect(holdDemandMode, []);
  useEffect(() => {
    const el = ref.current!;
    el.dataset.frozen = 'pending';
    let current = true;
    void (async () => {
      await afterLayout();
      // Meters painted by the render worker: registered with it (and laid out) first…
      await settleRenderWorker();
      if (!current) return;
      getFrameLoop().advance();
      // …then the worker's frame drawn, and shown on screen.
      await settleRenderWorker();
      await afterLayout();
      if (current) el.dataset.frozen = 'ready';
    })();
    return () => {
      current = false;
    };
  });
  return (
    <div
      ref={ref}
      data-frozen="pending"
      style={{
        ...themeStyle(theme),
        ['--meterkit-font' as string]: GALLERY_FONT,
        fontFamily: `"${GALLERY_FONT_FAMILY}"`,
        fontSize: 10,
        lineHeight: '12px',
        display: 'inline-block',
        padding: 12,
        ...style,
      }}
    >
      <MeterProvider theme={theme}>{children}</MeterProvider>
    </div>
  );
}

/** Levels of one frozen track: one entry for every channel, or one per channel. */
export type FrozenTrack = ManualChannelLevels | readonly ManualChannelLevels[];

/** Completes a channel's levels so a change of args never leaves old values behind. */
function complete(l: ManualChannelLevels): ManualChannelLevels {
  const levelDb = l.levelDb ?? -Infinity;
  return {
    levelDb,
    holdDb: l.holdDb ?? levelDb,
    rmsDb: l.rmsDb ?? levelDb,
    peakDb: l.peakDb ?? levelDb,
    overs: l.overs ?? 0,
    ballisticDb: l.ballisticDb ?? levelDb,
  };
}

/**
 * A manual bank of `channels` holding `values` (track i = values[i]), rewritten whenever
 * `values` changes. Holds default to the level, overs to 0.
 */
export function useFrozenBank(values: readonly FrozenTrack[], channels = 2): ManualBank {
  const tracks = Math.max(1, values.length);
  const bank = useMemo(() => createManualBank({ tracks, channels }), [tracks, channels]);
  useLayoutEffect(() => {
    values.forEach((v, t) => bank.set(t, Array.isArray(v) ? (v as readonly ManualChannelLevels[]).map(complete) : complete(v as ManualChannelLevels)));
  }, [bank, values]);
  return bank;
}

/**
 * Resolves once every frozen stage inside `root` has drawn (polled per animation frame);
 * rejects after `timeoutMs`. This is the `play` of frozen stories, so `story.run()` in the
 * visual tests and the Storybook UI both finish only when the meters show their values.
 */
export async function frozenReady(root: ParentNode, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  for (;;) {
    const stages = Array.from(root.querySelectorAll<HTMLElement>('[data-frozen]'));
    if (stages.length > 0 && stages.every((s) => s.dataset.frozen === 'ready')) return;
    if (performance.now() - start > timeoutMs) throw new Error(`frozen story not drawn after ${timeoutMs} ms (${stages.length} stage(s) found)`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/**
 * Spread into the meta of every frozen story file: loads the shipped font before rendering
 * (canvas text is drawn once, with whatever font is ready), waits in `play` until drawn, and
 * keeps frozen files out of autodocs (they are reference states, not documentation).
 */
export const frozenMeta = {
  tags: ['frozen', '!autodocs'],
  parameters: { layout: 'fullscreen', controls: { expanded: true } },
  loaders: [
    async () => {
      await loadGalleryFont();
      return {};
    },
  ],
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await frozenReady(canvasElement);
  },
};
