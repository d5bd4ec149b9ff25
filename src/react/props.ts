/**
 * Prop checks shared by the components: clear errors naming the component, the prop and the
 * value — never a silent blank meter.
 */
import { describeValue, type MeterSource } from '../core/internal';

export function checkTrackProp(component: string, track: unknown, source: MeterSource | null, prop = 'track'): void {
  const max = source === null ? Infinity : source.tracks - 1;
  if (typeof track !== 'number' || !Number.isInteger(track) || track < 0 || track > max) {
    const range = source === null ? 'a non-negative integer' : `an integer from 0 to ${max}`;
    throw new RangeError(`${component}: ${prop} must be ${range}, got ${describeValue(track)}`);
  }
}

/** A CSS length prop: a positive number of px or a non-empty CSS string. */
export function checkSizeProp(component: string, prop: string, value: unknown): void {
  if (value === undefined) return;
  const ok = (typeof value === 'number' && Number.isFinite(value) && value > 0) || (typeof value === 'string' && value.trim() !== '' && !/^0+(\.0*)?(px)?$/.test(value.trim()));
  if (!ok) throw new RangeError(`${component}: ${prop} must be a positive size (a number of CSS px or a CSS length), got ${describeValue(value)}`);
}

export function checkPixelRatioProp(component: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= 0.25 && value <= 8)) {
    throw new RangeError(`${component}: pixelRatio must be a number from 0.25 to 8, got ${describeValue(value)}`);
  }
}
