/**
 * Locates a Chromium/Chrome executable for the browser tests, the benchmark and the gallery
 * smoke test. Order: the `CHROME_PATH` environment variable, then the usual install locations
 * on Linux, macOS and Windows. Never downloads a browser.
 *
 * Failure: throws an Error that says how to get a browser.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to "${fromEnv}", but no file exists there. Point it at a Chromium or Chrome executable.`);
  }
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  throw new Error(
    'No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; ' +
      'macOS: install Google Chrome) or set CHROME_PATH to the executable. Searched: ' + CANDIDATES.join(', '),
  );
}

/** Flags for headless runs that need no network and give deterministic pixels. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
];
