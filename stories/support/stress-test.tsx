/**
 * The stress demo component (story: Demos/Stress): 128, 512 or 1024 stereo tracks on one
 * engine, drawn on bridges of 128 tracks, painted by the render worker or on the main thread,
 * with readouts of the main thread's frame cost and the render worker's frame rate.
 */
import { useEffect } from 'react';
import { MeterBridge, MeterProvider, useMeterEngine, type MeterKind, type RenderMode } from '../../src/index';
import { useDemoAudio, StartStop, EngineStatus } from './live-audio';
import { FrameStats, WorkerFrameStats } from './frame-stats';
import { buildMixerGraph } from './mixer-graph';
import { MIXER_TRACKS, type MixerTrack } from './mixer-tracks';
import { WORKLET_URL } from './worklet';

/** Tracks with their own source: the 32 mixer tracks four times over. */
const SOURCES = 128;
const PER_BRIDGE = 128;

/** Fader of each copy of the 32 mixer tracks, so the four copies look different. */
const COPY_GAINS = [1, 0.5, 0.75, 0.3];

/** The 32 mixer tracks four times over, each copy quieter or louder and later in its loop. */
const STRESS_TRACKS: readonly MixerTrack[] = Array.from({ length: SOURCES }, (_, i) => {
  const track = MIXER_TRACKS[i % MIXER_TRACKS.length];
  const copy = Math.floor(i / MIXER_TRACKS.length);
  return { ...track, gain: (track.gain ?? 1) * COPY_GAINS[copy], offset: (track.offset ?? 0) + 0.29 * copy };
});

export interface StressTestProps {
  /** Stereo tracks metered. Default 128. Above 128, each of the 128 sources feeds several tracks. */
  tracks?: 128 | 512 | 1024;
  /** Where the bridges paint. Default `auto` (the render worker where supported). */
  render?: RenderMode;
  /** Meter style. Default `led`. */
  kind?: MeterKind;
  /** Meter length, CSS px. Default 180. */
  meterLength?: number;
}

/** N stereo tracks: engine, sources, bridges of 128 tracks and the frame readouts. */
export function StressTest({ tracks = 128, render = 'auto', kind = 'led', meterLength = 180 }: StressTestProps) {
  const audio = useDemoAudio();
  const { engine, status, error } = useMeterEngine(audio.context, { tracks, channels: 2, workletUrl: WORKLET_URL });
  useEffect(() => {
    if (engine === null || audio.context === null) return;
    return buildMixerGraph(audio.context, engine, STRESS_TRACKS, { copies: tracks / SOURCES }).dispose;
  }, [engine, audio.context, tracks]);
  const bridges = Array.from({ length: tracks / PER_BRIDGE }, (_, b) => Array.from({ length: PER_BRIDGE }, (_, i) => b * PER_BRIDGE + i));
  const narrow = tracks > 128;
  return (
    <MeterProvider source={engine} render={render}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <StartStop audio={audio} />
          <FrameStats />
          <WorkerFrameStats />
        </div>
        <EngineStatus audio={audio} engine={engine} status={status} error={error} />
        {bridges.map((shown, b) => (
          <div key={`${tracks}-${b}`}>
            <div>
              tracks {b * PER_BRIDGE + 1}–{(b + 1) * PER_BRIDGE}
            </div>
            <MeterBridge
              tracks={shown}
              kind={kind}
              meterLength={narrow ? Math.min(meterLength, 90) : meterLength}
              trackWidth={narrow ? 5 : 6}
              trackGap={1}
              channelGap={1}
              labelSize={0}
              clipIndicators={!narrow}
            />
          </div>
        ))}
      </div>
    </MeterProvider>
  );
}
