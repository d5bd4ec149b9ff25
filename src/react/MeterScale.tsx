'use client';
import { forwardRef } from 'react';
/**
 * A dB scale drawn on canvas: ticks and labels of a meter scale, aligned with meters of the
 * same length. Redrawn only on resize, pixel-ratio or style change.
 */
import type { CSSProperties } from 'react';
import {
  SCALE_VIEWS,
  DIGITAL_SCALE,
  checkOneOf,
  checkNumber,
  checkMeterStyleInput,
  type MeterScaleSpec,
  type MeterColors,
  type MeterThemeSetting,
  type Orientation,
  type RenderMode,
} from '../core/internal';
import { useCanvasView } from './use-canvas-view';
import { useRenderMode, useMeterTheme } from './context';
import { checkSizeProp, checkPixelRatioProp, checkScaleProp, checkStringProp, checkStyleObjectProp } from './props';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';

export interface MeterScaleOwnProps {
  /**
   * Default DIGITAL_SCALE.
   * @default DIGITAL_SCALE
   */
  scale?: MeterScaleSpec;
  /**
   * Default `vertical`.
   * @default vertical
   */
  orientation?: Orientation;
  /**
   * Side the meter is on (ticks point to it). Default `right` (vertical) / `top` (horizontal).
   * @default 'right' (vertical) / 'top' (horizontal)
   */
  side?: 'left' | 'right' | 'top' | 'bottom';
  /**
   * CSS px at the meter's zero end not covered by the meter. Default 0.
   * @default 0
   */
  nearInset?: number;
  /**
   * CSS px at the far end not covered by the meter (a meter's clip LED + gap, readout). Default 8 = the default clip LED.
   * @default 8
   */
  farInset?: number;
  /**
   * CSS width. Default 36 (vertical) or 240 (horizontal).
   * @default 36 (vertical) / 240 (horizontal)
   */
  width?: number | string;
  /**
   * CSS height. Default 200 (vertical) or 24 (horizontal).
   * @default 200 (vertical) / 24 (horizontal)
   */
  height?: number | string;
  /**
   * Where the canvas paints: `'auto'` (default: the provider's mode, else the page's render
   * worker where supported), `'worker'` (the render worker; main thread where impossible) or
   * `'main'` (this thread).
   * @default the provider's mode, else 'auto'
   */
  render?: RenderMode;
  /** @default the screen's */
  pixelRatio?: number;
  /**
   * Palette: `'dark'`, `'light'` or `'auto'` (prefers-color-scheme). Default: the provider's, else `'dark'`.
   * @default the provider's theme, else 'dark'
   */
  theme?: MeterThemeSetting;
  /** @default the theme's palette */
  colors?: Partial<Pick<MeterColors, 'text' | 'tick'>>;
  /** CSS font of labels and readouts. @default 10px sans-serif (or --meterkit-font) */
  font?: string;
  className?: string;
  style?: CSSProperties;
}

/** MeterScale's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type MeterScaleProps = MeterScaleOwnProps & DomProps<MeterScaleOwnProps>;

const OWN_KEYS = [
  'scale',
  'orientation',
  'side',
  'nearInset',
  'farInset',
  'width',
  'height',
  'render',
  'pixelRatio',
  'theme',
  'colors',
  'font',
  'className',
  'style',
] as const satisfies readonly (keyof MeterScaleOwnProps)[];
const _everyOwnKey: ListsEveryKey<MeterScaleOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

export const MeterScale = /* @__PURE__ */ forwardRef<HTMLDivElement, MeterScaleProps>(function MeterScale(props, ref) {
  const { scale = DIGITAL_SCALE, orientation = 'vertical', nearInset = 0, farInset = 8, pixelRatio } = props;
  checkScaleProp('MeterScale', props.scale);
  checkOneOf('MeterScale: orientation', orientation, ['vertical', 'horizontal'] as const);
  checkMeterStyleInput('MeterScale', { colors: props.colors, font: props.font });
  checkStringProp('MeterScale', 'className', props.className);
  checkStyleObjectProp('MeterScale', props.style);
  const vertical = orientation === 'vertical';
  const side = props.side ?? (vertical ? 'right' : 'top');
  checkOneOf('MeterScale: side', side, vertical ? (['left', 'right'] as const) : (['top', 'bottom'] as const));
  checkNumber('MeterScale: nearInset', nearInset, 0, 1000, 'px');
  checkNumber('MeterScale: farInset', farInset, 0, 1000, 'px');
  checkSizeProp('MeterScale', 'width', props.width);
  checkSizeProp('MeterScale', 'height', props.height);
  checkPixelRatioProp('MeterScale', pixelRatio);
  const render = useRenderMode('MeterScale', props.render);
  const theme = useMeterTheme('MeterScale', props.theme);
  const { canvasRef, canvasKey } = useCanvasView({
    spec: { type: 'scale', options: { scale, orientation, side, nearInset, farInset } },
    views: SCALE_VIEWS,
    specKey: [scale, orientation, side, nearInset, farInset],
    source: null,
    tracks: [],
    style: { theme, colors: props.colors, font: props.font },
    pixelRatio,
    render,
  });

  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      aria-hidden="true"
      className={props.className}
      data-meterkit="MeterScale"
      style={{ display: 'inline-block', width: props.width ?? (vertical ? 36 : 240), height: props.height ?? (vertical ? 200 : 24), ...props.style }}
    >
      <canvas key={canvasKey} ref={canvasRef} style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
});
