/**
 * Controls shared by the meter component stories (LedMeter, PeakHoldMeter, MeterBridge): the
 * prop tables come from the components' TypeScript types and doc comments (react-docgen-
 * typescript); these entries only pick better controls where inference cannot.
 */
import { scaleArgType } from './scales';

const range = (min: number, max: number, step = 1) => ({ control: { type: 'range', min, max, step } }) as const;

/** Props every meter story has. */
export const meterArgTypes = {
  source: {
    control: false,
    description: 'Engine, reader or manual bank to read. The gallery provides an animated demo bank through `<MeterProvider>`.',
  },
  scale: scaleArgType,
  orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
  channels: range(1, 2),
  segments: range(2, 120),
  segmentGap: range(0, 4),
  channelGap: range(0, 10),
  readoutSize: range(0, 40),
  staleFallDbPerSecond: range(1, 60, 0.5),
  pixelRatio: { control: { type: 'number', min: 0.25, max: 8, step: 0.25 } },
  segmentOffAlpha: range(0, 1, 0.01),
  midDb: range(-60, 0, 0.5),
  highDb: range(-60, 0, 0.5),
  colors: { control: 'object' },
  style: { control: 'object' },
} as const;

/** Props of the single-track meters (LedMeter, PeakHoldMeter). */
export const trackMeterArgTypes = {
  ...meterArgTypes,
  track: { control: { type: 'number', min: 0, max: 7, step: 1 } },
  width: { control: { type: 'number', min: 1, step: 1 } },
  height: { control: { type: 'number', min: 1, step: 1 } },
  clipSize: range(0, 40),
} as const;

/**
 * The docs page text of a component: a sentence or two, then a usage snippet written against
 * the published package (stories import from src/, apps from 'meterkit').
 */
export function docsDescription(text: string, code: string): string {
  return `${text}\n\n\`\`\`tsx\n${code.trim()}\n\`\`\``;
}
