/**
 * Engine options are validated once, where they enter (resolveEngineOptions), and flow inward
 * resolved: level options by the names of LEVEL_DEFAULTS, the master bus as its own flag (not
 * folded into the groups), meters built from resolved options without validating again.
 */
import { describe, it, expect } from 'vitest';
import { resolveEngineOptions, LEVEL_OPTION_NAMES } from '../../src/core/engine-options';
import { LEVEL_DEFAULTS, LevelMeter, resolveLevelOptions } from '../../src/dsp/level-meter';

/** Just enough of a BaseAudioContext for option resolution (no audio runs). */
const context = { createGain: () => ({}), state: 'running', sampleRate: 44100 } as unknown as BaseAudioContext;

describe('resolveEngineOptions', () => {
  it('fills every default once; the master bus is a flag, not a group', () => {
    const o = resolveEngineOptions(context, { tracks: 3, groups: [[0, 1]], master: true, loudness: [4], holdMs: 900 });
    expect(o.groups).toEqual([[0, 1]]);
    expect(o.master).toBe(true);
    expect(o.bankTracks).toBe(5);
    expect(o.loudness).toEqual([4]);
    expect(o.level).toEqual({ ...LEVEL_DEFAULTS, holdMs: 900 });
    expect(o.transport).toBe('message'); // Node is not cross-origin isolated
    expect(resolveEngineOptions(context, { tracks: 2 }).bankTracks).toBe(2);
  });

  it('passes exactly the level options, named by LEVEL_DEFAULTS', () => {
    expect([...LEVEL_OPTION_NAMES].sort()).toEqual(Object.keys(LEVEL_DEFAULTS).sort());
    const given = { fallDbPerSecond: 20, holdMs: 10, rmsWindowMs: 50, rmsSineAligned: true, overThresholdDb: -1, overConsecutive: 3 };
    expect(resolveEngineOptions(context, { tracks: 1, ...given }).level).toEqual(given);
  });

  it('names the option, the value and the range; the master counts toward the 1024 bank tracks', () => {
    expect(() => resolveEngineOptions(context, { tracks: 1, holdMs: -1 })).toThrow(/holdMs.*-1/);
    expect(() => resolveEngineOptions(context, { tracks: 1024, master: true })).toThrow(/bank tracks.*1025/);
    expect(() => resolveEngineOptions(context, { tracks: 2, loudness: [3] })).toThrow(/loudness\[0\].*3/);
    expect(resolveEngineOptions(context, { tracks: 2, master: true, loudness: [2] }).loudness).toEqual([2]);
  });
});

describe('the default scope ring size', () => {
  const at = (sampleRate: number, latency = true) =>
    ({ createGain: () => ({}), state: 'running', sampleRate, ...(latency ? { baseLatency: 0.01, outputLatency: 0.02 } : {}) }) as unknown as BaseAudioContext;
  const capacity = (ctx: BaseAudioContext, o: object = {}) => resolveEngineOptions(ctx, { tracks: 2, scope: [0], ...o }).scopeCapacity;
  /** The goniometer's longest delay with that ring, ms (SampleRingReader.maxLagFrames). */
  const lagMs = (cap: number, sampleRate: number) => ((cap - 128 - cap / 4) / sampleRate) * 1000;

  it('holds 500 ms of delay where the context reports its latency; 16384 where nothing is delayed; a given size as given', () => {
    expect([44100, 48000, 88200, 96000, 192000].map((sr) => capacity(at(sr)))).toEqual([32768, 32768, 65536, 65536, 131072]);
    for (const sr of [8000, 22050, 44100, 48000, 96000, 192000]) expect(lagMs(capacity(at(sr)), sr)).toBeGreaterThanOrEqual(500);
    expect(capacity(at(48000), { alignToOutput: false })).toBe(16384);
    expect(capacity(at(48000, false))).toBe(16384); // no latency reported (an offline context)
    expect(capacity(at(48000), { alignToOutput: { latencyMs: 2000 } })).toBe(131072);
    expect(lagMs(131072, 48000)).toBeGreaterThanOrEqual(2000);
    expect(capacity(at(192000), { alignToOutput: { latencyMs: 2000 } })).toBe(1 << 19);
    expect(capacity(at(48000), { scopeCapacity: 4096 })).toBe(4096);
    expect(() => capacity(at(48000), { scopeCapacity: 5000 })).toThrow(/scopeCapacity must be a power of two from 1024 to 1048576, got 5000/);
  });
});

describe('LevelMeter.fromResolved', () => {
  it('uses the resolved options as given (no second validation) and measures like the constructor', () => {
    const resolved = resolveLevelOptions({ sampleRate: 48000, holdMs: 20 });
    const trusted = LevelMeter.fromResolved(resolved);
    expect(trusted.options).toBe(resolved);
    const checked = new LevelMeter({ sampleRate: 48000, holdMs: 20 });
    expect(checked.options).not.toBe(resolved);
    const block = Float32Array.from({ length: 4800 }, (_, i) => Math.sin(i / 7) * (i < 2400 ? 0.8 : 0.1));
    trusted.process(block);
    checked.process(block);
    expect([trusted.decayingPeak, trusted.hold, trusted.rms]).toEqual([checked.decayingPeak, checked.hold, checked.rms]);
    // The constructor still validates everything else.
    expect(() => new LevelMeter({ ...resolved, holdMs: -5 })).toThrow(/holdMs/);
  });
});
