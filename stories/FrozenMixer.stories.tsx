/**
 * The live mixer frozen at a realistic moment: the same layout as Demos/Live mixer, fed from a
 * manual bank with a fixed snapshot. It is the README screenshot (`npm run screenshot` →
 * docs/gallery.png) and a visual regression baseline.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { FrozenStage, frozenMeta, useFrozenBank, type FrozenTrack } from './support/frozen';
import { MixerBoard } from './support/mixer-layout';
import { MASTER_SNAPSHOT, MIXER_SNAPSHOT, type SnapshotTrack } from './support/mixer-tracks';
import { Title } from './support/frozen-layout';
import type { ThemeName } from './support/themes';

const toFrozen = (t: SnapshotTrack): FrozenTrack => [
  { levelDb: t.levelDb[0], holdDb: t.holdDb[0], overs: t.overs ?? 0 },
  { levelDb: t.levelDb[1], holdDb: t.holdDb[1], overs: t.overs ?? 0 },
];
const SNAPSHOT: readonly FrozenTrack[] = [...MIXER_SNAPSHOT, MASTER_SNAPSHOT].map(toFrozen);

interface FrozenMixerArgs {
  theme: ThemeName;
}

const meta = {
  title: 'Frozen/Mixer',
  ...frozenMeta,
  args: { theme: 'dark' },
  argTypes: { theme: { control: 'inline-radio', options: ['dark', 'light'] } },
} satisfies Meta<FrozenMixerArgs>;

export default meta;
type Story = StoryObj<FrozenMixerArgs>;

/** 32 stereo tracks and the master bus, frozen. */
export const Snapshot: Story = {
  render: function Render(args) {
    const bank = useFrozenBank(SNAPSHOT);
    return (
      <FrozenStage theme={args.theme} style={{ padding: 16 }}>
        <MixerBoard source={bank.source} header={<Title>meterkit · 32 stereo tracks + master · canvas LED meters from one lock-free meter bank</Title>} />
      </FrozenStage>
    );
  },
};
