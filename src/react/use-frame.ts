'use client';
import { useRef } from 'react';
import { getFrameLoop, type FrameCallback, type FramePhase, type FrameLoop } from '../core/internal';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/**
 * Runs `callback` every animation frame in `phase` on the shared frame loop. The subscription
 * is made once, in a layout effect; a new callback identity on re-render does not resubscribe
 * (the latest callback is called through a ref). Pass `enabled = false` to pause.
 */
export function useFrame(callback: FrameCallback, phase: FramePhase = 'draw', enabled = true, loop?: FrameLoop): void {
  const ref = useRef(callback);
  useIsomorphicLayoutEffect(() => {
    ref.current = callback;
  });
  useIsomorphicLayoutEffect(() => {
    if (!enabled) return;
    return (loop ?? getFrameLoop()).subscribe((clock) => ref.current(clock), phase);
  }, [phase, enabled, loop]);
}
