/**
 * Bundles a TypeScript worker entry into one ESM file under .tmp/ so `worker_threads` can run
 * the real source modules (Node 20 cannot load .ts directly).
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundleWorker(entry: string): Promise<string> {
  const outdir = path.join(root, '.tmp', 'workers');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, path.basename(entry).replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
