import type { Meta, StoryObj } from '@storybook/react-vite';
import { docsDescription } from './support/meter-args';
import { GoniometerDemo as Demo } from './support/goniometer-demo';
import { SCOPE_SIGNALS } from './support/scope-signals';

/** Goniometer (phase scope): the Lissajous figure of a stereo track, M up and S across, with the correlation strip. */
const meta = {
  title: 'Components/Goniometer',
  component: Demo,
  tags: ['autodocs'],
  argTypes: {
    signal: { control: 'select', options: SCOPE_SIGNALS },
    mode: { control: 'inline-radio', options: ['dots', 'lines'] },
    persistenceMs: { control: { type: 'range', min: 0, max: 2000, step: 50 } },
    autoGain: { control: 'boolean' },
    gainDb: { control: { type: 'range', min: -24, max: 40, step: 1 } },
    showCorrelation: { control: 'boolean' },
    size: { control: { type: 'range', min: 80, max: 480, step: 10 } },
    render: { control: 'inline-radio', options: ['auto', 'worker', 'main'] },
  },
  args: { signal: 'wide stereo', mode: 'dots', persistenceMs: 300, autoGain: false, gainDb: 0, showCorrelation: true, size: 220, label: 'Goniometer' },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'Mid/side Lissajous figure (mono is a vertical line, antiphase a horizontal one, one channel alone a diagonal) with a fading trail, optional automatic gain (shown on the plot) and a ±1 correlation strip. The samples come from a lock-free sample ring the worklet writes (`scope: [track]`); see docs/goniometer.md.',
          `
import { useMeterEngine, Goniometer } from 'meterkit';

function Master({ context }: { context: AudioContext | null }) {
  const { engine } = useMeterEngine(context, { tracks: 8, master: true, scope: [8] });
  return <Goniometer source={engine} scope={engine} track={8} autoGain />;
}`,
        ),
      },
    },
  },
} satisfies Meta<typeof Demo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const LinesWithAutoGain: Story = { args: { signal: 'quiet stereo', mode: 'lines', autoGain: true, persistenceMs: 150 } };

export const Mono: Story = { args: { signal: 'mono' } };

export const Antiphase: Story = { args: { signal: 'antiphase' } };
