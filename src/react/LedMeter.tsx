'use client';
import { forwardRef } from 'react';
import { TrackMeter, type TrackMeterProps } from './TrackMeter';

export type LedMeterProps = TrackMeterProps;

/**
 * A segmented LED meter of one track: channels side by side, coloured zones, a peak-hold
 * segment and clip LEDs. Draws on canvas every frame it changes; never re-renders React.
 *
 * Defaults: vertical, 24 × 200 CSS px, 30 segments with 1 px gaps, -60..0 dBFS, hold on,
 * 6 px clip LEDs, no readout. DOM attributes (`id`, `data-*`, `aria-describedby`, …) and
 * `ref` go to the wrapper `role="meter"` element.
 */
export const LedMeter = /* @__PURE__ */ forwardRef<HTMLDivElement, LedMeterProps>(function LedMeter(props, ref) {
  return <TrackMeter {...props} kind="led" component="LedMeter" forwardedRef={ref} />;
});
