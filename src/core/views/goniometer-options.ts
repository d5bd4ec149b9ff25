/**
 * The goniometer's options, their defaults and their one validation
 * ({@link resolveGoniometerOptions}), shared by `<Goniometer>` and any host that builds a
 * {@link GoniometerView} itself.
 *
 * Thread: any. Pure.
 */
import { checkInteger, checkNumber, checkOneOf, describeValue } from '../../dsp/validate';
import { checkScopeWords, ringOfTrack, S_RINGS, R_TRACK, ringBase, S_CAPACITY } from '../scope/ring-layout';
import type { GoniometerViewOptions } from './goniometer-view';

/** Options of a goniometer before validation; every one but `track` optional. */
export interface GoniometerOptionsInput {
  /** Bank track shown (it must be in the engine's `scope`). */
  track: number;
  /** The engine's scope buffer (`engine.scopeWords`), or an object that has it (the engine); null: no samples yet. */
  scope: Int32Array | { readonly scopeWords: Int32Array | null } | null | undefined;
  /**
   * `'dots'` (default) or `'lines'`.
   * @default dots
   */
  mode?: 'dots' | 'lines';
  /**
   * Trail length, ms, 0 to 2000. Default 300.
   * @default 300
   */
  persistenceMs?: number;
  /**
   * Automatic gain, 0 to +40 dB in whole dB, shown on the plot. Default false.
   * @default false
   */
  autoGain?: boolean;
  /**
   * Fixed gain when `autoGain` is off, dB, −24 to +40. Default 0.
   * @default 0
   */
  gainDb?: number;
  /**
   * Correlation strip under the plot. Default true.
   * @default true
   */
  showCorrelation?: boolean;
  /**
   * Height of the correlation strip, CSS px, 2 to 100. Default 10.
   * @default 10
   */
  stripHeight?: number;
  /**
   * Most samples drawn per frame, 64 to 16384 (more are decimated). Default 2048.
   * @default 2048
   */
  maxPointsPerFrame?: number;
}

/** The scope words of `scope` (an Int32Array or an engine), or null. */
export function scopeWordsOf(scope: GoniometerOptionsInput['scope']): Int32Array | null {
  if (scope === null || scope === undefined) return null;
  if (scope instanceof Int32Array) return scope;
  if (typeof scope === 'object' && 'scopeWords' in scope) return scope.scopeWords;
  return scope as never;
}

/**
 * Validates and fills the goniometer's options. `owner` names the component or function in
 * errors: RangeError/TypeError naming the option, the value received and the valid range; a
 * RangeError listing the scoped tracks when `track` has no ring.
 */
export function resolveGoniometerOptions(owner: string, o: GoniometerOptionsInput): GoniometerViewOptions {
  const track = checkInteger(`${owner}: track`, o.track, 0, 1_000_000);
  const words = scopeWordsOf(o.scope);
  let scope: GoniometerViewOptions['scope'] = null;
  if (words !== null) {
    if (!(words instanceof Int32Array)) {
      throw new TypeError(`${owner}: scope must be the engine (with a scope option) or engine.scopeWords, got ${describeValue(words)}`);
    }
    checkScopeWords(owner, words);
    const ring = ringOfTrack(words, track);
    if (ring < 0) {
      const scoped: number[] = [];
      for (let r = 0; r < words[S_RINGS]; r++) scoped.push(words[ringBase(words[S_CAPACITY], r) + R_TRACK]);
      throw new RangeError(
        `${owner}: track ${track} has no sample ring; the engine scopes tracks [${scoped.join(', ')}] (add it to the engine's scope option)`,
      );
    }
    scope = { words, ring };
  }
  const autoGain = o.autoGain ?? false;
  if (typeof autoGain !== 'boolean') throw new TypeError(`${owner}: autoGain must be true or false, got ${describeValue(autoGain)}`);
  const showCorrelation = o.showCorrelation ?? true;
  if (typeof showCorrelation !== 'boolean') throw new TypeError(`${owner}: showCorrelation must be true or false, got ${describeValue(showCorrelation)}`);
  return {
    scope,
    mode: checkOneOf(`${owner}: mode`, o.mode ?? 'dots', ['dots', 'lines'] as const),
    persistenceMs: checkNumber(`${owner}: persistenceMs`, o.persistenceMs ?? 300, 0, 2000, 'ms'),
    autoGain,
    gainDb: checkNumber(`${owner}: gainDb`, o.gainDb ?? 0, -24, 40, 'dB'),
    showCorrelation,
    stripHeight: checkNumber(`${owner}: stripHeight`, o.stripHeight ?? 10, 2, 100, 'px'),
    maxPointsPerFrame: checkInteger(`${owner}: maxPointsPerFrame`, o.maxPointsPerFrame ?? 2048, 64, 16384),
  };
}
