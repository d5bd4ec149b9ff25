/**
 * An app bundles the views its components use, no others: the packed package installed into a
 * fresh app, bundled by esbuild (what Vite builds with, and what size-limit measures) for one
 * import at a time. Each component's main-thread host builds only its own view types (its
 * `*_VIEWS` factory); the render worker, a file of its own, builds every type.
 *
 * The library entries ship unminified, so the view classes keep their names in the bundle
 * (`var MeterView = class …`).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { freshAppWithTarball, ROOT } from '../helpers/packed';

const app = path.join(ROOT, '.tmp', 'tree-shaking-app');
const VIEWS = ['MeterView', 'ScaleView', 'LoudnessBarView', 'LoudnessHistoryView', 'CorrelationView', 'GoniometerView', 'SpectrumView'] as const;

/** The view classes in the bundle of `import { names } from 'meterkit'`. */
async function viewsBundledFor(names: string): Promise<string[]> {
  const entry = path.join(app, `entry-${names.replace(/\W+/g, '-')}.js`);
  writeFileSync(entry, `export { ${names} } from 'meterkit';\n`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    absWorkingDir: app,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // esbuild writes a class declaration as `var Name = class { … }`.
  return VIEWS.filter((v) => new RegExp(`\\bclass ${v}\\b|\\b${v} = class\\b`).test(code));
}

describe('tree shaking of the views', () => {
  beforeAll(() => freshAppWithTarball(app));

  it('{ MeterBridge } bundles the level and scale views only', async () => {
    expect(await viewsBundledFor('MeterBridge')).toEqual(['MeterView', 'ScaleView']);
  });

  it('{ LedMeter } bundles the level view only', async () => {
    expect(await viewsBundledFor('LedMeter')).toEqual(['MeterView']);
  });

  it('{ SpectrumMeter }, { Goniometer }, { CorrelationMeter }, { LoudnessMeter } bundle their own views', async () => {
    expect(await viewsBundledFor('SpectrumMeter')).toContain('SpectrumView');
    expect(await viewsBundledFor('SpectrumMeter')).not.toContain('GoniometerView');
    expect(await viewsBundledFor('Goniometer')).toContain('GoniometerView');
    expect(await viewsBundledFor('Goniometer')).not.toContain('SpectrumView');
    expect(await viewsBundledFor('CorrelationMeter')).toEqual(['CorrelationView']);
    const loudness = await viewsBundledFor('LoudnessMeter');
    expect(loudness).toContain('LoudnessBarView');
    expect(loudness).toContain('LoudnessHistoryView');
    expect(loudness).not.toContain('SpectrumView');
  });

  it('createCanvasView (every type, for apps that host views themselves) bundles them all', async () => {
    expect(await viewsBundledFor('createCanvasView')).toEqual([...VIEWS]);
  });
});
