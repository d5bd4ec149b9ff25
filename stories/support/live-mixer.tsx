/**
 * The live mixer demo component (story: Demos/Live mixer): 32 stereo tracks of synthesized
 * material and their master bus on one 33-track engine, two MeterBridges, Start/Stop.
 */
import { useEffect, useRef, useState } from 'react';
import { useMeterEngine } from '../../src/index';
import { useDemoAudio, StartStop, DemoButton, EngineStatus } from './live-audio';
import { buildMixerGraph } from './mixer-graph';
import { MixerBoard } from './mixer-layout';
import { MASTER_GAIN, MIXER_TRACKS, MIXER_TRACK_COUNT } from './mixer-tracks';
import { WORKLET_URL } from './worklet';

/** The demo: engine, synthesized tracks, controls and the board. */
export function LiveMixer() {
  const audio = useDemoAudio();
  // 32 inputs + the master bus as track 32.
  const { engine, status, error } = useMeterEngine(audio.context, { tracks: MIXER_TRACK_COUNT + 1, channels: 2, workletUrl: WORKLET_URL });
  const [listen, setListen] = useState(false);
  const monitor = useRef<GainNode | null>(null);

  useEffect(() => {
    if (engine === null || audio.context === null) return;
    const graph = buildMixerGraph(audio.context, engine, MIXER_TRACKS, { masterTrack: MIXER_TRACK_COUNT, masterGain: MASTER_GAIN });
    monitor.current = graph.monitor;
    return () => {
      monitor.current = null;
      graph.dispose();
    };
  }, [engine, audio.context]);

  useEffect(() => {
    monitor.current?.gain.setTargetAtTime(listen ? 0.7 : 0, monitor.current.context.currentTime, 0.02);
  }, [listen, engine]);

  const header = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <StartStop audio={audio} />
        <DemoButton onClick={() => engine?.resetClips()} disabled={engine === null}>
          Reset clips
        </DemoButton>
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" checked={listen} onChange={(e) => setListen(e.target.checked)} />
          Listen to the master bus (the meters do not need it)
        </label>
      </div>
      <EngineStatus audio={audio} engine={engine} status={status} error={error} />
    </div>
  );
  return <MixerBoard source={engine} header={header} />;
}
