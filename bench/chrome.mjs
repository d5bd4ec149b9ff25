/**
 * Launches headless Chromium through playwright-core, never downloading a browser. The
 * executable is found by scripts/find-chrome.mjs (CHROME_PATH, then the usual install
 * locations), the same plain-JS module the tests use, so there is one source of truth.
 */
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from '../scripts/find-chrome.mjs';

export async function launchChrome() {
  const executablePath = findChrome();
  // The same flags as the browser tests: no network, no sandbox, autoplay allowed, sRGB.
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  return { browser, executablePath, version: browser.version() };
}
