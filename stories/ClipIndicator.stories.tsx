import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClipIndicator, LedMeter } from '../src/index';
import { withDemoSource } from './support/demo-source';
import { docsDescription } from './support/meter-args';

/**
 * ClipIndicator: a latching clip light as a real button. Track 3 of the demo bank goes over
 * 0 dBFS once every 4 seconds; click the light (or focus it and press Enter/Space) to reset.
 */
const meta = {
  title: 'Components/ClipIndicator',
  component: ClipIndicator,
  tags: ['autodocs'],
  decorators: [withDemoSource],
  argTypes: {
    source: { control: false },
    track: { control: { type: 'number', min: 0, max: 7, step: 1 } },
    color: { control: 'color' },
    offColor: { control: 'color' },
    onReset: { action: 'reset' },
    style: { control: 'object' },
  },
  args: { track: 2, label: 'Hat', width: 48, height: 14 },
  parameters: {
    docs: {
      description: {
        component: docsDescription(
          "A latching clip light for one track, as a real `<button>`: it lights after any over on any channel (no over is ever missed between frames) and stays lit until clicked, which clears the track's over count. Its state goes to the element (`data-clipped`, colour, `aria-label`), never to React state.",
          `
import { ClipIndicator } from 'meterkit';

<ClipIndicator source={engine} track={3} label="Vocals" resetHolds onReset={(t) => console.log('reset', t)} />`,
        ),
      },
    },
  },
} satisfies Meta<typeof ClipIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** The light above the meter of the same track: the meter's own clip LEDs latch too. */
export const WithMeter: Story = {
  decorators: [
    (Story, { args }) => (
      <div style={{ display: 'inline-flex', flexDirection: 'column', gap: 4, alignItems: 'center' }}>
        <Story />
        <LedMeter track={args.track} />
      </div>
    ),
  ],
  args: { width: 24, height: 10, resetHolds: true },
};

export const CustomColors: Story = {
  args: { color: '#ff9100', offColor: '#3b2a14' },
};
