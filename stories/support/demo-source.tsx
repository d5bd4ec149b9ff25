/**
 * The source behind the component stories: an 8-track stereo manual bank animated by a
 * deterministic script on the shared frame loop — programme-like motion with peak-hold and
 * an occasional over on track 3 — so every control can be tried without starting audio.
 * (The live demos use a real engine; frozen stories use fixed values.)
 */
import { useLayoutEffect, type ReactNode } from 'react';
import { createManualBank, getFrameLoop, MeterProvider, type FrameClock, type ManualBank, type ManualChannelLevels } from '../../src/index';

export const DEMO_TRACKS = 8;
const FALL_DB_PER_S = 20 / 1.7;
const HOLD_MS = 1500;

let bank: ManualBank | null = null;
let users = 0;
let offFrame: (() => void) | null = null;

/** The shared demo bank (created on first use, never at import: SSR-safe like meterkit). */
export function demoBank(): ManualBank {
  if (bank === null) bank = createManualBank({ tracks: DEMO_TRACKS, channels: 2 });
  return bank;
}

/** Programme-like amplitude of track `k`, channel `c` at `t` seconds (linear, deterministic). */
function programme(k: number, c: number, t: number): number {
  const beat = 0.5 + 0.06 * k;
  const phase = (t + k * 0.13 + c * 0.02) % beat;
  const hit = Math.exp(-phase / (0.08 + 0.02 * k));
  const swell = 0.5 + 0.5 * Math.sin((2 * Math.PI * t) / (3 + k * 0.7) + k);
  let a = 0.02 + 0.18 * swell + 0.55 * hit * (0.4 + 0.6 * swell);
  if (k === 2 && t % 4 > 3.2 && t % 4 < 3.3) a = 1.2; // an over once every 4 s
  return a * (c === 0 ? 1 : 0.85 + 0.15 * Math.sin(t + k));
}

function animate(): () => void {
  const b = demoBank();
  const state = Array.from({ length: DEMO_TRACKS * 2 }, () => ({ peakDb: -Infinity, holdDb: -Infinity, heldMs: 0, rms: 0 }));
  const out: ManualChannelLevels[] = [{}, {}];
  return getFrameLoop().subscribe((clock: FrameClock) => {
    const t = clock.nowMs / 1000;
    const dt = Math.min(clock.deltaMs, 100);
    for (let k = 0; k < DEMO_TRACKS; k++) {
      for (let c = 0; c < 2; c++) {
        const s = state[k * 2 + c];
        const amp = programme(k, c, t);
        const db = 20 * Math.log10(amp);
        s.peakDb = Math.max(db, s.peakDb - (FALL_DB_PER_S * dt) / 1000);
        s.heldMs += dt;
        if (s.peakDb >= s.holdDb) {
          s.holdDb = s.peakDb;
          s.heldMs = 0;
        } else if (s.heldMs > HOLD_MS) {
          s.holdDb = s.peakDb; // released: follows the decaying peak down
        }
        s.rms += (amp * 0.5 - s.rms) * Math.min(1, dt / 300);
        out[c] = { levelDb: s.peakDb, holdDb: s.holdDb, rmsDb: 20 * Math.log10(s.rms), ...(db > 0 ? { overs: 1 } : {}) };
      }
      b.set(k, out);
    }
  }, 'read');
}

/** Keeps the demo animation running while mounted (reference counted across stories). */
function useDemoAnimation(): void {
  useLayoutEffect(() => {
    if (users++ === 0) offFrame = animate();
    return () => {
      if (--users === 0) {
        offFrame?.();
        offFrame = null;
      }
    };
  }, []);
}

/** Provides the animated demo bank to the components below (the `source` they read). */
export function DemoSource({ children }: { children: ReactNode }) {
  useDemoAnimation();
  return <MeterProvider source={demoBank().source}>{children}</MeterProvider>;
}

/** Story decorator: wraps a component story in {@link DemoSource}. */
export const withDemoSource = (Story: () => ReactNode) => (
  <DemoSource>
    <Story />
  </DemoSource>
);
