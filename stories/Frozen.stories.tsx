/**
 * Frozen states: every visual state of every component with fixed values, no audio, one frame
 * drawn on the demand-mode loop. The visual regression tests (test/visual/) screenshot each of
 * these stories and compare it with its committed baseline.
 *
 * Adding a state: export a story here (args + `render` inside a <FrozenStage>), then run
 * `npm run test:visual:update` once to create its baseline and review the PNG.
 * Scales have their own file: FrozenScales.stories.tsx.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { LedMeter, PeakHoldMeter, MeterBridge, MeterScale, ClipIndicator, type ManualChannelLevels, type Orientation } from '../src/index';
import { FrozenStage, frozenMeta, useFrozenBank, type FrozenTrack } from './support/frozen';
import { Cell, Column, Row, Title } from './support/frozen-layout';
import type { ThemeName } from './support/themes';

/** Args of the frozen stories (each story shows the controls it uses). */
export interface FrozenArgs {
  /** Levels shown side by side, dBFS; above 0 counts as an over (clip LED lit). */
  levelsDb: number[];
  orientation: Orientation;
  theme: ThemeName;
  /** Device pixel ratio the canvases render at (the `pixelRatio` prop). */
  pixelRatio: number;
}

/** The reference levels: bottom of the scale, alignment level, the red zone, full scale, an over. */
const REFERENCE_LEVELS_DB = [-60, -18, -6, 0, 3];

const meta = {
  title: 'Frozen/States',
  ...frozenMeta,
  args: { levelsDb: REFERENCE_LEVELS_DB, orientation: 'vertical', theme: 'dark', pixelRatio: 1 },
  argTypes: {
    levelsDb: { control: 'object' },
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
    pixelRatio: { control: 'inline-radio', options: [1, 2] },
  },
} satisfies Meta<FrozenArgs>;

export default meta;
type Story = StoryObj<FrozenArgs>;

const only = (...names: (keyof FrozenArgs)[]) => ({ controls: { include: names } });

/** A level as the meter sees it: the level is also the hold; above 0 dBFS adds an over. */
const levelAt = (db: number): ManualChannelLevels => ({ levelDb: db, holdDb: db, overs: db > 0 ? 1 : 0 });

const caption = (db: number) => (db > 0 ? 'over' : String(db));

function Levels({ levelsDb, orientation }: Pick<FrozenArgs, 'levelsDb' | 'orientation'>) {
  const bank = useFrozenBank(levelsDb.map(levelAt));
  const vertical = orientation === 'vertical';
  const cells = levelsDb.map((db, t) =>
    vertical ? (
      <Cell key={t} caption={caption(db)}>
        <Row gap={6}>
          <LedMeter source={bank.source} track={t} pixelRatio={1} />
          <PeakHoldMeter source={bank.source} track={t} pixelRatio={1} width={32} />
        </Row>
      </Cell>
    ) : (
      <Cell key={t} caption={caption(db)} side="left">
        <Column gap={6}>
          <LedMeter source={bank.source} track={t} pixelRatio={1} orientation="horizontal" />
          <PeakHoldMeter source={bank.source} track={t} pixelRatio={1} orientation="horizontal" readoutSize={32} width={272} />
        </Column>
      </Cell>
    ),
  );
  return <FrozenStage>{vertical ? <Row gap={20}>{cells}</Row> : <Column gap={12}>{cells}</Column>}</FrozenStage>;
}

/** LedMeter and PeakHoldMeter at -60, -18, -6, 0 dBFS and an over, vertical. */
export const LevelsVertical: Story = {
  parameters: only('levelsDb'),
  render: (args) => <Levels levelsDb={args.levelsDb} orientation="vertical" />,
};

/** The same levels, horizontal. */
export const LevelsHorizontal: Story = {
  parameters: only('levelsDb'),
  render: (args) => <Levels levelsDb={args.levelsDb} orientation="horizontal" />,
};

const HOLDS: readonly { caption: string; level: number; hold: number }[] = [
  { caption: '-40 / -20', level: -40, hold: -20 },
  { caption: '-30 / -6', level: -30, hold: -6 },
  { caption: '-12 / -1', level: -12, hold: -1 },
  { caption: '-50 / -45', level: -50, hold: -45 },
];

/** Peak-hold markers above the current level (level / hold, dBFS), LED and bar; then hold off. */
export const HoldMarkers: Story = {
  parameters: only(),
  render: function Render() {
    const bank = useFrozenBank(HOLDS.map((h) => ({ levelDb: h.level, holdDb: h.hold })));
    return (
      <FrozenStage>
        <Row gap={20}>
          {HOLDS.map((h, t) => (
            <Cell key={t} caption={h.caption}>
              <Row gap={6}>
                <LedMeter source={bank.source} track={t} pixelRatio={1} />
                <PeakHoldMeter source={bank.source} track={t} pixelRatio={1} width={32} />
              </Row>
            </Cell>
          ))}
          <Cell caption="showHold off">
            <Row gap={6}>
              <LedMeter source={bank.source} track={1} pixelRatio={1} showHold={false} />
              <PeakHoldMeter source={bank.source} track={1} pixelRatio={1} width={32} showHold={false} />
            </Row>
          </Cell>
        </Row>
      </FrozenStage>
    );
  },
};

const CLIPS: readonly FrozenTrack[] = [
  [
    { levelDb: -20, holdDb: -3, overs: 4 },
    { levelDb: -22, holdDb: -8, overs: 0 },
  ],
  { levelDb: -9, holdDb: 0, overs: 1 },
  { levelDb: -14, holdDb: -10, overs: 0 },
];

/**
 * Clip latched after the level fell again: left channel only, both channels, and none; the
 * ClipIndicator buttons and a bridge's clip row show the same latches.
 */
export const ClipLatched: Story = {
  parameters: only(),
  render: function Render() {
    const bank = useFrozenBank(CLIPS);
    const names = ['left over', 'both over', 'no over'];
    return (
      <FrozenStage>
        <Row gap={28}>
          {names.map((name, t) => (
            <Cell key={t} caption={name}>
              <Column gap={6} style={{ alignItems: 'center' }}>
                <ClipIndicator source={bank.source} track={t} label={name} width={60} />
                <Row gap={6}>
                  <LedMeter source={bank.source} track={t} pixelRatio={1} />
                  <PeakHoldMeter source={bank.source} track={t} pixelRatio={1} width={32} />
                </Row>
              </Column>
            </Cell>
          ))}
          <MeterBridge source={bank.source} labels={['L', 'both', 'none']} pixelRatio={1} />
        </Row>
      </FrozenStage>
    );
  },
};

const READINGS: readonly FrozenTrack[] = [
  { levelDb: -6, rmsDb: -18, holdDb: -3 },
  { levelDb: -12, rmsDb: -30, holdDb: -10 },
  { levelDb: -3, rmsDb: -9, holdDb: -1 },
];

/** `reading="rms"`: the RMS drawn instead of the decaying peak (peak / RMS in the captions). */
export const RmsReading: Story = {
  parameters: only(),
  render: function Render() {
    const bank = useFrozenBank(READINGS);
    return (
      <FrozenStage>
        <Row gap={20}>
          {READINGS.map((r, t) => (
            <Cell key={t} caption={`${(r as ManualChannelLevels).levelDb} / ${(r as ManualChannelLevels).rmsDb}`}>
              <Row gap={6}>
                <LedMeter source={bank.source} track={t} pixelRatio={1} reading="rms" />
                <PeakHoldMeter source={bank.source} track={t} pixelRatio={1} width={32} reading="rms" />
              </Row>
            </Cell>
          ))}
        </Row>
      </FrozenStage>
    );
  },
};

const STRIP_LABELS = ['Kick', 'Snr', 'Bass', 'Vox', 'Pad', 'Bus'];
const STRIP: readonly FrozenTrack[] = [
  { levelDb: -8, holdDb: -2 },
  { levelDb: -15, holdDb: -9 },
  [
    { levelDb: -11, holdDb: -7 },
    { levelDb: -12, holdDb: -8 },
  ],
  { levelDb: -21, holdDb: -13 },
  { levelDb: -33, holdDb: -27 },
  [
    { levelDb: -4, holdDb: 0, overs: 2 },
    { levelDb: -5, holdDb: -1.5 },
  ],
];

/** A small desk in a theme: a bridge with scale, labels and a latched clip, plus horizontal meters. */
function ThemedStrip({ theme, pixelRatio = 1 }: { theme: ThemeName; pixelRatio?: number }) {
  const bank = useFrozenBank(STRIP);
  return (
    <FrozenStage theme={theme}>
      <Column gap={12}>
        <Title>{theme} theme</Title>
        <MeterBridge source={bank.source} labels={STRIP_LABELS} pixelRatio={pixelRatio} />
        <LedMeter source={bank.source} track={3} orientation="horizontal" width={220} height={16} pixelRatio={pixelRatio} />
        <PeakHoldMeter source={bank.source} track={5} orientation="horizontal" width={252} height={16} readoutSize={32} pixelRatio={pixelRatio} />
      </Column>
    </FrozenStage>
  );
}

/** Dark theme (meterkit's default palette, `theme="dark"`). */
export const ThemeDark: Story = {
  args: { theme: 'dark' },
  parameters: only('theme'),
  render: (args) => <ThemedStrip theme={args.theme} />,
};

/** Light theme (`theme="light"`: meterkit's built-in light palette). */
export const ThemeLight: Story = {
  args: { theme: 'light' },
  parameters: only('theme'),
  render: (args) => <ThemedStrip theme={args.theme} />,
};

const DPR: readonly FrozenTrack[] = [
  { levelDb: -9.5, holdDb: -4.2 },
  { levelDb: -27, holdDb: -20 },
  { levelDb: -1, holdDb: 0, overs: 1 },
];

/**
 * The same meters rendered at `pixelRatio` 1 or 2. The stage is CSS-zoomed by the pixel ratio,
 * so each device pixel of the canvases is one screen pixel here and in the screenshot (on a
 * real 2× screen the meters look like the 1× layout, only sharper).
 */
function PixelRatioStage({ pixelRatio }: { pixelRatio: number }) {
  const bank = useFrozenBank(DPR);
  return (
    <FrozenStage>
      <div style={{ zoom: pixelRatio }}>
        <Column gap={8}>
          <Title>pixelRatio {pixelRatio}</Title>
          <Row gap={6} align="flex-start">
            <MeterScale farInset={6} pixelRatio={pixelRatio} side="right" />
            <LedMeter source={bank.source} track={0} pixelRatio={pixelRatio} />
            <PeakHoldMeter source={bank.source} track={0} height={214} width={32} pixelRatio={pixelRatio} style={{ marginTop: -14 }} />
            <MeterBridge source={bank.source} labels={['a', 'b', 'c']} trackWidth={14} trackGap={4} showScale={false} pixelRatio={pixelRatio} />
          </Row>
        </Column>
      </div>
    </FrozenStage>
  );
}

/** devicePixelRatio 1. */
export const PixelRatio1: Story = {
  args: { pixelRatio: 1 },
  parameters: only('pixelRatio'),
  render: (args) => <PixelRatioStage pixelRatio={args.pixelRatio} />,
};

/** devicePixelRatio 2 (shown magnified 2×). */
export const PixelRatio2: Story = {
  args: { pixelRatio: 2 },
  parameters: only('pixelRatio'),
  render: (args) => <PixelRatioStage pixelRatio={args.pixelRatio} />,
};

/** A horizontal bridge: tracks as rows, labels on the left, clip buttons on the right. */
export const BridgeHorizontal: Story = {
  parameters: only(),
  render: function Render() {
    const bank = useFrozenBank(STRIP);
    return (
      <FrozenStage>
        <MeterBridge source={bank.source} orientation="horizontal" labels={STRIP_LABELS} meterLength={280} trackWidth={14} trackGap={5} pixelRatio={1} />
      </FrozenStage>
    );
  },
};
