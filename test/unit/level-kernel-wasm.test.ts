/**
 * The WebAssembly SIMD level kernel against the JavaScript kernel: the same random signals
 * (NaN, ±Infinity, huge 1e38 and 3.4e38, denormals, silence, overs), blocks of every length
 * (0, 1, odd, 128, 256), channel counts that do and do not fill the 8 SIMD lanes, and option
 * sets that exercise every path (1-sample RMS sub-blocks, no hold, infinite hold, no fall,
 * consecutive overs). Every reading must be identical to the bit (Object.is) after every block.
 */
import { describe, it, expect } from 'vitest';
import { LevelMeter, type LevelMeterOptions } from '../../src/dsp/level-meter';
import { levelKernelModule, levelKernelBytes, LevelScanner } from '../../src/dsp/level-kernel-wasm';
import { WasmLevels } from '../../src/core/metering/wasm-levels';
import { BankMetering } from '../../src/core/metering/bank-metering';
import { createBankWords } from '../../src/core/bank/layout';
import { resolveLevelOptions } from '../../src/dsp/level-meter';
import { mulberry32 } from '../helpers/signals';

const SR = 48000;

/** A block of program-like noise with rare special values, a different character per channel. */
function block(rand: () => number, n: number, character: number): Float32Array {
  const out = new Float32Array(n);
  const special = [NaN, Infinity, -Infinity, 1e38, -3.4e38, 1e-40, -1e-45, 0, -0, 1, -1, 1.5];
  const level = [0.5, 0.05, 1e-30, 0, 0.99, 2][character % 6];
  for (let i = 0; i < n; i++) {
    const r = rand();
    out[i] = r < 0.004 ? special[Math.floor(rand() * special.length)] : (rand() * 2 - 1) * level * (1 + Math.sin(i / 40));
  }
  return out;
}

function readings(m: LevelMeter): number[] {
  return [m.peak, m.decayingPeak, m.hold, m.rms, m.overs, m.nonFinite];
}

const OPTION_SETS: Omit<LevelMeterOptions, 'sampleRate'>[] = [
  {},
  { rmsWindowMs: 1, holdMs: 0 }, // 48-sample window → 1-sample sub-blocks; hold released at once
  { holdMs: Infinity, fallDbPerSecond: 0, rmsSineAligned: true },
  { holdMs: 3, overThresholdDb: -6, overConsecutive: 2, rmsWindowMs: 7, fallDbPerSecond: 300 },
];

describe('WebAssembly SIMD level kernel', () => {
  it('compiles in Node 20 (WebAssembly SIMD available), from bytes that validate', () => {
    expect(WebAssembly.validate(levelKernelBytes())).toBe(true);
    expect(levelKernelModule()).toBeInstanceOf(WebAssembly.Module);
  });

  it('scans the padded lanes the way the .wat states: max |x|, decay, sub-block sums', () => {
    const s = new LevelScanner(levelKernelModule()!, 3, 4, 3);
    expect(s.lanes).toBe(8);
    s.input.set([1, -2, 0.5, 0.25, 0, 0, 0, 0, -4, 0, 0, 0]);
    s.f64.fill(0);
    const done = s.scan(0.5, 1); // one sample already in the running sub-block
    expect(done).toBe(1); // samples 0, 1 complete it (fill 1 → 3); samples 2, 3 start the next
    expect(s.f64[s.segIndex]).toBe(2);
    expect(s.f64[s.segIndex + 2]).toBe(4);
    expect(s.f64[s.decIndex]).toBe(0.5); // 1, max(0.5, 2) = 2, max(1, 0.5) = 1, max(0.5, 0.25) = 0.5
    expect(s.f64[s.sumIndex]).toBe(1 + 4); // channel 0's first sub-block: 1² + 2²
    expect(s.f64[s.accIndex]).toBe(0.25 + 0.0625);
    expect(s.f64[s.sumIndex + 2]).toBe(16);
  });

  for (const [i, options] of OPTION_SETS.entries()) {
    for (const channels of [1, 3, 8, 9, 17]) {
      it(`gives the JavaScript kernel's readings to the bit (options ${i}, ${channels} channels)`, () => {
        const rand = mulberry32(1000 * i + channels);
        const resolved = resolveLevelOptions({ ...options, sampleRate: SR });
        const js = Array.from({ length: channels }, () => LevelMeter.fromResolved(resolved));
        const wasm = Array.from({ length: channels }, () => LevelMeter.fromResolved(resolved));
        // Two units (bank tracks) sharing the meters, as BankMetering lays them out.
        const split = Math.ceil(channels / 2);
        const units = [
          { chans: new Array<Float32Array>(split), levels: wasm.slice(0, split) },
          { chans: new Array<Float32Array>(channels - split), levels: wasm.slice(split) },
        ];
        const kernel = WasmLevels.create(units, 128);
        expect(kernel).not.toBeNull();
        const lengths = [128, 128, 1, 7, 127, 255, 256, 0, 128, 3, 128, 64, 128, 200, 128];
        let blocks = 0;
        for (let round = 0; round < 12; round++) {
          for (const n of lengths) {
            const samples = Array.from({ length: channels }, (_, c) => block(rand, n, c + round));
            for (let c = 0; c < channels; c++) {
              const u = c < split ? units[0] : units[1];
              u.chans[c < split ? c : c - split] = samples[c];
              js[c].process(samples[c]);
            }
            expect(kernel!.measure(units, n)).toBe(true);
            blocks++;
            for (let c = 0; c < channels; c++) {
              const a = readings(js[c]);
              const b = readings(wasm[c]);
              for (let r = 0; r < a.length; r++)
                if (!Object.is(a[r], b[r]))
                  expect({ block: blocks, channel: c, reading: r, wasm: b[r] }).toEqual({ block: blocks, channel: c, reading: r, wasm: a[r] });
            }
            if (round % 5 === 4 && n === 7) {
              js[0].clearHold();
              wasm[0].clearHold();
              js[0].takePeak();
              wasm[0].takePeak();
              js[0].clearOvers();
              wasm[0].clearOvers();
            }
          }
        }
        // The signals really hit the special paths.
        expect(js.some((m) => m.nonFinite > 0) || js.some((m) => m.overs > 0)).toBe(true);
      });
    }
  }

  it('declines (measuring nothing) when the meters are out of step, so the caller measures in JavaScript', () => {
    const resolved = resolveLevelOptions({ sampleRate: SR });
    const a = LevelMeter.fromResolved(resolved);
    const b = LevelMeter.fromResolved(resolved);
    b.process(new Float32Array(5).fill(0.5)); // b's sub-block fill is now 5, a's 0
    const units = [{ chans: [new Float32Array(128).fill(0.25), new Float32Array(128).fill(0.25)], levels: [a, b] }];
    const kernel = WasmLevels.create(units, 128)!;
    expect(kernel.measure(units, 128)).toBe(false);
    expect(a.peak).toBe(0);
    expect(b.peak).toBe(0.5);
  });

  it("BankMetering: 'auto' measures with WebAssembly SIMD, 'js' with JavaScript, and the banks are word for word equal", () => {
    const init = (kernel: 'auto' | 'js') => ({
      tracks: 5,
      channels: 2,
      groups: [[0, 1]],
      master: true,
      ballistics: new Array(7).fill(null),
      loudness: [],
      correlation: [],
      correlationWindowMs: 300,
      level: (({ sampleRate: _s, ...rest }) => rest)(resolveLevelOptions({ sampleRate: SR })),
      kernel,
    });
    const wordsW = createBankWords({ tracks: 7, channels: 2, sampleRate: SR, shared: false });
    const wordsJ = createBankWords({ tracks: 7, channels: 2, sampleRate: SR, shared: false });
    const w = new BankMetering(init('auto'), wordsW, SR);
    const j = new BankMetering(init('js'), wordsJ, SR);
    expect(w.kernel).toBe('wasm-simd');
    expect(j.kernel).toBe('js');
    const rand = mulberry32(7);
    for (let q = 0; q < 400; q++) {
      const inputs = Array.from({ length: 5 }, (_, t) =>
        t === 3 ? [] : t === 4 ? [block(rand, 128, q)] : [block(rand, 128, t + q), block(rand, 128, t + q + 1)],
      );
      w.process(inputs, 128, (q + 1) * 128);
      j.process(inputs, 128, (q + 1) * 128);
      expect(Array.from(wordsW)).toEqual(Array.from(wordsJ));
    }
  });
});

describe("engine option 'kernel'", () => {
  const context = { createGain: () => ({}), state: 'running', sampleRate: 48000 } as unknown as BaseAudioContext;
  it("defaults to 'auto', accepts 'js', and rejects anything else naming the option, the value and the choices", async () => {
    const { resolveEngineOptions } = await import('../../src/core/engine-options');
    expect(resolveEngineOptions(context, { tracks: 1 }).kernel).toBe('auto');
    expect(resolveEngineOptions(context, { tracks: 1, kernel: 'js' }).kernel).toBe('js');
    expect(() => resolveEngineOptions(context, { tracks: 1, kernel: 'wasm-simd' as never })).toThrow(RangeError);
    expect(() => resolveEngineOptions(context, { tracks: 1, kernel: 'wasm-simd' as never })).toThrow('kernel must be one of "auto", "js", got "wasm-simd"');
    expect(() => resolveEngineOptions(context, { tracks: 1, kernel: 1 as never })).toThrow(/kernel must be one of .* got 1/);
  });
});

describe('RmsRing storage', () => {
  it('moves its slots into shared strided storage without changing a value, and refuses storage that is too small', async () => {
    const { RmsRing } = await import('../../src/dsp/rms-ring');
    const own = new RmsRing(5);
    const moved = new RmsRing(5);
    const sums = Float64Array.from([1, 2, 3, 4e30, 5, 6, 7, 8, 9, 10, 11, 12]);
    own.push(3, sums, 0, 1);
    moved.push(3, sums, 0, 1);
    const storage = new Float64Array(5 * 3).fill(NaN);
    moved.moveTo(storage, 1, 3);
    expect(Array.from(storage.filter((_, i) => i % 3 === 1))).toEqual([1, 2, 3, 0, 0]);
    own.push(9, sums, 3, 1); // a 1e30-scale sum enters and leaves: the exact re-sum runs
    moved.push(9, sums, 3, 1);
    expect(moved.sum).toBe(own.sum);
    expect(moved.sum).toBe(8 + 9 + 10 + 11 + 12);
    expect(() => moved.moveTo(new Float64Array(12), 1, 3)).toThrow(RangeError);
    expect(() => moved.moveTo(new Float64Array(12), 1, 3)).toThrow('RmsRing.moveTo: 5 slots at 1 + i·3 do not fit in 12 elements');
  });
});
