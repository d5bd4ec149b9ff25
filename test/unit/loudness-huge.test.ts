/**
 * Issue #12, bug 1: one 400 ms block above +30 LUFS (int16-scale samples fed by mistake, or a
 * single sample of 1e8) used to drive the BS.1770 relative gate above the histogram's top bin,
 * so the integrated loudness read −Infinity until reset. The loud block must be measured like
 * any other and the rest of the programme must still count; the expected values are computed
 * here from first principles (BS.1770 eq. (5)–(7)) over the gating blocks the meter reports.
 */
import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../src/dsp/loudness';

const FS = 48000;
const HOP = FS / 10;

function toneBlock(samples: number, amplitude: number, offset: number): Float32Array {
  const x = new Float32Array(samples);
  for (let i = 0; i < samples; i++) x[i] = amplitude * Math.sin((2 * Math.PI * 1000 * (offset + i)) / FS);
  return x;
}

/**
 * Feeds hop after hop of a stereo signal; returns the momentary loudness at every hop boundary
 * from 400 ms on (exactly BS.1770's gating blocks) and the meter.
 */
function run(hops: number, hop: (index: number) => Float32Array): { meter: LoudnessMeter; blocks: number[] } {
  const meter = new LoudnessMeter({ sampleRate: FS, channels: 2 });
  const blocks: number[] = [];
  for (let h = 0; h < hops; h++) {
    const x = hop(h);
    meter.process([x, x]);
    if (h >= 3) blocks.push(meter.momentary);
  }
  return { meter, blocks };
}

/** BS.1770-4 eq. (5)–(7): absolute gate −70 LUFS, relative gate −10 LU, from block loudness values. */
function gatedLoudness(blocks: number[]): number {
  const energy = (l: number) => Math.pow(10, (l + 0.691) / 10);
  const absolute = blocks.filter((l) => l > -70);
  const mean = absolute.reduce((s, l) => s + energy(l), 0) / absolute.length;
  const gate = -0.691 + 10 * Math.log10(mean) - 10;
  const kept = absolute.filter((l) => l > gate);
  return -0.691 + 10 * Math.log10(kept.reduce((s, l) => s + energy(l), 0) / kept.length);
}

describe('integrated loudness after blocks above +30 LUFS (issue #12, bug 1)', () => {
  it('a single sample of 1e8 in a −23 LUFS programme: finite, the BS.1770 gated value', () => {
    const quiet = Math.pow(10, -23 / 20);
    const { meter, blocks } = run(200, (h) => {
      const x = toneBlock(HOP, quiet, h * HOP);
      if (h === 50) x[1234] = 1e8;
      return x;
    });
    expect(Math.max(...blocks)).toBeGreaterThan(100); // the spike's blocks read ≈ +110 LUFS
    const expected = gatedLoudness(blocks);
    expect(Number.isFinite(meter.integrated)).toBe(true);
    expect(meter.integrated).toBeCloseTo(expected, 1);
    expect(meter.loudnessRange).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(meter.loudnessRange)).toBe(true);
  });

  it('a whole programme at int16 scale reads its level + 90.31 dB (20·log10 32767)', () => {
    const reference = run(100, (h) => toneBlock(HOP, 0.25, h * HOP)).meter.integrated;
    const { meter } = run(100, (h) => toneBlock(HOP, 0.25 * 32767, h * HOP));
    expect(meter.integrated).toBeGreaterThan(75);
    expect(meter.integrated - reference).toBeCloseTo(20 * Math.log10(32767), 2);
  });

  it('one int16-scale block among quiet ones: finite, block-by-block BS.1770 gating, before and after more programme', () => {
    const quiet = Math.pow(10, -20 / 20);
    const loudHop = 30;
    const feed = (h: number) => toneBlock(HOP, h >= loudHop && h < loudHop + 4 ? 32767 * 0.5 : quiet, h * HOP);
    const first = run(60, feed);
    expect(first.meter.integrated).toBeCloseTo(gatedLoudness(first.blocks), 1);
    // The quiet programme after the loud block keeps entering the measurement: the gate follows it.
    const long = run(1200, feed);
    expect(long.meter.integrated).toBeCloseTo(gatedLoudness(long.blocks), 1);
    expect(Number.isFinite(long.meter.integrated)).toBe(true);
  });
});

describe('integrated loudness: a gate above +30 LUFS is still applied block by block', () => {
  it('partially covered loud blocks below the gate are dropped, as BS.1770 says', () => {
    // Blocks overlapping the loud hop by 1/4 read ≈ 6 dB below the fully covered ones.
    const feed = (h: number) => toneBlock(HOP, h >= 10 && h < 14 ? 20000 : 0.1, h * HOP);
    const { meter, blocks } = run(40, feed);
    expect(meter.integrated).toBeCloseTo(gatedLoudness(blocks), 1);
  });
});
