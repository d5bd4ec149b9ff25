import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { findChrome, CHROME_ARGS } from './scripts/find-chrome.mjs';
import { ISOLATION_HEADERS } from './scripts/isolation-headers.mjs';
import { workletSourceVitePlugin } from './scripts/worklet-source-plugin.ts';
import { heapSample, cpuProfile, traceAnimationFrames, emulateColorScheme } from './scripts/vitest-commands.ts';
import { compareScreenshots } from './test/visual/compare-screenshots.ts';
import { buildLevelWasm } from './scripts/build-level-wasm.mjs';

// The WebAssembly level kernel's bytes are generated from src/dsp/level-kernel.wat (not checked in).
await buildLevelWasm();

/** Test iframe size of the visual tests: big enough for the largest frozen story (meters outside the viewport do not draw). */
const VISUAL_VIEWPORT = { width: 1280, height: 1000 };

// Browser projects need Chromium; a run of only Node projects (e.g. `--project unit`) does not.
const requested = process.argv.flatMap((a, i) => (a === '--project' ? [process.argv[i + 1]] : a.startsWith('--project=') ? [a.slice(10)] : []));
const wantsBrowser = requested.length === 0 || requested.some((p) => p !== 'unit' && p !== 'e2e');

export default defineConfig({
  plugins: [workletSourceVitePlugin()],
  server: {
    // Every test page cross-origin isolated (SharedArrayBuffer): the one header definition.
    headers: { ...ISOLATION_HEADERS },
    // The end-to-end tests write apps (a tsconfig.json among them) under .tmp/ while browser
    // tests run; Vite must not see those as changes of this project (a tsconfig change clears
    // its cache and reloads every test page).
    watch: { ignored: ['**/.tmp/**'] },
  },
  // Pre-bundle what the browser tests import, so Vite never reloads a running test.
  optimizeDeps: {
    include: ['react', 'react-dom', 'react-dom/client', 'react-dom/server', 'react/jsx-runtime', 'react/jsx-dev-runtime', '@testing-library/react', 'axe-core'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // After the other projects, not beside them: its app builds (gallery, Vite, Next.js)
          // would starve the timing-sensitive browser and concurrency tests on 2 cores.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
          setupFiles: ['test/browser/setup.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              // Precise heap numbers and gc() for the no-allocation-per-frame test.
              launchOptions: wantsBrowser
                ? { executablePath: findChrome(), args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] }
                : {},
            }),
            instances: [{ browser: 'chromium' }],
            commands: { heapSample, cpuProfile, traceAnimationFrames, compareScreenshots, emulateColorScheme },
          },
        },
      },
      {
        // Visual regression of the gallery's frozen stories (README "Visual tests").
        // Baselines: test/visual/__screenshots__/<story id>-chromium-linux.png.
        extends: true,
        optimizeDeps: { include: ['@storybook/react-vite', 'axe-core'] },
        test: {
          name: 'visual',
          include: ['test/visual/**/*.test.tsx'],
          setupFiles: ['test/visual/setup.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: wantsBrowser ? { executablePath: findChrome(), args: CHROME_ARGS } : {},
              // The page around the test iframe is as big as the iframe, so vitest does not
              // scale the iframe down to fit (a scaled iframe gives resampled screenshots).
              contextOptions: { viewport: VISUAL_VIEWPORT, deviceScaleFactor: 1 },
            }),
            instances: [{ browser: 'chromium' }],
            viewport: VISUAL_VIEWPORT,
            expect: {
              toMatchScreenshot: {
                resolveScreenshotPath: ({ root, arg, browserName, platform, ext }) =>
                  path.join(root, 'test/visual/__screenshots__', `${arg}-${browserName}-${platform}${ext}`),
              },
            },
            commands: { compareScreenshots },
          },
        },
      },
    ],
  },
});
