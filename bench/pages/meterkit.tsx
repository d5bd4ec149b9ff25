/**
 * meterkit contenders: the library as an app uses it — one engine for all tracks
 * (`createMeterEngine` from the built package, sources connected with `engine.connect`) and a
 * `<MeterBridge>` (continuous bars with peak-hold lines, a shared scale, labels, clip buttons and
 * one role="meter" per track), reading the bank once per frame. React renders the bridge once
 * when the engine is ready and never again while levels move. Two pages, one component:
 *
 * - `meterkit (main)`: `render="main"`, stated explicitly so the default (`auto`) cannot move it:
 *   the bridge paints on the main thread through the page's shared frame loop.
 * - `meterkit (worker)`: `render="worker"`: the bridge canvas is transferred to the page's render
 *   worker, which reads the bank and paints on its own thread.
 *
 * The probes read what the bridge shows. Main: `probe` reads the bridge canvas back
 * (`getImageData`) and `probeDrawn` reads the snapshot the bridge drew from (max of decaying
 * peak and hold), without subscribing. Worker: the canvas is transferred, so the page cannot read
 * it; `screenshotProbe` tells bench/peaks.mjs where the canvas is and it scores element
 * screenshots with the same pixel scan (pages/bridge-pixels.js); what the worker decided to
 * draw is not observable from the page, so it has no `probeDrawn`.
 */
import { useEffect, useState } from 'react';
import { MeterBridge } from 'meterkit';
import { createMeterEngine, getMeterHub, getRenderWorker, type MeterEngine, type RenderMode } from 'meterkit/core';
import { BRIDGE, readBridgeDb, transparent } from './bridge-pixels.js';
import type { ContenderInfo, ContenderProps } from './contender';

const CANVAS = '[data-meterkit="MeterBridge"] canvas[aria-hidden="true"]';

function MeterkitMeters({ ctx, taps, onReady, render }: ContenderProps & { render: 'main' | 'worker' }) {
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
    const tracks = taps.length;
    const canvas = () => document.querySelector(CANVAS) as HTMLCanvasElement;
    if (render === 'main') {
      const hub = getMeterHub(engine.bank);
      onReady({
        transport: engine.transport,
        render: 'main',
        floorDb: BRIDGE.minDb,
        probe(out, offset) {
          const c = canvas();
          const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
          readBridgeDb(data, width, height, tracks, out, offset, transparent);
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
      return;
    }
    // Worker: ready once the worker holds the view (it has the transferred canvas) and runs
    // frames; else the page would measure a main-thread fallback under the worker's name. (Not
    // `painted`: a frame in which no level changed may paint nothing, e.g. the peaks page's silence.)
    let cancelled = false;
    const client = getRenderWorker();
    void (async () => {
      for (let i = 0; i < 100 && !cancelled; i++) {
        const s = await client.stats();
        if (s !== null && s.views > 0 && s.frames > 0) {
          const info: ContenderInfo = {
            transport: engine.transport,
            render: 'worker',
            floorDb: BRIDGE.minDb,
            screenshotProbe: CANVAS,
            renderWorkerFrames: async () => (await client.stats())?.frames ?? null,
          };
          onReady(info);
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      if (!cancelled)
        throw new Error(`meterkit (worker): the render worker never took the bridge (state ${client.state}${client.failure ? `: ${client.failure}` : ''})`);
    })();
    return () => {
      cancelled = true;
    };
  }, [engine, taps, onReady, render]);

  return (
    <MeterBridge
      source={engine}
      tracks={taps.length}
      kind="bar"
      render={render satisfies RenderMode}
      meterLength={BRIDGE.meterLength}
      trackWidth={BRIDGE.trackWidth}
      trackGap={BRIDGE.trackGap}
      channelGap={BRIDGE.channelGap}
      labelSize={12}
    />
  );
}

export function MeterkitMain(props: ContenderProps) {
  return <MeterkitMeters {...props} render="main" />;
}

export function MeterkitWorker(props: ContenderProps) {
  return <MeterkitMeters {...props} render="worker" />;
}
