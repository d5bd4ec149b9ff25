import { useEffect, useState } from 'react';
import { useMeterEngine, MeterBridge } from 'meterkit';

export default function App() {
  const [context, setContext] = useState<AudioContext | null>(null);
  const { engine } = useMeterEngine(context, { tracks: 2, channels: 2 });
  useEffect(() => {
    if (!engine || !context) return;
    const tone = new OscillatorNode(context, { frequency: 220 });
    const level = new GainNode(context, { gain: 0.25 }); // -12 dBFS
    tone.connect(level);
    tone.start();
    return engine.connect(level, 0); // meter track 0; undone on cleanup
  }, [engine, context]);
  return (
    <main>
      <button onClick={() => setContext(new AudioContext())}>Start</button>
      <MeterBridge source={engine} tracks={2} labels={['Tone', 'Mic']} />
    </main>
  );
}
