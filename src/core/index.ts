/**
 * `meterkit/core` — framework-free: the meter bank, the engine that loads the worklet and
 * wires nodes, the shared frame loop. No React.
 */
export {
  createMeterEngine,
  type MeterEngine,
  type MeterEngineOptions,
} from './engine';
export { loadMeterWorklet } from './worklet-loader';
export { defaultWorkletUrl } from './worklet-url';
export { chooseTransport, canShareMemory, MessageMirror, type TransportKind, type TransportRequest } from './transport';
export {
  MeterBankReader,
  createTrackLevels,
  fieldCount,
  type TrackLevels,
  type BankReaderOptions,
} from './bank/reader';
export { BankWriter, PEAK_RING, RESET_OVERS, RESET_HOLD, RESET_LOUDNESS, type ChannelLevelSource } from './bank/writer';
export {
  bankLayout,
  bytesForBank,
  createBankWords,
  layoutFromWords,
  BANK_VERSION,
  MAX_TRACKS,
  MAX_CHANNELS,
  MIN_SAMPLE_RATE,
  MAX_SAMPLE_RATE,
  type BankLayout,
  type BankInit,
} from './bank/layout';
export {
  createFrameLoop,
  getFrameLoop,
  type FrameLoop,
  type FrameLoopOptions,
  type FrameCallback,
  type FramePhase,
  type VisibilitySource,
} from './frame-loop';
export { PROCESSOR_NAME } from '../worklet/protocol';
