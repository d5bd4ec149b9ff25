'use client';
/**
 * A latching clip light for one track, as a real button: it lights after any over on any
 * channel and stays lit until clicked (or Enter/Space pressed), which clears the over count.
 * Its state is written to the element directly (`data-clipped`, colour, label) — no React state.
 */
import { useRef, type CSSProperties, forwardRef } from 'react';
import { THEME_COLORS, watchTrackClip, type MeterSource, type HasMeterSource, type TrackDomWatch, type MeterThemeSetting } from '../core/internal';
import { useMeterSource, useMeterTheme } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { checkTrackProp, checkSizeProp, checkFunctionProp, checkStringProp, checkBooleanProp, checkStyleObjectProp } from './props';
import { domProps, ownSet, useMergedRef, type DomProps, type ListsEveryKey } from './dom-props';

export interface ClipIndicatorOwnProps {
  /**
   * Track index, 0-based. Default 0.
   * @default 0
   */
  track?: number;
  /** @default the nearest MeterProvider's source */
  source?: MeterSource | HasMeterSource | null;
  /**
   * Used in the accessible name: "{label} clip". Default "Track {track + 1}".
   * @default Track {track + 1}
   */
  label?: string;
  /**
   * CSS width. Default 24.
   * @default 24
   */
  width?: number | string;
  /**
   * CSS height. Default 10.
   * @default 10
   */
  height?: number | string;
  /**
   * Palette of the default colours: `'dark'`, `'light'` or `'auto'` (prefers-color-scheme). Default: the provider's, else `'dark'`.
   * @default the provider's theme, else 'dark'
   */
  theme?: MeterThemeSetting;
  /**
   * Lit / unlit colours. Default: --meterkit-clip / --meterkit-clip-off, else the theme's red / unlit red.
   * @default the theme's clip colours (--meterkit-clip, --meterkit-clip-off)
   */
  color?: string;
  /** Unlit colour. @default the theme's unlit clip colour (--meterkit-clip-off) */
  offColor?: string;
  /**
   * Also drop the track's peak holds on reset. Default false.
   * @default false
   */
  resetHolds?: boolean;
  /** Called after a reset request. */
  onReset?: (track: number) => void;
  className?: string;
  style?: CSSProperties;
}

/** ClipIndicator's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type ClipIndicatorProps = ClipIndicatorOwnProps & DomProps<ClipIndicatorOwnProps, HTMLButtonElement>;

const OWN_KEYS = [
  'track',
  'source',
  'label',
  'width',
  'height',
  'theme',
  'color',
  'offColor',
  'resetHolds',
  'onReset',
  'className',
  'style',
] as const satisfies readonly (keyof ClipIndicatorOwnProps)[];
const _everyOwnKey: ListsEveryKey<ClipIndicatorOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

export const ClipIndicator = /* @__PURE__ */ forwardRef<HTMLButtonElement, ClipIndicatorProps>(function ClipIndicator(props, ref) {
  const { track = 0 } = props;
  const source = useMeterSource(props.source, 'ClipIndicator');
  checkTrackProp('ClipIndicator', track, source);
  checkFunctionProp('ClipIndicator', 'onReset', props.onReset);
  checkStringProp('ClipIndicator', 'label', props.label);
  checkStringProp('ClipIndicator', 'color', props.color);
  checkStringProp('ClipIndicator', 'offColor', props.offColor);
  checkStringProp('ClipIndicator', 'className', props.className);
  checkBooleanProp('ClipIndicator', 'resetHolds', props.resetHolds);
  checkStyleObjectProp('ClipIndicator', props.style);
  checkSizeProp('ClipIndicator', 'width', props.width);
  checkSizeProp('ClipIndicator', 'height', props.height);
  const palette = THEME_COLORS[useMeterTheme('ClipIndicator', props.theme)];
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const rootRef = useMergedRef(ref, buttonRef);
  const watchRef = useRef<TrackDomWatch | null>(null);
  const name = props.label ?? `Track ${track + 1}`;
  const colors = useRef({ on: props.color, off: props.offColor, name, palette });
  // The latest props for the watch's callbacks, updated after each commit (not during render).
  useIsomorphicLayoutEffect(() => {
    colors.current = { on: props.color, off: props.offColor, name, palette };
  });

  useIsomorphicLayoutEffect(() => {
    const el = buttonRef.current;
    if (el === null || source === null) return;
    const css = getComputedStyle(el);
    const on = colors.current.on ?? (css.getPropertyValue('--meterkit-clip').trim() || colors.current.palette.clip);
    const off = colors.current.off ?? (css.getPropertyValue('--meterkit-clip-off').trim() || colors.current.palette.clipOff);
    // The hub's clip lane: checked at 10 Hz, one word for every clip button of an engine while
    // no over count changed (the latched count loses nothing between checks).
    const watch = watchTrackClip(source, track, (clipped) => {
      el.dataset.clipped = clipped ? 'true' : 'false';
      el.style.backgroundColor = clipped ? on : off;
      el.setAttribute('aria-label', `${colors.current.name} clip: ${clipped ? 'clipped' : 'no clip'}. Press to reset.`);
    });
    watchRef.current = watch;
    return () => {
      watch();
      watchRef.current = null;
    };
  }, [source, track, props.color, props.offColor, palette]);

  const reset = () => {
    if (source === null) return;
    source.clearOvers(track);
    if (props.resetHolds) source.clearHolds(track);
    // Show the cleared latch at the next frame, not at the next 100 ms check.
    watchRef.current?.refresh();
    props.onReset?.(track);
  };

  return (
    <button
      {...domProps(props, OWN)}
      ref={rootRef}
      type="button"
      className={props.className}
      data-meterkit="ClipIndicator"
      data-clipped="false"
      aria-label={`${name} clip: no clip. Press to reset.`}
      title="Clip indicator — click to reset"
      onClick={reset}
      style={{
        display: 'block',
        padding: 0,
        border: 0,
        borderRadius: 2,
        cursor: 'pointer',
        width: props.width ?? 24,
        height: props.height ?? 10,
        backgroundColor: props.offColor ?? `var(--meterkit-clip-off, ${palette.clipOff})`,
        ...props.style,
      }}
    />
  );
});
