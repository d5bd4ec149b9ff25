/**
 * Every meter scale the gallery knows, by name: the `scale` control of every component story
 * offers these, and `stories/FrozenScales.stories.tsx` has one frozen story per scale.
 *
 * Adding a scale is ONE line here — then one `scaleStory(...)` line in FrozenScales.stories.tsx for
 * its frozen story, and `npm run test:visual:update` for its new baseline.
 */
import { DIGITAL_SCALE, DIGITAL_EXPANDED_SCALE, scaleForBallistics, type MeterScaleSpec } from '../../src/index';

export const SCALES = {
  DIGITAL_SCALE,
  DIGITAL_EXPANDED_SCALE,
  // The ballistics presets' scales, in their own units at their default reference levels.
  'PPM EBU': scaleForBallistics('ppm-ebu'),
  'PPM BBC': scaleForBallistics('ppm-bbc'),
  'PPM DIN': scaleForBallistics('ppm-din'),
  'PPM Nordic': scaleForBallistics('ppm-nordic'),
  VU: scaleForBallistics('vu'),
  'K-12': scaleForBallistics('k-12'),
  'K-14': scaleForBallistics('k-14'),
  'K-20': scaleForBallistics('k-20'),
} satisfies Record<string, MeterScaleSpec>;

export type ScaleName = keyof typeof SCALES;

/** argTypes entry for a `scale` prop: a select of the names above, mapped to the objects. */
export const scaleArgType = {
  control: 'select',
  options: Object.keys(SCALES) as ScaleName[],
  mapping: SCALES,
  description: 'Scale (dB range, ticks, breakpoints). The gallery offers every built-in scale.',
  table: { type: { summary: 'MeterScaleSpec' }, defaultValue: { summary: 'DIGITAL_SCALE' } },
} as const;
