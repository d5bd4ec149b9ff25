/**
 * Frozen broadcast states: LoudnessMeter against each target (in the band, too loud with the
 * true peak over the ceiling, LU units), CorrelationMeter readings, and LED meters showing the
 * ballistic indication on VU and PPM scales — fixed values, no audio, screenshotted by the
 * visual tests like every Frozen*.stories.tsx file.
 */
import { useLayoutEffect } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  LoudnessMeter,
  CorrelationMeter,
  LedMeter,
  MeterScale,
  scaleForBallistics,
  type ManualTrackReadings,
  type LoudnessTargetName,
  type BallisticsPreset,
} from '../src/index';
import { FrozenStage, frozenMeta, useFrozenBank } from './support/frozen';
import { Cell, Row, Title } from './support/frozen-layout';

const meta = {
  title: 'Frozen/Broadcast',
  ...frozenMeta,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const SILENT = [{ levelDb: -Infinity }];

/** One LoudnessMeter showing `readings` against `target`. */
function Loudness({ readings, target, units }: { readings: ManualTrackReadings; target: LoudnessTargetName; units?: 'LUFS' | 'LU' }) {
  const bank = useFrozenBank(SILENT);
  useLayoutEffect(() => bank.setReadings(0, readings), [bank, readings]);
  return <LoudnessMeter source={bank.source} target={target} units={units} historySeconds={30} historyWidth={260} pixelRatio={1} />;
}

const IN_BAND: ManualTrackReadings = { momentary: -22.6, shortTerm: -23.4, integrated: -23.1, loudnessRange: 5.4, truePeak: -2.7 };
const TOO_LOUD: ManualTrackReadings = { momentary: -10.8, shortTerm: -12.2, integrated: -12.9, loudnessRange: 3.1, truePeak: 0.4 };
const ATSC: ManualTrackReadings = { momentary: -27.5, shortTerm: -25.1, integrated: -24.3, loudnessRange: 9.8, truePeak: -3.2 };

export const LoudnessTargets: Story = {
  render: () => (
    <FrozenStage>
      <Title>LoudnessMeter</Title>
      <Row gap={32} align="flex-start">
        <Cell caption="EBU R128, in the target band">
          <Loudness readings={IN_BAND} target="ebu-r128" />
        </Cell>
        <Cell caption="streaming −14, too loud, TP over">
          <Loudness readings={TOO_LOUD} target="streaming-14" />
        </Cell>
        <Cell caption="ATSC A/85 in LU">
          <Loudness readings={ATSC} target="atsc-a85" units="LU" />
        </Cell>
      </Row>
    </FrozenStage>
  ),
};

function Correlation({ correlation, balance, showBalance = true }: { correlation: number; balance: number; showBalance?: boolean }) {
  const bank = useFrozenBank(SILENT);
  useLayoutEffect(() => bank.setReadings(0, { correlation, balance }), [bank, correlation, balance]);
  return <CorrelationMeter source={bank.source} showBalance={showBalance} pixelRatio={1} />;
}

export const CorrelationReadings: Story = {
  render: () => (
    <FrozenStage>
      <Title>CorrelationMeter</Title>
      <Row gap={24} align="flex-start">
        <Cell caption="+0.9, centred">
          <Correlation correlation={0.9} balance={0} />
        </Cell>
        <Cell caption="0.0, balance −0.5">
          <Correlation correlation={0} balance={-0.5} />
        </Cell>
        <Cell caption="−0.6, balance +0.8">
          <Correlation correlation={-0.6} balance={0.8} />
        </Cell>
        <Cell caption="+0.4, no balance bar">
          <Correlation correlation={0.4} balance={0} showBalance={false} />
        </Cell>
      </Row>
    </FrozenStage>
  ),
};

/** Ballistic indications on a preset's scale: below, at and above its reference. */
function Ballistic({ preset, levelsDb }: { preset: BallisticsPreset; levelsDb: number[] }) {
  const scale = scaleForBallistics(preset);
  const bank = useFrozenBank(levelsDb.map((db) => ({ levelDb: db + 6, holdDb: db + 6, ballisticDb: db })));
  return (
    <Row gap={6} align="flex-start">
      <MeterScale scale={scale} side="right" height={200} pixelRatio={1} />
      {levelsDb.map((_, t) => (
        <LedMeter key={t} source={bank.source} track={t} reading="ballistic" scale={scale} segments={30} pixelRatio={1} />
      ))}
    </Row>
  );
}

export const BallisticReadings: Story = {
  render: () => (
    <FrozenStage>
      <Title>reading="ballistic" (peak hold stays sample peak)</Title>
      <Row gap={32} align="flex-start">
        <Cell caption="VU: -24, -18 (0 VU), -16 dBFS">
          <Ballistic preset="vu" levelsDb={[-24, -18, -16]} />
        </Cell>
        <Cell caption="PPM BBC: marks 2, 4, 6">
          <Ballistic preset="ppm-bbc" levelsDb={[-26, -18, -10]} />
        </Cell>
        <Cell caption="PPM EBU: -12, 0, +6 dB">
          <Ballistic preset="ppm-ebu" levelsDb={[-30, -18, -12]} />
        </Cell>
      </Row>
    </FrozenStage>
  ),
};
