/** Types of isolation-headers.mjs (plain JS, so node runs it without a build). */
export declare const ISOLATION_HEADERS: Readonly<{
  'Cross-Origin-Opener-Policy': 'same-origin';
  'Cross-Origin-Embedder-Policy': 'require-corp';
}>;
export declare const STATIC_SERVER_HEADERS: Readonly<{
  'Cross-Origin-Opener-Policy': 'same-origin';
  'Cross-Origin-Embedder-Policy': 'require-corp';
  'Cross-Origin-Resource-Policy': 'same-origin';
}>;
