/**
 * Frozen scales: every scale of support/scales.ts on a bridge, horizontal meters and a
 * MeterScale, with fixed levels at the same positions along each scale; and MeterScale on each
 * side. Screenshotted by the visual tests like every Frozen*.stories.tsx file.
 *
 * Adding a scale: one line in support/scales.ts and one `scaleStory(...)` line at the end of
 * this file, then `npm run test:visual:update` for its baseline.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { LedMeter, PeakHoldMeter, MeterBridge, MeterScale, dbFromPosition, type MeterReading } from '../src/index';
import { FrozenStage, frozenMeta, useFrozenBank, type FrozenTrack } from './support/frozen';
import { Cell, Column, Row, Title } from './support/frozen-layout';
import { SCALES, type ScaleName } from './support/scales';

interface FrozenScaleArgs {
  scaleName: ScaleName;
  /** What the meters show; the manual bank has no ballistic reading, so `peak` or `rms`. */
  reading: MeterReading;
}

const meta = {
  title: 'Frozen/Scales',
  ...frozenMeta,
  args: { scaleName: 'DIGITAL_SCALE', reading: 'peak' },
  argTypes: {
    scaleName: { control: 'select', options: Object.keys(SCALES) },
    reading: { control: 'inline-radio', options: ['peak', 'rms'] },
  },
} satisfies Meta<FrozenScaleArgs>;

export default meta;
type Story = StoryObj<FrozenScaleArgs>;

/** MeterScale on each side, vertical and horizontal, with and without a clip-LED inset. */
export const ScaleSides: Story = {
  args: { scaleName: 'DIGITAL_SCALE' },
  parameters: { controls: { include: ['scaleName'] } },
  render: function Render(args) {
    const scale = SCALES[args.scaleName];
    return (
      <FrozenStage>
        <Row gap={24} align="flex-start">
          <Cell caption="left">
            <MeterScale scale={scale} side="left" pixelRatio={1} />
          </Cell>
          <Cell caption="right">
            <MeterScale scale={scale} side="right" pixelRatio={1} />
          </Cell>
          <Cell caption="no inset">
            <MeterScale scale={scale} side="right" farInset={0} pixelRatio={1} />
          </Cell>
          <Column gap={12}>
            <Cell caption="top" side="left">
              <MeterScale scale={scale} orientation="horizontal" side="top" width={400} pixelRatio={1} />
            </Cell>
            <Cell caption="bottom" side="left">
              <MeterScale scale={scale} orientation="horizontal" side="bottom" width={400} pixelRatio={1} />
            </Cell>
          </Column>
        </Row>
      </FrozenStage>
    );
  },
};

/** Positions along a scale (0 = bottom, 1 = top) where the scale stories put their levels. */
const SCALE_POSITIONS = [0.1, 0.35, 0.6, 0.8, 0.95];

/** One scale: a bridge at fixed positions along it (the last one over), and horizontal meters. */
function ScaleStage({ scaleName, reading }: { scaleName: ScaleName; reading: MeterReading }) {
  const scale = SCALES[scaleName];
  const levels: FrozenTrack[] = SCALE_POSITIONS.map((p) => ({ levelDb: dbFromPosition(scale, p), holdDb: dbFromPosition(scale, Math.min(1, p + 0.08)) }));
  levels.push({ levelDb: scale.maxDb - 1, holdDb: scale.maxDb, overs: 1 });
  const bank = useFrozenBank(levels);
  return (
    <FrozenStage>
      <Column gap={12}>
        <Title>
          {scaleName} ({scale.id}, {scale.unit})
        </Title>
        <Row gap={24} align="flex-start">
          <MeterBridge source={bank.source} scale={scale} reading={reading} meterLength={240} pixelRatio={1} />
          <Column gap={8}>
            <LedMeter source={bank.source} track={2} scale={scale} reading={reading} orientation="horizontal" width={400} height={16} pixelRatio={1} />
            <MeterScale scale={scale} orientation="horizontal" side="top" width={400} height={24} farInset={6} pixelRatio={1} />
            <PeakHoldMeter
              source={bank.source}
              track={3}
              scale={scale}
              reading={reading}
              orientation="horizontal"
              width={432}
              height={16}
              readoutSize={32}
              pixelRatio={1}
            />
          </Column>
        </Row>
      </Column>
    </FrozenStage>
  );
}

/**
 * A frozen story of one scale from support/scales.ts. Adding a scale to the gallery and the
 * visual tests is one line: `export const ScaleMine = scaleStory('MINE');`. Frozen values come
 * from a manual bank, which has no ballistic reading: the scale stories show the level as the
 * `peak` reading at the same dBFS positions (the scale, zones and ticks are what they test).
 */
function scaleStory(scaleName: ScaleName, reading: MeterReading = 'peak'): Story {
  return {
    name: `Scale ${scaleName}`,
    args: { scaleName, reading },
    render: (args) => <ScaleStage scaleName={args.scaleName} reading={args.reading} />,
  };
}

export const ScaleDigital = scaleStory('DIGITAL_SCALE');
export const ScaleDigitalExpanded = scaleStory('DIGITAL_EXPANDED_SCALE');
export const ScalePpmEbu = scaleStory('PPM EBU');
export const ScalePpmBbc = scaleStory('PPM BBC');
export const ScalePpmDin = scaleStory('PPM DIN');
export const ScalePpmNordic = scaleStory('PPM Nordic');
export const ScaleVu = scaleStory('VU');
export const ScaleK12 = scaleStory('K-12');
export const ScaleK14 = scaleStory('K-14');
export const ScaleK20 = scaleStory('K-20');
