import type { Meta, StoryObj } from '@storybook/react-vite';
import { LedMeter, MeterScale } from '../src/index';
import { withDemoSource } from './support/demo-source';
import { docsDescription } from './support/meter-args';
import { scaleArgType } from './support/scales';

/** MeterScale: ticks and labels of a scale, drawn to line up with meters of the same length. */
const meta = {
  title: 'Components/MeterScale',
  component: MeterScale,
  tags: ['autodocs'],
  argTypes: {
    scale: scaleArgType,
    width: { control: { type: 'number', min: 1, step: 1 } },
    height: { control: { type: 'number', min: 1, step: 1 } },
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    side: { control: 'inline-radio', options: ['left', 'right', 'top', 'bottom'] },
    nearInset: { control: { type: 'range', min: 0, max: 40, step: 1 } },
    farInset: { control: { type: 'range', min: 0, max: 40, step: 1 } },
    pixelRatio: { control: { type: 'number', min: 0.25, max: 8, step: 0.25 } },
    colors: { control: 'object' },
    style: { control: 'object' },
  },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          'The ticks and labels of a meter scale on a canvas, redrawn only on resize or prop change. Give it the same length and scale as the meters it labels; `farInset` skips the clip LED (and readout) at the far end so the ticks line up with the meter body.',
          `
import { LedMeter, MeterScale, DIGITAL_SCALE } from 'meterkit';

<div style={{ display: 'flex', gap: 4 }}>
  <MeterScale scale={DIGITAL_SCALE} height={240} farInset={6} side="right" />
  <LedMeter source={engine} scale={DIGITAL_SCALE} height={240} clipSize={6} />
</div>`,
        ),
      },
    },
  },
} satisfies Meta<typeof MeterScale>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Vertical: Story = {
  args: { side: 'right', height: 240 },
};

export const Horizontal: Story = {
  args: { orientation: 'horizontal', side: 'top', width: 420 },
};

/** A scale next to the meter it labels: same height, `farInset` = the meter's clip LED. */
export const BesideAMeter: Story = {
  args: { side: 'right', height: 240, farInset: 6 },
  decorators: [
    (Story) => (
      <div style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
        <Story />
        <LedMeter height={240} clipSize={6} />
      </div>
    ),
    withDemoSource,
  ],
};
