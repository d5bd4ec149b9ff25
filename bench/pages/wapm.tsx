/**
 * web-audio-peak-meter 3.x, as documented: `new WebAudioPeakMeter(sourceNode, element, options)`,
 * one meter per track, each in its own sized <div> (vertical; every other option default:
 * -48..0 dB, 0.1 s clip-path transition). It posts every render quantum's peaks over a
 * MessagePort and repaints on its own requestAnimationFrame loop.
 *
 * Probe: the bar's *computed* clip-path (the value on screen, mid-transition included); drawn:
 * the clip-path it set (its target). Both mapped back to dB with its scale.
 */
import { useEffect, useRef } from 'react';
import { WebAudioPeakMeter } from 'web-audio-peak-meter';
import type { ContenderProps } from './contender';

const MIN_DB = -48; // web-audio-peak-meter's default dbRangeMin (dbRangeMax 0)

/** dB shown by a vertical bar clipped with `inset(P% 0 0)` (P = 100: nothing shown). */
function dbFromInset(clipPath: string): number {
  const m = /inset\(\s*([\d.]+)%/.exec(clipPath);
  const pct = m === null ? 100 : Number(m[1]);
  return pct >= 100 ? -Infinity : (MIN_DB * pct) / 100;
}

export default function WapmMeters({ taps, onReady }: ContenderProps) {
  const elements = useRef<HTMLDivElement[]>([]);
  useEffect(() => {
    const meters = taps.map((tap, t) => new WebAudioPeakMeter(tap, elements.current[t], { vertical: true }));
    let cancelled = false;
    const waitForNodes = async () => {
      // The constructor loads its worklet asynchronously and exposes no promise.
      while (!cancelled && meters.some((m) => m.node === undefined)) await new Promise((r) => setTimeout(r, 10));
      if (cancelled) return;
      const bars = meters.flatMap((m) => m.bars!);
      const read = (out: Float32Array, offset: number, clipPath: (bar: HTMLElement) => string) => {
        for (let i = 0; i < bars.length; i++) out[offset + i] = dbFromInset(clipPath(bars[i]));
      };
      onReady({
        floorDb: MIN_DB,
        probe: (out, offset) => read(out, offset, (bar) => getComputedStyle(bar).clipPath),
        probeDrawn: (out, offset) => read(out, offset, (bar) => bar.style.clipPath),
      });
    };
    void waitForNodes();
    return () => {
      cancelled = true;
      meters.forEach((m) => m.cleanup());
    };
  }, [taps, onReady]);
  return (
    <div className="wapm">
      {taps.map((_, t) => (
        <div key={t} ref={(el) => void (elements.current[t] = el!)} />
      ))}
    </div>
  );
}
