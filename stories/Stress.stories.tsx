/**
 * 128, 512 or 1024 stereo tracks on one engine, painted by the render worker or on the main
 * thread, with on-screen readouts of the main thread's cost per frame and the worker's fps.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { StressTest } from './support/stress-test';

const meta = {
  title: 'Demos/Stress',
  component: StressTest,
  tags: ['autodocs'],
  args: { tracks: 128, render: 'auto', kind: 'led', meterLength: 180 },
  argTypes: {
    tracks: { control: 'inline-radio', options: [128, 512, 1024] },
    render: { control: 'inline-radio', options: ['auto', 'worker', 'main'] },
    kind: { control: 'inline-radio', options: ['led', 'bar'] },
    meterLength: { control: { type: 'range', min: 60, max: 400, step: 10 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          "128, 512 or 1024 stereo tracks — the 32 synthesized mixer tracks four times over, each source feeding 1, 4 or 8 meter tracks — measured by one engine and drawn on bridges of 128 tracks (one canvas each). `render` chooses where the bridges paint: the render worker (`auto`, the default, where supported) or the main thread. The first readout is the page frame loop, per frame, from the start of its `read` phase to the end of its `draw` phase (with the worker it only runs the aria values and clip buttons); the second is the render worker's own frame rate. Both are written straight to the DOM (no React state). Press Start.",
      },
    },
  },
} satisfies Meta<typeof StressTest>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
