import type { Meta, StoryObj } from '@storybook/react-vite';
import { docsDescription } from './support/meter-args';
import { SpectrumMeterDemo as Demo } from './support/spectrum-meter-demo';
import { SPECTRUM_SIGNALS } from './support/spectrum-demo';

/** SpectrumMeter: the 31 one-third-octave bands of a track, with peak-hold caps. */
const meta = {
  title: 'Components/SpectrumMeter',
  component: Demo,
  tags: ['autodocs'],
  argTypes: {
    signal: { control: 'select', options: SPECTRUM_SIGNALS },
    minDb: { control: { type: 'range', min: -120, max: -24, step: 6 } },
    maxDb: { control: { type: 'range', min: -30, max: 12, step: 6 } },
    scaleStepDb: { control: { type: 'range', min: 3, max: 24, step: 3 } },
    showHold: { control: 'boolean' },
    tiltDbPerOctave: { control: { type: 'range', min: -6, max: 6, step: 0.5 } },
    width: { control: { type: 'range', min: 160, max: 900, step: 10 } },
    height: { control: { type: 'range', min: 80, max: 480, step: 10 } },
    render: { control: 'inline-radio', options: ['auto', 'worker', 'main'] },
  },
  args: { signal: 'pink noise', minDb: -72, maxDb: 0, scaleStepDb: 12, showHold: true, tiltDbPerOctave: 0, width: 420, height: 200, label: 'Spectrum' },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'A one-third-octave real-time analyser: 31 IEC 61260-1 base-10 bands from 20 Hz to 20 kHz (class 1 filters, decimated by two per octave), fast (125 ms) or slow (1 s) time weighting, peak-hold caps, measured on the audio thread for the tracks an engine lists in `spectrum`. Pink noise reads flat; white noise rises 3 dB per octave (try `tiltDbPerOctave: -3`). This story runs the same analyser on synthesized material on the page; see docs/broadcast-metering.md "Spectrum".',
          `
import { useMeterEngine, SpectrumMeter } from 'meterkit';

function Master({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 8, master: true, spectrum: [8] });
  return <SpectrumMeter source={engine} spectrum={engine} track={8} />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof Demo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WhiteNoiseTilted: Story = { args: { signal: 'white noise', tiltDbPerOctave: -3 } };

export const Sweep: Story = { args: { signal: 'sine sweep' } };

export const Music: Story = { args: { signal: 'bass and hi-hat', minDb: -90, scaleStepDb: 18 } };
