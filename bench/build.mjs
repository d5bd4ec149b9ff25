/**
 * Builds the bench pages with Vite (production mode, React's profiling build so `<Profiler>`
 * counts commits) into bench/.build/pages, resolving `meterkit/core` to the built package
 * (dist/) exactly as an app would consume it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** Newest modification time under a directory (ms). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Runs `npm run build` when dist/ is missing or older than src/. If the build fails (e.g. a
 * colleague's change in progress) and a dist/ exists, that one is measured and a warning is
 * returned; with no dist/ at all it throws.
 */
export function ensureDist(log) {
  const dist = here('../dist/core.js');
  const files = [dist, here('../dist/worklet/processor.js'), here('../dist/render-worker.js')];
  const built = files.every((f) => existsSync(f)) ? Math.min(...files.map((f) => statSync(f).mtimeMs)) : 0;
  if (built >= newestMtime(here('../src'))) return null;
  log('dist/ is missing or older than src/: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: here('..'), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return null;
  const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15).join('\n');
  if (!existsSync(dist)) throw new Error(`npm run build failed and there is no dist/ to measure:\n${tail}`);
  log(`npm run build failed; measuring the existing dist/:\n${tail}`);
  return 'npm run build failed; the existing (older) dist/ was measured.';
}

export async function buildPages() {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: here('./pages'),
    base: './',
    resolve: {
      alias: [
        { find: /^meterkit\/core$/, replacement: here('../dist/core.js') },
        { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
      ],
    },
    build: {
      outDir: here('./.build/pages'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      assetsInlineLimit: 0,
    },
  });
  return here('./.build/pages');
}
