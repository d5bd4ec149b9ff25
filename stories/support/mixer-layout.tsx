/**
 * The mixer's layout, shared by the live demo (engine source) and its frozen snapshot (manual
 * bank source): 32 labelled stereo tracks with clip buttons and a scale on one bridge, then the
 * master bus on its own, wider bridge with its own scale (its meter is shorter by the readout at
 * the top, so the inputs' scale would not match it). 18 px tracks 6 px apart: the whole board is
 * about 900 px wide, so it fits a 1280 × 800 screen beside the gallery's sidebar; narrower
 * windows scroll it sideways (never cut off).
 */
import type { ReactNode } from 'react';
import { MeterBridge, type MeterEngine, type MeterSource, type HasMeterSource } from '../../src/index';
import { MIXER_LABELS, MIXER_TRACK_COUNT } from './mixer-tracks';

export interface MixerBoardProps {
  /** The engine (33 tracks: 32 inputs and the master bus) or a manual bank source. */
  source: MeterSource | HasMeterSource | MeterEngine | null;
  /** Track of the master bus. Default 32 (right after the inputs). */
  masterTrack?: number;
  /** Shown above the meters (buttons, status). */
  header?: ReactNode;
  /** Meter length, CSS px. Default 240. */
  meterLength?: number;
}

export function MixerBoard({ source, masterTrack = MIXER_TRACK_COUNT, header, meterLength = 240 }: MixerBoardProps) {
  return (
    <div style={{ display: 'inline-flex', flexDirection: 'column', gap: 12, maxWidth: '100%' }}>
      {header}
      <div data-mixer-board="" style={{ display: 'flex', gap: 14, alignItems: 'flex-start', overflowX: 'auto', paddingBottom: 4, paddingRight: 4 }}>
        <MeterBridge source={source} tracks={MIXER_TRACK_COUNT} labels={MIXER_LABELS} meterLength={meterLength} trackWidth={18} trackGap={6} labelSize={16} />
        <MeterBridge
          source={source}
          tracks={[masterTrack]}
          labels={['Master']}
          meterLength={meterLength}
          trackWidth={36}
          channelGap={4}
          labelSize={16}
          readoutSize={14}
        />
      </div>
    </div>
  );
}
