/**
 * The layering rules of DESIGN.md as a pure checker: given source files and their import
 * specifiers, report every import that breaks a rule, naming the rule, the file and the import.
 * test/unit/layering.test.ts runs it over src/ and over fake file lists (so each rule is shown
 * to fail when broken).
 */
import path from 'node:path';

/** A source file: its path relative to the repository root (posix) and its import specifiers. */
export interface SourceFile {
  readonly path: string;
  readonly imports: readonly string[];
}

export interface Violation {
  readonly rule: string;
  readonly file: string;
  readonly import: string;
}

/** A layering rule: `applies` picks the files it governs, `allows` judges one import. */
export interface LayerRule {
  readonly name: string;
  applies(file: string): boolean;
  /** `target`: the import resolved to a repo path (relative imports) or null (a package). */
  allows(specifier: string, target: string | null): boolean;
}

const inDir = (dir: string) => (p: string | null) => p !== null && (p === dir || p.startsWith(dir + '/'));
const isReact = (spec: string) => /^(react|react-dom)(\/|$)/.test(spec);

/** Modules of core the worklet bundle may import: the bank, the protocol, the metering, the scope rings, the spectrum bank. */
export const WORKLET_ALLOWED_CORE = ['src/core/bank', 'src/core/protocol.ts', 'src/core/metering', 'src/core/scope', 'src/core/spectrum'] as const;

export const LAYER_RULES: readonly LayerRule[] = [
  {
    name: 'dsp imports nothing outside dsp',
    applies: inDir('src/dsp'),
    allows: (_spec, target) => inDir('src/dsp')(target),
  },
  {
    name: 'core imports no react, no worklet and no render worker',
    applies: inDir('src/core'),
    allows: (spec, target) => !isReact(spec) && !inDir('src/react')(target) && !inDir('src/worklet')(target) && !inDir('src/render-worker')(target),
  },
  {
    name: 'worklet imports only core/bank, core/protocol, core/metering, core/scope, core/spectrum and dsp',
    applies: inDir('src/worklet'),
    allows: (_spec, target) => inDir('src/dsp')(target) || WORKLET_ALLOWED_CORE.some((d) => inDir(d)(target)),
  },
  {
    name: 'render worker imports only core and dsp',
    applies: inDir('src/render-worker'),
    allows: (spec, target) => !isReact(spec) && (inDir('src/core')(target) || inDir('src/dsp')(target)),
  },
];

/** Resolves a relative specifier of `from` to a repo path without extension guessing (null for packages). */
export function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const clean = specifier.replace(/\?.*$/, '');
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), clean));
}

/** Every violation of `rules` in `files`. Targets are compared without extension. */
export function checkLayers(files: readonly SourceFile[], rules: readonly LayerRule[] = LAYER_RULES): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    for (const rule of rules) {
      if (!rule.applies(f.path)) continue;
      for (const spec of f.imports) {
        const target = resolveImport(f.path, spec);
        const withExt = target === null || /\.[a-z]+$/.test(target) ? target : target + '.ts';
        if (!rule.allows(spec, withExt)) out.push({ rule: rule.name, file: f.path, import: spec });
      }
    }
  }
  return out;
}

/** The import specifiers of a TypeScript source text (static, re-exports, dynamic, side-effect). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
