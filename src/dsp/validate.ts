/**
 * Option validation shared by every layer. Each check throws a `RangeError` (or `TypeError`
 * for a wrong type) that names the option, the value received and the valid range, e.g.
 * `RangeError: tracks must be an integer from 1 to 1024, got 0`.
 *
 * Thread: main thread (constructors and factories). Never called on the audio thread's hot path.
 */

/** Formats a received value for an error message without throwing on exotic inputs. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    return String(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Requires an integer in [min, max]. */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Requires a finite number in [min, max] (or `Infinity` when `allowInfinity`).
 * `unit` is appended to the range in the message, e.g. "ms".
 */
export function checkNumber(
  name: string,
  value: unknown,
  min: number,
  max: number,
  unit = '',
  allowInfinity = false,
): number {
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    ((allowInfinity && value === Infinity) || (Number.isFinite(value) && value >= min && value <= max));
  if (!ok) {
    const u = unit ? ` ${unit}` : '';
    const inf = allowInfinity ? ' (or Infinity)' : '';
    throw new RangeError(`${name} must be a number from ${min} to ${max}${u}${inf}, got ${describeValue(value)}`);
  }
  return value as number;
}

/** Requires a boolean. */
export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${name} must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

/** Requires one of the listed strings. */
export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describeValue(value)}`);
  }
  return value as T;
}

/**
 * Checks a multichannel block: exactly `channels` arrays of equal length. Returns that length.
 * Throws RangeError naming what differs. Allocation-free (safe before measuring on the audio thread).
 */
export function checkChannelBlock(input: readonly ArrayLike<number>[], channels: number): number {
  if (input.length !== channels) {
    throw new RangeError(`input must have ${channels} channel arrays, got ${input.length}`);
  }
  const length = input[0].length;
  for (let ch = 1; ch < input.length; ch++) {
    if (input[ch].length !== length) {
      throw new RangeError(`input channel arrays must have equal lengths, got ${length} and ${input[ch].length}`);
    }
  }
  return length;
}
