/**
 * Installs the packed package (`.tmp/pack/meterkit.tgz`, made by `npm run pack:local`, a step
 * of `npm test`) into a test app's node_modules exactly as npm lays out a tarball dependency.
 * Everything else the app imports (react, vite, jest) resolves from this repository's
 * node_modules, because the apps live under `.tmp/` inside it — so there is one React.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TARBALL = path.join(ROOT, '.tmp', 'pack', 'meterkit.tgz');

/** Recreates `app` (under .tmp/) as a copy of `examples/<example>` (or empty) with the tarball installed. */
export function freshAppWithTarball(app: string, example?: string): void {
  if (!existsSync(TARBALL)) throw new Error(`${path.relative(ROOT, TARBALL)} is missing: run \`npm run pack:local\` first (npm test does)`);
  rmSync(app, { recursive: true, force: true });
  if (example) cpSync(path.join(ROOT, 'examples', example), app, { recursive: true });
  mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL], { cwd: app });
  renameSync(path.join(app, 'package'), path.join(app, 'node_modules', 'meterkit'));
}

/**
 * `vite build` of `app` as a production build really is one: vitest runs with NODE_ENV=test,
 * which Vite would otherwise keep (React's development build, StrictMode's double effects).
 */
export async function productionBuild(app: string): Promise<void> {
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: app, configFile: path.join(app, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
  } finally {
    process.env.NODE_ENV = before;
  }
}

/**
 * Runs `check(url)` against `app` on the Vite dev server, configured by the app's vite.config.ts
 * (or by `config` over it: `{ configFile: false, … }` replaces it), then closes the server.
 */
export async function onDevServer(app: string, check: (url: string) => Promise<void>, config: InlineConfig = {}): Promise<void> {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: app,
    configFile: path.join(app, 'vite.config.ts'),
    logLevel: 'error',
    ...config,
    server: { port: 0, host: '127.0.0.1' },
  });
  try {
    await server.listen();
    await check(server.resolvedUrls!.local[0]);
  } finally {
    await server.close();
  }
}

/** Builds `app` for production ({@link productionBuild}), serves it with `vite preview` and runs `check(url)` against it. */
export async function onProductionPreview(app: string, check: (url: string) => Promise<void>): Promise<void> {
  const { preview } = await import('vite');
  await productionBuild(app);
  const server = await preview({ root: app, configFile: path.join(app, 'vite.config.ts'), logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } });
  try {
    await check(server.resolvedUrls!.local[0]);
  } finally {
    await server.close();
  }
}
