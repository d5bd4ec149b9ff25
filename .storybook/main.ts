/**
 * Storybook configuration of the meterkit gallery (`npm start`, `npm run build-storybook`).
 *
 * - `core.crossOriginIsolated` makes the dev server send COOP/COEP on the manager AND the
 *   preview iframe, so the preview is crossOriginIsolated and engines use the `shared`
 *   (SharedArrayBuffer) transport. (Headers set through `viteFinal` → `server.headers` reach
 *   only the modules Vite serves, not iframe.html.) The static build is served with the same
 *   headers by `scripts/serve-static.mjs` (`npm run preview-gallery`); the headers are defined once,
 *   in `scripts/isolation-headers.mjs`.
 * - Stories import meterkit from `src/` (no build needed, edits show at once); the Vite plugin
 *   below provides the virtual module the worklet loader imports for its blob: fallback.
 */
import type { StorybookConfig } from '@storybook/react-vite';
import { ISOLATION_HEADERS } from '../scripts/isolation-headers.mjs';
import { workletSourceVitePlugin } from '../scripts/worklet-source-plugin.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, crossOriginIsolated: true },
  // No "getting started" checklist in the gallery's sidebar: it is a tour of Storybook, not of meterkit.
  features: { sidebarOnboardingChecklist: false },
  typescript: {
    // Prop tables from the TypeScript types and their doc comments, including props declared
    // in another file (LedMeter's props are TrackMeterProps).
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal(config) {
    config.plugins = [...(config.plugins ?? []), workletSourceVitePlugin()];
    // The modules Vite serves carry the same headers (iframe.html gets them from
    // `core.crossOriginIsolated`, whose values are these).
    config.server = { ...config.server, headers: { ...config.server?.headers, ...ISOLATION_HEADERS } };
    // meterkit's modules start with "use client" for React Server Components; bundling them
    // into the gallery is intended, so the per-file MODULE_LEVEL_DIRECTIVE warnings are noise.
    const rolldownOptions = config.build?.rolldownOptions ?? {};
    const onwarn = rolldownOptions.onwarn;
    config.build = {
      ...config.build,
      rolldownOptions: {
        ...rolldownOptions,
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          if (onwarn) onwarn(warning, warn);
          else warn(warning);
        },
      },
    };
    return config;
  },
};

export default config;
