'use client';
/**
 * Keeps `aria-valuenow` / `aria-valuetext` of a `role="meter"` element current at a low rate
 * (every `intervalMs`, default 500 ms ≈ 2 Hz), written directly on the element — never React
 * state, never a live region. Value: the highest channel level in dBFS, to 0.1 dB, clamped to
 * the scale; text such as "-12.4 dBFS, clipped" or "silent" (core `levelAria`).
 */
import type { RefObject } from 'react';
import { watchTrackDom, levelAria, type MeterSource, type LevelAriaOptions } from '../core/internal';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

export type MeterAriaOptions = LevelAriaOptions;

export function useMeterAria(
  element: RefObject<HTMLElement | null>,
  source: MeterSource | null,
  track: number,
  { minDb, maxDb, reading = 'peak', intervalMs = 500, unit = 'dBFS' }: MeterAriaOptions,
): void {
  useIsomorphicLayoutEffect(() => {
    const el = element.current;
    if (source === null || el === null) return;
    return watchTrackDom(source, track, [levelAria(el, { minDb, maxDb, reading, intervalMs, unit, source })]);
  }, [element, source, track, minDb, maxDb, reading, intervalMs, unit]);
}
