/**
 * Synthesized programme material for the live demos — made in code, no audio files, no
 * network. Every generator is a pure function of (sample rate, seed): the same material every
 * time (a seeded PRNG, never Math.random).
 *
 * Each returns one Float32Array per channel (1 = mono, 2 = stereo), `seconds` long, meant to
 * loop seamlessly (events are placed on a 2 s bar at 120 bpm).
 */

/** Mulberry32: a small deterministic PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Material = Float32Array<ArrayBuffer>[];

const BAR = 2; // seconds: one 4/4 bar at 120 bpm
const TAU = 2 * Math.PI;

function channels(n: number, seconds: number, sampleRate: number): Material {
  return Array.from({ length: n }, () => new Float32Array(Math.round(seconds * sampleRate)));
}

/** Adds `hit(tSinceOnset)` at each onset (seconds), wrapping around the loop end. */
function addHits(out: Float32Array, sampleRate: number, onsets: readonly number[], lengthSec: number, hit: (t: number, i: number) => number): void {
  const n = out.length;
  const len = Math.round(lengthSec * sampleRate);
  for (const onset of onsets) {
    const start = Math.round(onset * sampleRate);
    for (let i = 0; i < len; i++) out[(start + i) % n] += hit(i / sampleRate, i);
  }
}

/** Kick drum: a sine falling from 150 to 50 Hz, on every beat. Peaks ≈ -1 dBFS. */
export function kick(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  let phase = 0;
  addHits(out, sampleRate, [0, 0.5, 1, 1.5], 0.4, (t, i) => {
    if (i === 0) phase = 0;
    const f = 50 + 100 * Math.exp(-t / 0.03);
    phase += (TAU * f) / sampleRate;
    return 0.9 * Math.exp(-t / 0.12) * Math.sin(phase);
  });
  return [out];
}

/** Snare: a noise burst plus a 190 Hz body on beats 2 and 4. */
export function snare(sampleRate: number, seed = 2): Material {
  const [out] = channels(1, BAR, sampleRate);
  const rnd = prng(seed);
  addHits(out, sampleRate, [0.5, 1.5], 0.3, (t) => (rnd() * 2 - 1) * 0.55 * Math.exp(-t / 0.05) + 0.3 * Math.exp(-t / 0.03) * Math.sin(TAU * 190 * t));
  return [out];
}

/** Hi-hat: short high-passed noise ticks on eighths, accents on the off-beats. */
export function hihat(sampleRate: number, seed = 3): Material {
  const [out] = channels(1, BAR, sampleRate);
  const rnd = prng(seed);
  let last = 0;
  const onsets = Array.from({ length: 8 }, (_, i) => i * 0.25);
  addHits(out, sampleRate, onsets, 0.08, (t) => {
    const x = rnd() * 2 - 1;
    const hp = x - last; // first difference: a crude high-pass
    last = x;
    return 0.22 * hp * Math.exp(-t / 0.018);
  });
  return [out];
}

/** Toms: a two-hit fill at the end of the bar. */
export function toms(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  addHits(out, sampleRate, [1.75], 0.35, (t) => 0.7 * Math.exp(-t / 0.1) * Math.sin(TAU * 130 * t));
  addHits(out, sampleRate, [1.875], 0.35, (t) => 0.7 * Math.exp(-t / 0.12) * Math.sin(TAU * 95 * t));
  return [out];
}

/** Bass: eighth notes of a low sine line with a soft envelope. */
export function bass(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  const notes = [55, 55, 65.41, 55, 73.42, 55, 82.41, 73.42];
  notes.forEach((f, k) => {
    addHits(out, sampleRate, [k * 0.25], 0.24, (t) => 0.5 * Math.min(1, t / 0.005) * Math.exp(-t / 0.3) * Math.sin(TAU * f * t));
  });
  return [out];
}

/** Logarithmic sine sweep 20 Hz → 20 kHz over `seconds`, at -6 dBFS, phase-continuous. */
export function sineSweep(sampleRate: number, seconds = 4): Material {
  const [out] = channels(1, seconds, sampleRate);
  const f0 = 20;
  const f1 = Math.min(20_000, sampleRate * 0.45);
  const k = Math.log(f1 / f0);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    // Phase of an exponential sweep: 2π f0 T/k (e^{kt/T} − 1).
    const phase = ((TAU * f0 * seconds) / k) * (Math.exp((k * t) / seconds) - 1);
    // 5 ms fades at the loop point avoid a click.
    const fade = Math.min(1, t / 0.005, (seconds - t) / 0.005);
    out[i] = 0.5 * fade * Math.sin(phase);
  }
  return [out];
}

/** Pink noise (Paul Kellet's filter), stereo uncorrelated, about -20 dBFS RMS. */
export function pinkNoise(sampleRate: number, seed = 5, seconds = 4): Material {
  const out = channels(2, seconds, sampleRate);
  out.forEach((data, c) => {
    const rnd = prng(seed + c * 101);
    let b0 = 0,
      b1 = 0,
      b2 = 0,
      b3 = 0,
      b4 = 0,
      b5 = 0,
      b6 = 0;
    for (let i = 0; i < data.length; i++) {
      const w = rnd() * 2 - 1;
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856;
      b4 = 0.55 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.016898;
      data[i] = (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362) * 0.035;
      b6 = w * 0.115926;
    }
  });
  return out;
}

/** White noise at `amplitude` peak, mono. */
export function whiteNoise(sampleRate: number, amplitude: number, seed = 6, seconds = 2): Material {
  const [out] = channels(1, seconds, sampleRate);
  const rnd = prng(seed);
  for (let i = 0; i < out.length; i++) out[i] = amplitude * (rnd() * 2 - 1);
  return [out];
}

/** Two-pole resonator (band-pass) coefficients. */
function resonator(f: number, bandwidth: number, sampleRate: number): [number, number, number] {
  const r = Math.exp((-Math.PI * bandwidth) / sampleRate);
  return [1 - r, 2 * r * Math.cos((TAU * f) / sampleRate), -r * r];
}

/**
 * Speech-like material: noise through two moving formant resonators, shaped into syllables
 * (80–250 ms, ~4 per second) grouped in phrases with pauses — the level pattern of speech.
 */
export function speech(sampleRate: number, seed = 7, seconds = 6): Material {
  const [out] = channels(1, seconds, sampleRate);
  const rnd = prng(seed);
  // Syllable envelope.
  const env = new Float32Array(out.length);
  let t = 0.1;
  while (t < seconds - 0.4) {
    const words = 3 + Math.floor(rnd() * 6);
    for (let w = 0; w < words && t < seconds - 0.3; w++) {
      const len = 0.08 + rnd() * 0.17;
      const amp = 0.4 + rnd() * 0.6;
      const a = Math.round(t * sampleRate);
      const b = Math.min(out.length, Math.round((t + len) * sampleRate));
      for (let i = a; i < b; i++) env[i] = Math.max(env[i], amp * Math.sin((Math.PI * (i - a)) / (b - a)));
      t += len + 0.03 + rnd() * 0.08;
    }
    t += 0.25 + rnd() * 0.45; // pause between phrases
  }
  let y1 = 0,
    y2 = 0,
    z1 = 0,
    z2 = 0;
  for (let i = 0; i < out.length; i++) {
    const s = i / sampleRate;
    const [g1, a1, b1] = resonator(500 + 250 * Math.sin(TAU * 3.1 * s), 120, sampleRate);
    const [g2, a2, b2] = resonator(1500 + 600 * Math.sin(TAU * 2.3 * s + 1), 200, sampleRate);
    const x = rnd() * 2 - 1;
    const y = g1 * x + a1 * y1 + b1 * y2;
    y2 = y1;
    y1 = y;
    const z = g2 * x + a2 * z1 + b2 * z2;
    z2 = z1;
    z1 = z;
    out[i] = env[i] * (y * 2.2 + z * 1.2);
  }
  // Normalize: speech peaks at -6 dBFS.
  let peak = 0;
  for (let i = 0; i < out.length; i++) peak = Math.max(peak, Math.abs(out[i]));
  if (peak > 0) for (let i = 0; i < out.length; i++) out[i] *= 0.5 / peak;
  return [out];
}

/** A sustained A-major chord with slow tremolo, slightly detuned between the channels. */
export function pad(sampleRate: number, seconds = 4): Material {
  const out = channels(2, seconds, sampleRate);
  const freqs = [220, 277.18, 329.63, 440];
  out.forEach((data, c) => {
    for (let i = 0; i < data.length; i++) {
      const t = i / sampleRate;
      let s = 0;
      // Whole numbers of cycles per loop keep the loop seamless.
      for (const f of freqs) s += Math.sin(((TAU * Math.round((f + (c ? 0.5 : -0.5)) * seconds)) / seconds) * t);
      data[i] = 0.09 * s * (0.75 + 0.25 * Math.sin((TAU * t) / seconds));
    }
  });
  return out;
}

/** A lead line: band-limited saw notes with vibrato, one per beat. */
export function lead(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  const notes = [440, 493.88, 554.37, 659.25];
  notes.forEach((f, k) => {
    let phase = 0;
    addHits(out, sampleRate, [k * 0.5], 0.45, (t, i) => {
      if (i === 0) phase = 0;
      phase += (TAU * f * (1 + 0.006 * Math.sin(TAU * 6 * t))) / sampleRate;
      let s = 0;
      for (let h = 1; h <= 8; h++) s += Math.sin(h * phase) / h;
      return 0.18 * Math.min(1, t / 0.01) * Math.min(1, (0.45 - t) / 0.05) * s;
    });
  });
  return [out];
}

/** Plucked strings (Karplus–Strong), a short arpeggio. */
export function pluck(sampleRate: number, seed = 9): Material {
  const [out] = channels(1, BAR, sampleRate);
  const rnd = prng(seed);
  const notes = [196, 246.94, 293.66, 392, 293.66, 246.94];
  notes.forEach((f, k) => {
    const period = Math.round(sampleRate / f);
    const line = Float32Array.from({ length: period }, () => rnd() * 2 - 1);
    let p = 0;
    addHits(out, sampleRate, [k / 3], 0.6, () => {
      const next = (p + 1) % period;
      const v = line[p];
      line[p] = 0.498 * (line[p] + line[next]);
      p = next;
      return 0.45 * v;
    });
  });
  return [out];
}

/** Keys: decaying two-partial notes, a chord per half bar. */
export function keys(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  for (const [onset, chord] of [
    [0, [261.63, 329.63, 392]],
    [1, [293.66, 349.23, 440]],
  ] as const) {
    for (const f of chord)
      addHits(out, sampleRate, [onset], 0.95, (t) => 0.14 * Math.exp(-t / 0.35) * (Math.sin(TAU * f * t) + 0.3 * Math.sin(TAU * 2 * f * t)));
  }
  return [out];
}

/**
 * A track that clips: a 440 Hz tone swelling from -12 dBFS to +3 dBFS peaks for 150 ms once
 * per bar, so the clip LEDs latch.
 */
export function clipper(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const swell = t > 1.2 && t < 1.35 ? 1.41 : 0.25;
    out[i] = swell * Math.sin(TAU * 440 * t);
  }
  return [out];
}

/** One-sample spikes at -6 dBFS every half second in silence: no spike is ever missed. */
export function clicks(sampleRate: number): Material {
  const [out] = channels(1, BAR, sampleRate);
  for (let k = 0; k < 4; k++) out[Math.round(k * 0.5 * sampleRate)] = 0.5;
  return [out];
}

/** A steady sine, mono. */
export function tone(sampleRate: number, frequency: number, amplitude: number, seconds = 1): Material {
  const [out] = channels(1, seconds, sampleRate);
  const f = Math.round(frequency * seconds) / seconds; // whole cycles per loop
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((TAU * f * i) / sampleRate);
  return [out];
}

/** `material` with a tremolo of `rateHz` (a whole number of cycles per loop keeps it seamless). */
export function tremolo(material: Material, sampleRate: number, rateHz: number): Material {
  return material.map((data) => {
    const cycles = Math.max(1, Math.round((rateHz * data.length) / sampleRate));
    return data.map((v, i) => v * (0.6 + 0.4 * Math.sin((TAU * cycles * i) / data.length)));
  });
}

/** Stereo with the right channel the inverted left (correlation -1). */
export function antiPhase(material: Material): Material {
  const left = material[0];
  return [left, left.map((v) => -v)];
}

/** Stereo from a mono material with the given channel silent ('left' keeps only the left). */
export function oneSided(material: Material, side: 'left' | 'right'): Material {
  const silent = new Float32Array(material[0].length);
  return side === 'left' ? [material[0], silent] : [silent, material[0]];
}

/** A reverb-like return: decaying noise tails after every beat. */
export function reverbTail(sampleRate: number, seed = 11): Material {
  const out = channels(2, BAR, sampleRate);
  out.forEach((data, c) => {
    const rnd = prng(seed + c);
    addHits(data, sampleRate, [0, 0.5, 1, 1.5], 0.5, (t) => (rnd() * 2 - 1) * 0.12 * Math.exp(-t / 0.18) * Math.min(1, t / 0.02));
  });
  return out;
}
