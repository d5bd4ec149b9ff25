/**
 * The published package as a consumer sees it: the tarball `npm run pack:local` packed (with
 * dist/ deleted first, so its dist/ comes from the `prepack` build), installed into a fresh
 * project: import `meterkit/dsp` and `meterkit/core` from Node through the exports map,
 * type-check a TypeScript consumer, lint the package with publint, and check the peer
 * dependencies against what the sources import. `npm test` packs first.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tarball = path.join(root, '.tmp/pack/meterkit.tgz');
let project = '';

beforeAll(() => {
  if (!existsSync(tarball) || !existsSync(path.join(root, 'dist/core.js'))) {
    throw new Error('.tmp/pack/meterkit.tgz or dist/ is missing: run `npm run pack:local` first (npm test does it for you)');
  }
  project = mkdtempSync(path.join(tmpdir(), 'meterkit-consumer-'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Offline, and without React (a peer dependency the Node consumer does not need).
  execFileSync('npm', ['install', '--offline', '--legacy-peer-deps', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
  return () => rmSync(project, { recursive: true, force: true });
}, 120_000);

describe('the packed package', () => {
  it('imports meterkit/dsp and meterkit/core from Node and measures a sine', () => {
    writeFileSync(
      path.join(project, 'check.mjs'),
      `
      import { dbFromLinear, linearFromDb, LevelMeter } from 'meterkit/dsp';
      import { createMeterEngine, createBankWords, MeterBankReader, createFrameLoop } from 'meterkit/core';
      import { readFileSync } from 'node:fs';
      import { fileURLToPath, pathToFileURL } from 'node:url';
      const m = new LevelMeter({ sampleRate: 48000 });
      const s = new Float32Array(48000);
      for (let i = 0; i < s.length; i++) s[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 48000);
      m.process(s);
      const words = createBankWords({ tracks: 2, channels: 2, sampleRate: 48000, shared: false });
      const reader = new MeterBankReader(words);
      const worklet = fileURLToPath(import.meta.resolve('meterkit/worklet'));
      console.log(JSON.stringify({
        db: dbFromLinear(0.5), lin: linearFromDb(-6), peak: m.peak, rms: m.rms,
        engine: typeof createMeterEngine, loop: typeof createFrameLoop, tracks: reader.tracks,
        worklet: worklet.split('node_modules')[1],
        workletImports: /^\\s*import\\s/m.test(readFileSync(worklet, 'utf8')),
        registers: readFileSync(worklet, 'utf8').includes('registerProcessor'),
      }));
      `,
    );
    const out = JSON.parse(execFileSync('node', ['check.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(out.db).toBeCloseTo(-6.0206, 4);
    expect(out.lin).toBeCloseTo(0.50119, 5);
    expect(out.peak).toBeCloseTo(0.5, 6);
    expect(Math.abs(out.rms - 0.35355)).toBeLessThan(1e-4);
    expect(out.engine).toBe('function');
    expect(out.loop).toBe('function');
    expect(out.tracks).toBe(2);
    expect(out.worklet).toBe(path.normalize('/meterkit/dist/worklet/processor.js'));
    expect(out.workletImports).toBe(false);
    expect(out.registers).toBe(true);
  });

  it('ships only dist, README and package.json, with the worklet beside the code that loads it', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('/'))
      .map((f) => f.replace(/^package\//, ''));
    expect(files.every((f) => f.startsWith('dist/') || ['README.md', 'package.json', 'LICENSE'].includes(f))).toBe(true);
    expect(files).toContain('dist/worklet/processor.js');
    // Both module formats of every library entry, with their types, and the asset entries' types.
    for (const entry of ['index', 'core', 'dsp']) for (const ext of ['.js', '.d.ts', '.cjs', '.d.cts']) expect(files).toContain(`dist/${entry}${ext}`);
    expect(files).toContain('dist/worklet/processor.d.ts');
    expect(files).toContain('dist/render-worker.d.ts');
    const chunk = files.filter((f) => /^dist\/[^/]+\.js$/.test(f)).find((f) => readFileSync(path.join(root, f), 'utf8').includes('worklet/processor.js'));
    expect(chunk).toBeDefined(); // flat in dist/, so './worklet/processor.js' resolves
  });

  it('ships the worklet minified, with exactly one embedded fallback copy: the same bytes', async () => {
    const worklet = readFileSync(path.join(root, 'dist/worklet/processor.js'), 'utf8');
    // 76 KB unminified before; ≈ 45 KB of minified JavaScript plus the WebAssembly SIMD level
    // kernel (≈ 1.3 KB of base64 bytes and ≈ 3 KB of loader, driver and RMS ring) since issue #13;
    // 65.5 KB with the one-third-octave analyser, its filter design and the spectrum bank (issue #15).
    expect(worklet.length).toBeLessThan(72_000);
    expect(worklet.split('\n').length).toBeLessThan(5);
    const chunks = readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js'));
    const embedding = chunks.filter((f) => readFileSync(path.join(root, 'dist', f), 'utf8').includes('registerProcessor'));
    expect(embedding).toHaveLength(1);
    const { PROCESSOR_SOURCE } = await import(pathToFileURL(path.join(root, 'dist', embedding[0])).href);
    expect(PROCESSOR_SOURCE).toBe(worklet);
  });

  it('type-checks a TypeScript consumer through the exports map', () => {
    writeFileSync(
      path.join(project, 'check.ts'),
      `
      import { LevelMeter, dbFromLinear } from 'meterkit/dsp';
      import { createTrackLevels, type MeterEngine, type TrackLevels } from 'meterkit/core';
      const m: LevelMeter = new LevelMeter({ sampleRate: 44100, holdMs: Infinity });
      const levels: TrackLevels = createTrackLevels(2);
      const db: number = dbFromLinear(levels.peak[0] + m.peak);
      export function use(engine: MeterEngine): number { return engine.tracks + db; }
      `,
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync('node', [tsc, '-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('is publint clean', async () => {
    const { publint } = await import('publint');
    const bytes = readFileSync(tarball);
    const packed = { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    const { messages } = await publint({ pack: packed, level: 'suggestion', strict: true });
    expect(messages.map((m) => `${m.type}: ${m.code} ${m.path.join('.')}`)).toEqual([]);
  });

  it('declares as peers exactly the packages its sources import, React as ^18 || ^19', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.peerDependencies).toEqual({ react: '^18 || ^19' });
    expect(pkg.dependencies).toBeUndefined();
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
          for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)) {
            if (m[1].startsWith('virtual:')) continue;
            imported.add(m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0]);
          }
        }
      }
    };
    walk(path.join(root, 'src'));
    expect([...imported].sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
  });
});
