// @ts-check
/**
 * Locates a Chromium/Chrome executable for the browser tests, the benchmark and the gallery
 * smoke test, and says how to install one when there is none. Plain JavaScript (types in
 * find-chrome.d.mts) so vitest's config, the bench scripts and `npm test`'s pre-step
 * (scripts/require-browser.mjs) all import the same file without a compile step.
 *
 * Order: the `CHROME_PATH` environment variable, then the usual install locations on Linux,
 * macOS and Windows, then the Chromium that `npx playwright install chromium` downloads.
 * Never downloads a browser itself.
 *
 * `METERKIT_CHROME_CANDIDATES` (a `path.delimiter`-separated list, possibly empty) replaces
 * every location after `CHROME_PATH`: the tests use it to see what a machine without a
 * browser gets.
 *
 * Failure: throws an Error whose message gives the exact install command for this OS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The usual install locations, in the order they are tried. */
export const CHROME_CANDIDATES = [
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

/** The command that downloads Playwright's own Chromium (found by {@link findChrome} afterwards). */
export const PLAYWRIGHT_INSTALL = 'npx playwright install chromium';

/** Where Playwright keeps its downloaded Chromium, or null when there is none. */
function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const file = chromium.executablePath();
    return typeof file === 'string' && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * The `ID` and `ID_LIKE` words of an /etc/os-release text (lower case), e.g. `['ubuntu', 'debian']`.
 * @param {string} text
 */
function osIds(text) {
  const ids = [];
  for (const key of ['ID', 'ID_LIKE']) {
    const m = text.match(new RegExp(`^${key}=(.*)$`, 'm'));
    if (m) ids.push(...m[1].replace(/["']/g, '').toLowerCase().split(/\s+/).filter(Boolean));
  }
  return ids;
}

/**
 * The one command that installs a browser the tests can use on this OS.
 * @param {NodeJS.Platform} [platform] defaults to `process.platform`
 * @param {string} [osRelease] contents of /etc/os-release (Linux); read from the file by default
 * @returns {string}
 */
export function installCommand(platform = process.platform, osRelease) {
  if (platform === 'darwin') return 'brew install --cask google-chrome';
  if (platform === 'win32') return 'winget install --id Google.Chrome --exact';
  if (platform !== 'linux') return PLAYWRIGHT_INSTALL;
  let text = osRelease;
  if (text === undefined) {
    try {
      text = readFileSync('/etc/os-release', 'utf8');
    } catch {
      text = '';
    }
  }
  const ids = osIds(text);
  // Ubuntu's apt "chromium" is only a stub that installs the snap.
  if (ids[0] === 'ubuntu') return 'sudo snap install chromium';
  if (ids.includes('debian') || ids.includes('ubuntu')) return 'sudo apt-get install -y chromium';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'sudo dnf install -y chromium';
  if (ids.includes('arch')) return 'sudo pacman -S --needed chromium';
  if (ids.includes('alpine')) return 'sudo apk add chromium';
  if (ids.some((id) => id.startsWith('opensuse') || id === 'suse')) return 'sudo zypper install -y chromium';
  return PLAYWRIGHT_INSTALL;
}

/** Locations tried after CHROME_PATH (see METERKIT_CHROME_CANDIDATES above). */
function candidates() {
  const override = process.env.METERKIT_CHROME_CANDIDATES;
  if (override !== undefined) return { list: override.split(path.delimiter).filter(Boolean), playwright: false };
  return { list: CHROME_CANDIDATES, playwright: true };
}

/**
 * The path of a Chromium/Chrome executable.
 * @returns {string}
 * @throws {Error} when CHROME_PATH names a missing file, or no browser is found; the message
 *   gives the install command for this OS.
 */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  const install = installCommand();
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(
      `CHROME_PATH is set to "${fromEnv}", but no file exists there. Point it at a Chromium or Chrome executable, ` +
        `or unset it and install one with:\n\n    ${install}\n`,
    );
  }
  const { list, playwright } = candidates();
  for (const candidate of list) if (existsSync(candidate)) return candidate;
  const downloaded = playwright ? playwrightChromium() : null;
  if (downloaded) return downloaded;
  throw new Error(
    `No Chromium or Chrome found for the browser tests. Install one with:\n\n    ${install}\n\n` +
      (install === PLAYWRIGHT_INSTALL ? '' : `(or \`${PLAYWRIGHT_INSTALL}\`), `) +
      `or set CHROME_PATH to the executable. Searched: ${list.join(', ') || '(nothing)'}` +
      (playwright ? ", and Playwright's browser folder." : '.'),
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
