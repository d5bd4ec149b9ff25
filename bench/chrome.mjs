/**
 * Launches headless Chromium through playwright-core, never downloading a browser. The
 * executable is found by scripts/find-chrome.ts (CHROME_PATH, then the usual install
 * locations), which is compiled on the fly with esbuild so there is one source of truth.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { chromium } from 'playwright-core';

/** scripts/find-chrome.ts, compiled once: the browser lookup and the flags the tests use too. */
let finder = null;
async function loadFinder() {
  if (finder === null) {
    const source = await readFile(fileURLToPath(new URL('../scripts/find-chrome.ts', import.meta.url)), 'utf8');
    const { code } = await transform(source, { loader: 'ts', format: 'esm' });
    finder = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  }
  return finder;
}

export async function findChrome() {
  return (await loadFinder()).findChrome();
}

export async function launchChrome() {
  const { findChrome: find, CHROME_ARGS } = await loadFinder();
  const executablePath = find();
  // The same flags as the browser tests: no network, no sandbox, autoplay allowed, sRGB.
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  return { browser, executablePath, version: browser.version() };
}
