/**
 * Headless Firefox for end-to-end tests: puppeteer-core over WebDriver BiDi (nothing downloaded),
 * with an audio output. A realtime AudioContext in Firefox needs an output device, or `resume()`
 * never settles: on Linux without a sound server this starts PulseAudio with its null sink.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox, FIREFOX_PREFS } from '../../scripts/find-firefox.ts';

/** True when the Firefox tests were left out on purpose (`MK_BROWSERS` set without `firefox`). */
export function firefoxExcluded(): boolean {
  const list = process.env.MK_BROWSERS;
  return (
    list !== undefined &&
    list !== '' &&
    !list
      .split(',')
      .map((s) => s.trim())
      .includes('firefox')
  );
}

/** Makes sure an audio output exists (Linux: a PulseAudio server; its null sink is enough). */
export function ensureAudioOutput(): void {
  if (process.platform !== 'linux') return;
  if (spawnSync('pactl', ['info'], { stdio: 'ignore' }).status === 0) return;
  const pulse = spawnSync('pulseaudio', ['--version'], { stdio: 'ignore' });
  if (pulse.error) {
    throw new Error(
      'Firefox needs an audio output for a realtime AudioContext, and no sound server runs. Install PulseAudio (Debian/Ubuntu: `sudo apt-get install -y pulseaudio`).',
    );
  }
  // As root PulseAudio warns that it is not meant to run as root, and runs.
  execFileSync('pulseaudio', ['-D', '--exit-idle-time=-1'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    if (spawnSync('pactl', ['info'], { stdio: 'ignore' }).status === 0) return;
    execFileSync('sleep', ['0.1']);
  }
  throw new Error('PulseAudio was started but does not answer `pactl info`.');
}

/** Launches headless Firefox with a fresh profile. */
export async function launchFirefox(): Promise<Browser> {
  ensureAudioOutput();
  return puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, extraPrefsFirefox: { ...FIREFOX_PREFS } });
}

/** Collects console errors and page errors of `page`. */
export function collectFirefoxErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
