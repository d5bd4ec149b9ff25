import type { Meta, StoryObj } from '@storybook/react-vite';
import { LedMeter, DIGITAL_EXPANDED_SCALE } from '../src/index';
import { withDemoSource } from './support/demo-source';
import { trackMeterArgTypes, docsDescription } from './support/meter-args';

/**
 * LedMeter: one track as segmented LEDs. Stories read the animated demo bank; every prop is
 * a control.
 */
const meta = {
  title: 'Components/LedMeter',
  component: LedMeter,
  tags: ['autodocs'],
  decorators: [withDemoSource],
  argTypes: trackMeterArgTypes,
  args: { track: 0, label: 'Vocals level' },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'A segmented LED meter of one track: channels side by side, green/amber/red zones, a peak-hold segment and a latching clip LED per channel. It paints on canvas from the shared frame loop and never re-renders React while levels move.',
          `
import { useMeterEngine, LedMeter } from 'meterkit';

function ChannelStrip({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 8, channels: 2 });
  return <LedMeter source={engine} track={0} label="Vocals level" height={240} />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof LedMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Horizontal: Story = {
  args: { orientation: 'horizontal', width: 320, height: 18 },
};

export const FineSegments: Story = {
  args: { segments: 60, height: 300 },
};

export const ExpandedScale: Story = {
  args: { scale: DIGITAL_EXPANDED_SCALE, segments: 40, height: 280 },
};

export const RmsReading: Story = {
  args: { reading: 'rms' },
};

export const WithReadout: Story = {
  args: { readoutSize: 14, width: 40 },
};

export const Mono: Story = {
  args: { channels: 1, width: 12 },
};

export const CustomColors: Story = {
  args: { colors: { low: '#4fc3f7', mid: '#ffb74d', high: '#ff5252', clip: '#ff00aa' }, segmentOffAlpha: 0.08 },
};
