/** Types of serve-static.mjs (a plain-JS script, so `node` runs it without a build). */
export declare const ISOLATION_HEADERS: {
  'Cross-Origin-Opener-Policy': 'same-origin';
  'Cross-Origin-Embedder-Policy': 'require-corp';
};
/** Serves `dir` with COOP/COEP on every response; port 0 = any free port. */
export declare function serveStatic(dir: string, options?: { port?: number; host?: string }): Promise<{ url: string; close: () => Promise<void> }>;
