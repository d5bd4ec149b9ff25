/**
 * Where the bundled worklet lives, relative to this module in the published package
 * (every dist/*.js file and chunk sits flat in dist/, the worklet in dist/worklet/).
 *
 * Keep this expression literal: bundlers (Vite, webpack, Next.js, Parcel) recognise
 * `new URL('<string>', import.meta.url)` and ship the file as an asset. `?no-inline` stops Vite
 * from inlining it as a `data:` URL, which a strict Content-Security-Policy would block;
 * servers ignore the query.
 */
export function defaultWorkletUrl(): URL {
  return new URL('./worklet/processor.js?no-inline', import.meta.url);
}
