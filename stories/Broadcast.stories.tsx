/**
 * Broadcast metering, live: EBU R128 loudness, true peak, VU ballistics and phase
 * correlation of the synthesized mix's master bus. Press Start (autoplay policy).
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { LiveBroadcast } from './support/live-broadcast';

const meta = {
  title: 'Demos/Broadcast',
  component: LiveBroadcast,
  tags: ['autodocs'],
  argTypes: { target: { control: 'inline-radio', options: ['ebu-r128', 'atsc-a85', 'streaming-14', 'streaming-16'] } },
  args: { target: 'ebu-r128' },
  parameters: {
    docs: {
      description: {
        component:
          "One engine measures the 32 tracks of the live mixer and its master bus: `useMeterEngine(context, { tracks: 33, loudness: [32], correlation: [32], ballistics: 'vu', scope: [32], spectrum: [32] })`. `<LoudnessMeter>` shows momentary, short-term, integrated, loudness range and true peak against the chosen target; `<LedMeter reading=\"ballistic\" scale={scaleForBallistics('vu')}>` the VU indication; `<CorrelationMeter>` phase correlation and balance; `<Goniometer scope={engine} autoGain>` the master's Lissajous figure; `<SpectrumMeter spectrum={engine}>` its 31 one-third-octave bands.",
      },
    },
  },
} satisfies Meta<typeof LiveBroadcast>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
