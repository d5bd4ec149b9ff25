/**
 * What the engine (main thread) and the processor (audio thread) agree on: the processor
 * name, the transport kinds, the processor's options and the port messages. It lives in core
 * (the worklet is a host of core code and imports it; core never imports the worklet). Types
 * and constants only — no side effects, so the worklet bundle can inline it.
 */
import type { ResolvedLevelOptions } from '../dsp/level-meter';
import type { ResolvedBallisticOptions } from '../dsp/ballistics';
import type { LevelKernelKind } from '../dsp/level-kernel-wasm';

/** Registered processor name; carries the bank layout version so two builds never clash. */
export const PROCESSOR_NAME = 'meterkit-meter-v2';

/** The default block size of Web Audio (a render quantum), samples: one publish per quantum. */
export const RENDER_QUANTUM = 128;

export type TransportKind = 'shared' | 'message';
/** Level kernel requested for the audio thread: `auto` (WebAssembly SIMD where available) or `js`. */
export type LevelKernelRequest = 'auto' | 'js';
export type { LevelKernelKind };

/** `processorOptions` of the meterkit AudioWorkletNode. */
export interface ProcessorInit {
  /** Inputs of the node (one per real track). */
  tracks: number;
  channels: number;
  /**
   * Groups: summed tracks published after the inputs, in order; each lists the input tracks it
   * sums. Does not include the master bus (see `master`).
   */
  groups: number[][];
  /** A master bus (the sum of every input) published after the groups. Bank tracks = tracks + groups.length + (master ? 1 : 0). */
  master: boolean;
  /**
   * Resolved ballistics of the BALLISTIC field, one entry per bank track, without sampleRate
   * (null: digital peak, i.e. the decaying peak).
   */
  ballistics: (Omit<ResolvedBallisticOptions, 'sampleRate'> | null)[];
  /** Bank tracks measured for loudness (BS.1770 / EBU R128). */
  loudness: number[];
  /** Bank tracks measured for correlation and balance (channels 1 and 2). */
  correlation: number[];
  /** Correlation window, ms. */
  correlationWindowMs: number;
  transport: TransportKind;
  /** The shared bank (shared transport) or null (message transport: the processor owns a local bank). */
  words: Int32Array | null;
  /** Resolved level options without sampleRate (the processor adds the context's and does not re-validate). */
  level: Omit<ResolvedLevelOptions, 'sampleRate'>;
  /** Message transport: post a snapshot at least this often, Hz. */
  messageRateHz: number;
  /** Level kernel request (default `auto`). */
  kernel?: LevelKernelRequest;
  /** Bank tracks with a sample ring (the goniometer's samples), in ring order. Empty: none. */
  scope?: number[];
  /** Shared transport: the scope buffer (core/scope/ring-layout.ts); null or absent: batched posts. */
  scopeWords?: Int32Array | null;
  /** Bank tracks analysed by the one-third-octave spectrum, in slot order. Empty or absent: none. */
  spectrum?: number[];
  spectrumTimeWeighting?: 'fast' | 'slow';
  /** Shared transport: the spectrum bank (core/spectrum/spectrum-bank.ts); null or absent: posted with each snapshot. */
  spectrumWords?: Int32Array | null;
}

/** Main → processor: stop processing, publish WRITER_STOPPED, close the port. */
export interface DisposeMessage {
  type: 'dispose';
}
/**
 * Main → processor (message transport): the UI's control words, packed by
 * `packControlWords` (core/bank/control.ts): the forwarded header words, then per track the
 * schema's request counters.
 */
export interface ControlMessage {
  type: 'control';
  words: Int32Array;
}
/** Main → processor (message transport): post a snapshot now. */
export interface FlushMessage {
  type: 'flush';
}
/**
 * Main → processor (message transport): also post every snapshot to `port` (the render
 * worker's end of a MessageChannel), so the worker gets the bank straight from the audio
 * thread, not through the main thread. `id` names it for {@link DetachPortMessage}.
 */
export interface AttachPortMessage {
  type: 'attach-port';
  id: number;
  port: MessagePort;
}
/** Main → processor: stop posting to the port attached as `id` (and close it). */
export interface DetachPortMessage {
  type: 'detach-port';
  id: number;
}
/** Main → processor: drop the spectrum holds of slot `slot` (−1: every slot) to the current levels. */
export interface SpectrumResetMessage {
  type: 'spectrum-reset';
  slot: number;
}
/** Most extra snapshot ports a processor serves (one render worker per page needs one). */
export const MAX_ATTACHED_PORTS = 8;
export type ToProcessor = DisposeMessage | ControlMessage | FlushMessage | AttachPortMessage | DetachPortMessage | SpectrumResetMessage;

/** Processor → main (message transport): a full copy of the processor's bank words. */
export interface SnapshotMessage {
  type: 'snapshot';
  words: Int32Array;
  /** True for the answer to a flush or dispose request (so it reflects everything up to it). */
  reply: boolean;
}
/** Processor → main: something went wrong setting up; the engine rejects with this text. */
export interface ErrorMessage {
  type: 'error';
  message: string;
}
/** Processor → main, once after construction: the level kernel it measures with. */
export interface KernelMessage {
  type: 'kernel';
  kernel: LevelKernelKind;
}
/**
 * Processor → main (message transport): a batch of a scope ring's frames, interleaved L, R
 * (`frames` of them, ≈ 20 ms; see core/metering/scope-tap.ts).
 */
export interface ScopeMessage {
  type: 'scope';
  ring: number;
  frames: number;
  data: Float32Array;
}
/** Processor → main (message transport), right after each snapshot: a copy of the processor's spectrum bank. */
export interface SpectrumMessage {
  type: 'spectrum';
  words: Int32Array;
}
export type FromProcessor = SnapshotMessage | ErrorMessage | KernelMessage | ScopeMessage | SpectrumMessage;
