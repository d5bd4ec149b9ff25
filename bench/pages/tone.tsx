/**
 * Tone.js `Meter`, polled each frame into React state, as its examples and most React apps do
 * it: one component per track owns a `Tone.Meter({ channelCount: 2 })`, a requestAnimationFrame
 * loop calls `meter.getValue()` (dB, smoothed RMS over 256 samples) and `setState`s the result;
 * the bars are divs whose height React sets. Tone runs on the page's AudioContext
 * (`Tone.setContext`).
 *
 * Probe: the committed heights of the bar divs, mapped back with the shared -60..0 dB scale.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import * as Tone from 'tone';
import { barPxFromDb, dbFromBarPx, BAR_MIN_DB } from './bars';
import type { ContenderProps } from './contender';

function ToneTrack({ tap }: { tap: AudioNode }) {
  const [levels, setLevels] = useState<number[]>([-Infinity, -Infinity]);
  useEffect(() => {
    const meter = new Tone.Meter({ channelCount: 2 });
    Tone.connect(tap, meter);
    let id = requestAnimationFrame(function tick() {
      setLevels(meter.getValue() as number[]);
      id = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(id);
      meter.dispose();
    };
  }, [tap]);
  return (
    <div className="tone-track">
      {levels.map((db, c) => (
        <div key={c} className="tone-bar" style={{ height: barPxFromDb(db) }} />
      ))}
    </div>
  );
}

export default function ToneMeters({ ctx, taps, onReady }: ContenderProps) {
  const container = useRef<HTMLDivElement>(null);
  // A layout effect: it runs before the tracks' (passive) effects create their Tone.Meters.
  useLayoutEffect(() => {
    Tone.setContext(ctx);
  }, [ctx]);
  useEffect(() => {
    const bars = Array.from(container.current!.querySelectorAll<HTMLDivElement>('.tone-bar'));
    const probe = (out: Float32Array, offset: number) => {
      for (let i = 0; i < bars.length; i++) out[offset + i] = dbFromBarPx(parseFloat(bars[i].style.height) || 0);
    };
    // No transition: what React committed is what is drawn.
    onReady({ floorDb: BAR_MIN_DB, probe, probeDrawn: probe });
  }, [onReady]);
  return (
    <div className="tone" ref={container}>
      {taps.map((tap, t) => (
        <ToneTrack key={t} tap={tap} />
      ))}
    </div>
  );
}
