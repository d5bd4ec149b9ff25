/**
 * The browser lookup (scripts/find-chrome.mjs) and `npm test`'s first step
 * (scripts/require-browser.mjs): on a machine without Chromium/Chrome `npm test` stops at once
 * with one message giving the install command for the OS — before packing, building or
 * starting any test. `METERKIT_CHROME_CANDIDATES=''` masks the usual install locations.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome, installCommand, PLAYWRIGHT_INSTALL } from '../../scripts/find-chrome.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const saved = { CHROME_PATH: process.env.CHROME_PATH, METERKIT_CHROME_CANDIDATES: process.env.METERKIT_CHROME_CANDIDATES };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('installCommand', () => {
  it('gives the package manager command of each OS', () => {
    expect(installCommand('linux', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe('sudo apt-get install -y chromium');
    expect(installCommand('linux', 'ID=ubuntu\nID_LIKE=debian\n')).toBe('sudo snap install chromium');
    expect(installCommand('linux', 'ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('sudo apt-get install -y chromium');
    expect(installCommand('linux', 'ID="fedora"\n')).toBe('sudo dnf install -y chromium');
    expect(installCommand('linux', 'ID="rocky"\nID_LIKE="rhel centos fedora"\n')).toBe('sudo dnf install -y chromium');
    expect(installCommand('linux', 'ID=arch\n')).toBe('sudo pacman -S --needed chromium');
    expect(installCommand('linux', 'ID=alpine\n')).toBe('sudo apk add chromium');
    expect(installCommand('linux', 'ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n')).toBe('sudo zypper install -y chromium');
    expect(installCommand('darwin')).toBe('brew install --cask google-chrome');
    expect(installCommand('win32')).toBe('winget install --id Google.Chrome --exact');
  });

  it("falls back to Playwright's downloader where no package manager is known", () => {
    expect(installCommand('linux', 'ID=nixos\n')).toBe(PLAYWRIGHT_INSTALL);
    expect(installCommand('linux', '')).toBe(PLAYWRIGHT_INSTALL);
    expect(installCommand('freebsd')).toBe(PLAYWRIGHT_INSTALL);
  });
});

describe('findChrome', () => {
  it('takes CHROME_PATH first, then the candidate list in order', () => {
    process.env.CHROME_PATH = process.execPath;
    process.env.METERKIT_CHROME_CANDIDATES = '';
    expect(findChrome()).toBe(process.execPath);
    delete process.env.CHROME_PATH;
    process.env.METERKIT_CHROME_CANDIDATES = ['/nonexistent/chromium', process.execPath, root].join(path.delimiter);
    expect(findChrome()).toBe(process.execPath);
  });

  it('throws with the install command when nothing is found', () => {
    delete process.env.CHROME_PATH;
    process.env.METERKIT_CHROME_CANDIDATES = '/nonexistent/a';
    expect(() => findChrome()).toThrow(`No Chromium or Chrome found for the browser tests. Install one with:\n\n    ${installCommand()}\n`);
    process.env.CHROME_PATH = '/nonexistent/chrome';
    expect(() => findChrome()).toThrow('CHROME_PATH is set to "/nonexistent/chrome", but no file exists there.');
  });
});

describe('npm test without a browser', () => {
  function npmTest(env: Record<string, string>) {
    const started = performance.now();
    const base = { ...process.env };
    delete base.CHROME_PATH;
    const run = spawnSync('npm', ['test'], { cwd: root, encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - started };
  }

  it('stops at once with the install command when CHROME_PATH names a missing file', () => {
    const run = npmTest({ CHROME_PATH: '/nonexistent/chrome', METERKIT_CHROME_CANDIDATES: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm test needs a browser. CHROME_PATH is set to "/nonexistent/chrome", but no file exists there.');
    expect(run.stderr).toContain(`\n    ${installCommand()}\n`);
    // Nothing after the check ran: no pack (its report), no build (tsup), no vitest (its banner).
    expect(run.stdout + run.stderr).not.toMatch(/^pack:local: |CLI Building entry|RUN\s+v\d/m);
    expect(run.ms).toBeLessThan(15_000);
  });

  it('stops at once with the install command when no usual location has a browser', () => {
    const run = npmTest({ METERKIT_CHROME_CANDIDATES: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`npm test needs a browser. No Chromium or Chrome found for the browser tests. Install one with:\n\n    ${installCommand()}\n`);
    expect(run.stdout + run.stderr).not.toMatch(/^pack:local: |CLI Building entry|RUN\s+v\d/m);
    expect(run.ms).toBeLessThan(15_000);
  });
});
