/**
 * The Goniometer component story's component: a `<Goniometer>` fed by a synthesized programme
 * through a real sample ring (no audio). Exported from here (not from the story file) so the
 * docs page's prop table is generated from Goniometer's own documented props.
 */
import { Goniometer, type GoniometerProps } from '../../src/index';
import { useDemoScope } from './scope-demo';
import type { ScopeSignalName } from './scope-signals';

export type GoniometerDemoProps = Omit<GoniometerProps, 'scope' | 'source'> & {
  /**
   * The synthesized programme drawn (the story's only prop that is not Goniometer's).
   * @default wide stereo
   */
  signal: ScopeSignalName;
};

export function GoniometerDemo({ signal, ...props }: GoniometerDemoProps) {
  const { words, bank } = useDemoScope(signal);
  return <Goniometer {...props} scope={words} source={bank.source} track={0} />;
}
