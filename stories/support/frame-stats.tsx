/**
 * An on-screen readout of the frame loop's cost: frames per second and main-thread
 * milliseconds per frame spent by the meters (from the start of the loop's `read` phase to the
 * end of its `draw` phase), plus long animation frames (> 50 ms) if the browser reports them.
 *
 * The numbers go straight into a DOM text node a few times a second — never React state, so
 * measuring does not add React work to what is measured.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { getFrameLoop, getRenderWorker } from '../../src/index';

const REPORT_MS = 500;

export function FrameStats() {
  const ref = useRef<HTMLOutputElement | null>(null);
  const startedAt = useRef(0);
  // The `read` mark subscribes in a layout effect when this mounts — before any meter reads
  // (meters read once their engine exists, i.e. after Start) — so it runs first in the phase.
  useLayoutEffect(() => {
    return getFrameLoop().subscribe(() => {
      startedAt.current = performance.now();
    }, 'read');
  }, []);
  // The `draw` mark subscribes in a passive effect, after every layout effect of the page —
  // i.e. after the meters' own draw subscriptions — so it runs last in the phase.
  useEffect(() => {
    const el = ref.current!;
    let frames = 0;
    let busyMs = 0;
    let worstMs = 0;
    let windowStart = performance.now();
    let longFrames = 0;
    let observer: PerformanceObserver | null = null;
    if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
      observer = new PerformanceObserver((list) => {
        longFrames += list.getEntries().length;
      });
      observer.observe({ type: 'long-animation-frame' });
    }
    const off = getFrameLoop().subscribe(() => {
      const now = performance.now();
      const spent = now - startedAt.current;
      frames++;
      busyMs += spent;
      if (spent > worstMs) worstMs = spent;
      const elapsed = now - windowStart;
      if (elapsed >= REPORT_MS) {
        const fps = (frames * 1000) / elapsed;
        el.textContent = `${fps.toFixed(0)} fps · meters ${(busyMs / frames).toFixed(2)} ms/frame on the main thread (worst ${worstMs.toFixed(2)} ms)${observer ? ` · long animation frames: ${longFrames}` : ''}`;
        frames = 0;
        busyMs = 0;
        worstMs = 0;
        windowStart = now;
      }
    }, 'draw');
    return () => {
      off();
      observer?.disconnect();
    };
  }, []);
  return (
    <output ref={ref} data-testid="frame-stats" style={{ fontVariantNumeric: 'tabular-nums' }}>
      measuring…
    </output>
  );
}

/**
 * The render worker's frame rate (its own animation frames, counted in the worker) and how
 * many meter canvases it paints, polled twice a second — shown as "main thread only" while no
 * canvas is painted by the worker.
 */
export function WorkerFrameStats() {
  const ref = useRef<HTMLOutputElement | null>(null);
  useEffect(() => {
    const el = ref.current!;
    let last: { frames: number; at: number } | null = null;
    let stopped = false;
    const poll = async () => {
      if (stopped) return;
      const stats = getRenderWorker().isReady ? await getRenderWorker().stats() : null;
      const now = performance.now();
      if (stats === null || stats.views === 0) el.textContent = 'render worker: not used (meters paint on the main thread)';
      else if (last !== null) {
        const fps = ((stats.frames - last.frames) * 1000) / (now - last.at);
        el.textContent = `render worker: ${fps.toFixed(0)} fps, ${stats.views} canvases`;
      }
      last = stats === null ? null : { frames: stats.frames, at: now };
    };
    const timer = setInterval(() => void poll(), REPORT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return (
    <output ref={ref} data-testid="worker-frame-stats" style={{ fontVariantNumeric: 'tabular-nums' }}>
      render worker: measuring…
    </output>
  );
}
