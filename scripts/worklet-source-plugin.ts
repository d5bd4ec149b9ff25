/**
 * Provides the virtual module `virtual:meterkit-worklet-source`: the worklet bundled into one
 * self-contained script, as a string. The engine loads it from a Blob URL only when the
 * worklet file cannot be fetched (bundlers that do not handle `new URL(…, import.meta.url)`
 * in dependencies, such as Vite 7's dev optimizer). Used by the tsup build (esbuild plugin)
 * and by vitest (Vite plugin), so both see the same module.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKLET_SOURCE_ID = 'virtual:meterkit-worklet-source';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The worklet as one minified ES2022 script with no imports: the only embedded copy (the engine
 * chunk imports it lazily, see src/core/worklet-loader.ts).
 */
export function bundleWorkletSource(): string {
  const result = buildSync({
    minify: true,
    entryPoints: [path.join(root, 'src/worklet/processor.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

function moduleText(): string {
  return `export const PROCESSOR_SOURCE = ${JSON.stringify(bundleWorkletSource())};\n`;
}

/** esbuild/tsup plugin. */
export const workletSourceEsbuildPlugin = {
  name: 'meterkit-worklet-source',
  setup(build: {
    onResolve: (o: { filter: RegExp }, cb: (a: { path: string }) => { path: string; namespace: string }) => void;
    onLoad: (o: { filter: RegExp; namespace: string }, cb: () => { contents: string; loader: 'js' }) => void;
  }) {
    build.onResolve({ filter: /^virtual:meterkit-worklet-source$/ }, (args) => ({ path: args.path, namespace: 'meterkit-worklet' }));
    build.onLoad({ filter: /.*/, namespace: 'meterkit-worklet' }, () => ({ contents: moduleText(), loader: 'js' }));
  },
};

/** Vite/vitest plugin. */
export function workletSourceVitePlugin() {
  const resolved = '\0' + WORKLET_SOURCE_ID;
  return {
    name: 'meterkit-worklet-source',
    resolveId(id: string) {
      return id === WORKLET_SOURCE_ID ? resolved : null;
    },
    load(id: string) {
      return id === resolved ? moduleText() : null;
    },
  };
}
