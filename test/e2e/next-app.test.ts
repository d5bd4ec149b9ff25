/**
 * examples/next-app (Next.js 16 App Router) with the packed tarball: `next build` (Turbopack,
 * type check, the page prerendered with meterkit's client component), then `next start` with
 * the isolation headers from next.config.mjs, opened in headless Chromium: the README quick
 * start's checks (Start → Tone reads -12 dBFS, shared transport, render worker, no errors).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright';
import { launchChromium } from '../helpers/chromium';
import { freshAppWithTarball, ROOT } from '../helpers/packed';
import { checkQuickStart } from '../helpers/quick-start-check';

const app = path.join(ROOT, '.tmp', 'next-app');
const nextBin = path.join(path.dirname(createRequire(import.meta.url).resolve('next/package.json')), 'dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
let browser: Browser;
let server: ChildProcess | undefined;

/** Runs `next <args>` in the app; resolves with its output, rejects with it on a non-zero exit. */
function next(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: app, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`next ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/** Starts `next start` on a free port; resolves with its URL once it is ready. */
function start(): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [nextBin, 'start', '--port', '0', '--hostname', '127.0.0.1'], { cwd: app, env });
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (m && /Ready/.test(output)) resolve(`http://127.0.0.1:${m[1]}/`);
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('close', (code) => reject(new Error(`next start exited ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  freshAppWithTarball(app, 'next-app');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  server?.kill();
  await browser?.close();
});

describe('examples/next-app (Next.js App Router)', () => {
  it('builds, prerenders the page, and meters the tone under next start', async () => {
    const built = await next(['build']);
    expect(built).toMatch(/○ \//); // the page is prerendered as static content
    const html = readFileSync(path.join(app, '.next/server/app/index.html'), 'utf8');
    expect(html).toContain('aria-label="Tone level"'); // meterkit's markup in the prerendered page
    const url = await start();
    const response = await fetch(url);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    await checkQuickStart(browser, url);
  }, 240_000);
});
