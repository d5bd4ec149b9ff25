/**
 * A meter bank you write by hand: fixed or scripted levels for demos, frozen screenshots,
 * tests and server rendering — no audio needed. It is a real bank (same writer, same reader),
 * so meters read it exactly as they read an engine's.
 *
 * Thread: main thread.
 */
import {
  createBankWords,
  FEATURE_LOUDNESS,
  FEATURE_CORRELATION,
  MAX_TRACKS,
  MAX_CHANNELS,
  X_INTEGRATED,
  X_LOUDNESS_RANGE,
  X_TRUE_PEAK,
  X_LOUDNESS_SECONDS,
} from './bank/layout';
import { TRACK_FIELDS } from './bank/schema';
import { BankWriter, RESET_OVERS, RESET_HOLD, RESET_LOUDNESS, type ChannelLevelSource } from './bank/writer';
import { MeterBankReader } from './bank/reader';
import { RENDER_QUANTUM } from './protocol';
import { canShareMemory } from './transport';
import { registerWorkerLink, sharedBankLink, portBankLink, ALWAYS_RUNNING } from './render-worker/links';
import { linearFromDb } from '../dsp/db';
import { checkInteger, checkNumber, checkOptions, describeValue } from '../dsp/validate';
import { MIN_SAMPLE_RATE, MAX_SAMPLE_RATE } from './bank/layout';

/** Levels the manual bank accepts, dBFS: −Infinity (silence) or MIN..MAX. */
export const MANUAL_MIN_DB = -200;
export const MANUAL_MAX_DB = 40;
const DB_FIELDS = ['levelDb', 'holdDb', 'rmsDb', 'peakDb', 'ballisticDb'] as const;

function checkDb(name: string, v: unknown): void {
  if (v === -Infinity) return;
  if (typeof v !== 'number' || !(v >= MANUAL_MIN_DB && v <= MANUAL_MAX_DB)) {
    throw new RangeError(
      `ManualBank.set: ${name} must be a number from ${MANUAL_MIN_DB} to ${MANUAL_MAX_DB} dBFS (or -Infinity for silence), got ${describeValue(v)}`,
    );
  }
}

function checkChannelLevels(levels: unknown, channels: number): void {
  const list = Array.isArray(levels) ? levels : [levels];
  if (Array.isArray(levels) && levels.length > channels) {
    throw new RangeError(
      `ManualBank.set: levels must be one object or an array of at most ${channels} (one per channel), got an array of length ${levels.length}`,
    );
  }
  list.forEach((l, c) => {
    const at = Array.isArray(levels) ? `levels[${c}]` : 'levels';
    if (l === undefined && Array.isArray(levels)) return;
    if (l === null || typeof l !== 'object' || Array.isArray(l))
      throw new TypeError(`ManualBank.set: ${at} must be an object such as { levelDb: -12 }, got ${describeValue(l)}`);
    const o = l as Record<string, unknown>;
    for (const k of DB_FIELDS) if (o[k] !== undefined) checkDb(`${at}.${k}`, o[k]);
    if (o.overs !== undefined) checkInteger(`ManualBank.set: ${at}.overs`, o.overs, 0, 0xffffffff);
  });
}

const READING_RANGES: Record<keyof ManualTrackReadings, [number, number, string]> = {
  momentary: [-200, 40, 'LUFS'],
  shortTerm: [-200, 40, 'LUFS'],
  integrated: [-200, 40, 'LUFS'],
  loudnessRange: [0, 200, 'LU'],
  truePeak: [-200, 40, 'dBTP'],
  correlation: [-1, 1, ''],
  balance: [-1, 1, ''],
  loudnessSeconds: [0, 1e9, 's'],
};

function checkReadings(readings: unknown): void {
  checkOptions('ManualBank.setReadings', readings, 'one reading such as { integrated: -23 }');
  const r = readings as Record<string, unknown>;
  for (const key of EXTRA_KEYS) {
    const v = r[key];
    if (v === undefined || Number.isNaN(v) || (v === -Infinity && READING_RANGES[key][2] !== '' && key !== 'loudnessRange' && key !== 'loudnessSeconds'))
      continue;
    const [min, max, unit] = READING_RANGES[key];
    if (typeof v !== 'number' || !(v >= min && v <= max)) {
      throw new RangeError(
        `ManualBank.setReadings: ${key} must be a number from ${min} to ${max}${unit ? ' ' + unit : ''} (or NaN: not measured), got ${describeValue(v)}`,
      );
    }
  }
}

/** Levels of one channel in dBFS (omit a field to leave it as it was; -Infinity = silence). */
export interface ManualChannelLevels {
  /** The main meter level (the decaying peak), dBFS. */
  levelDb?: number;
  /** Peak-hold value, dBFS. Default: follows levelDb when never set. */
  holdDb?: number;
  /** RMS, dBFS. */
  rmsDb?: number;
  /** Sample peak since the last read, dBFS. */
  peakDb?: number;
  /** Over (clip) count; > 0 lights the clip LED. */
  overs?: number;
  /** The ballistic indication (PPM, VU, K-system) for `reading="ballistic"`, dBFS. Default: follows levelDb. */
  ballisticDb?: number;
}

class ManualChannel implements ChannelLevelSource {
  peak = 0;
  decayingPeak = 0;
  hold = 0;
  rms = 0;
  overs = 0;
  nonFinite = 0;
  takePeak(): number {
    const p = this.peak;
    this.peak = 0;
    return p;
  }
}

/** Per-track readings (omit a field to leave it; NaN = not measured). */
export interface ManualTrackReadings {
  /** LUFS */
  momentary?: number;
  shortTerm?: number;
  integrated?: number;
  /** LU */
  loudnessRange?: number;
  /** dBTP */
  truePeak?: number;
  /** −1 … +1 */
  correlation?: number;
  /** −1 (left) … +1 (right) */
  balance?: number;
  /** Seconds in the integrated measurement. */
  loudnessSeconds?: number;
}

/** The bank's per-track fields, in bank order (schema.ts): the keys of ManualTrackReadings. */
const EXTRA_KEYS: readonly (keyof ManualTrackReadings)[] = TRACK_FIELDS.map((f) => f.name satisfies keyof ManualTrackReadings);

export interface ManualBank {
  /** Read this like `engine.bank` (pass it as a component's `source`). */
  readonly source: MeterBankReader;
  readonly tracks: number;
  readonly channels: number;
  /**
   * Sets levels of `track`: one object for every channel, or an array with one per channel.
   * Published at once.
   */
  set(track: number, levels: ManualChannelLevels | readonly ManualChannelLevels[]): void;
  /** Sets the loudness and correlation readings of `track`; published at once. */
  setReadings(track: number, readings: ManualTrackReadings): void;
  /** Stops the writer: readers then report stale (the display falls to silence). */
  stop(): void;
}

/** Creates a manual bank of `tracks` × `channels` (1–MAX_TRACKS × 1–MAX_CHANNELS, i.e. 1–1024 × 1–8); every channel starts silent. */
export function createManualBank(options: { tracks: number; channels?: number; sampleRate?: number }): ManualBank {
  checkOptions('createManualBank', options, 'tracks');
  const tracks = checkInteger('createManualBank: tracks', options.tracks, 1, MAX_TRACKS);
  const channels = checkInteger('createManualBank: channels', options.channels ?? 2, 1, MAX_CHANNELS);
  const sampleRate = checkNumber('createManualBank: sampleRate', options.sampleRate ?? 48000, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, 'Hz');
  // Shared memory where the page allows it, so the render worker reads the bank itself.
  const shared = canShareMemory();
  const words = createBankWords({ tracks, channels, sampleRate, shared });
  /** Without shared memory: ports of render workers, each sent a snapshot after every publish. */
  const ports = new Set<MessagePort>();
  const writer = new BankWriter(words);
  writer.start(FEATURE_LOUDNESS | FEATURE_CORRELATION); // setReadings may publish both
  const meters = Array.from({ length: tracks }, () => Array.from({ length: channels }, () => new ManualChannel()));
  // Ballistic readings per track (NaN = follow the level, as the digital peak preset does).
  const ballistic = Array.from({ length: tracks }, () => new Float64Array(channels).fill(NaN));
  const ballisticOut = new Float64Array(channels);
  // Extras in bank order (see EXTRA_KEYS); NaN = not measured.
  const extras = Array.from({ length: tracks }, () => new Float64Array(EXTRA_KEYS.length).fill(NaN));
  let frame = 0;
  const publishAll = () => {
    writer.beginPublish();
    for (let t = 0; t < tracks; t++) {
      const b = ballistic[t];
      for (let c = 0; c < channels; c++) ballisticOut[c] = Number.isNaN(b[c]) ? meters[t][c].decayingPeak : b[c];
      writer.writeTrack(t, meters[t], ballisticOut, extras[t]);
    }
    writer.endPublish((frame += RENDER_QUANTUM)); // the heartbeat moves one render quantum per publish
    postToWorkers();
  };
  function postToWorkers(): void {
    for (const port of ports) port.postMessage({ type: 'snapshot', words: words.slice(), reply: false });
  }
  // Reset requests (clip indicator clicks) apply at once, as the worklet would at its next quantum.
  const applyControl = () => {
    writer.takeResets((t, mask) => {
      for (const m of meters[t]) {
        if (mask & RESET_OVERS) m.overs = 0;
        if (mask & RESET_HOLD) m.hold = m.decayingPeak;
      }
      // A loudness reset starts a new measurement: nothing integrated yet (where measured).
      const x = extras[t];
      if (mask & RESET_LOUDNESS && !Number.isNaN(x[X_INTEGRATED])) {
        x[X_INTEGRATED] = -Infinity;
        x[X_LOUDNESS_RANGE] = 0;
        x[X_TRUE_PEAK] = -Infinity;
        x[X_LOUDNESS_SECONDS] = 0;
      }
    });
    publishAll();
  };
  const source = new MeterBankReader(words, { consume: true, staleAfterMs: Infinity, onControl: applyControl });
  const clock = { staleAfterMs: Infinity, ...ALWAYS_RUNNING };
  registerWorkerLink(source, () => {
    if (shared) return sharedBankLink(words, clock);
    const channel = new MessageChannel();
    ports.add(channel.port2);
    channel.port2.postMessage({ type: 'snapshot', words: words.slice(), reply: false });
    return portBankLink(channel.port1, { tracks, channels, sampleRate }, clock, () => {
      ports.delete(channel.port2);
      channel.port2.close();
    });
  });
  publishAll();
  return {
    source,
    tracks,
    channels,
    set(track, levels) {
      source.checkTrack(track);
      checkChannelLevels(levels, channels); // all of it before any of it: a bad call changes nothing
      for (let c = 0; c < channels; c++) {
        const l = Array.isArray(levels) ? (levels as readonly ManualChannelLevels[])[c] : (levels as ManualChannelLevels);
        if (l === undefined) continue;
        const m = meters[track][c];
        if (l.levelDb !== undefined) {
          m.decayingPeak = linearFromDb(l.levelDb);
          if (l.holdDb === undefined && m.hold < m.decayingPeak) m.hold = m.decayingPeak;
        }
        if (l.holdDb !== undefined) m.hold = linearFromDb(l.holdDb);
        if (l.rmsDb !== undefined) m.rms = linearFromDb(l.rmsDb);
        if (l.peakDb !== undefined) m.peak = linearFromDb(l.peakDb);
        if (l.overs !== undefined) m.overs = l.overs;
        if (l.ballisticDb !== undefined) ballistic[track][c] = linearFromDb(l.ballisticDb);
      }
      publishAll();
    },
    setReadings(track, readings) {
      source.checkTrack(track);
      checkReadings(readings);
      EXTRA_KEYS.forEach((key, i) => {
        const v = readings[key];
        if (v !== undefined) extras[track][i] = v;
      });
      publishAll();
    },
    stop() {
      writer.stop();
      postToWorkers();
    },
  };
}
