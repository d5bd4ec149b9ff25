/**
 * The WebAssembly SIMD level kernel: the per-sample scan of {@link LevelMeter}'s fast pass
 * (sample peak, decaying peak, RMS sub-block sums) for many channels at once, eight lanes
 * (channels) per step. Source: src/dsp/level-kernel.wat, assembled at build time with wabt
 * (scripts/build-level-wasm.mjs) and embedded here as bytes: no fetch, compiled synchronously
 * with `new WebAssembly.Module` (allowed in an AudioWorkletGlobalScope).
 *
 * Readings are bit-identical to the JavaScript kernel's: each lane does the scalar fast pass's
 * arithmetic in its order (see the .wat); the rest (hold, overs, non-finite counts, the ring)
 * is the meter's own per-block commit, and a block it cannot commit in O(1) (a NaN, an over, a
 * new hold maximum …) is measured again sample by sample by the JavaScript exact path, exactly
 * as in the JavaScript kernel.
 *
 * Where WebAssembly or its SIMD proposal is missing (the module does not validate),
 * {@link levelKernelModule} returns null and callers use the JavaScript kernel.
 *
 * Thread: any. Nothing runs at import. {@link LevelScanner.scan} allocates nothing.
 */
import { LEVEL_KERNEL_WASM_BASE64 } from './generated/level-kernel-bytes';

/** Which level kernel measures: WebAssembly SIMD or the JavaScript fallback. */
export type LevelKernelKind = 'wasm-simd' | 'js';

/** Channels per SIMD step of the kernel: channel counts are padded to a multiple of this. */
export const SCAN_LANES = 8;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/** Decodes base64 without `atob` (absent from some worklet scopes). */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | alphabet.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** The kernel's bytes (a fresh copy). */
export function levelKernelBytes(): Uint8Array<ArrayBuffer> {
  return decodeBase64(LEVEL_KERNEL_WASM_BASE64);
}

/**
 * The compiled kernel, or null where WebAssembly SIMD is unavailable. Feature detection is
 * `WebAssembly.validate` of the kernel itself (about 1 KB, and it is the code that would run);
 * compiled synchronously once per scope and cached. Never throws.
 */
export function levelKernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function') {
      const bytes = levelKernelBytes();
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  } catch {
    compiled = null;
  }
  return compiled;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  scan(inPtr: number, dec: number, acc: number, seg: number, sums: number, lanes: number, frames: number, k: number, slot: number, fill: number): number;
}

/**
 * One instance of the kernel sized for `channels` channels of `frames`-sample blocks with
 * `slotSamples`-sample RMS sub-blocks. The caller copies each channel's block into
 * `input.subarray(c * frames, …)` (see {@link inputOffset}), writes each channel's state with
 * {@link setState}, calls {@link scan} and reads the results from `f64` at the indices below.
 * Allocates only in the constructor.
 */
export class LevelScanner {
  readonly channels: number;
  readonly frames: number;
  /** Channels padded to a multiple of {@link SCAN_LANES}. */
  readonly lanes: number;
  readonly slotSamples: number;
  /** The samples, channel-major: channel c's block starts at `c * frames`. */
  readonly input: Float32Array;
  /** The state and the results (see the index fields). */
  readonly f64: Float64Array;
  /** `f64[decIndex + c]`: channel c's decaying peak (in, then out). */
  readonly decIndex: number;
  /** `f64[accIndex + c]`: channel c's running sub-block sum (in, then out). */
  readonly accIndex: number;
  /** `f64[segIndex + c]`: channel c's max |x| over the block (out). */
  readonly segIndex: number;
  /** `f64[sumIndex + d * lanes + c]`: channel c's d-th completed sub-block sum (out). */
  readonly sumIndex: number;
  private readonly exports: KernelExports;
  private readonly bytes: { input: number; dec: number; acc: number; seg: number; sums: number };

  constructor(module: WebAssembly.Module, channels: number, frames: number, slotSamples: number) {
    this.channels = channels;
    this.frames = frames;
    this.slotSamples = slotSamples;
    const lanes = Math.ceil(channels / SCAN_LANES) * SCAN_LANES;
    this.lanes = lanes;
    const maxDone = Math.floor((frames + slotSamples - 1) / slotSamples);
    // Byte layout: input (f32, padded to 16 bytes), then dec, acc, seg, sums (f64).
    const inputBytes = Math.ceil((lanes * frames * 4) / 16) * 16;
    const dec = inputBytes;
    const acc = dec + lanes * 8;
    const seg = acc + lanes * 8;
    const sums = seg + lanes * 8;
    const total = sums + Math.max(1, maxDone) * lanes * 8;
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    const memory = this.exports.memory;
    const have = memory.buffer.byteLength;
    if (total > have) memory.grow(Math.ceil((total - have) / PAGE));
    this.bytes = { input: 0, dec, acc, seg, sums };
    this.input = new Float32Array(memory.buffer, 0, lanes * frames);
    this.f64 = new Float64Array(memory.buffer, dec, (total - dec) / 8);
    this.decIndex = 0;
    this.accIndex = lanes;
    this.segIndex = 2 * lanes;
    this.sumIndex = 3 * lanes;
  }

  /** Index into {@link input} of channel c's first sample. */
  inputOffset(c: number): number {
    return c * this.frames;
  }

  /**
   * Scans every lane's block: decay factor `k` per sample, `fill` samples already in the running
   * sub-block (the same for every channel). Returns the completed sub-blocks `done`.
   */
  scan(k: number, fill: number): number {
    const b = this.bytes;
    return this.exports.scan(b.input, b.dec, b.acc, b.seg, b.sums, this.lanes, this.frames, k, this.slotSamples, fill);
  }
}
