import { copyFileSync, mkdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { workletSourceEsbuildPlugin } from './scripts/worklet-source-plugin.ts';

/**
 * Three builds:
 * 1. The library entries, flat in dist/ (dist/index.js, dist/core.js, dist/dsp.js and shared
 *    chunks), so `new URL('./worklet/processor.js', import.meta.url)` resolves to the worklet
 *    from whichever file the engine code lands in.
 * 2. The worklet: one self-contained, minified file with no imports (AudioWorkletGlobalScope
 *    cannot resolve them).
 * 3. The render worker (dist/render-worker.js, beside the code that starts it): one
 *    self-contained, minified module too, so it loads from any static server and any bundler
 *    ships it as a plain asset.
 */
export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core/index.ts', dsp: 'src/dsp/index.ts' },
    // ESM (.js, .d.ts) for bundlers and `import`; CommonJS (.cjs, .d.cts) for `require` and
    // Jest's default mode. docs/packaging.md explains the choice and the dual-package hazard.
    format: ['esm', 'cjs'],
    // CommonJS has no import.meta.url: tsup's shim derives it from __filename (Node) or the
    // current script (browser), so the worklet and render-worker URLs still resolve.
    shims: true,
    dts: true,
    sourcemap: true,
    splitting: true,
    treeshake: false,
    target: 'es2022',
    platform: 'browser',
    outDir: 'dist',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    esbuildPlugins: [workletSourceEsbuildPlugin as never],
  },
  {
    entry: { 'worklet/processor': 'src/worklet/processor.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    splitting: false,
    // Shipped minified, with the same esbuild options as its embedded fallback copy
    // (scripts/worklet-source-plugin.ts).
    minify: true,
    noExternal: [/.*/],
    target: 'es2022',
    platform: 'browser',
    outDir: 'dist',
    // What the `meterkit/worklet` export is, for TypeScript and arethetypeswrong (hand-written:
    // a URL-loaded asset with no exports).
    async onSuccess() {
      mkdirSync('dist/worklet', { recursive: true });
      copyFileSync('types/worklet.d.ts', 'dist/worklet/processor.d.ts');
    },
  },
  {
    entry: { 'render-worker': 'src/render-worker/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    splitting: false,
    minify: true,
    noExternal: [/.*/],
    target: 'es2022',
    platform: 'browser',
    outDir: 'dist',
    async onSuccess() {
      copyFileSync('types/render-worker.d.ts', 'dist/render-worker.d.ts');
    },
  },
]);
