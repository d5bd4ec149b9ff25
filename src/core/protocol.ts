/**
 * What the engine (main thread) and the processor (audio thread) agree on: the processor
 * name, its options and the port messages. Types and constants only — no side effects, so the
 * worklet bundle can import it.
 */
import type { LevelMeterOptions } from '../dsp/level-meter';
import type { BallisticMeterOptions } from '../dsp/ballistics';

/** Registered processor name; carries the bank layout version so two builds never clash. */
export const PROCESSOR_NAME = 'meterkit-meter-v1';

export type TransportKind = 'shared' | 'message';

/** `processorOptions` of the meterkit AudioWorkletNode. */
export interface ProcessorInit {
  /** Inputs of the node (one per real track). */
  tracks: number;
  channels: number;
  /**
   * Summed tracks published after the inputs, in order: each lists the input tracks it sums
   * (groups, then the master bus when enabled). Bank tracks = tracks + groups.length.
   */
  groups: number[][];
  /** Ballistics of the BALLISTIC field (null: digital peak, i.e. the decaying peak). */
  ballistics: Omit<BallisticMeterOptions, 'sampleRate'> | null;
  /** Bank tracks measured for loudness (BS.1770 / EBU R128). */
  loudness: number[];
  /** Bank tracks measured for correlation and balance (channels 1 and 2). */
  correlation: number[];
  /** Correlation window, ms. */
  correlationWindowMs: number;
  transport: TransportKind;
  /** The shared bank (shared transport) or null (message transport: the processor owns a local bank). */
  words: Int32Array | null;
  /** Level options without sampleRate (the processor uses the context's). */
  level: Omit<LevelMeterOptions, 'sampleRate'>;
  /** Message transport: post a snapshot at least this often, Hz. */
  messageRateHz: number;
}

/** Main → processor: stop processing, publish WRITER_STOPPED, close the port. */
export interface DisposeMessage {
  type: 'dispose';
}
/**
 * Main → processor (message transport): the UI's control words — header words
 * [H_RESET_ALL_OVERS .. H_CONTROL_GEN] then, per track, [CLEAR_OVERS, CLEAR_HOLD, RESET_LOUDNESS].
 */
export interface ControlMessage {
  type: 'control';
  words: Int32Array;
}
/** Main → processor (message transport): post a snapshot now. */
export interface FlushMessage {
  type: 'flush';
}
export type ToProcessor = DisposeMessage | ControlMessage | FlushMessage;

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
export type FromProcessor = SnapshotMessage | ErrorMessage;
