/**
 * When `AudioContext.outputLatency` may be read.
 *
 * Firefox (ESR 153 on Linux, PulseAudio, found under CPU load) can deadlock a page's main thread
 * when `outputLatency` is read while the context's audio stream is starting up with an
 * AudioWorklet on it: the getter asks the audio server for the stream's latency while holding
 * the graph's lock, the audio callback waits for that lock, and the server waits for the
 * callback — the getter never returns and the tab hangs. Reading it once audio has been flowing
 * for a while is safe (thousands of reads measured under the same load), so the engine follows
 * the output latency only when
 *
 * - the context is `'running'`, and
 * - it has rendered at least {@link SETTLE_S} seconds of audio (by `currentTime`) since the
 *   gate was made (the engine's worklet was just added) and since it last started running
 *   (a `resume()` restarts the stream).
 *
 * Until then the engine uses `baseLatency` alone (a constant in Chromium and Firefox, no round trip to the audio server).
 * The gate itself reads only `state` and `currentTime`, never `outputLatency`.
 */

/**
 * Seconds of rendered audio after which `outputLatency` is read. Reads 1 s after `resume()`
 * settled were safe in every run measured; 3 s leaves room for a stream that starts slowly
 * under load (Firefox's `resume()` alone takes about 2 s with PulseAudio here).
 */
export const SETTLE_S = 3;

export class LatencyGate {
  private readonly context: BaseAudioContext;
  /** Context time from which {@link SETTLE_S} seconds must have been rendered. */
  private from: number;

  constructor(context: BaseAudioContext) {
    this.context = context;
    this.from = context.currentTime;
  }

  /** Call on every `statechange` of the context: a (re)start of running restarts the wait. */
  onStateChange(): void {
    if (this.context.state === 'running') this.from = this.context.currentTime;
  }

  /** True when `outputLatency` may be read now. */
  ready(): boolean {
    return this.context.state === 'running' && this.context.currentTime >= this.from + SETTLE_S;
  }
}

/**
 * True when `context` has the latency properties at all (checked with `in`: the getters are not
 * called, see {@link LatencyGate}).
 */
export function reportsLatency(context: BaseAudioContext): boolean {
  return 'outputLatency' in context || 'baseLatency' in context;
}

/**
 * True when the engine follows `context`'s own latency (`alignToOutput` on, no fixed latency): a
 * realtime context that reports one — an OfflineAudioContext has none.
 */
export function followsContextLatency(context: BaseAudioContext): boolean {
  const offline = typeof OfflineAudioContext !== 'undefined' && context instanceof OfflineAudioContext;
  return !offline && reportsLatency(context);
}
