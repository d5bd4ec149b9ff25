/**
 * The core knows nothing about React: with `react` replaced by an empty module, meterkit/core
 * and meterkit/dsp still load and work.
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

describe('layering', () => {
  it('no module under src/core, src/dsp or src/worklet imports React or the React layer', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name)) {
          const text = readFileSync(file, 'utf8');
          if (/from\s+['"](react|react-dom)(\/[^'"]*)?['"]|from\s+['"][./]*react\//.test(text)) offenders.push(file);
        }
      }
    };
    for (const layer of ['src/core', 'src/dsp', 'src/worklet']) walk(layer);
    expect(offenders).toEqual([]);
  });

  it('dsp imports nothing outside dsp', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const bad = readdirSync('src/dsp')
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from\s+['"]\.\.\//.test(readFileSync(`src/dsp/${f}`, 'utf8')));
    expect(bad).toEqual([]);
  });
});
