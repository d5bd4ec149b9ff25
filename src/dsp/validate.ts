/**
 * Option validation shared by every layer. Each check throws a `RangeError` (or `TypeError`
 * for a wrong type) that names the option, the value received and the valid range, e.g.
 * `RangeError: tracks must be an integer from 1 to 1024, got 0`.
 *
 * Thread: mostly main thread (constructors and factories). `checkSpan`, `checkOut` and
 * `checkChannelBlock` are a few comparisons, allocation-free on success, and run per call on the
 * audio thread: they reject caller bugs (wrong array type, start/end outside the array), never
 * sample values (NaN, ±Infinity and huge samples are measured and counted, not thrown).
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
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<unknown>).length ?? value.byteLength}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
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
export function checkNumber(name: string, value: unknown, min: number, max: number, unit = '', allowInfinity = false): number {
  const ok =
    typeof value === 'number' && !Number.isNaN(value) && ((allowInfinity && value === Infinity) || (Number.isFinite(value) && value >= min && value <= max));
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

/** Requires an options object (not null, not an array). `owner` names the constructor or function. */
export function checkOptions(owner: string, value: unknown, required: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${owner}: options must be an object with at least ${required}, got ${describeValue(value)}`);
  }
}

/**
 * Checks the span arguments of a `process(samples, start, end)` call: `samples` a Float32Array,
 * `start` and `end` integers with 0 ≤ start ≤ end ≤ samples.length (`end` undefined → the
 * length). Returns `end`. A few comparisons and no allocation on success: safe per call on the
 * audio thread. Throws (TypeError for a wrong type, RangeError out of range) only for caller
 * bugs — sample VALUES are never checked here.
 */
export function checkSpan(owner: string, samples: Float32Array, start: number, end: number | undefined): number {
  if (!(samples instanceof Float32Array)) throw new TypeError(`${owner}: samples must be a Float32Array, got ${describeValue(samples)}`);
  const stop = end === undefined ? samples.length : end;
  if (!(
    typeof start === 'number' &&
    typeof stop === 'number' &&
    start >= 0 &&
    start <= stop &&
    stop <= samples.length &&
    start === Math.floor(start) &&
    stop === Math.floor(stop)
  )) {
    throwSpan(owner, samples.length, start, stop);
  }
  return stop;
}

function throwSpan(owner: string, length: number, start: unknown, end: unknown): never {
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start > length) {
    throw new RangeError(`${owner}: start must be an integer from 0 to samples.length (${length}), got ${describeValue(start)}`);
  }
  throw new RangeError(`${owner}: end must be an integer from start (${start}) to samples.length (${length}), got ${describeValue(end)}`);
}

/** Requires a Float64Array with room for `count` values from `offset` (an integer ≥ 0), for `readInto`. */
export function checkOut(owner: string, out: Float64Array, offset: number, count: number): void {
  if (!(out instanceof Float64Array)) throw new TypeError(`${owner}: out must be a Float64Array, got ${describeValue(out)}`);
  if (!(typeof offset === 'number' && offset >= 0 && offset === Math.floor(offset) && offset + count <= out.length)) {
    throw new RangeError(
      `${owner}: offset must be an integer from 0 to ${out.length - count} (${count} values into a Float64Array of length ${out.length}), got ${describeValue(offset)}`,
    );
  }
}

/**
 * Checks a multichannel block: an array of exactly `channels` Float32Arrays of equal length.
 * Returns that length. TypeError for a wrong type, RangeError naming what differs.
 * Allocation-free on success (safe before measuring on the audio thread).
 */
export function checkChannelBlock(input: readonly Float32Array[], channels: number, owner = 'process'): number {
  if (!Array.isArray(input)) {
    throw new TypeError(`${owner}: input must be an array of ${channels} Float32Arrays (one per channel), got ${describeValue(input)}`);
  }
  if (input.length !== channels) {
    throw new RangeError(`${owner}: input must have ${channels} channel arrays, got ${input.length}`);
  }
  for (let ch = 0; ch < channels; ch++) {
    if (!(input[ch] instanceof Float32Array)) {
      throw new TypeError(`${owner}: input[${ch}] must be a Float32Array, got ${describeValue(input[ch])}`);
    }
  }
  const length = input[0].length;
  for (let ch = 1; ch < input.length; ch++) {
    if (input[ch].length !== length) {
      throw new RangeError(`${owner}: input channel arrays must have equal lengths, got ${length} and ${input[ch].length}`);
    }
  }
  return length;
}
