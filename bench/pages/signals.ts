/**
 * The bench's signals, synthesized in code (no audio files) and seeded, so every contender
 * gets exactly the same samples in every run.
 *
 * - Program: a pool of stereo loops (noise bursts with exponential decays, a slowly
 *   amplitude-modulated tone, different per channel), peaking around -6 dBFS. Tracks loop
 *   them from different offsets.
 * - Spikes: isolated single-sample spikes in digital silence at seeded instants and heights.
 */

/** Every bench context runs at 48 kHz. */
export const SAMPLE_RATE = 48_000;

/** mulberry32: a small, fast, seeded PRNG returning [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PROGRAM_POOL = 8;
export const PROGRAM_SECONDS = 4;

/**
 * One program loop as plain arrays [left, right] (`index` picks one of the pool), so the
 * Node kernel benchmark measures the same samples the browser plays.
 */
export function programSamples(sampleRate: number, index: number, seed = 1, seconds = PROGRAM_SECONDS): [Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>] {
  const rand = createRandom(seed * 1000 + index);
  const length = Math.round(seconds * sampleRate);
  const beat = 0.25 + 0.25 * Math.floor(rand() * 3); // seconds between bursts
  const tone = 110 * Math.pow(2, Math.floor(rand() * 24) / 12);
  const decay = Math.exp(-1 / (0.04 * sampleRate));
  const beatSamples = Math.round(beat * sampleRate);
  const out: [Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>] = [new Float32Array(length), new Float32Array(length)];
  for (let c = 0; c < 2; c++) {
    const x = out[c];
    let env = 0;
    for (let i = 0; i < length; i++) {
      if (i % beatSamples === 0) env = 0.3 + 0.2 * rand();
      env *= decay;
      const am = 0.5 + 0.5 * Math.sin((2 * Math.PI * 0.3 * i) / sampleRate + c);
      x[i] = env * (rand() * 2 - 1) + 0.15 * am * Math.sin((2 * Math.PI * tone * (1 + 0.003 * c) * i) / sampleRate);
    }
  }
  return out;
}

/** The pool of program loops (stereo AudioBuffers; AudioBuffers may be shared across contexts). */
export function createProgramBuffers(sampleRate: number, seed = 1): AudioBuffer[] {
  const out: AudioBuffer[] = [];
  for (let b = 0; b < PROGRAM_POOL; b++) {
    const [left, right] = programSamples(sampleRate, b, seed);
    const buffer = new AudioBuffer({ numberOfChannels: 2, length: left.length, sampleRate });
    buffer.copyToChannel(left, 0);
    buffer.copyToChannel(right, 1);
    out.push(buffer);
  }
  return out;
}

/** One spike: channel index (track * 2 + c), time from the start of the spike buffers, height. */
export interface Spike {
  channel: number;
  timeS: number;
  sample: number;
  heightDb: number;
}

export const SPIKE_SLOT_S = 3.5;
export const SPIKE_JITTER_S = 1;
export const SPIKE_MIN_DB = -20;
export const SPIKE_MAX_DB = -1;

/**
 * Spreads `count` spikes over `channels` channels: each channel has slots of 3.5 s starting at
 * 0.5 s, a spike sits at a random point in the first second of a random free slot, so spikes on
 * one channel are at least 2.5 s apart (any meter's earlier reading has fallen away: a 20 dB/1.7 s
 * decay falls 29 dB in 2.5 s). Heights are uniform in dB from -20 to -1 dBFS.
 */
export function planSpikes(seed: number, channels: number, count: number, sampleRate: number): { spikes: Spike[]; durationS: number } {
  const rand = createRandom(seed);
  const slotsPerChannel = Math.ceil(count / channels);
  const free: number[] = [];
  for (let c = 0; c < channels; c++) for (let s = 0; s < slotsPerChannel; s++) free.push(c * slotsPerChannel + s);
  const spikes: Spike[] = [];
  for (let k = 0; k < count; k++) {
    const pick = Math.floor(rand() * free.length);
    const slotId = free[pick];
    free[pick] = free[free.length - 1];
    free.pop();
    const channel = Math.floor(slotId / slotsPerChannel);
    const slot = slotId % slotsPerChannel;
    const sample = Math.round((0.5 + slot * SPIKE_SLOT_S + rand() * SPIKE_JITTER_S) * sampleRate);
    const heightDb = SPIKE_MIN_DB + rand() * (SPIKE_MAX_DB - SPIKE_MIN_DB);
    spikes.push({ channel, timeS: sample / sampleRate, sample, heightDb });
  }
  spikes.sort((a, b) => a.timeS - b.timeS);
  return { spikes, durationS: 0.5 + slotsPerChannel * SPIKE_SLOT_S };
}

/** One stereo buffer per track holding that track's spikes (silence elsewhere). */
export function createSpikeBuffers(tracks: number, spikes: Spike[], durationS: number, sampleRate: number): AudioBuffer[] {
  const length = Math.ceil(durationS * sampleRate);
  const buffers = Array.from({ length: tracks }, () => new AudioBuffer({ numberOfChannels: 2, length, sampleRate }));
  for (const s of spikes) {
    const sign = s.sample % 2 === 0 ? 1 : -1; // both polarities: a meter must take |x|
    buffers[s.channel >> 1].getChannelData(s.channel & 1)[s.sample] = sign * Math.pow(10, s.heightDb / 20);
  }
  return buffers;
}
