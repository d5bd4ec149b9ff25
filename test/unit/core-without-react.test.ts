/**
 * The core knows nothing about React: with `react` replaced by an empty module, meterkit/core
 * and meterkit/dsp still load and work. (The import rules between layers: layering.test.ts.)
 */
import { describe, it, expect, vi } from 'vitest';

vi.mock('react', () => ({}));
vi.mock('react-dom', () => ({}));

describe('meterkit/core without React', () => {
  it('loads and runs a bank, a frame loop and a meter view model', async () => {
    const core = await import('../../src/core/index');
    const dsp = await import('../../src/dsp/index');
    const bank = core.createManualBank({ tracks: 2, channels: 2 });
    bank.set(1, { levelDb: -6, overs: 1 });
    const loop = core.createFrameLoop({ mode: 'demand', document: null });
    const hub = core.getMeterHub(bank.source, loop);
    const seen: number[] = [];
    hub.subscribe(1, (levels) => seen.push(Math.round(dsp.dbFromLinear(levels.decayingPeak[0])), levels.overs[1]));
    loop.advance();
    expect(seen).toEqual([-6, 1]);
  });
});
