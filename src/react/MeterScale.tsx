'use client';
/**
 * A dB scale drawn on canvas: ticks and labels of a meter scale, aligned with meters of the
 * same length. Redrawn only on resize, pixel-ratio or style change.
 */
import { useRef, type CSSProperties } from 'react';
import { createSurface, sizeSurface, type Surface } from '../core/render/surface';
import { drawScale } from '../core/render/scale-draw';
import { DIGITAL_SCALE, type MeterScaleSpec } from '../core/render/scale';
import { resolveMeterStyle, type MeterColors } from '../core/render/style';
import type { Orientation } from '../core/render/geometry';
import { observeSize, watchPixelRatio, currentPixelRatio } from '../core/observers';
import { checkOneOf, checkNumber } from '../dsp/validate';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { checkSizeProp, checkPixelRatioProp } from './props';

export interface MeterScaleProps {
  /** Default DIGITAL_SCALE. */
  scale?: MeterScaleSpec;
  /** Default `vertical`. */
  orientation?: Orientation;
  /** Side the meter is on (ticks point to it). Default `right` (vertical) / `top` (horizontal). */
  side?: 'left' | 'right' | 'top' | 'bottom';
  /** CSS px at the meter's zero end not covered by the meter. Default 0. */
  nearInset?: number;
  /** CSS px at the far end not covered by the meter (a meter's clip LED + gap, readout). Default 8 = the default clip LED. */
  farInset?: number;
  /** CSS width. Default 36 (vertical) or 240 (horizontal). */
  width?: number | string;
  /** CSS height. Default 200 (vertical) or 24 (horizontal). */
  height?: number | string;
  pixelRatio?: number;
  colors?: Partial<Pick<MeterColors, 'text' | 'tick'>>;
  font?: string;
  className?: string;
  style?: CSSProperties;
}

export function MeterScale(props: MeterScaleProps) {
  const { scale = DIGITAL_SCALE, orientation = 'vertical', nearInset = 0, farInset = 8, pixelRatio } = props;
  checkOneOf('MeterScale: orientation', orientation, ['vertical', 'horizontal'] as const);
  const vertical = orientation === 'vertical';
  const side = props.side ?? (vertical ? 'right' : 'top');
  checkOneOf('MeterScale: side', side, vertical ? (['left', 'right'] as const) : (['top', 'bottom'] as const));
  checkNumber('MeterScale: nearInset', nearInset, 0, 1000, 'px');
  checkNumber('MeterScale: farInset', farInset, 0, 1000, 'px');
  checkSizeProp('MeterScale', 'width', props.width);
  checkSizeProp('MeterScale', 'height', props.height);
  checkPixelRatioProp('MeterScale', pixelRatio);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const surfaceRef = useRef<Surface | null>(null);
  const latest = useRef({ scale, orientation, side, nearInset, farInset, pixelRatio, colors: props.colors, font: props.font });
  latest.current = { scale, orientation, side, nearInset, farInset, pixelRatio, colors: props.colors, font: props.font };
  const size = useRef({ w: 0, h: 0 });

  const paint = () => {
    const surface = surfaceRef.current;
    if (surface === null || size.current.w === 0) return;
    const p = latest.current;
    const dpr = p.pixelRatio ?? currentPixelRatio();
    sizeSurface(surface, size.current.w, size.current.h, dpr);
    const style = resolveMeterStyle(surface.canvas, { colors: p.colors, font: p.font });
    drawScale(surface, p.scale, style, {
      orientation: p.orientation,
      side: p.side,
      nearInset: Math.round(p.nearInset * dpr),
      farInset: Math.round(p.farInset * dpr),
    });
  };

  useIsomorphicLayoutEffect(() => {
    surfaceRef.current = createSurface(canvasRef.current!);
    const offSize = observeSize(canvasRef.current!, (w, h) => {
      size.current = { w, h };
      paint();
    });
    const offRatio = watchPixelRatio(paint);
    return () => {
      offSize();
      offRatio();
      surfaceRef.current = null;
    };
  }, []);

  useIsomorphicLayoutEffect(paint, [scale, orientation, side, nearInset, farInset, pixelRatio, props.colors?.text, props.colors?.tick, props.font]);

  return (
    <div
      aria-hidden="true"
      className={props.className}
      data-meterkit="MeterScale"
      style={{ display: 'inline-block', width: props.width ?? (vertical ? 36 : 240), height: props.height ?? (vertical ? 200 : 24), ...props.style }}
    >
      <canvas ref={canvasRef} style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
}
