/** Types of serve-static.mjs (a plain-JS script, so `node` runs it without a build). */
/** Serves `dir` with COOP/COEP/CORP on every response; port 0 = any free port. */
export declare function serveStatic(
  dir: string,
  options?: { port?: number; host?: string; requireIndex?: boolean },
): Promise<{ url: string; close: () => Promise<void> }>;
