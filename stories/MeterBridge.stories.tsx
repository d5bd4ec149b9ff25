import type { Meta, StoryObj } from '@storybook/react-vite';
import { MeterBridge, DIGITAL_EXPANDED_SCALE } from '../src/index';
import { withDemoSource } from './support/demo-source';
import { meterArgTypes, docsDescription } from './support/meter-args';

/** MeterBridge: many tracks on one canvas. Stories read the animated 8-track demo bank. */
const meta = {
  title: 'Components/MeterBridge',
  component: MeterBridge,
  tags: ['autodocs'],
  decorators: [withDemoSource],
  argTypes: {
    ...meterArgTypes,
    tracks: { control: 'object', description: 'A count (the first N) or a list of track indices.' },
    labels: { control: 'object' },
    kind: { control: 'inline-radio', options: ['led', 'bar'] },
    meterLength: { control: { type: 'range', min: 60, max: 500, step: 10 } },
    trackWidth: { control: { type: 'range', min: 4, max: 60, step: 1 } },
    trackGap: { control: { type: 'range', min: 0, max: 30, step: 1 } },
    labelSize: { control: { type: 'range', min: 0, max: 80, step: 1 } },
  },
  args: { labels: ['Kick', 'Snr', 'Hat', 'Bass', 'Gtr', 'Keys', 'Vox', 'FX'] },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'N tracks side by side on ONE canvas — one surface, one observer, only changed tracks repainted — with a shared scale, labels, latching clip buttons (click to reset) and one `role="meter"` element per track for assistive technology.',
          `
import { useMeterEngine, MeterBridge } from 'meterkit';

function Mixer({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 8, channels: 2 });
  return <MeterBridge source={engine} labels={['Kick', 'Snr', 'Hat', 'Bass', 'Gtr', 'Keys', 'Vox', 'FX']} />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof MeterBridge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Bars: Story = {
  args: { kind: 'bar', readoutSize: 14, trackWidth: 28 },
};

export const Horizontal: Story = {
  args: { orientation: 'horizontal', meterLength: 400, trackWidth: 14 },
};

export const SomeTracks: Story = {
  args: { tracks: [0, 2, 6], labels: ['Kick', 'Hat', 'Vox'] },
};

export const ExpandedScale: Story = {
  args: { scale: DIGITAL_EXPANDED_SCALE, meterLength: 300 },
};

export const Compact: Story = {
  args: { trackWidth: 8, trackGap: 2, channelGap: 1, labelSize: 0, clipIndicators: false, meterLength: 120, segments: 20 },
};
