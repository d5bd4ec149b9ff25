/**
 * Audio-thread cost: renders `warmupS` + `seconds` of the program graph for `tracks` stereo
 * tracks through an OfflineAudioContext in a fresh page, with one contender attached (see
 * pages/offline.ts), and times the render from the end of the warm-up (a suspend() at
 * `warmupS`) to the end. Offline rendering is not paced, so that time is what the audio
 * rendering thread needed. Per round, against the control render of the same round and size:
 *
 *   real-time factor = audio seconds / render seconds
 *   share of one core = (render − control render) / audio seconds
 *
 * `null-worklet` is a diagnostic row: meterkit's node topology (one AudioWorkletNode with one
 * stereo input per track, fed through a unity GainNode) with an empty process(), i.e. what
 * Chromium charges before any metering code runs.
 *
 * `pollHz` > 0 (flag --poll-hz) also suspends every contender at that rate and does its UI's
 * per-frame read (see pages/offline.ts), charging the reads to the render as well.
 */
import { closeContext, withTimeout } from './util.mjs';

/** `meterkit` runs the default level kernel (WebAssembly SIMD), `meterkit-js` the JavaScript one (engine option `kernel: 'js'`). */
export const OFFLINE_CONTENDERS = ['meterkit', 'meterkit-js', 'analyser', 'wapm', 'null-worklet', 'control'];
/**
 * Opt-in (only when named in --audio-contenders): `meterkit-loudness`, the default engine with
 * `loudness: true` (BS.1770 / R128 with true peak on every track); its row minus meterkit's,
 * per track, is the loudness cost per stereo track. `meterkit-spectrum` (`spectrum` on every
 * track: 31 one-third-octave bands) and `meterkit-scope` (`scope` on every track: the
 * goniometer's sample rings) likewise give the spectrum's and the scope's cost per stereo track.
 */
export const OPTIONAL_OFFLINE_CONTENDERS = ['meterkit-loudness', 'meterkit-spectrum', 'meterkit-scope'];
/** The level kernel each meterkit contender must report, or the measurement is refused. */
const EXPECTED_KERNEL = {
  meterkit: 'wasm-simd',
  'meterkit-js': 'js',
  'meterkit-loudness': 'wasm-simd',
  'meterkit-spectrum': 'wasm-simd',
  'meterkit-scope': 'wasm-simd',
};

export async function measureOffline(browser, baseUrl, { contender, tracks, seconds, warmupS = 1, pollHz = 0 }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${baseUrl}index.html?mode=offline`);
    const info = await withTimeout(
      page.evaluate(() => window.bench.ready),
      30_000,
      'page setup',
    );
    const result = await withTimeout(
      page.evaluate(([c, t, s, w, p]) => window.bench.renderOffline(c, t, s, w, p), [contender, tracks, seconds + warmupS, warmupS, pollHz]),
      60_000 + seconds * 20_000,
      `offline render of ${contender}`,
    );
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const kernel = EXPECTED_KERNEL[contender];
    if (kernel !== undefined && result.kernel !== kernel) throw new Error(`${contender} measured with the ${result.kernel} level kernel, expected ${kernel}`);
    if (contender !== 'control' && contender !== 'null-worklet' && !(result.measuredLevel > 0)) {
      throw new Error(`${contender} measured nothing in the offline render (level ${result.measuredLevel})`);
    }
    return { ...result, crossOriginIsolated: info.crossOriginIsolated };
  } finally {
    await closeContext(context);
  }
}
