'use client';
/**
 * The one host binding of every canvas component (level meters, bridge, scale, loudness,
 * correlation): it gives a canvas a {@link CanvasHost}, and wires size (shared
 * ResizeObserver), device pixel ratio (followed when it changes), theme (props + CSS custom
 * properties, resolved here on the main thread on mount, resize and style change — the view
 * only ever receives the resolved style), visibility (off-screen canvases do not paint) and the
 * shown tracks. No React state; the returned ref goes on the <canvas>.
 *
 * The hook talks only to the host interface: `placementFor` decides where the view paints
 * (`render` mode, see core/render-worker/placement.ts) and `createHostFor` gives either the
 * main-thread host or the render-worker host, which posts the same calls to the worker. A
 * canvas can be transferred to a worker once: the returned `canvasKey` goes on the <canvas> as
 * its React key, so a change of placement mounts a fresh canvas element.
 */
import { useRef, type RefObject } from 'react';
import {
  createHostFor,
  placementFor,
  resolveMeterStyle,
  observeSize,
  observeVisibility,
  watchPixelRatio,
  currentPixelRatio,
  type CanvasHost,
  type CanvasViewSpec,
  type CanvasViewFactory,
  type MeterSource,
  type MeterStyleInput,
  type Placement,
  type RenderMode,
} from '../core/internal';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

export interface CanvasViewBinding {
  /** The view, with options the component resolved once. */
  spec: CanvasViewSpec;
  /**
   * Builds the spec's view on the main thread: the component's own view types (e.g.
   * `LEVEL_VIEWS`), so an app bundles only the views its components use. A module constant.
   */
  views: CanvasViewFactory;
  /** The values the spec is made of: when one changes, the view is rebuilt (the spec object's identity is ignored). */
  specKey: readonly unknown[];
  /** Source of the shown tracks; null shows nothing. */
  source: MeterSource | null;
  /** Source track shown at each view slot (empty for a scale). */
  tracks: readonly number[];
  /** Style from props; CSS custom properties on the canvas fill the rest. */
  style: MeterStyleInput;
  /** Fixed device pixel ratio; default: the screen's, followed when it changes. */
  pixelRatio?: number;
  /** Where to paint (already resolved from the component prop and the provider). */
  render: RenderMode;
}

export function useCanvasView(binding: CanvasViewBinding): {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  hostRef: RefObject<CanvasHost | null>;
  /** The React key of the <canvas>: changes when the view moves between threads. */
  canvasKey: Placement;
} {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const hostRef = useRef<CanvasHost | null>(null);
  const latest = useRef(binding);
  // The latest binding for the callbacks below; updated first among this hook's layout effects
  // (they run in order), after commit rather than during render.
  useIsomorphicLayoutEffect(() => {
    latest.current = binding;
  });
  const size = useRef({ w: 0, h: 0 });

  const restyle = (host: CanvasHost) => host.setStyle(resolveMeterStyle(canvasRef.current, latest.current.style));
  const relayout = (host: CanvasHost) => {
    if (size.current.w > 0 || size.current.h > 0) host.resize(size.current.w, size.current.h, latest.current.pixelRatio ?? currentPixelRatio());
  };

  const placement = placementFor(binding.render, binding.source);

  // Mount: the host and its observers (again, on a fresh canvas, when the placement changes).
  useIsomorphicLayoutEffect(() => {
    const canvas = canvasRef.current!;
    const host = createHostFor(placement, canvas, latest.current.spec, latest.current.views);
    hostRef.current = host;
    restyle(host);
    const offSize = observeSize(canvas, (w, h) => {
      size.current = { w, h };
      restyle(host);
      relayout(host);
      host.paint();
    });
    const offVisible = observeVisibility(canvas, (visible) => {
      host.setVisible(visible);
      if (visible) host.paint();
    });
    const offRatio = watchPixelRatio(() => {
      relayout(host);
      host.paint();
    });
    return () => {
      offSize();
      offVisible();
      offRatio();
      host.dispose();
      hostRef.current = null;
    };
  }, [placement]);

  // The view: rebuilt when what it is made of changes.
  useIsomorphicLayoutEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    host.setSpec(latest.current.spec);
    relayout(host);
    host.paint();
  }, binding.specKey);

  useIsomorphicLayoutEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    relayout(host);
    host.paint();
  }, [binding.pixelRatio]);

  const s = binding.style;
  const c = s.colors ?? {};
  useIsomorphicLayoutEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    restyle(host);
    host.paint();
  }, [s.theme, c.background, c.track, c.low, c.mid, c.high, c.hold, c.clip, c.clipOff, c.text, c.tick, s.midDb, s.highDb, s.segmentOffAlpha, s.font]);

  // Levels: the shown tracks.
  const tracksKey = binding.tracks.join(',');
  useIsomorphicLayoutEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    host.setTracks(binding.source, binding.tracks);
    return () => host.setTracks(null, []);
  }, [binding.source, tracksKey, placement]);

  return { canvasRef, hostRef, canvasKey: placement };
}
