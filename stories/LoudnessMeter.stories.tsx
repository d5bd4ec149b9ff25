import type { Meta, StoryObj } from '@storybook/react-vite';
import { LoudnessMeter } from '../src/index';
import { withLoudnessDemo } from './support/loudness-demo';
import { docsDescription } from './support/meter-args';

/** LoudnessMeter: EBU R128 loudness of one track, read from an animated demo bank. */
const meta = {
  title: 'Components/LoudnessMeter',
  component: LoudnessMeter,
  tags: ['autodocs'],
  decorators: [withLoudnessDemo],
  argTypes: {
    target: { control: 'inline-radio', options: ['ebu-r128', 'atsc-a85', 'streaming-14', 'streaming-16'] },
    range: { control: 'inline-radio', options: ['ebu+9', 'ebu+18'] },
    units: { control: 'inline-radio', options: ['LUFS', 'LU'] },
    historySeconds: { control: { type: 'range', min: 0, max: 600, step: 10 } },
    height: { control: { type: 'range', min: 80, max: 400, step: 10 } },
    showReset: { control: 'boolean' },
  },
  args: { track: 0, label: 'Programme loudness', target: 'ebu-r128', range: 'ebu+9', units: 'LUFS', historySeconds: 60 },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'An EBU R128 / ITU-R BS.1770 loudness meter: momentary bar against the target band (short-term marker, integrated marks), a LUFS or LU scale, readouts of momentary, short-term, integrated, loudness range and true peak (flagged above the target ceiling), a short-term history graph and a reset of the integrated measurement. The engine must measure loudness on the track.',
          `
import { useMeterEngine, LoudnessMeter } from 'meterkit';

function Master({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 8, master: true, loudness: [8] });
  return <LoudnessMeter source={engine} track={8} target="ebu-r128" />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof LoudnessMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const RelativeUnits: Story = { args: { units: 'LU', range: 'ebu+18' } };

export const Streaming: Story = { args: { target: 'streaming-14' } };

export const WithoutHistory: Story = { args: { historySeconds: 0 } };
