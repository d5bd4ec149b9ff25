'use client';
import { forwardRef } from 'react';
import { TrackMeter, type TrackMeterProps } from './TrackMeter';

export type PeakHoldMeterProps = TrackMeterProps;

/**
 * A continuous bar meter of one track with a peak-hold line and a numeric peak-hold readout.
 *
 * Defaults: vertical, 24 × 200 CSS px, -60..0 dBFS, 2 px hold line, 6 px clip LEDs, a 14 px
 * readout of the highest hold in dBFS (one decimal, "-inf" in silence). DOM attributes and
 * `ref` go to the wrapper `role="meter"` element.
 */
export const PeakHoldMeter = /* @__PURE__ */ forwardRef<HTMLDivElement, PeakHoldMeterProps>(function PeakHoldMeter(props, ref) {
  return <TrackMeter {...props} kind="bar" component="PeakHoldMeter" forwardedRef={ref} />;
});
