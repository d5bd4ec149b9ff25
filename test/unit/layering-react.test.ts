/**
 * React's layering rule: every module under src/react imports core (and dsp) through one
 * entry, src/core/internal.ts — never a deep path such as ../core/meter-hub or
 * ../dsp/validate — and nothing but react itself from outside the package. The checker is a
 * pure function of (file, import specifiers), tested first on fake import lists so a broken
 * rule is seen to fail, then run on the real sources.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REACT_DIR = path.join(root, 'src/react');
const CORE_ENTRY = path.join(root, 'src/core/internal');
const ALLOWED_PACKAGES = new Set(['react', 'react-dom']);

interface ImportList {
  /** Absolute path of the importing module. */
  file: string;
  specifiers: readonly string[];
}

/** Violations of the React rule, as "file → specifier: why". */
export function reactImportViolations(lists: readonly ImportList[]): string[] {
  const out: string[] = [];
  for (const { file, specifiers } of lists) {
    const rel = path.relative(root, file);
    for (const spec of specifiers) {
      if (!spec.startsWith('.')) {
        if (!ALLOWED_PACKAGES.has(spec)) out.push(`${rel} → ${spec}: only react and react-dom may be imported from packages`);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec).replace(/\.(ts|tsx|js)$/, '');
      if (target === CORE_ENTRY) continue;
      if (target.startsWith(REACT_DIR + path.sep)) continue;
      out.push(`${rel} → ${spec}: import core and dsp through ../core/internal only`);
    }
  }
  return out;
}

/** Every import / re-export / dynamic import specifier of a module's source text. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

const file = (name: string) => path.join(REACT_DIR, name);

describe('the React import rule (checker)', () => {
  it('accepts the one core entry, sibling React modules and react itself', () => {
    expect(
      reactImportViolations([
        { file: file('LedMeter.tsx'), specifiers: ['react', 'react-dom', '../core/internal', '../core/internal.ts', './TrackMeter', './use-canvas-view.ts'] },
      ]),
    ).toEqual([]);
  });

  it('rejects deep core paths, dsp, the worklet and other packages', () => {
    const v = reactImportViolations([
      {
        file: file('LoudnessMeter.tsx'),
        specifiers: ['../core/meter-hub', '../dsp/validate', '../core/views/meter-view', '../worklet/processor', '../core', 'lodash'],
      },
    ]);
    expect(v).toHaveLength(6);
    expect(v[0]).toBe('src/react/LoudnessMeter.tsx → ../core/meter-hub: import core and dsp through ../core/internal only');
    expect(v[5]).toContain('only react and react-dom');
  });

  it('finds static imports, type imports, re-exports and dynamic imports in source text', () => {
    const src = [
      "import { useRef } from 'react';",
      "import type { MeterSource } from '../core/meter-source';",
      "export { LedMeter } from './LedMeter';",
      "import './side-effect';",
      "const m = await import('../dsp/db');",
    ].join('\n');
    expect(importSpecifiers(src).sort()).toEqual(['../core/meter-source', '../dsp/db', './LedMeter', './side-effect', 'react'].sort());
  });
});

describe('the React layer', () => {
  it('imports core and dsp only through src/core/internal.ts', () => {
    const lists = readdirSync(REACT_DIR)
      .filter((n) => /\.tsx?$/.test(n))
      .map((n) => ({ file: file(n), specifiers: importSpecifiers(readFileSync(file(n), 'utf8')) }));
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.flatMap((l) => l.specifiers)).toContain('../core/internal');
    expect(reactImportViolations(lists)).toEqual([]);
  });

  it('the core entry it uses does not import React', () => {
    const specs = importSpecifiers(readFileSync(`${CORE_ENTRY}.ts`, 'utf8'));
    expect(specs).toContain('./index');
    expect(specs.filter((s) => s === 'react' || s.includes('/react/'))).toEqual([]);
  });
});
