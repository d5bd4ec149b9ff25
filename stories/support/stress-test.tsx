/**
 * The stress demo component (story: Demos/Stress 128 tracks): 128 stereo tracks on one engine,
 * two 64-track bridges and the frame-cost readout.
 */
import { useEffect } from 'react';
import { MeterBridge, useMeterEngine, type MeterKind } from '../../src/index';
import { useDemoAudio, StartStop, EngineStatus } from './live-audio';
import { FrameStats } from './frame-stats';
import { buildMixerGraph } from './mixer-graph';
import { MIXER_TRACKS, type MixerTrack } from './mixer-tracks';
import { WORKLET_URL } from './worklet';

const TRACKS = 128;
const HALF = TRACKS / 2;

/** Fader of each copy of the 32 mixer tracks, so the four copies look different. */
const COPY_GAINS = [1, 0.5, 0.75, 0.3];

/** The 32 mixer tracks four times over, each copy quieter or louder and later in its loop. */
const STRESS_TRACKS: readonly MixerTrack[] = Array.from({ length: TRACKS }, (_, i) => {
  const track = MIXER_TRACKS[i % MIXER_TRACKS.length];
  const copy = Math.floor(i / MIXER_TRACKS.length);
  return { ...track, gain: (track.gain ?? 1) * COPY_GAINS[copy], offset: (track.offset ?? 0) + 0.29 * copy };
});

const FIRST = Array.from({ length: HALF }, (_, i) => i);
const SECOND = Array.from({ length: HALF }, (_, i) => HALF + i);

export interface StressTestProps {
  /** Meter style. Default `led`. */
  kind?: MeterKind;
  /** Meter length, CSS px. Default 180. */
  meterLength?: number;
}

/** 128 stereo tracks: engine, sources, two 64-track bridges and the frame-cost readout. */
export function StressTest({ kind = 'led', meterLength = 180 }: StressTestProps) {
  const audio = useDemoAudio();
  const { engine, status, error } = useMeterEngine(audio.context, { tracks: TRACKS, channels: 2, workletUrl: WORKLET_URL });
  useEffect(() => {
    if (engine === null || audio.context === null) return;
    return buildMixerGraph(audio.context, engine, STRESS_TRACKS).dispose;
  }, [engine, audio.context]);
  const bridge = { source: engine, kind, meterLength, trackWidth: 12, trackGap: 3, channelGap: 1, labelSize: 0 };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <StartStop audio={audio} />
        <FrameStats />
      </div>
      <EngineStatus audio={audio} engine={engine} status={status} error={error} />
      <div>tracks 1–64</div>
      <MeterBridge {...bridge} tracks={FIRST} />
      <div>tracks 65–128</div>
      <MeterBridge {...bridge} tracks={SECOND} />
    </div>
  );
}
