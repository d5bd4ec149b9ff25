/** Synthesized test signals (no audio files). */

/** A sine of `amplitude` at `frequency` Hz, `seconds` long, at `sampleRate`, starting at `phase` rad. */
export function sine(amplitude: number, frequency: number, seconds: number, sampleRate: number, phase = 0): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  const w = (2 * Math.PI * frequency) / sampleRate;
  for (let i = 0; i < n; i++) out[i] = amplitude * Math.sin(w * i + phase);
  return out;
}

/** Feeds `signal` to `process` in blocks of `blockSize` samples. */
export function inBlocks(signal: Float32Array, blockSize: number, process: (block: Float32Array, start: number, end: number) => void): void {
  for (let start = 0; start < signal.length; start += blockSize) {
    process(signal, start, Math.min(signal.length, start + blockSize));
  }
}

/** Deterministic PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** In-place radix-2 complex FFT (`re`, `im` of a power-of-two length); `inverse` without the 1/N. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/**
 * Periodic random-phase noise of 2^k samples (the power of two at or above `seconds` of audio):
 * every FFT bin from `lowHz` to the Nyquist frequency has the magnitude of the wanted spectrum —
 * white (flat power density) or pink (power density ∝ 1/f, −3 dB per octave) — and a random
 * phase (seeded), so the power in any band is exact rather than a random draw. Scaled to
 * `rms`. Played in a loop, it is stationary noise with exactly that spectrum.
 */
export function periodicNoise(
  kind: 'white' | 'pink',
  sampleRate: number,
  seconds: number,
  options: { seed?: number; rms?: number; lowHz?: number } = {},
): Float32Array {
  const n = 2 ** Math.ceil(Math.log2(seconds * sampleRate));
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const random = mulberry32(options.seed ?? 1);
  const lowBin = Math.max(1, Math.ceil(((options.lowHz ?? 10) * n) / sampleRate));
  for (let k = lowBin; k < n / 2; k++) {
    const f = (k * sampleRate) / n;
    const magnitude = kind === 'pink' ? 1 / Math.sqrt(f) : 1;
    const phase = 2 * Math.PI * random();
    re[k] = magnitude * Math.cos(phase);
    im[k] = magnitude * Math.sin(phase);
    re[n - k] = re[k];
    im[n - k] = -im[k];
  }
  fft(re, im, true);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += re[i] * re[i];
  const scale = (options.rms ?? 0.1) / Math.sqrt(sum / n);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = re[i] * scale;
  return out;
}
