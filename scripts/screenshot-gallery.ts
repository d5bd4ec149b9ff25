/**
 * `npm run screenshot`: the README picture (docs/gallery.png), taken from the frozen mixer
 * story of the built gallery — so the picture is what the gallery shows, with the shipped font
 * and fixed values (re-running it changes nothing unless the meters' look changed).
 *
 * Steps: `storybook build` into .tmp/gallery-screenshot, serve it with COOP/COEP
 * (scripts/serve-static.mjs), open Frozen/Mixer in headless Chromium at devicePixelRatio 2 (sharp
 * on HiDPI screens), wait until the story has drawn, screenshot its stage.
 *
 * Options: `--no-build` reuses the last build; `--out <file>` (default docs/gallery.png);
 * `--scale <dpr>` (default 2).
 *
 * Run through esbuild (package.json) because Node 20 cannot run TypeScript itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { findChrome, CHROME_ARGS } from './find-chrome.mjs';
import { serveStatic } from './serve-static.mjs';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const outFile = path.resolve(root, option('--out', 'docs/gallery.png'));
const scale = Number(option('--scale', '2'));
const buildDir = path.join(root, '.tmp', 'gallery-screenshot');
const STORY = 'iframe.html?id=frozen-mixer--snapshot&viewMode=story';

if (!existsSync(path.join(root, 'node_modules/.bin/storybook'))) throw new Error('Run this from the repository root after `npm ci`.');
if (!args.includes('--no-build') || !existsSync(path.join(buildDir, 'iframe.html'))) {
  console.log('Building the gallery…');
  execFileSync(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', buildDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
const server = await serveStatic(buildDir);
const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: scale });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url + STORY);
  const stage = page.locator('[data-frozen="ready"]');
  await stage.waitFor({ timeout: 30_000 });
  if (errors.length > 0) throw new Error(`The story logged errors:\n${errors.join('\n')}`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  await stage.screenshot({ path: outFile, animations: 'disabled', caret: 'hide' });
  const box = await stage.boundingBox();
  console.log(`Wrote ${path.relative(root, outFile)} (${Math.round((box?.width ?? 0) * scale)} × ${Math.round((box?.height ?? 0) * scale)} px) from ${STORY}`);
} finally {
  await browser.close();
  await server.close();
}
