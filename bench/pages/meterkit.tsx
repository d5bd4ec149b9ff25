/**
 * meterkit contender: the library as an app uses it — one engine for all tracks
 * (`createMeterEngine` from the built package, sources connected with `engine.connect`) and a
 * `<MeterBridge>` (continuous bars with peak-hold lines, a shared scale, labels, clip buttons and
 * one role="meter" per track), reading the bank once per frame through the shared frame loop.
 * React renders the bridge once when the engine is ready and never again while levels move.
 *
 * The probes read what the bridge shows: `probe` scans each channel's column of the bridge
 * canvas for the top of the bar or hold line (px → dB on its -60…0 dBFS scale); `probeDrawn`
 * reads the snapshot the bridge drew from (max of decaying peak and hold), without subscribing.
 */
import { useEffect, useState } from 'react';
import { MeterBridge } from 'meterkit';
import { createMeterEngine, getMeterHub, type MeterEngine } from 'meterkit/core';
import type { ContenderProps } from './contender';

/** Bridge geometry (CSS px = device px here: the harness runs at device scale factor 1). */
const METER_LENGTH = 150;
const TRACK_WIDTH = 7;
const TRACK_GAP = 2;
const CHANNEL_GAP = 1;
const MIN_DB = -60;

/** splitEven from meterkit's layout: start and length of part i of `total` px. */
function part(total: number, n: number, gap: number, i: number): [number, number] {
  const a = Math.round((i * (total + gap)) / n);
  const b = Math.round(((i + 1) * (total + gap)) / n) - gap;
  return [a, Math.max(1, b - a)];
}

export default function MeterkitMeters({ ctx, taps, onReady }: ContenderProps) {
  const [engine, setEngine] = useState<MeterEngine | null>(null);

  useEffect(() => {
    let created: MeterEngine | null = null;
    let cancelled = false;
    void createMeterEngine(ctx, { tracks: taps.length, channels: 2 }).then((e) => {
      if (cancelled) return e.dispose();
      created = e;
      taps.forEach((tap, t) => e.connect(tap, t));
      setEngine(e);
    });
    return () => {
      cancelled = true;
      created?.dispose();
    };
  }, [ctx, taps]);

  useEffect(() => {
    if (engine === null) return;
    const hub = getMeterHub(engine.bank);
    const tracks = taps.length;
    const canvas = () => document.querySelector('[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]') as HTMLCanvasElement;
    onReady({
      transport: engine.transport,
      floorDb: MIN_DB,
      probe(out, offset) {
        const c = canvas();
        const ctx2d = c.getContext('2d')!;
        const { data, width, height } = ctx2d.getImageData(0, 0, c.width, c.height);
        for (let t = 0; t < tracks; t++) {
          const [t0, tLen] = part(width, tracks, TRACK_GAP, t);
          for (let ch = 0; ch < 2; ch++) {
            const [c0, cLen] = part(tLen, 2, CHANNEL_GAP, ch);
            const x = t0 + c0 + (cLen >> 1);
            // The unlit track colour is #1e2226; anything else opaque is bar, hold line or zone.
            let top = height;
            for (let y = 0; y < height; y++) {
              const i = (y * width + x) * 4;
              if (data[i + 3] === 255 && !(data[i] === 0x1e && data[i + 1] === 0x22 && data[i + 2] === 0x26)) {
                top = y;
                break;
              }
            }
            const px = height - top;
            out[offset + 2 * t + ch] = px <= 0 ? -Infinity : MIN_DB + (px / height) * -MIN_DB;
          }
        }
      },
      probeDrawn(out, offset) {
        for (let t = 0; t < tracks; t++) {
          const l = hub.snapshot(t);
          for (let ch = 0; ch < 2; ch++) {
            const v = Math.max(l.decayingPeak[ch], l.hold[ch]);
            out[offset + 2 * t + ch] = v > 0 ? 20 * Math.log10(v) : -Infinity;
          }
        }
      },
    });
  }, [engine, taps, onReady]);

  return (
    <MeterBridge
      source={engine}
      tracks={taps.length}
      kind="bar"
      meterLength={METER_LENGTH}
      trackWidth={TRACK_WIDTH}
      trackGap={TRACK_GAP}
      channelGap={CHANNEL_GAP}
      labelSize={12}
    />
  );
}
