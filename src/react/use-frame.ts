'use client';
import { useRef } from 'react';
import { getFrameLoop, checkOneOf, describeValue, type FrameCallback, type FramePhase, type FrameLoop } from '../core/internal';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/**
 * Runs `callback` every animation frame in `phase` on the shared frame loop. The subscription
 * is made once, in a layout effect; a new callback identity on re-render does not resubscribe
 * (the latest callback is called through a ref). Pass `enabled = false` to pause.
 */
export function useFrame(callback: FrameCallback, phase: FramePhase = 'draw', enabled = true, loop?: FrameLoop): void {
  if (typeof callback !== 'function') throw new TypeError(`useFrame: callback must be a function, got ${describeValue(callback)}`);
  checkOneOf('useFrame: phase', phase, ['read', 'update', 'draw'] as const);
  if (typeof enabled !== 'boolean') throw new TypeError(`useFrame: enabled must be true or false, got ${describeValue(enabled)}`);
  if (loop !== undefined && (loop === null || typeof loop !== 'object' || typeof loop.subscribe !== 'function')) {
    throw new TypeError(`useFrame: loop must be a frame loop from createFrameLoop() or omitted, got ${describeValue(loop)}`);
  }
  const ref = useRef(callback);
  useIsomorphicLayoutEffect(() => {
    ref.current = callback;
  });
  useIsomorphicLayoutEffect(() => {
    if (!enabled) return;
    return (loop ?? getFrameLoop()).subscribe((clock) => ref.current(clock), phase);
  }, [phase, enabled, loop]);
}
