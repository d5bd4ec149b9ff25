#!/usr/bin/env node
// @ts-check
/**
 * `npm run pack:local` (a step of `npm test`): packs the package as it would be published and
 * leaves the tarball at `.tmp/pack/meterkit.tgz`, where the package checks (publint, attw) and
 * the fresh-app, CommonJS and example tests install it from.
 *
 * dist/ is deleted first, so the tarball's dist/ can only come from the `prepack` build: a
 * clean clone packs a complete package. Fails when the tarball lacks any file the exports map
 * points to.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp', 'pack');
export const TARBALL = path.join(out, 'meterkit.tgz');

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const stdout = execFileSync(npm, ['pack', '--json', '--pack-destination', out], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  shell: process.platform === 'win32',
});
// The prepack build logs to the same stdout; npm's JSON report is the last thing printed.
const [{ filename, files }] = JSON.parse(stdout.slice(stdout.search(/^\[\s*\{/m)));
renameSync(path.join(out, path.basename(filename)), TARBALL);

/** Every file path an exports-map value names (conditions nested to any depth). */
function targets(/** @type {unknown} */ value) {
  if (typeof value === 'string') return [value.replace(/^\.\//, '')];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const packed = new Set(files.map((/** @type {{ path: string }} */ f) => f.path));
const missing = [...new Set(targets(pkg.exports))].filter((f) => !packed.has(f));
if (missing.length > 0) {
  console.error(`pack:local: the tarball lacks files the exports map names: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`pack:local: ${path.relative(root, TARBALL)} (${files.length} files)`);
