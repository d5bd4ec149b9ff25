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
  CONSUMER_SLOTS,
  NAN_BITS,
  type BankLayout,
  type BankInit,
} from './bank/layout';
export { claimConsumerSlot, releaseConsumerSlot, markConsumerSlot, consumerSlotsInUse } from './bank/consumers';
export {
  CHANNEL_FIELDS,
  TRACK_FIELDS,
  CONTROL_FIELDS,
  SLOT_FIELDS,
  type BankField,
  type FieldKind,
  type FieldWriter,
  type ChannelFieldName,
  type TrackFieldName,
} from './bank/schema';
export { BankMetering, RENDER_QUANTUM, type MeteringInit } from './metering/bank-metering';
export { resolveEngineOptions, LEVEL_OPTION_NAMES, type ResolvedEngineOptions } from './engine-options';
export { type ProcessorInit } from './protocol';
export {
  createFrameLoop,
  getFrameLoop,
  type FrameLoop,
  type FrameLoopOptions,
  type FrameCallback,
  type FrameClock,
  type FramePhase,
  type VisibilitySource,
} from './frame-loop';
export { PROCESSOR_NAME } from './protocol';
export { type MeterSource, type HasMeterSource, toMeterSource } from './meter-source';
export { MeterHub, getMeterHub, type TrackListener } from './meter-hub';
export { createManualBank, type ManualBank, type ManualChannelLevels, type ManualTrackReadings } from './manual-bank';
export {
  MeterView,
  resolveMeterViewOptions,
  type MeterViewOptions,
  type ResolvedMeterViewOptions,
  type MeterKind,
  type MeterReading,
  type MeterViewStats,
} from './meter-view';
export {
  createDbScale,
  positionFromDb,
  dbFromPosition,
  DIGITAL_SCALE,
  DIGITAL_EXPANDED_SCALE,
  scaleForBallistics,
  type MeterScaleSpec,
  type ScaleTick,
  type DbScaleOptions,
} from './render/scale';
export {
  resolveMeterStyle,
  zoneColor,
  DEFAULT_COLORS,
  DEFAULT_STYLE,
  type MeterColors,
  type MeterStyle,
  type MeterStyleInput,
} from './render/style';
export { createSurface, sizeSurface, type Surface } from './render/surface';
export { type Orientation, type Rect } from './render/geometry';
export { segmentThresholds, litSegments, holdSegment, drawLedChannel } from './render/led';
export { barLength, drawBarChannel, drawHoldMarker, drawClipLed, drawReadout, formatReadout } from './render/bar';
export { drawScale, type ScaleLayout } from './render/scale-draw';
export { observeSize, observeVisibility, watchPixelRatio, currentPixelRatio, observerCounts } from './observers';
export { LoudnessView, loudnessScale, loudnessRange, type LoudnessViewOptions, type LoudnessScaleRange } from './loudness-view';
export {
  LOUDNESS_TARGETS,
  resolveLoudnessTarget,
  type LoudnessTarget,
  type LoudnessTargetName,
} from './loudness-targets';
export { CorrelationView } from './correlation-view';
export { drawLoudnessBar, drawLoudnessHistory } from './render/loudness';
export { drawCorrelation } from './render/correlation';
export { type EngineBallistics } from './engine';
export type { BallisticsPreset } from '../dsp/ballistics-presets';
