import { useEffect, useState } from 'react';
import { useMeterEngine, LoudnessMeter, CorrelationMeter, Goniometer, SpectrumMeter } from 'meterkit';

// A broadcast app's master section, as a user writes it from docs/api.md: one engine with a
// master bus that measures loudness, scope and spectrum; the pro views of the master.
export default function App() {
  const [context, setContext] = useState<AudioContext | null>(null);
  const { engine } = useMeterEngine(context, { tracks: 1, master: true, loudness: [1], scope: [1], spectrum: [1] });
  useEffect(() => {
    if (!engine || !context) return;
    const tone = new OscillatorNode(context, { frequency: 1000 });
    const level = new GainNode(context, { gain: 0.25 }); // -12 dBFS, the same in both channels
    tone.connect(level);
    tone.start();
    return engine.connect(level, 0);
  }, [engine, context]);
  const master = engine?.masterTrack ?? 1;
  return (
    <main>
      <button onClick={() => setContext(new AudioContext())}>Start</button>
      <LoudnessMeter source={engine} track={master} label="Programme" />
      <CorrelationMeter source={engine} track={master} />
      {engine ? <Goniometer source={engine} scope={engine} track={master} /> : null}
      {engine ? <SpectrumMeter source={engine} spectrum={engine} track={master} /> : null}
    </main>
  );
}
