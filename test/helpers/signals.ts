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
