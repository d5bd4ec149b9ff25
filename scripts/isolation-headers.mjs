// @ts-check
/**
 * The one definition of the HTTP headers that make a page cross-origin isolated
 * (`crossOriginIsolated === true`, so SharedArrayBuffer and meterkit's `shared` transport are
 * available). Imported by vitest.config.ts (test pages), .storybook/main.ts (gallery dev
 * server), scripts/serve-static.mjs (built gallery preview, gallery smoke test) and
 * bench/server.mjs (benchmark pages). Plain JS (types in isolation-headers.d.mts) so Node
 * scripts import it without a build.
 */

/** COOP + COEP: what a page needs to be cross-origin isolated. */
export const ISOLATION_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

/**
 * What the static servers send on every response: the isolation headers plus
 * `Cross-Origin-Resource-Policy: same-origin`, so the page's own scripts, worklets and workers
 * load under COEP.
 */
export const STATIC_SERVER_HEADERS = Object.freeze({
  ...ISOLATION_HEADERS,
  'Cross-Origin-Resource-Policy': 'same-origin',
});
