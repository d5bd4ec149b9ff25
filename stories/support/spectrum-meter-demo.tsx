/**
 * The SpectrumMeter component story's component: a `<SpectrumMeter>` fed by meterkit's analyser
 * running on synthesized material (no audio). Exported from here so the docs page's prop table
 * is generated from SpectrumMeter's own documented props.
 */
import { SpectrumMeter, type SpectrumMeterProps } from '../../src/index';
import { useDemoSpectrum, type SpectrumSignalName } from './spectrum-demo';

export type SpectrumMeterDemoProps = Omit<SpectrumMeterProps, 'spectrum' | 'source'> & {
  /**
   * The synthesized material analysed (the story's only prop that is not SpectrumMeter's).
   * @default pink noise
   */
  signal: SpectrumSignalName;
};

export function SpectrumMeterDemo({ signal, ...props }: SpectrumMeterDemoProps) {
  const { words, bank } = useDemoSpectrum(signal);
  return <SpectrumMeter {...props} spectrum={words} source={bank.source} track={0} />;
}
