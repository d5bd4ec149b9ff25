/**
 * Layers without back arrows (DESIGN.md "Layers"): dsp imports nothing outside dsp; core
 * imports no React and no worklet; the worklet imports only core/bank, core/protocol,
 * core/metering and dsp — directly and through everything it pulls into its bundle. Each rule
 * is also run over a fake file list that breaks it, so each can fail.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkLayers, importsOf, resolveImport, LAYER_RULES, type SourceFile } from '../helpers/layering';

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.posix.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...sources(file));
    else if (/\.tsx?$/.test(name)) out.push({ path: file, imports: importsOf(readFileSync(file, 'utf8')) });
  }
  return out;
}

const src = sources('src');

describe('layering of src/', () => {
  it('finds the imports it checks (the parser is not blind)', () => {
    const processor = src.find((f) => f.path === 'src/worklet/processor.ts')!;
    expect(processor.imports).toContain('../core/protocol');
    expect(src.find((f) => f.path === 'src/core/engine.ts')!.imports).toContain('./protocol');
    expect(importsOf("export { a } from './x';\nimport type { B } from \"../y\";\nimport './z';\nconst m = import('./w');")).toEqual([
      './x',
      '../y',
      './z',
      './w',
    ]);
  });

  it('no rule is broken by a file under src/', () => {
    expect(checkLayers(src)).toEqual([]);
  });

  it('everything the worklet bundle pulls in (transitively) stays inside the worklet rule', () => {
    const byPath = new Map(src.map((f) => [f.path.replace(/\.tsx?$/, ''), f]));
    const seen = new Set<string>();
    const stack = ['src/worklet/processor'];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      const f = byPath.get(p) ?? byPath.get(p + '/index');
      expect(f, `${p} resolves to a file`).toBeDefined();
      for (const spec of f!.imports) {
        const target = resolveImport(f!.path, spec);
        expect(target, `${f!.path} imports a package (${spec}): the worklet must stay self-contained`).not.toBeNull();
        stack.push(target!.replace(/\.tsx?$/, ''));
      }
    }
    seen.delete('src/worklet/processor');
    const reached = [...seen].map((p) => ({ path: 'src/worklet/bundled.ts', imports: ['../../' + p] }));
    expect(checkLayers(reached)).toEqual([]);
    expect(seen.has('src/core/metering/bank-metering')).toBe(true);
  });
});

describe('each layering rule fails when broken', () => {
  const fake: SourceFile[] = [
    { path: 'src/dsp/bad.ts', imports: ['../core/bank/layout', './db', 'react'] },
    { path: 'src/core/bad.ts', imports: ['../worklet/protocol', 'react', './bank/layout', '../react/use-frame', 'react-dom/client'] },
    { path: 'src/core/bank/bad.ts', imports: ['../../worklet/processor'] },
    {
      path: 'src/worklet/bad.ts',
      imports: ['../core/engine', '../core/bank/writer', '../core/protocol', '../core/metering/bank-metering', '../dsp/db', '../core/frame-loop', 'lodash'],
    },
    { path: 'src/core/render-worker/bad.ts', imports: ['../../render-worker/worker', './protocol'] },
    { path: 'src/render-worker/bad.ts', imports: ['../core/render-worker/worker-host', '../react/use-frame', 'react', '../dsp/db'] },
  ];

  it('reports every offending file and import, with its rule', () => {
    expect(checkLayers(fake)).toEqual([
      { rule: LAYER_RULES[0].name, file: 'src/dsp/bad.ts', import: '../core/bank/layout' },
      { rule: LAYER_RULES[0].name, file: 'src/dsp/bad.ts', import: 'react' },
      { rule: LAYER_RULES[1].name, file: 'src/core/bad.ts', import: '../worklet/protocol' },
      { rule: LAYER_RULES[1].name, file: 'src/core/bad.ts', import: 'react' },
      { rule: LAYER_RULES[1].name, file: 'src/core/bad.ts', import: '../react/use-frame' },
      { rule: LAYER_RULES[1].name, file: 'src/core/bad.ts', import: 'react-dom/client' },
      { rule: LAYER_RULES[1].name, file: 'src/core/bank/bad.ts', import: '../../worklet/processor' },
      { rule: LAYER_RULES[2].name, file: 'src/worklet/bad.ts', import: '../core/engine' },
      { rule: LAYER_RULES[2].name, file: 'src/worklet/bad.ts', import: '../core/frame-loop' },
      { rule: LAYER_RULES[2].name, file: 'src/worklet/bad.ts', import: 'lodash' },
      { rule: LAYER_RULES[1].name, file: 'src/core/render-worker/bad.ts', import: '../../render-worker/worker' },
      { rule: LAYER_RULES[3].name, file: 'src/render-worker/bad.ts', import: '../react/use-frame' },
      { rule: LAYER_RULES[3].name, file: 'src/render-worker/bad.ts', import: 'react' },
    ]);
  });

  it('each rule alone catches its own breach', () => {
    for (const [i, file] of [
      [0, 'src/dsp/bad.ts'],
      [1, 'src/core/bad.ts'],
      [2, 'src/worklet/bad.ts'],
      [3, 'src/render-worker/bad.ts'],
    ] as const) {
      const v = checkLayers(fake, [LAYER_RULES[i]]);
      expect(v.length).toBeGreaterThan(0);
      expect(v.every((x) => x.rule === LAYER_RULES[i].name)).toBe(true);
      expect(v.some((x) => x.file === file)).toBe(true);
    }
  });
});
