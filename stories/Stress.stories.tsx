/**
 * 128 stereo tracks on one engine and two bridges, with an on-screen readout of frames per
 * second and main-thread milliseconds per frame spent by the meters.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { StressTest } from './support/stress-test';

const meta = {
  title: 'Demos/Stress 128 tracks',
  component: StressTest,
  tags: ['autodocs'],
  args: { kind: 'led', meterLength: 180 },
  argTypes: {
    kind: { control: 'inline-radio', options: ['led', 'bar'] },
    meterLength: { control: { type: 'range', min: 60, max: 400, step: 10 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          '128 stereo tracks — the 32 synthesized mixer tracks four times over — measured by one engine and drawn on two 64-track bridges (two canvases). The readout is measured per frame on the shared frame loop, from the start of its `read` phase to the end of its `draw` phase, and written straight to the DOM (no React state). Press Start.',
      },
    },
  },
} satisfies Meta<typeof StressTest>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
