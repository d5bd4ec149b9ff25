// LEAD: switch to <MeterBridge> when src/react lands
/**
 * meterkit contender: one engine for all tracks (createMeterEngine from the built package),
 * the page-wide frame loop (getFrameLoop) reading every track with `bank.readInto` in the
 * `read` phase and drawing max(sample peak since the last frame, decaying peak) per channel in
 * the `draw` phase on the shared canvas bridge.
 * React renders once (the canvas) and never again.
 */
import { useEffect, useRef } from 'react';
import { createMeterEngine, createTrackLevels, getFrameLoop, type MeterEngine } from 'meterkit/core';
import { createBarSurface, drawBars, readBarsDb, linearToDbInto, BAR_MIN_DB } from './bars';
import type { ContenderProps } from './contender';

export default function MeterkitMeters({ ctx, taps, onReady }: ContenderProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let engine: MeterEngine | null = null;
    let cancelled = false;
    const unsubscribe: (() => void)[] = [];
    void createMeterEngine(ctx, { tracks: taps.length, channels: 2 }).then((e) => {
      if (cancelled) return e.dispose();
      engine = e;
      taps.forEach((tap, t) => tap.connect(e.input(t)));
      const surface = createBarSurface(canvasRef.current!, taps.length);
      const levels = taps.map(() => createTrackLevels(2));
      const shown = new Float32Array(taps.length * 2);
      const loop = getFrameLoop();
      unsubscribe.push(
        loop.subscribe(() => {
          for (let t = 0; t < levels.length; t++) {
            const l = levels[t];
            e.bank.readInto(t, l);
            // A digital peak meter's bar: the sample peak since the last frame (so a spike shows at
            // its true height even when the frame comes late), falling with the ballistic decay.
            shown[2 * t] = l.stale ? 0 : Math.max(l.peak[0], l.decayingPeak[0]);
            shown[2 * t + 1] = l.stale ? 0 : Math.max(l.peak[1], l.decayingPeak[1]);
          }
        }, 'read'),
        loop.subscribe(() => drawBars(surface, shown), 'draw'),
      );
      onReady({
        transport: e.transport,
        floorDb: BAR_MIN_DB,
        probe: (out, offset) => readBarsDb(surface, out, offset),
        probeDrawn: (out, offset) => linearToDbInto(shown, out, offset),
      });
    });
    return () => {
      cancelled = true;
      unsubscribe.forEach((u) => u());
      engine?.dispose();
    };
  }, [ctx, taps, onReady]);
  return <canvas ref={canvasRef} className="bars" />;
}
