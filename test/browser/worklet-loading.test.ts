/**
 * How the engine finds its worklet without any configuration.
 */
import { describe, it, expect } from 'vitest';
import { createMeterEngine as createFromSource } from '../../src/core/engine';
import { loadMeterWorklet } from '../../src/core/worklet-loader';
import { workletUrl } from './worklet-url';

/** Records every addModule call on `ctx` and whether it succeeded. */
function spyAddModule(ctx: BaseAudioContext): string[] {
  const log: string[] = [];
  const original = ctx.audioWorklet.addModule.bind(ctx.audioWorklet);
  ctx.audioWorklet.addModule = async (url: string | URL, options?: WorkletOptions) => {
    try {
      await original(url, options);
      log.push(`ok ${String(url)}`);
    } catch (error) {
      log.push(`failed ${String(url)}`);
      throw error;
    }
  };
  return log;
}

async function readsSine(create: typeof createFromSource, log: string[] = []): Promise<number> {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 48000, sampleRate: 48000 });
  const calls = spyAddModule(ctx);
  const engine = await create(ctx, { tracks: 1, channels: 1 });
  const osc = new OscillatorNode(ctx, { frequency: 750 });
  osc.connect(new GainNode(ctx, { gain: 0.5 })).connect(engine.input(0));
  osc.start();
  await ctx.startRendering();
  const levels = (await import('../../src/core/bank/reader')).createTrackLevels(1);
  engine.bank.readInto(0, levels);
  engine.dispose();
  log.push(...calls);
  return levels.rms[0];
}

describe('worklet loading', () => {
  it('the built package loads dist/worklet/processor.js from next to its own code', async () => {
    // dist/ is what npm publishes; `npm test` builds it first.
    const dist = (await import(/* @vite-ignore */ new URL('../../dist/core.js', import.meta.url).href)) as typeof import('../../src/core/index');
    const log: string[] = [];
    const rms = await readsSine(dist.createMeterEngine, log);
    expect(Math.abs(rms - 0.35355)).toBeLessThan(1e-3);
    expect(log).toEqual([`ok ${new URL('../../dist/worklet/processor.js?no-inline', import.meta.url).href}`]);
  });

  it('falls back to the embedded copy through a blob: URL when the file is not there', async () => {
    // From source, './worklet/processor.js' next to src/core does not exist: the fallback must work.
    const log: string[] = [];
    const rms = await readsSine(createFromSource, log);
    expect(Math.abs(rms - 0.35355)).toBeLessThan(1e-3);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^failed .*\/src\/core\/worklet\/processor\.js\?no-inline$/);
    expect(log[1]).toMatch(/^ok blob:/);
  });

  it('adds the module once per context however many engines are created', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: 48000 });
    const calls = spyAddModule(ctx);
    const engines = await Promise.all(Array.from({ length: 5 }, () => createFromSource(ctx, { tracks: 1, workletUrl })));
    await loadMeterWorklet(ctx, workletUrl);
    expect(calls).toEqual([`ok ${workletUrl}`]);
    for (const e of engines) e.dispose();
  });

  it('a context without audioWorklet gets an Error that explains the secure-context rule', async () => {
    const fake = { state: 'running', sampleRate: 48000, createGain() {} } as unknown as BaseAudioContext;
    await expect(loadMeterWorklet(fake)).rejects.toThrow(/secure context/);
  });
});
