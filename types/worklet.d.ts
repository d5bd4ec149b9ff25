/**
 * `meterkit/worklet` — the meterkit AudioWorkletProcessor as one self-contained, minified ES
 * module (dist/worklet/processor.js). It is an asset to load by URL, not a module to import:
 *
 * ```ts
 * const url = new URL('meterkit/worklet', import.meta.url); // or import.meta.resolve('meterkit/worklet')
 * await audioContext.audioWorklet.addModule(url);
 * ```
 *
 * Evaluated in an AudioWorkletGlobalScope it registers the processor named
 * `PROCESSOR_NAME` (from `meterkit/core`) and has no exports. Importing it on the main thread
 * fails (`registerProcessor` is not defined there). `loadMeterWorklet` and `MeterEngine`
 * (`meterkit/core`) load it for you; the engine talks to it with the `ProcessorInit` options
 * of `new AudioWorkletNode(context, PROCESSOR_NAME, { processorOptions })`.
 *
 * Types only, for tools that need every export to have a declaration; nothing here exists
 * at run time.
 */
export type { ProcessorInit } from '../core.js';
