/**
 * Loads the metering worklet module into an audio context: once per context, however many
 * engines use it (idempotent; concurrent calls share one `addModule`).
 *
 * Without a `url`, the bundled file is loaded from next to this package's code; if that
 * fails (a bundler that did not ship the file), the same code is loaded from a Blob URL.
 * With a `url` (strict CSP, self-hosting), exactly that URL is used.
 *
 * Thread: main thread.
 */
import { defaultWorkletUrl } from './worklet-url';
import { describeValue } from '../dsp/validate';

const loaded = new WeakMap<BaseAudioContext, Map<string, Promise<void>>>();

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

/**
 * The error when the context closed while (or before) its module loaded: the browser then
 * rejects `addModule` with the same AbortError as for a missing file (bug 5 of issue 12).
 */
export function closedWhileLoadingError(cause: unknown): Error {
  return new Error(
    'meterkit: the audio context was closed while the metering worklet was loading, so no meter engine can be created on it; ' +
      'create a new AudioContext (and close it only after disposing its engines).',
    { cause },
  );
}

const isClosed = (context: BaseAudioContext): boolean => context.state === 'closed';

async function addBundled(context: BaseAudioContext, worklet: AudioWorklet): Promise<void> {
  const url = defaultWorkletUrl();
  try {
    await worklet.addModule(url);
  } catch (fileError) {
    if (isClosed(context)) throw closedWhileLoadingError(fileError);
    let blobUrl: string | null = null;
    try {
      const { PROCESSOR_SOURCE } = await import('./worklet-source');
      blobUrl = URL.createObjectURL(new Blob([PROCESSOR_SOURCE], { type: 'text/javascript' }));
      await worklet.addModule(blobUrl);
    } catch (blobError) {
      if (isClosed(context)) throw closedWhileLoadingError(blobError);
      // Both failures are in the message; the cause is the first (file URL) one, the one to fix.
      throw new Error(
        `meterkit: could not load the metering worklet from ${url.href} (${reasonOf(fileError)}) nor from a blob: URL ` +
          `(${reasonOf(blobError)}). Serve node_modules/meterkit/dist/worklet/processor.js from your site and pass its URL ` +
          'as the workletUrl option (and allow it in your Content-Security-Policy script-src).',
        // eslint-disable-next-line preserve-caught-error -- the caught blobError is secondary (see above)
        { cause: fileError },
      );
    } finally {
      if (blobUrl !== null) URL.revokeObjectURL(blobUrl);
    }
  }
}

async function addGiven(context: BaseAudioContext, worklet: AudioWorklet, href: string): Promise<void> {
  try {
    await worklet.addModule(href);
  } catch (cause) {
    if (isClosed(context)) throw closedWhileLoadingError(cause);
    throw new Error(
      `meterkit: could not load the metering worklet from ${href} (${reasonOf(cause)}). Check that the file is served ` +
        '(same origin or CORS, a JavaScript MIME type) and allowed by your Content-Security-Policy script-src; ' +
        'it must be meterkit/worklet (dist/worklet/processor.js) from the same meterkit version.',
      { cause },
    );
  }
}

/**
 * Adds the metering worklet to `context` (default: the copy bundled with meterkit).
 * Rejects with an Error that says what to do — the browser's own errors ("AbortError: Unable
 * to load a worklet's module") do not.
 */
export function loadMeterWorklet(context: BaseAudioContext, url?: string | URL): Promise<void> {
  if (context === null || typeof context !== 'object') {
    return Promise.reject(new TypeError(`loadMeterWorklet: context must be an AudioContext or OfflineAudioContext, got ${describeValue(context)}`));
  }
  if (url !== undefined && typeof url !== 'string' && !(url instanceof URL)) {
    return Promise.reject(new TypeError(`loadMeterWorklet: url must be a string or URL, got ${describeValue(url)}`));
  }
  const worklet = (context as { audioWorklet?: AudioWorklet }).audioWorklet;
  if (worklet === undefined) {
    return Promise.reject(
      new Error('meterkit: this context has no audioWorklet. AudioWorklet needs a secure context (https:// or http://localhost) and a current browser.'),
    );
  }
  const key = url === undefined ? '' : String(url);
  let perContext = loaded.get(context);
  if (perContext === undefined) {
    perContext = new Map();
    loaded.set(context, perContext);
  }
  let pending = perContext.get(key);
  if (pending === undefined) {
    pending = (key === '' ? addBundled(context, worklet) : addGiven(context, worklet, key)).catch((error: unknown) => {
      perContext.delete(key); // allow a retry
      throw error;
    });
    perContext.set(key, pending);
  }
  return pending;
}
