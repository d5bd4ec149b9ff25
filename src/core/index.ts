/**
 * `meterkit/core` — framework-free: the meter bank, the engine that loads the worklet and
 * wires nodes, the shared frame loop. No React.
 */
export { createMeterEngine, type MeterEngine, type MeterEngineOptions } from './engine';
export { loadMeterWorklet } from './worklet-loader';
export { defaultWorkletUrl } from './worklet-url';
export { chooseTransport, canShareMemory, MessageMirror, type TransportKind, type TransportRequest } from './transport';
export { MeterBankReader, createTrackLevels, fieldCount, type TrackLevels, type BankReaderOptions } from './bank/reader';
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
export {
  meterStatus,
  meterStatusText,
  METER_STATUS_VALUES,
  DEFAULT_NO_SIGNAL_FLOOR_DB,
  DEFAULT_NO_SIGNAL_MS,
  type MeterStatusValue,
  type MeterStatusOptions,
  type PlatformStatus,
} from './meter-status';
export { watchMeterStatus, currentMeterStatus, watchedStatusCount, STATUS_POLL_MS } from './status-watch';
export { MeterHub, getMeterHub, CLIP_CHECK_MS, type TrackListener, type ClipListener } from './meter-hub';
export { createManualBank, type ManualBank, type ManualChannelLevels, type ManualTrackReadings } from './manual-bank';
export { MeterView, type MeterViewStats } from './views/meter-view';
export { resolveMeterViewOptions, type MeterViewOptions, type ResolvedMeterViewOptions, type MeterKind, type MeterReading } from './views/meter-options';
export { type CanvasView, type Context2D } from './views/canvas-view';
export {
  createCanvasView,
  buildCanvasView,
  ALL_CANVAS_VIEWS,
  LEVEL_VIEWS,
  SCALE_VIEWS,
  LOUDNESS_VIEWS,
  CORRELATION_VIEWS,
  GONIOMETER_VIEWS,
  SPECTRUM_VIEWS,
  type CanvasViewSpec,
  type CanvasViewFactory,
  type CanvasViewOptionsOf,
  type AnyCanvasView,
} from './views/create-canvas-view';
export { LoudnessBarView } from './views/loudness-bar-view';
export { LoudnessHistoryView, type LoudnessHistoryOptions } from './views/loudness-history-view';
export { CorrelationView, type CorrelationViewOptions } from './views/correlation-view';
export { ScaleView, type ScaleViewOptions } from './views/scale-view';
export { loudnessScale, loudnessRange, type LoudnessViewOptions, type LoudnessScaleRange } from './views/loudness-scale';
export { createCanvasHost, type CanvasHost } from './canvas-host';
export { ViewBinding, SILENT_FEED_MS, type SizedCanvas } from './views/view-binding';
export {
  RenderWorkerClient,
  getRenderWorker,
  configureRenderWorker,
  resetRenderWorker,
  settleRenderWorker,
  addRenderWorkerFont,
  canRenderInWorker,
  RENDER_MODES,
  WORKER_READY_TIMEOUT_MS,
  type RenderMode,
  type RenderWorkerState,
  type WorkerViewHandle,
} from './render-worker/client';
export { registerWorkerLink, sharedBankLink, portBankLink, type LinkClock } from './render-worker/links';
export { placementFor, createHostFor, setDefaultRenderMode, defaultRenderMode, type Placement } from './render-worker/placement';
export { createWorkerCanvasHost, type HostPlacement } from './render-worker/worker-canvas-host';
export { WorkerRenderHost, type WorkerHostPlatform } from './render-worker/worker-host';
export { defaultRenderWorkerUrl } from './render-worker/worker-url';
export {
  RENDER_WORKER_PROTOCOL,
  type SourceLink,
  type WorkerSourceLink,
  type ToRenderWorker,
  type FromRenderWorker,
  type RenderWorkerStats,
  type ViewGeometry,
  type ViewCommand,
} from './render-worker/protocol';
export { watchTrackDom, watchTrackClip, type TrackDomWatch, levelAria, clippedKey, type TrackDomValue, type LevelAriaOptions } from './dom-values';
export { ContextStyleCache } from './render/context';
export {
  createDbScale,
  positionFromDb,
  dbFromPosition,
  DIGITAL_SCALE,
  DIGITAL_EXPANDED_SCALE,
  scaleForBallistics,
  type MeterScaleSpec,
  type MeterScaleTick,
  type DbScaleOptions,
} from './render/scale';
export {
  resolveMeterStyle,
  checkMeterStyleInput,
  zoneColor,
  DEFAULT_COLORS,
  LIGHT_COLORS,
  THEME_COLORS,
  METER_THEMES,
  METER_THEME_SETTINGS,
  DEFAULT_STYLE,
  type MeterTheme,
  type MeterThemeSetting,
  type MeterColors,
  type MeterStyle,
  type MeterStyleInput,
} from './render/style';
export { type Orientation, type Rect } from './render/geometry';
export { segmentThresholds, litSegments, drawLedRange } from './render/led';
export { barLength, drawBarRange, drawHoldMarker, holdStart, holdEnd, drawClipLed, drawReadout, formatReadout, readoutTenths } from './render/bar';
export { drawScale, type ScaleLayout } from './render/scale-draw';
export { preferredTheme, watchPreferredTheme, resolveThemeSetting } from './color-scheme';
export { DelayedSource, outputLatencyMs, HISTORY as DELAY_HISTORY, MAX_DELAY_MS } from './delayed-source';
export {
  createSpectrumWords,
  checkSpectrumWords,
  spectrumSlotOf,
  spectrumSlots,
  spectrumTracksOf,
  SpectrumBankReader,
  SpectrumBankWriter,
  SPECTRUM_STRIDE,
} from './spectrum/spectrum-bank';
export { SpectrumView, type SpectrumViewOptions } from './views/spectrum-view';
export { resolveSpectrumOptions, spectrumWordsOf, type SpectrumOptionsInput } from './views/spectrum-options';
export { contrastRatio } from './render/contrast';
export { observeSize, observeVisibility, watchPixelRatio, currentPixelRatio, observerCounts } from './observers';
export { LOUDNESS_TARGETS, resolveLoudnessTarget, type LoudnessTarget, type LoudnessTargetName } from './loudness-targets';
export { drawLoudnessBar, drawLoudnessHistory } from './render/loudness';
export { drawCorrelation } from './render/correlation';
export type { EngineBallistics, TrackBallistics, TrackBallisticsMap, TrackBallisticsInfo } from './engine';
export type { BallisticsPreset } from '../dsp/ballistics-presets';
export { createScopeWords, ringOfTrack, DEFAULT_SCOPE_CAPACITY, SCOPE_MAX_BLOCK, type ScopeBufferOptions } from './scope/ring-layout';
export { SampleRingReader } from './scope/ring-reader';
export { SampleRingWriter } from './scope/ring-writer';
export { checkScopeWords } from './scope/ring-layout';
export { GoniometerView, TRAIL_SEGMENTS, type GoniometerViewOptions } from './views/goniometer-view';
export { resolveGoniometerOptions, scopeWordsOf, type GoniometerOptionsInput } from './views/goniometer-options';
export { drawGoniometerGrid, drawGoniometerTrace } from './render/goniometer';
