/**
 * The live mixer: 32 stereo tracks of material synthesized in code (no audio files, no
 * network) and their master bus, metered by one 33-track engine and shown on two MeterBridges.
 * Press Start: browsers only start audio after a user gesture.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { LiveMixer } from './support/live-mixer';
import { MIXER_TRACKS } from './support/mixer-tracks';

const legend = MIXER_TRACKS.map((t, i) => `| ${i + 1} | ${t.label} | ${t.description ?? ''} |`).join('\n');

const meta = {
  title: 'Demos/Live mixer',
  component: LiveMixer,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `32 stereo tracks synthesized in code and their master bus, metered by ONE engine (\`useMeterEngine(context, { tracks: 33, channels: 2 })\`) — one AudioWorklet, one lock-free bank — and drawn by two \`MeterBridge\`s on the shared frame loop. Each source goes to its track with \`engine.connect(node, track)\`, and to a master bus (a GainNode as master fader, -16 dB) that is connected to track 33 the same way. (Without a master fader, the engine option \`master: true\` meters the plain sum of the inputs.) Click a red clip light to reset it. The status line says which transport runs: \`shared\` when the page is cross-origin isolated (the gallery sends COOP/COEP), else \`message\`.

| # | track | material |
|---|---|---|
${legend}
| 33 | Master | the sum of all 32 tracks after the master fader |`,
      },
    },
  },
} satisfies Meta<typeof LiveMixer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
