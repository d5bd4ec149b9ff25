/**
 * Locates a Firefox executable for the Firefox end-to-end tests. Order: the `FIREFOX_PATH`
 * environment variable, then the usual install locations on Linux, macOS and Windows. Never
 * downloads a browser (Firefox is driven by puppeteer-core over WebDriver BiDi, which needs no
 * driver binary and no patched build).
 *
 * Failure: throws an Error that says how to get Firefox, or how to leave the Firefox tests out
 * deliberately (`MK_BROWSERS=chromium`).
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to "${fromEnv}", but no file exists there. Point it at a Firefox executable.`);
  }
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  throw new Error(
    'No Firefox found for the Firefox end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr pulseaudio`; ' +
      'macOS: install Firefox), set FIREFOX_PATH to the executable, or run the Chromium tests alone with MK_BROWSERS=chromium. Searched: ' +
      CANDIDATES.join(', '),
  );
}

/** Preferences for headless runs: audio may start without a user gesture (as Chromium's --autoplay-policy flag). */
export const FIREFOX_PREFS = {
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
} as const;
