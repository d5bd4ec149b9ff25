'use client';
/**
 * Keeps `aria-valuenow` / `aria-valuetext` of a `role="meter"` element current at a low rate
 * (every `intervalMs`, default 500 ms ≈ 2 Hz), written directly on the element — never React
 * state, never a live region. Value: the highest channel level in dBFS, to 0.1 dB, clamped to
 * the scale; text such as "-12.4 dBFS, clipped" or "silent".
 */
import type { RefObject } from 'react';
import { getMeterHub } from '../core/meter-hub';
import type { MeterSource } from '../core/meter-source';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

export interface MeterAriaOptions {
  minDb: number;
  maxDb: number;
  reading?: 'peak' | 'rms' | 'ballistic';
  intervalMs?: number;
  /** Unit spoken after the value. Default "dBFS". */
  unit?: string;
}

/** aria strings by value, so the 2 Hz updates allocate only the first time a value occurs. */
const valueText = new Map<number, string>();
const valueNow = new Map<number, string>();

function ariaValueNow(tenths: number): string {
  let now = valueNow.get(tenths);
  if (now === undefined) {
    now = String(tenths / 10);
    valueNow.set(tenths, now);
  }
  return now;
}

function ariaValueText(tenths: number, silent: boolean, clipped: boolean, unit: string): string {
  const key = (silent ? 1e7 : tenths) * 2 + (clipped ? 1 : 0);
  let text = unit === 'dBFS' ? valueText.get(key) : undefined;
  if (text === undefined) {
    text = (silent ? 'silent' : `${(tenths / 10).toFixed(1)} ${unit}`) + (clipped ? ', clipped' : '');
    if (unit === 'dBFS') valueText.set(key, text);
  }
  return text;
}

export function useMeterAria(
  element: RefObject<HTMLElement | null>,
  source: MeterSource | null,
  track: number,
  { minDb, maxDb, reading = 'peak', intervalMs = 500, unit = 'dBFS' }: MeterAriaOptions,
): void {
  useIsomorphicLayoutEffect(() => {
    const el = element.current;
    if (source === null || el === null) return;
    // Typed-array state: no numbers boxed per frame.
    const state = new Float64Array([-Infinity, NaN]); // [next update time, last tenths*2+clipped]
    return getMeterHub(source).subscribe(track, (levels, clock) => {
      if (clock.nowMs < state[0]) return;
      state[0] = clock.nowMs + intervalMs;
      let maxLin = 0;
      let clipped = false;
      for (let c = 0; c < levels.channels; c++) {
        const v = reading === 'rms' ? levels.rms[c] : reading === 'ballistic' ? levels.ballistic[c] : levels.decayingPeak[c];
        if (v > maxLin) maxLin = v;
        if (levels.overs[c] > 0) clipped = true;
      }
      const db = levels.stale ? -Infinity : 20 * Math.log10(maxLin);
      const silent = !(db > minDb);
      const tenths = silent ? Math.round(minDb * 10) : Math.round(Math.min(db, maxDb) * 10);
      const key = (silent ? 1e7 : tenths) * 2 + (clipped ? 1 : 0);
      if (key === state[1]) return;
      state[1] = key;
      el.setAttribute('aria-valuenow', ariaValueNow(tenths));
      el.setAttribute('aria-valuetext', ariaValueText(tenths, silent, clipped, unit));
    });
  }, [element, source, track, minDb, maxDb, reading, intervalMs, unit]);
}
