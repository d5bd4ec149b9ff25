/**
 * The live broadcast demo (story: Demos/Broadcast): the 32 synthesized tracks of the live
 * mixer, their master bus metered for EBU R128 loudness, true peak, correlation and balance,
 * with VU ballistics on every track and a goniometer of the master (its samples through a
 * sample ring) — one engine, Start/Stop.
 */
import { useEffect, type CSSProperties } from 'react';
import {
  useMeterEngine,
  LoudnessMeter,
  CorrelationMeter,
  LedMeter,
  MeterScale,
  MeterProvider,
  Goniometer,
  SpectrumMeter,
  scaleForBallistics,
  type LoudnessTargetName,
} from '../../src/index';
import { useDemoAudio, StartStop, DemoButton, EngineStatus } from './live-audio';
import { buildMixerGraph } from './mixer-graph';
import { MASTER_GAIN, MIXER_TRACKS, MIXER_TRACK_COUNT } from './mixer-tracks';
import { WORKLET_URL } from './worklet';

const MASTER = MIXER_TRACK_COUNT;
const VU = scaleForBallistics('vu');

export function LiveBroadcast({ target = 'ebu-r128' }: { target?: LoudnessTargetName }) {
  const audio = useDemoAudio();
  const { engine, status, error } = useMeterEngine(audio.context, {
    tracks: MIXER_TRACK_COUNT + 1,
    channels: 2,
    workletUrl: WORKLET_URL,
    loudness: [MASTER],
    correlation: [MASTER],
    ballistics: 'vu',
    scope: [MASTER],
    spectrum: [MASTER],
  });
  useEffect(() => {
    if (engine === null || audio.context === null) return;
    const graph = buildMixerGraph(audio.context, engine, MIXER_TRACKS, { masterTrack: MASTER, masterGain: MASTER_GAIN });
    return () => graph.dispose();
  }, [engine, audio.context]);

  const panel: CSSProperties = { display: 'flex', gap: 24, alignItems: 'flex-start', flexWrap: 'wrap' };
  return (
    <MeterProvider source={engine}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <StartStop audio={audio} />
          <DemoButton onClick={() => engine?.resetLoudness(MASTER)} disabled={engine === null}>
            Reset loudness
          </DemoButton>
        </div>
        <EngineStatus audio={audio} engine={engine} status={status} error={error} />
        <div style={panel}>
          <LoudnessMeter track={MASTER} target={target} label="Master loudness" />
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <span>Master VU (IEC 60268-17, 0 VU = −18 dBFS)</span>
            <div style={{ display: 'flex', gap: 4 }}>
              <MeterScale scale={VU} height={200} farInset={8} />
              <LedMeter track={MASTER} reading="ballistic" scale={VU} segments={23} label="Master VU" />
            </div>
            <span>Phase correlation and balance</span>
            <CorrelationMeter track={MASTER} label="Master correlation" />
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <span>Master goniometer (M up, S across)</span>
            {engine !== null ? <Goniometer track={MASTER} scope={engine} label="Master goniometer" size={220} autoGain /> : null}
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <span>Master one-third-octave spectrum (fast)</span>
            {engine !== null ? <SpectrumMeter track={MASTER} spectrum={engine} label="Master spectrum" width={420} height={200} /> : null}
          </div>
        </div>
      </div>
    </MeterProvider>
  );
}
