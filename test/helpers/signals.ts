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
