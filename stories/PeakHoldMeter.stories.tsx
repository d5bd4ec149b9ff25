import type { Meta, StoryObj } from '@storybook/react-vite';
import { PeakHoldMeter, DIGITAL_EXPANDED_SCALE } from '../src/index';
import { withDemoSource } from './support/demo-source';
import { trackMeterArgTypes, docsDescription } from './support/meter-args';

/** PeakHoldMeter: a continuous bar, a hold line and a numeric readout. Stories read the animated demo bank. */
const meta = {
  title: 'Components/PeakHoldMeter',
  component: PeakHoldMeter,
  tags: ['autodocs'],
  decorators: [withDemoSource],
  argTypes: trackMeterArgTypes,
  args: { track: 1, label: 'Snare level', width: 32 },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          "A continuous bar meter of one track with a peak-hold line and a numeric readout of the highest hold in dBFS. The hold stays for the engine's `holdMs` (1.5 s by default), then follows the decaying peak down.",
          `
import { useMeterEngine, PeakHoldMeter } from 'meterkit';

function Master({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 1, channels: 2, holdMs: 2000 });
  return <PeakHoldMeter source={engine} label="Master level" width={40} height={260} />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof PeakHoldMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Horizontal: Story = {
  args: { orientation: 'horizontal', width: 360, height: 18, readoutSize: 36 },
};

export const Tall: Story = {
  args: { width: 40, height: 320, scale: DIGITAL_EXPANDED_SCALE },
};

export const RmsReading: Story = {
  args: { reading: 'rms' },
};

export const NoReadout: Story = {
  args: { readoutSize: 0, width: 16 },
};

export const CustomColors: Story = {
  args: { colors: { track: '#202a33', low: '#64b5f6', mid: '#9575cd', high: '#f06292', hold: '#ffffff' } },
};
