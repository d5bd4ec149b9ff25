/**
 * CommonJS and Jest consumers of the packed tarball (docs/packaging.md):
 * - plain `require('meterkit')`, `require('meterkit/dsp')`, `require('meterkit/core')` in Node,
 *   both with Node ≥ 20.19's require(esm) (the `module-sync` condition: the ES module build, so
 *   `import` and `require` share one copy) and without it (`--no-experimental-require-module`,
 *   as older Node and tools that do not load ESM synchronously: the CommonJS build);
 * - examples/jest run by Jest 30 in its default CommonJS mode and in its ESM mode.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freshAppWithTarball, ROOT } from '../helpers/packed';

const app = path.join(ROOT, '.tmp', 'commonjs-consumer');
const jestApp = path.join(ROOT, '.tmp', 'jest-example');
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');

/** Requires the three library entries in a CommonJS script; returns what it printed. */
function requireAll(nodeFlags: string[]) {
  const script = `
    const m = require('meterkit'), dsp = require('meterkit/dsp'), core = require('meterkit/core');
    console.log(JSON.stringify({
      resolved: [require.resolve('meterkit'), require.resolve('meterkit/dsp'), require.resolve('meterkit/core')].map((f) => f.split(/[\\\\/]/).pop()),
      bridge: String(m.MeterBridge && m.MeterBridge.$$typeof), hook: typeof m.useMeterEngine,
      minus12: dsp.dbFromLinear(0.25), processor: core.PROCESSOR_NAME, sameEngine: m.MeterEngine === core.MeterEngine,
    }));`;
  return JSON.parse(execFileSync(process.execPath, [...nodeFlags, '-e', script], { cwd: app, encoding: 'utf8' }));
}

beforeAll(() => {
  freshAppWithTarball(app);
  freshAppWithTarball(jestApp, 'jest');
});

describe('require() of the packed package', () => {
  it('loads every entry through require(esm) on this Node (the ES module build)', () => {
    const out = requireAll([]);
    expect(out.resolved).toEqual(['index.js', 'dsp.js', 'core.js']);
    expect(out).toMatchObject({ bridge: 'Symbol(react.forward_ref)', hook: 'function', processor: 'meterkit-meter-v2', sameEngine: true });
    expect(out.minus12).toBeCloseTo(-12.041, 3);
  });

  it('loads every entry from the CommonJS build where require(esm) is unavailable', () => {
    const out = requireAll(['--no-experimental-require-module']);
    expect(out.resolved).toEqual(['index.cjs', 'dsp.cjs', 'core.cjs']);
    expect(out).toMatchObject({ bridge: 'Symbol(react.forward_ref)', hook: 'function', processor: 'meterkit-meter-v2', sameEngine: true });
    expect(out.minus12).toBeCloseTo(-12.041, 3);
  });
});

describe('examples/jest', () => {
  function jest(args: string[], env: NodeJS.ProcessEnv = {}) {
    const run = spawnSync(process.execPath, [jestBin, '--ci', '--colors=false', ...args], {
      cwd: jestApp,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  it('passes in Jest default (CommonJS) mode', () => {
    const { status, output } = jest([]);
    expect(output).toMatch(/Tests:\s+4 passed, 4 total/);
    expect(status, output).toBe(0);
  });

  it('passes in Jest ESM mode (--experimental-vm-modules)', () => {
    const { status, output } = jest(['--config', 'jest.esm.config.mjs'], { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' });
    expect(output).toMatch(/Tests:\s+4 passed, 4 total/);
    expect(status, output).toBe(0);
  });
});
