/** Types of find-chrome.mjs (plain JS, so node runs it without a build). */
export declare const CHROME_CANDIDATES: readonly string[];
export declare const PLAYWRIGHT_INSTALL: string;
/** The command that installs a browser on `platform` (`osRelease`: /etc/os-release text on Linux). */
export declare function installCommand(platform?: NodeJS.Platform, osRelease?: string): string;
/** A Chromium/Chrome executable path; throws an Error with the install command when there is none. */
export declare function findChrome(): string;
/** Flags for headless runs that need no network and give deterministic pixels. */
export declare const CHROME_ARGS: string[];
