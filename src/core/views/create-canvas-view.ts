/**
 * A serializable description of every canvas view, and the one factory that builds a view from
 * it. A spec is plain, structured-cloneable data (resolved options only), so the same spec can
 * be posted to the render worker and built there, or built on the main thread.
 *
 * Thread: any.
 */
import { describeValue } from '../../dsp/validate';
import type { MeterStyle } from '../render/style';
import type { CanvasView } from './canvas-view';
import type { ResolvedMeterViewOptions } from './meter-options';
import type { LoudnessViewOptions } from './loudness-scale';
import type { LoudnessHistoryOptions } from './loudness-history-view';
import type { CorrelationViewOptions } from './correlation-view';
import type { ScaleViewOptions } from './scale-view';
import { MeterView } from './meter-view';
import { LoudnessBarView } from './loudness-bar-view';
import { LoudnessHistoryView } from './loudness-history-view';
import { CorrelationView } from './correlation-view';
import { ScaleView } from './scale-view';
import { GoniometerView, type GoniometerViewOptions } from './goniometer-view';
import { SpectrumView, type SpectrumViewOptions } from './spectrum-view';

/** Which view, with its resolved options. */
export type CanvasViewSpec =
  | { readonly type: 'level'; readonly options: ResolvedMeterViewOptions }
  | { readonly type: 'loudness-bar'; readonly options: LoudnessViewOptions }
  | { readonly type: 'loudness-history'; readonly options: LoudnessHistoryOptions }
  | { readonly type: 'correlation'; readonly options: CorrelationViewOptions }
  | { readonly type: 'scale'; readonly options: ScaleViewOptions }
  | { readonly type: 'goniometer'; readonly options: GoniometerViewOptions }
  | { readonly type: 'spectrum'; readonly options: SpectrumViewOptions };

/** Every canvas view draws with a resolved {@link MeterStyle}. */
export type AnyCanvasView = CanvasView<MeterStyle>;

/** Builds the view a spec describes. Throws a TypeError naming the spec type for an unknown one. */
export function createCanvasView(spec: CanvasViewSpec): AnyCanvasView {
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`createCanvasView: spec must be an object { type, options }, got ${describeValue(spec)}`);
  if (typeof spec.options !== 'object' || spec.options === null)
    throw new TypeError(`createCanvasView: spec.options must be the options object of a ${describeValue(spec.type)} view, got ${describeValue(spec.options)}`);
  switch (spec.type) {
    case 'level':
      return new MeterView(spec.options);
    case 'loudness-bar':
      return new LoudnessBarView(spec.options);
    case 'loudness-history':
      return new LoudnessHistoryView(spec.options);
    case 'correlation':
      return new CorrelationView(spec.options);
    case 'scale':
      return new ScaleView(spec.options);
    case 'goniometer':
      return new GoniometerView(spec.options);
    case 'spectrum':
      return new SpectrumView(spec.options);
    default:
      throw new TypeError(
        `createCanvasView: spec.type must be 'level', 'loudness-bar', 'loudness-history', 'correlation', 'scale', 'goniometer' or 'spectrum', got ${JSON.stringify((spec as { type?: unknown }).type)}`,
      );
  }
}
