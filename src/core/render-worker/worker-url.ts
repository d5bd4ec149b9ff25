/**
 * Where the bundled render worker lives, relative to this module in the published package
 * (every dist/*.js file and chunk sits flat in dist/). Keep the expression literal: bundlers
 * (Vite, webpack, Next.js) recognise `new URL('<string>', import.meta.url)` and ship the file.
 * `?no-inline` stops Vite from inlining it as a `data:` URL; servers ignore the query.
 */
export function defaultRenderWorkerUrl(): URL {
  return new URL('./render-worker.js?no-inline', import.meta.url);
}
