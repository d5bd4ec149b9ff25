/**
 * Frozen goniometer states: mono, wide stereo, antiphase and one channel alone in dots, and a
 * quiet mix in lines with automatic gain — fixed samples written once into a real sample ring,
 * no time, no audio; screenshotted by the visual tests (and compared between render modes)
 * like every Frozen*.stories.tsx file.
 */
import { useLayoutEffect, useMemo } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Goniometer, SampleRingWriter, type GoniometerProps } from '../src/index';
import { FrozenStage, frozenMeta, useFrozenBank } from './support/frozen';
import { Cell, Row, Title } from './support/frozen-layout';
import { demoScopeWords } from './support/scope-demo';
import { correlationOf, synthesizeScope, type ScopeSignalName } from './support/scope-signals';

const meta = {
  title: 'Frozen/Goniometer',
  ...frozenMeta,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const SILENT = [{ levelDb: -Infinity }];
const FRAMES = 960; // 20 ms at 48 kHz: one frame's worth

/** A goniometer showing 20 ms of `signal`, and the signal's correlation on its strip. */
function Frozen({ signal, ...props }: { signal: ScopeSignalName } & Omit<GoniometerProps, 'scope' | 'source'>) {
  const bank = useFrozenBank(SILENT);
  const words = useMemo(() => {
    const w = demoScopeWords();
    const left = new Float32Array(FRAMES);
    const right = new Float32Array(FRAMES);
    synthesizeScope(signal, 0, FRAMES, left, right);
    new SampleRingWriter(w, 0).write(left, right, 0, FRAMES);
    return { w, correlation: correlationOf(left, right, FRAMES) };
  }, [signal]);
  useLayoutEffect(() => bank.setReadings(0, { correlation: words.correlation }), [bank, words]);
  return <Goniometer source={bank.source} scope={words.w} size={140} pixelRatio={1} {...props} />;
}

export const Figures: Story = {
  render: () => (
    <FrozenStage>
      <Title>Goniometer (M up, S across)</Title>
      <Row gap={20} align="flex-start">
        <Cell caption="mono: vertical">
          <Frozen signal="mono" />
        </Cell>
        <Cell caption="wide stereo">
          <Frozen signal="wide stereo" />
        </Cell>
        <Cell caption="antiphase: horizontal">
          <Frozen signal="antiphase" />
        </Cell>
        <Cell caption="left only: diagonal">
          <Frozen signal="left only" />
        </Cell>
        <Cell caption="quiet, lines, auto gain">
          <Frozen signal="quiet stereo" mode="lines" autoGain />
        </Cell>
      </Row>
    </FrozenStage>
  ),
};
