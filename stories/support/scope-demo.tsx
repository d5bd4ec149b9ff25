/**
 * The source behind the Goniometer component story: a scope buffer (shared memory where the
 * page is cross-origin isolated, so the render worker can read it) fed on the frame loop with a
 * synthesized programme at 48 kHz — exactly the frames elapsed since the previous frame, as the
 * worklet would write them — and a manual bank carrying the programme's correlation. No audio.
 * (The live broadcast demo scopes the real master bus.)
 */
import { useLayoutEffect, useMemo } from 'react';
import { canShareMemory, createManualBank, createScopeWords, getFrameLoop, SampleRingWriter, type FrameClock, type ManualBank } from '../../src/index';
import { correlationOf, synthesizeScope, type ScopeSignalName } from './scope-signals';

const SR = 48000;
const MAX_FRAMES = 8192;

export interface DemoScope {
  words: Int32Array;
  bank: ManualBank;
}

/** A page-shared scope buffer when possible (SharedArrayBuffer needs cross-origin isolation). */
export function demoScopeWords(): Int32Array {
  return createScopeWords({ tracks: [0], capacity: 16384, sampleRate: SR, shared: canShareMemory() });
}

/** A scope buffer and bank animated with `signal` while mounted. */
export function useDemoScope(signal: ScopeSignalName): DemoScope {
  const demo = useMemo(() => ({ words: demoScopeWords(), bank: createManualBank({ tracks: 1, channels: 2 }) }), []);
  useLayoutEffect(() => {
    const writer = new SampleRingWriter(demo.words, 0);
    const left = new Float32Array(MAX_FRAMES);
    const right = new Float32Array(MAX_FRAMES);
    let sample = 0;
    let lastMs = -1;
    const readings = { correlation: 0 };
    return getFrameLoop().subscribe((clock: FrameClock) => {
      const now = clock.time[0];
      const n = lastMs < 0 ? 800 : Math.min(MAX_FRAMES, Math.round(((now - lastMs) * SR) / 1000));
      lastMs = now;
      if (n <= 0) return;
      synthesizeScope(signal, sample, n, left, right);
      sample += n;
      writer.write(left, right, 0, n);
      readings.correlation = 0.8 * readings.correlation + 0.2 * correlationOf(left, right, n);
      demo.bank.setReadings(0, readings);
    }, 'read');
  }, [demo, signal]);
  return demo;
}
