/** The control: the same page, audio graph and harness, and no meter at all. */
import { useEffect } from 'react';
import type { ContenderProps } from './contender';

export default function Control({ taps, onReady }: ContenderProps) {
  useEffect(() => {
    const probe = (out: Float32Array, offset: number) => void out.fill(-Infinity, offset, offset + taps.length * 2);
    onReady({ floorDb: -Infinity, probe, probeDrawn: probe });
  }, [taps, onReady]);
  return null;
}
