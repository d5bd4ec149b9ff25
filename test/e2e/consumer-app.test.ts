/**
 * A fresh app that follows the README: the packed meterkit tarball (`npm run pack:local`)
 * installed into a copy of examples/vite-react, whose vite.config.ts and src/App.tsx are the
 * README's quick-start code blocks (checked here), run with
 * the Vite dev server (dependency optimizer) and as a production build (vite preview), opened
 * in headless Chromium: click Start, and the Tone meter reads -12 dBFS over the shared
 * transport with no console errors.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright';
import { launchChromium } from '../helpers/chromium';
import { checkQuickStart } from '../helpers/quick-start-check';
import { freshAppWithTarball, onDevServer, onProductionPreview, ROOT as root } from '../helpers/packed';

const app = path.join(root, '.tmp', 'consumer-app');
let browser: Browser;

/** The README's code blocks whose first line is a `// path` comment, by path. */
function readmeFiles(): Map<string, string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const files = new Map<string, string>();
  for (const m of readme.matchAll(/```(?:ts|tsx)\n\/\/ ([\w./-]+)\n([\s\S]*?)```/g)) files.set(m[1], m[2]);
  return files;
}

beforeAll(async () => {
  freshAppWithTarball(app, 'vite-react');
  // The README's quick start is exactly the example's files.
  const files = readmeFiles();
  for (const file of ['vite.config.ts', 'src/App.tsx']) {
    expect(files.get(file), `README code block "// ${file}"`).toBe(readFileSync(path.join(root, 'examples/vite-react', file), 'utf8'));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('a fresh app following the README', () => {
  it('works on the Vite dev server (through the dependency optimizer)', () => onDevServer(app, (url) => checkQuickStart(browser, url)), 120_000);

  it('works as a production build (vite build + vite preview)', () => onProductionPreview(app, (url) => checkQuickStart(browser, url)), 120_000);
});
