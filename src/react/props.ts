/**
 * Prop checks shared by the components: clear errors naming the component, the prop and the
 * value — never a silent blank meter.
 */
import { describeValue, type MeterSource, type RenderMode } from '../core/internal';

/** How a meter whose audio context is suspended looks: dimmed (it also sets data-suspended="true"). */
export const SUSPENDED_STYLE = Object.freeze({ opacity: 0.45 });

export function checkTrackProp(component: string, track: unknown, source: MeterSource | null, prop = 'track'): void {
  const max = source === null ? Infinity : source.tracks - 1;
  if (typeof track !== 'number' || !Number.isInteger(track) || track < 0 || track > max) {
    const range = source === null ? 'a non-negative integer' : `an integer from 0 to ${max}`;
    throw new RangeError(`${component}: ${prop} must be ${range}, got ${describeValue(track)}`);
  }
}

/** A positive CSS length with a unit or a percentage, e.g. "12px", "2.5em", "100%". */
const CSS_LENGTH =
  /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(px|em|rem|ex|ch|lh|rlh|cap|ic|vw|vh|vi|vb|vmin|vmax|svw|svh|lvw|lvh|dvw|dvh|cqw|cqh|cqi|cqb|cqmin|cqmax|cm|mm|q|in|pt|pc|%)$/i;
/** Sizes decided by CSS: functions (calc, var, min, max, clamp, fit-content) and keywords. */
const CSS_SIZE_FUNCTION = /^(calc|var|min|max|clamp|fit-content|env|attr)\(.*\)$/i;
const CSS_SIZE_KEYWORDS = ['auto', 'min-content', 'max-content', 'fit-content', 'stretch', 'inherit', 'initial', 'unset', 'revert'];

/** True for a CSS size string meterkit accepts: a positive length or percentage, a CSS function, or a sizing keyword. */
export function isCssSize(value: string): boolean {
  const v = value.trim();
  if (CSS_SIZE_FUNCTION.test(v) || CSS_SIZE_KEYWORDS.includes(v.toLowerCase())) return true;
  return CSS_LENGTH.test(v) && Number.parseFloat(v) > 0;
}

/**
 * A CSS length prop: a positive finite number of CSS px, or a CSS size string (a positive
 * length with its unit such as "12px", "50%", "2em"; calc()/var()/min()/max()/clamp(); or a
 * sizing keyword such as "auto"). "abc", "-20px", "0" and "12" (no unit) are RangeErrors.
 */
export function checkSizeProp(component: string, prop: string, value: unknown): void {
  if (value === undefined) return;
  const ok = (typeof value === 'number' && Number.isFinite(value) && value > 0) || (typeof value === 'string' && isCssSize(value));
  if (!ok) {
    throw new RangeError(
      `${component}: ${prop} must be a positive size (a number of CSS px, or a CSS length such as "120px", "50%", "calc(100% - 8px)"), got ${describeValue(value)}`,
    );
  }
}

/** An optional callback prop. */
export function checkFunctionProp(component: string, prop: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw new TypeError(`${component}: ${prop} must be a function, got ${describeValue(value)}`);
}

/** An optional string prop (label, className). */
export function checkStringProp(component: string, prop: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') throw new TypeError(`${component}: ${prop} must be a string, got ${describeValue(value)}`);
}

/** An optional boolean prop. */
export function checkBooleanProp(component: string, prop: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${component}: ${prop} must be true or false, got ${describeValue(value)}`);
}

/** The `style` prop: an object (React's inline style), or omitted. */
export function checkStyleObjectProp(component: string, value: unknown): void {
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new TypeError(`${component}: style must be an object of CSS properties, got ${describeValue(value)}`);
  }
}

/**
 * A `scale` prop: a MeterScaleSpec from createDbScale / scaleForBallistics (or omitted). A
 * null or hand-made object without the scale's functions would throw later inside the frame
 * loop; it is rejected here, during render.
 */
export function checkScaleProp(component: string, value: unknown): void {
  if (value === undefined) return;
  const s = value as { minDb?: unknown; maxDb?: unknown; ticks?: unknown; breakpoints?: unknown };
  const ok =
    value !== null &&
    typeof value === 'object' &&
    typeof s.minDb === 'number' &&
    typeof s.maxDb === 'number' &&
    Number.isFinite(s.minDb) &&
    Number.isFinite(s.maxDb) &&
    s.maxDb > s.minDb &&
    Array.isArray(s.ticks) &&
    Array.isArray(s.breakpoints);
  if (!ok)
    throw new TypeError(
      `${component}: scale must be a meter scale from createDbScale() or scaleForBallistics() (e.g. DIGITAL_SCALE), got ${describeValue(value)}`,
    );
}

/** A `source` prop: an engine, a meter source (with readInto), null, or omitted (the provider's). */
export function checkSourceProp(component: string, value: unknown): void {
  if (value === undefined || value === null) return;
  const v = value as { readInto?: unknown; bank?: { readInto?: unknown } | null };
  const ok =
    typeof value === 'object' && (typeof v.readInto === 'function' || (typeof v.bank === 'object' && v.bank !== null && typeof v.bank.readInto === 'function'));
  if (!ok)
    throw new TypeError(
      `${component}: source must be a meter engine, a meter source (engine.bank, a MeterBankReader, manualBank.source) or null, got ${describeValue(value)}`,
    );
}

export function checkPixelRatioProp(component: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= 0.25 && value <= 8)) {
    throw new RangeError(`${component}: pixelRatio must be a number from 0.25 to 8, got ${describeValue(value)}`);
  }
}

/**
 * Where a view that reads its own buffer (the goniometer's scope rings, the spectrum bank)
 * paints: `requested`, unless the buffer is a plain one (message transport), which cannot be
 * shared with the render worker — then on this thread.
 */
export function renderModeForBuffer(requested: RenderMode, words: Int32Array | null): RenderMode {
  const shared = typeof SharedArrayBuffer !== 'undefined' && words !== null && words.buffer instanceof SharedArrayBuffer;
  return words !== null && !shared ? 'main' : requested;
}
