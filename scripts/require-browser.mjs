#!/usr/bin/env node
// @ts-check
/**
 * First step of `npm test`: stops the run at once, with one message giving the install command
 * for this OS, when no Chromium/Chrome is found (scripts/find-chrome.mjs) — instead of a wall of
 * failing browser tests later.
 */
import { findChrome } from './find-chrome.mjs';

try {
  findChrome();
} catch (error) {
  process.stderr.write(`\nnpm test needs a browser. ${error instanceof Error ? error.message : String(error)}\n\n`);
  process.exit(1);
}
