/** Headless Chromium for end-to-end tests (Playwright API, the system browser, a fresh profile). */
import { chromium, type Browser, type Page } from 'playwright';
import { findChrome, CHROME_ARGS } from '../../scripts/find-chrome.mjs';

/** Launches the system Chromium headless; Playwright gives it a fresh temporary profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
}

/** Collects console errors, page errors and failed (≥ 400) responses of `page`. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`.trim());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return errors;
}
