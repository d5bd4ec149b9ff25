/**
 * The source behind the SpectrumMeter component story: meterkit's own SpectrumAnalyzer (the
 * one the worklet runs) fed on the frame loop with synthesized material at 48 kHz — exactly the
 * frames elapsed since the previous frame — publishing into a spectrum bank (shared memory where
 * the page is cross-origin isolated, so the render worker can read it), plus a manual bank for
 * the stale state. No audio. (The live broadcast demo analyses the real master bus.)
 */
import { useLayoutEffect, useMemo } from 'react';
import { canShareMemory, createManualBank, createSpectrumWords, getFrameLoop, SpectrumBankWriter, type FrameClock, type ManualBank } from '../../src/index';
import { SpectrumAnalyzer } from '../../src/dsp/spectrum';
import { pinkNoise, sineSweep, whiteNoise, bass, hihat, type Material } from './signals';

const SR = 48000;
const MAX_FRAMES = 8192;

export const SPECTRUM_SIGNALS = ['pink noise', 'white noise', 'sine sweep', 'bass and hi-hat'] as const;
export type SpectrumSignalName = (typeof SPECTRUM_SIGNALS)[number];

function material(signal: SpectrumSignalName): Material {
  switch (signal) {
    case 'pink noise':
      return pinkNoise(SR);
    case 'white noise':
      return whiteNoise(SR, 0.25);
    case 'sine sweep':
      return sineSweep(SR, 6);
    case 'bass and hi-hat': {
      const b = bass(SR);
      const h = hihat(SR);
      const n = Math.min(b[0].length, h[0].length);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = 0.7 * b[0][i] + 0.5 * h[0][i];
      return [out];
    }
  }
}

export interface DemoSpectrum {
  words: Int32Array;
  bank: ManualBank;
}

/** A spectrum bank and bank animated with `signal` while mounted. */
export function useDemoSpectrum(signal: SpectrumSignalName): DemoSpectrum {
  const demo = useMemo(() => {
    return { words: createSpectrumWords({ tracks: [0], sampleRate: SR, shared: canShareMemory() }), bank: createManualBank({ tracks: 1, channels: 2 }) };
  }, []);
  useLayoutEffect(() => {
    const source = material(signal)[0];
    const analyzer = new SpectrumAnalyzer({ sampleRate: SR });
    const writer = new SpectrumBankWriter(demo.words);
    const block = new Float32Array(MAX_FRAMES);
    const levels = new Float32Array(31);
    const holds = new Float32Array(31);
    let at = 0;
    let lastMs = -1;
    return getFrameLoop().subscribe((clock: FrameClock) => {
      const now = clock.time[0];
      const n = lastMs < 0 ? 2400 : Math.min(MAX_FRAMES, Math.round(((now - lastMs) * SR) / 1000));
      lastMs = now;
      if (n <= 0) return;
      for (let i = 0; i < n; i++) block[i] = source[(at + i) % source.length];
      at = (at + n) % source.length;
      analyzer.process([block], 0, n);
      analyzer.readInto(levels, holds);
      writer.publish(0, levels, holds);
      demo.bank.set(0, { levelDb: -20 });
    }, 'read');
  }, [demo, signal]);
  return demo;
}
