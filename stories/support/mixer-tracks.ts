/**
 * The 32 tracks of the live mixer demo: what each one plays (synthesized, see signals.ts), and
 * a realistic fixed snapshot of their levels for the frozen mixer (README screenshot, visual
 * test). Track order = engine input order; the master bus (the sum of all 32 after a master
 * fader) is engine track 32.
 */
import * as sig from './signals';
import type { Material } from './signals';

export interface MixerTrack {
  /** Label under the meter: at most 4 characters (a track is 22 px wide, 30 px with its gap). */
  label: string;
  /** What it plays, for people (the story's docs). */
  description?: string;
  /** Key of the material (tracks sharing a key share one AudioBuffer). */
  material: string;
  make: (sampleRate: number) => Material;
  /** Linear gain of the channel fader. Default 1. */
  gain?: number;
  /** Stereo pan of a mono material, -1..1 (a StereoPannerNode); omitted: the material goes in as is. */
  pan?: number;
  /** Loop start offset, seconds. */
  offset?: number;
  /** Nothing connected at all (an empty channel). */
  silent?: boolean;
}

const t = (label: string, material: string, make: MixerTrack['make'], more: Partial<MixerTrack> = {}): MixerTrack => ({ label, material, make, ...more });

export const MIXER_TRACKS: readonly MixerTrack[] = [
  t('Kick', 'kick', sig.kick, { description: 'kick drum on every beat, peaks ≈ -1 dBFS' }),
  t('Snr', 'snare', (sr) => sig.snare(sr), { description: 'snare bursts on beats 2 and 4' }),
  t('Hat', 'hihat', (sr) => sig.hihat(sr), { pan: 0.35, description: 'hi-hat eighths, panned right' }),
  t('Tom', 'toms', sig.toms, { pan: -0.3, description: 'a two-hit tom fill' }),
  t('OHL', 'hihat', (sr) => sig.hihat(sr), { pan: -1, gain: 0.6, description: 'overhead, hard left: the right channel stays silent' }),
  t('OHR', 'snare', (sr) => sig.snare(sr), { pan: 1, gain: 0.4, description: 'overhead, hard right' }),
  t('Rm', 'reverb', (sr) => sig.reverbTail(sr), { gain: 1.6, description: 'decaying noise tails (uncorrelated stereo)' }),
  t('Bass', 'bass', sig.bass, { description: 'low sine bass line' }),
  t('Swp', 'sweep', (sr) => sig.sineSweep(sr), { description: 'log sine sweep 20 Hz → 20 kHz in 4 s at -6 dBFS: flat on a peak meter' }),
  t('Pink', 'pink', (sr) => sig.pinkNoise(sr), { description: 'pink noise, ≈ -20 dBFS RMS' }),
  t('Wht', 'white', (sr) => sig.whiteNoise(sr, 0.05), { description: 'white noise at -26 dBFS peak' }),
  t('Vox', 'speech', (sr) => sig.speech(sr), { description: 'speech-like modulated noise: syllables, words, pauses' }),
  t('Gst', 'speech2', (sr) => sig.speech(sr, 17), { gain: 0.8, description: 'a second talker' }),
  t('Dbl', 'speech', (sr) => sig.speech(sr), { pan: -0.6, gain: 0.4, offset: 0.35, description: 'the first talker, delayed and panned' }),
  t('Pad', 'pad', (sr) => sig.pad(sr), { description: 'sustained chord, slow swell' }),
  t('Str', 'pad', (sr) => sig.pad(sr), { gain: 0.5, offset: 1.3, description: 'the chord again, quieter' }),
  t('Ld', 'lead', sig.lead, { pan: 0.2, description: 'saw-wave melody with vibrato' }),
  t('Gt L', 'pluck', (sr) => sig.pluck(sr), { pan: -0.8, description: 'plucked strings (Karplus–Strong), left' }),
  t('Gt R', 'pluck', (sr) => sig.pluck(sr), { pan: 0.8, offset: 0.125, description: 'the same, right, an eighth late' }),
  t('Keys', 'keys', sig.keys, { description: 'decaying piano-like chords' }),
  t('Trm', 'tremolo', (sr) => sig.tremolo(sig.pad(sr), sr, 6), { gain: 0.8, description: 'the chord with a 6 Hz tremolo' }),
  t('L', 'left', (sr) => sig.oneSided(sig.tone(sr, 330, 0.35), 'left'), { description: 'a tone in the left channel only' }),
  t('R', 'right', (sr) => sig.oneSided(sig.tone(sr, 550, 0.35), 'right'), { description: 'a tone in the right channel only' }),
  t('Mon', 'mono', (sr) => sig.tone(sr, 220, 0.5), { description: 'a MONO source into a stereo track: both channels read -6 dBFS' }),
  t('Phs', 'anti', (sr) => sig.antiPhase(sig.tone(sr, 110, 0.3)), { description: 'right = inverted left (correlation -1)' }),
  t('Clip', 'clip', sig.clipper, { description: 'a tone that swells to +3 dBFS once per bar: the clip LEDs latch' }),
  t('Hot', 'kick', sig.kick, { gain: 1.05, offset: 0.25, description: 'the kick, hot: peaks just under 0 dBFS' }),
  t('Qt', 'pink', (sr) => sig.pinkNoise(sr), { gain: 0.03, description: 'pink noise 30 dB down' }),
  t('—', 'none', () => [], { silent: true, description: 'nothing connected: reads silent' }),
  t('Clk', 'clicks', sig.clicks, { description: 'one-sample spikes at -6 dBFS: never missed between frames' }),
  t('FX', 'reverb', (sr) => sig.reverbTail(sr), { gain: 0.8, offset: 0.7, description: 'an effects return' }),
  t('Sub', 'sub', (sr) => sig.tone(sr, 41.2, 0.4), { description: 'a steady 41 Hz sub tone at -8 dBFS' }),
];

/** Tracks of the mixer (inputs); the master bus is engine track MIXER_TRACK_COUNT. */
export const MIXER_TRACK_COUNT = MIXER_TRACKS.length;

/**
 * Master fader, linear (-16 dB): the 32 tracks sum to peaks near +13 dBFS, so the master bus
 * peaks around -3 dBFS — and goes over when the Clip track does.
 */
export const MASTER_GAIN = 10 ** (-16 / 20);
export const MIXER_LABELS: readonly string[] = MIXER_TRACKS.map((track) => track.label);

/** One track of the frozen snapshot: [left, right] levels and holds in dBFS, overs if it clipped. */
export interface SnapshotTrack {
  levelDb: readonly [number, number];
  holdDb: readonly [number, number];
  overs?: number;
}

const s = (l: number, r: number, hl = l + 4, hr = r + 4, overs?: number): SnapshotTrack => ({
  levelDb: [l, r],
  holdDb: [Math.min(hl, 0), Math.min(hr, 0)],
  ...(overs ? { overs } : {}),
});
const SILENT = s(-Infinity, -Infinity, -Infinity, -Infinity);

/**
 * A moment of the live mixer, frozen: what its 32 tracks and the master typically show a beat
 * after the downbeat (hand-written, so it never changes with the synthesis code).
 */
export const MIXER_SNAPSHOT: readonly SnapshotTrack[] = [
  s(-7.5, -7.5, -1.2, -1.2), // Kick
  s(-14, -14, -8.5, -8.5), // Snare
  s(-24, -19.5, -18, -14), // HiHat
  s(-33, -27, -12, -8), // Toms
  s(-21, -60, -16, -55), // OHL (overhead left)
  s(-70, -19, -60, -12.5), // OHR (overhead right)
  s(-26, -27.5, -22, -23), // Rm (room)
  s(-9.8, -9.8, -6.9, -6.9), // Bass
  s(-6.2, -6.2, -6, -6), // Sweep
  s(-21.5, -21, -18.4, -18.7), // Pink
  s(-26, -26, -26, -26), // White
  s(-15, -15, -9.2, -9.2), // Vox
  s(-31, -31, -12, -12), // Guest
  s(-20, -30, -16, -26), // VoxDbl
  s(-12.6, -12.4, -11, -10.8), // Pad
  s(-18.5, -18.4, -17, -16.8), // Str
  s(-17, -16, -13, -12), // Ld (lead)
  s(-11, -24, -8, -20), // Gtr L
  s(-26, -12, -21, -8.5), // Gtr R
  s(-19, -19, -10.5, -10.5), // Keys
  s(-15.6, -15.4, -14, -13.8), // Trem
  s(-9.1, -Infinity, -9.1, -Infinity), // L only
  s(-Infinity, -9.1, -Infinity, -9.1), // R only
  s(-6, -6, -6, -6), // Mon (mono)
  s(-10.5, -10.5, -10.5, -10.5), // Phase
  s(-4, -4, 0, 0, 12), // Clip! (latched)
  s(-2.5, -2.5, -0.6, -0.6), // Hot
  s(-51, -51.5, -48, -48), // Quiet
  SILENT, // Empty
  s(-40, -40, -6, -6), // Clicks
  s(-33, -31, -27, -26), // FX
  s(-8, -8, -7.9, -7.9), // Sub
];

/** The master bus in the snapshot. */
export const MASTER_SNAPSHOT: SnapshotTrack = s(-3.1, -3.4, -0.4, -0.2, 3);
