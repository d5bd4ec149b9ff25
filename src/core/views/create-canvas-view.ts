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

/** The resolved options of the spec of view type `K`. */
export type CanvasViewOptionsOf<K extends CanvasViewSpec['type']> = Extract<CanvasViewSpec, { type: K }>['options'];

/**
 * The view types a host can build, one constructor per type. A host builds only the types it
 * is given, so an app bundles the views its components use: a level meter's host does not
 * bring the goniometer or the spectrum view. The render worker builds every type
 * ({@link ALL_CANVAS_VIEWS}).
 */
export type CanvasViewFactory = { readonly [K in CanvasViewSpec['type']]?: (options: CanvasViewOptionsOf<K>) => AnyCanvasView };

/** Level meters: LED, bar, peak hold, the bridge. */
export const LEVEL_VIEWS: CanvasViewFactory = { level: (o) => new MeterView(o) };
/** The dB scale beside meters. */
export const SCALE_VIEWS: CanvasViewFactory = { scale: (o) => new ScaleView(o) };
/** The loudness bar and history. */
export const LOUDNESS_VIEWS: CanvasViewFactory = { 'loudness-bar': (o) => new LoudnessBarView(o), 'loudness-history': (o) => new LoudnessHistoryView(o) };
/** The correlation meter. */
export const CORRELATION_VIEWS: CanvasViewFactory = { correlation: (o) => new CorrelationView(o) };
/** The goniometer. */
export const GONIOMETER_VIEWS: CanvasViewFactory = { goniometer: (o) => new GoniometerView(o) };
/** The 1/3-octave spectrum. */
export const SPECTRUM_VIEWS: CanvasViewFactory = { spectrum: (o) => new SpectrumView(o) };
/** Every view type (what the render worker and {@link createCanvasView} build). */
export const ALL_CANVAS_VIEWS: CanvasViewFactory = {
  // Written out (no spread): a spread is not side-effect free to a bundler, which would then
  // keep every view in every bundle.
  level: (o) => new MeterView(o),
  scale: (o) => new ScaleView(o),
  'loudness-bar': (o) => new LoudnessBarView(o),
  'loudness-history': (o) => new LoudnessHistoryView(o),
  correlation: (o) => new CorrelationView(o),
  goniometer: (o) => new GoniometerView(o),
  spectrum: (o) => new SpectrumView(o),
};

/**
 * Builds the view a spec describes from `views`. Throws a TypeError naming `caller` and the
 * types `views` can build for a spec it cannot.
 */
export function buildCanvasView(spec: CanvasViewSpec, views: CanvasViewFactory, caller: string): AnyCanvasView {
  if (typeof views !== 'object' || views === null)
    throw new TypeError(`${caller}: views must be a view factory (e.g. ALL_CANVAS_VIEWS), got ${describeValue(views)}`);
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`${caller}: spec must be an object { type, options }, got ${describeValue(spec)}`);
  if (typeof spec.options !== 'object' || spec.options === null)
    throw new TypeError(`${caller}: spec.options must be the options object of a ${describeValue(spec.type)} view, got ${describeValue(spec.options)}`);
  const build = Object.prototype.hasOwnProperty.call(views, spec.type) ? (views[spec.type] as ((o: unknown) => AnyCanvasView) | undefined) : undefined;
  if (typeof build !== 'function') {
    const types = Object.keys(views).map((t) => `'${t}'`);
    const list = types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}` : types.join('');
    throw new TypeError(`${caller}: spec.type must be ${list}, got ${JSON.stringify((spec as { type?: unknown }).type)}`);
  }
  return build(spec.options);
}

/** Builds the view a spec describes, of any type. Throws a TypeError naming the spec type for an unknown one. */
export function createCanvasView(spec: CanvasViewSpec): AnyCanvasView {
  return buildCanvasView(spec, ALL_CANVAS_VIEWS, 'createCanvasView');
}
