'use client';
/**
 * Levels of one track, every animation frame, without React state.
 *
 * Returns a ref whose `current` is the track's snapshot (updated in place each frame; null until
 * a source is available). `onFrame(levels, clock)` runs each frame after the snapshot is taken
 * — draw there (`clock.nowMs`, `clock.deltaMs`; both objects are updated in place). Changing `onFrame` between renders never resubscribes.
 */
import { useRef, type RefObject } from 'react';
import { getMeterHub, type TrackLevels, type FrameClock, type MeterSource, type HasMeterSource, describeValue } from '../core/internal';
import { useMeterSource } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { checkTrackProp, checkFunctionProp } from './props';

export interface UseTrackMetersOptions {
  /** Default: the nearest MeterProvider's source. */
  source?: MeterSource | HasMeterSource | null;
  /** Called every frame with the snapshot (read-only; do not keep it). */
  onFrame?: (levels: TrackLevels, clock: FrameClock) => void;
}

export function useTrackMeters(track: number, options: UseTrackMetersOptions = {}): RefObject<TrackLevels | null> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`useTrackMeters: options must be an object such as { onFrame }, got ${describeValue(options)}`);
  }
  checkFunctionProp('useTrackMeters', 'onFrame', options.onFrame);
  const source = useMeterSource(options.source, 'useTrackMeters');
  checkTrackProp('useTrackMeters', track, source);
  const levels = useRef<TrackLevels | null>(null);
  const onFrame = useRef(options.onFrame);
  useIsomorphicLayoutEffect(() => {
    onFrame.current = options.onFrame;
  });
  useIsomorphicLayoutEffect(() => {
    if (source === null) {
      levels.current = null;
      return;
    }
    const hub = getMeterHub(source);
    levels.current = hub.snapshot(track);
    return hub.subscribe(track, (l, clock) => onFrame.current?.(l, clock));
  }, [source, track]);
  return levels;
}
