/**
 * An animated source for the loudness and correlation component stories: a manual bank whose
 * loudness and correlation readings follow a deterministic programme on the frame loop — no
 * audio needed. (Demos/Broadcast measures real synthesized audio.)
 */
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { createManualBank, getFrameLoop, MeterProvider, type FrameClock } from '../../src/index';

export function LoudnessDemoSource({ children }: { children: ReactNode }) {
  const bank = useMemo(() => createManualBank({ tracks: 1, channels: 2 }), []);
  useLayoutEffect(() => {
    let energy = 0;
    let seconds = 0;
    let maxTp = -Infinity;
    return getFrameLoop().subscribe((clock: FrameClock) => {
      const t = clock.nowMs / 1000;
      const dt = Math.min(clock.deltaMs, 100) / 1000;
      seconds += dt;
      const momentary = -23 + 4 * Math.sin(t * 1.3) + 2.5 * Math.sin(t * 4.1);
      const shortTerm = -23 + 2.2 * Math.sin(t * 0.45);
      energy += dt * Math.pow(10, shortTerm / 10);
      const tp = -4 + 3.2 * Math.max(0, Math.sin(t * 0.7));
      maxTp = Math.max(maxTp, tp);
      bank.setReadings(0, {
        momentary,
        shortTerm,
        integrated: 10 * Math.log10(energy / seconds),
        loudnessRange: Math.min(7.5, seconds / 4),
        truePeak: maxTp,
        loudnessSeconds: seconds,
        correlation: 0.55 + 0.4 * Math.sin(t * 0.9),
        balance: 0.3 * Math.sin(t * 0.35),
      });
    }, 'read');
  }, [bank]);
  return <MeterProvider source={bank.source}>{children}</MeterProvider>;
}

export const withLoudnessDemo = (Story: () => ReactNode) => (
  <LoudnessDemoSource>
    <Story />
  </LoudnessDemoSource>
);
