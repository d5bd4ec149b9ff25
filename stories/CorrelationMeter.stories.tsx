import type { Meta, StoryObj } from '@storybook/react-vite';
import { CorrelationMeter } from '../src/index';
import { withLoudnessDemo } from './support/loudness-demo';
import { docsDescription } from './support/meter-args';

/** CorrelationMeter: phase correlation and balance of a stereo track (animated demo bank). */
const meta = {
  title: 'Components/CorrelationMeter',
  component: CorrelationMeter,
  tags: ['autodocs'],
  decorators: [withLoudnessDemo],
  argTypes: {
    showBalance: { control: 'boolean' },
    width: { control: { type: 'range', min: 80, max: 600, step: 10 } },
  },
  args: { track: 0, label: 'Phase correlation', showBalance: true, width: 240 },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'Phase correlation (−1 … +1) from the centre — green when positive, red when the channels cancel — and a balance bar (L … R). The engine must measure correlation on the track.',
          `
import { useMeterEngine, CorrelationMeter } from 'meterkit';

function Master({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 8, master: true, correlation: [8] });
  return <CorrelationMeter source={engine} track={8} />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof CorrelationMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithoutBalance: Story = { args: { showBalance: false } };
