/**
 * The hand-written peer, as tutorials write it: per track a ChannelSplitter and one
 * AnalyserNode per channel (default fftSize 2048), and a requestAnimationFrame loop that calls
 * getFloatTimeDomainData on each analyser, takes max |x| and draws the bars. Buffers are
 * allocated once (the careful version of the tutorial). Same canvas bridge as meterkit.
 */
import { useEffect, useRef } from 'react';
import { createBarSurface, drawBars, readBarsDb, linearToDbInto, BAR_MIN_DB } from './bars';
import type { ContenderProps } from './contender';

export default function AnalyserMeters({ ctx, taps, onReady }: ContenderProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const splitters: ChannelSplitterNode[] = [];
    const analysers: AnalyserNode[] = [];
    for (const tap of taps) {
      const split = ctx.createChannelSplitter(2);
      tap.connect(split);
      splitters.push(split);
      for (let c = 0; c < 2; c++) {
        const analyser = ctx.createAnalyser();
        split.connect(analyser, c);
        analysers.push(analyser);
      }
    }
    const surface = createBarSurface(canvasRef.current!, taps.length);
    const data = new Float32Array(analysers[0].fftSize);
    const shown = new Float32Array(analysers.length);
    let id = 0;
    const frame = () => {
      for (let i = 0; i < analysers.length; i++) {
        analysers[i].getFloatTimeDomainData(data);
        let peak = 0;
        for (let j = 0; j < data.length; j++) {
          const v = Math.abs(data[j]);
          if (v > peak) peak = v;
        }
        shown[i] = peak;
      }
      drawBars(surface, shown);
      id = requestAnimationFrame(frame);
    };
    id = requestAnimationFrame(frame);
    onReady({
      floorDb: BAR_MIN_DB,
      probe: (out, offset) => readBarsDb(surface, out, offset),
      probeDrawn: (out, offset) => linearToDbInto(shown, out, offset),
    });
    return () => {
      cancelAnimationFrame(id);
      taps.forEach((tap, t) => tap.disconnect(splitters[t]));
      analysers.forEach((a) => a.disconnect());
    };
  }, [ctx, taps, onReady]);
  return <canvas ref={canvasRef} className="bars" />;
}
