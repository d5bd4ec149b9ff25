/**
 * Launches headless Chromium through playwright-core, never downloading a browser. The
 * executable is found by scripts/find-chrome.ts (CHROME_PATH, then the usual install
 * locations), which is compiled on the fly with esbuild so there is one source of truth.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { chromium } from 'playwright-core';

/** The flags the brief and the browser tests use: no network, no sandbox, autoplay allowed. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export async function findChrome() {
  const source = await readFile(fileURLToPath(new URL('../scripts/find-chrome.ts', import.meta.url)), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.findChrome();
}

export async function launchChrome() {
  const executablePath = await findChrome();
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  return { browser, executablePath, version: browser.version() };
}
