'use client';
/**
 * Binds a canvas to a MeterView: sizing (shared ResizeObserver, device pixel ratio), style
 * (props + CSS custom properties, read on mount and resize), visibility (IntersectionObserver:
 * off-screen meters do not draw), and one frame subscription per track through the source's hub.
 * No React state; the returned ref goes on the <canvas>.
 */
import { useRef, type RefObject } from 'react';
import { MeterView, type MeterViewOptions } from '../core/meter-view';
import { getMeterHub } from '../core/meter-hub';
import { getFrameLoop } from '../core/frame-loop';
import type { MeterSource } from '../core/meter-source';
import { resolveMeterStyle, type MeterStyleInput } from '../core/render/style';
import { observeSize, observeVisibility, watchPixelRatio, currentPixelRatio } from '../core/observers';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

export interface MeterCanvasOptions {
  source: MeterSource | null;
  /** Source track drawn at each view position. */
  tracks: readonly number[];
  view: MeterViewOptions;
  style: MeterStyleInput;
  /** Fixed device pixel ratio; default: the screen's, followed when it changes. */
  pixelRatio?: number;
}

export function useMeterCanvas({ source, tracks, view: viewOptions, style, pixelRatio }: MeterCanvasOptions): {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  viewRef: RefObject<MeterView | null>;
} {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const viewRef = useRef<MeterView | null>(null);
  const styleRef = useRef(style);
  const visible = useRef(true);
  const size = useRef({ w: 0, h: 0 });
  const ratio = useRef(pixelRatio);
  ratio.current = pixelRatio;

  const o = { ...viewOptions, tracks: tracks.length };
  const optionDeps = [o.kind, o.orientation, o.tracks, o.channels, o.scale, o.reading, o.segments, o.segmentGap, o.channelGap, o.trackGap, o.showHold, o.clipSize, o.readoutSize, o.staleFallDbPerSecond];
  const c = style.colors ?? {};
  const styleDeps = [c.background, c.track, c.low, c.mid, c.high, c.hold, c.clip, c.clipOff, c.text, c.tick, style.midDb, style.highDb, style.segmentOffAlpha, style.font];

  // Mount: the view, its observers.
  useIsomorphicLayoutEffect(() => {
    const canvas = canvasRef.current!;
    const view = new MeterView(canvas, o);
    viewRef.current = view;
    view.setStyle(resolveMeterStyle(canvas, styleRef.current));
    const dpr = () => ratio.current ?? currentPixelRatio();
    const offSize = observeSize(canvas, (w, h) => {
      size.current = { w, h };
      view.setStyle(resolveMeterStyle(canvas, styleRef.current));
      view.resize(w, h, dpr());
      view.draw();
    });
    const offVisible = observeVisibility(canvas, (isVisible) => {
      visible.current = isVisible;
      if (isVisible) {
        view.invalidate();
        view.draw();
      }
    });
    const offRatio = watchPixelRatio(() => {
      view.resize(size.current.w, size.current.h, dpr());
      view.draw();
    });
    const offDraw = getFrameLoop().subscribe(() => {
      if (visible.current) view.draw();
    }, 'draw');
    return () => {
      offSize();
      offVisible();
      offRatio();
      offDraw();
      viewRef.current = null;
    };
  }, []);

  // Options and pixel ratio.
  useIsomorphicLayoutEffect(() => {
    const view = viewRef.current;
    if (view === null) return;
    view.setOptions(o);
    if (size.current.w > 0) view.resize(size.current.w, size.current.h, pixelRatio ?? currentPixelRatio());
    view.draw();
  }, [...optionDeps, pixelRatio]);

  // Style props.
  useIsomorphicLayoutEffect(() => {
    styleRef.current = style;
    const view = viewRef.current;
    if (view === null || canvasRef.current === null) return;
    view.setStyle(resolveMeterStyle(canvasRef.current, style));
    view.draw();
  }, styleDeps);

  // Levels: one hub subscription per shown track.
  const tracksKey = tracks.join(',');
  useIsomorphicLayoutEffect(() => {
    const view = viewRef.current;
    if (source === null || view === null) return;
    const hub = getMeterHub(source);
    const offs = tracks.map((track, i) => hub.subscribe(track, (levels, clock) => view.update(i, levels, clock)));
    return () => {
      for (const off of offs) off();
    };
  }, [source, tracksKey, ...optionDeps]);

  return { canvasRef, viewRef };
}
