/**
 * The level meters of a whole bank measured by the WebAssembly SIMD kernel
 * (src/dsp/level-kernel-wasm.ts): once per block, every channel's samples are copied into the
 * kernel's memory (one native `set` per channel), one call scans them all, and each
 * `LevelMeter` commits its scan (`processScanned`). The meters' RMS rings share one slot-major
 * array. Readings are bit-identical to `LevelMeter.process` on the same samples.
 *
 * Thread: the writer's (audio) thread. Allocates in `create` only; `measure` allocates nothing
 * and never throws on sample values.
 */
import { LevelMeter } from '../../dsp/level-meter';
import { LevelScanner, levelKernelModule } from '../../dsp/level-kernel-wasm';

/** Largest block the kernel takes: one chunk of the JavaScript kernel (LevelMeter's CHUNK). */
const MAX_FRAMES = 256;

/** One bank track's channels and their meters (BankMetering's unit, as far as levels go). */
export interface LevelUnit {
  readonly chans: Float32Array[];
  readonly levels: LevelMeter[];
}

export class WasmLevels {
  private readonly meters: LevelMeter[];
  private scanner: LevelScanner;
  private readonly module: WebAssembly.Module;
  private readonly k: number;
  private readonly slotSamples: number;

  private constructor(module: WebAssembly.Module, meters: LevelMeter[], frames: number) {
    this.module = module;
    this.meters = meters;
    const c = meters[0].scanConstants;
    this.k = c.k;
    this.slotSamples = c.slotSamples;
    this.scanner = new LevelScanner(module, meters.length, frames, this.slotSamples);
    // The meters' RMS rings, slot-major in one array: meters advancing in lockstep write the
    // same few cache lines per block instead of one ring each (values unchanged).
    const slots = meters[0].rmsWindowSamples / this.slotSamples;
    const rings = new Float64Array(slots * meters.length);
    for (let i = 0; i < meters.length; i++) meters[i].moveRmsRing(rings, i, meters.length);
  }

  /**
   * A kernel for every meter of `units` with `frames`-sample blocks, or null where WebAssembly
   * SIMD is missing, there are no meters, or the meters' decay or RMS geometry differ (one
   * kernel call serves one geometry; the engine builds every meter from the same options).
   */
  static create(units: readonly LevelUnit[], frames: number): WasmLevels | null {
    const module = levelKernelModule();
    if (module === null || frames > MAX_FRAMES) return null;
    const meters: LevelMeter[] = [];
    for (const u of units) for (const m of u.levels) meters.push(m);
    if (meters.length === 0) return null;
    const c0 = meters[0].scanConstants;
    for (const m of meters) {
      const c = m.scanConstants;
      if (c.k !== c0.k || c.slotSamples !== c0.slotSamples || m.rmsWindowSamples !== meters[0].rmsWindowSamples) return null;
    }
    try {
      return new WasmLevels(module, meters, frames);
    } catch {
      return null; // e.g. memory could not grow: the JavaScript kernel measures instead
    }
  }

  /**
   * Measures every unit's current block (`units` in the order given to `create`, each channel
   * `frames` samples long). Returns false, having measured nothing, when it cannot (a block
   * longer than 256 samples, a channel of another length, meters out of step after a reset):
   * the caller then runs `LevelMeter.process`.
   */
  measure(units: readonly LevelUnit[], frames: number): boolean {
    if (frames === 0) return true; // no samples: nothing to measure (LevelMeter.process of 0 samples is a no-op too)
    if (frames !== this.scanner.frames && !this.resize(frames)) return false;
    const s = this.scanner;
    const input = s.input;
    const f64 = s.f64;
    const meters = this.meters;
    const fill = meters[0].scanState(f64, s.decIndex, s.accIndex);
    let c = 0;
    for (let t = 0; t < units.length; t++) {
      const chans = units[t].chans;
      for (let i = 0; i < chans.length; i++, c++) {
        const samples = chans[i];
        if (samples.length !== frames || meters[c].scanState(f64, s.decIndex + c, s.accIndex + c) !== fill) return false;
        input.set(samples, s.inputOffset(c));
      }
    }
    const done = s.scan(this.k, fill);
    const after = fill + frames - done * this.slotSamples;
    c = 0;
    for (let t = 0; t < units.length; t++) {
      const chans = units[t].chans;
      for (let i = 0; i < chans.length; i++, c++) {
        meters[c].processScanned(chans[i], frames, after, done, f64, s.segIndex + c, s.decIndex + c, s.accIndex + c, f64, s.sumIndex + c, s.lanes);
      }
    }
    return true;
  }

  /** The block size changed (off the usual path): a new instance for the new size. */
  private resize(frames: number): boolean {
    if (frames > MAX_FRAMES) return false;
    try {
      this.scanner = new LevelScanner(this.module, this.meters.length, frames, this.slotSamples);
      return true;
    } catch {
      return false;
    }
  }
}
