/**
 * Frozen spectrum states: the readings meterkit's analyser gives for pink noise, white noise
 * (raw, and tilted −3 dB/octave so it reads flat) and a 1 kHz tone over pink noise, computed
 * once from synthesized signals and written into a spectrum bank — no time, no audio;
 * screenshotted by the visual tests (and compared between render modes) in both themes.
 */
import { useMemo } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { SpectrumMeter, canShareMemory, createSpectrumWords, SpectrumBankWriter, type SpectrumMeterProps } from '../src/index';
import { SpectrumAnalyzer } from '../src/dsp/spectrum';
import { FrozenStage, frozenMeta, useFrozenBank } from './support/frozen';
import { Cell, Row, Title } from './support/frozen-layout';
import { pinkNoise, whiteNoise } from './support/signals';
import type { ThemeName } from './support/themes';

const meta = {
  title: 'Frozen/Spectrum',
  ...frozenMeta,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const SR = 48000;
type Programme = 'pink' | 'white' | 'tone';

/** Two seconds of `programme` through the analyser, published once. */
function frozenWords(programme: Programme): Int32Array {
  const base = programme === 'white' ? whiteNoise(SR, 0.25, 6, 2)[0] : pinkNoise(SR, 5, 2)[0];
  const x = Float32Array.from(base, (v, i) => (programme === 'tone' ? v + 0.25 * Math.sin((2 * Math.PI * 1000 * i) / SR) : v));
  const a = new SpectrumAnalyzer({ sampleRate: SR, holdMs: Infinity });
  for (let i = 0; i < x.length; i += 128) a.process([x], i, Math.min(x.length, i + 128));
  const levels = new Float32Array(31);
  const holds = new Float32Array(31);
  a.readInto(levels, holds);
  const words = createSpectrumWords({
    tracks: [0],
    sampleRate: SR,
    shared: canShareMemory(),
  });
  new SpectrumBankWriter(words).publish(0, levels, holds);
  return words;
}

function Frozen({ programme, ...props }: { programme: Programme } & Omit<SpectrumMeterProps, 'spectrum' | 'source'>) {
  const bank = useFrozenBank([{ levelDb: -20 }]);
  const words = useMemo(() => frozenWords(programme), [programme]);
  return <SpectrumMeter source={bank.source} spectrum={words} width={300} height={150} pixelRatio={1} {...props} />;
}

function Board({ theme }: { theme: ThemeName }) {
  return (
    <FrozenStage theme={theme}>
      <Title>One-third-octave spectrum ({theme})</Title>
      <Row gap={20} align="flex-start">
        <Cell caption="pink noise: flat">
          <Frozen programme="pink" />
        </Cell>
        <Cell caption="white noise: +3 dB/octave">
          <Frozen programme="white" />
        </Cell>
        <Cell caption="white noise, tilt −3 dB/octave">
          <Frozen programme="white" tiltDbPerOctave={-3} />
        </Cell>
        <Cell caption="1 kHz tone over pink noise">
          <Frozen programme="tone" />
        </Cell>
      </Row>
    </FrozenStage>
  );
}

export const Dark: Story = { render: () => <Board theme="dark" /> };
export const Light: Story = { render: () => <Board theme="light" /> };
