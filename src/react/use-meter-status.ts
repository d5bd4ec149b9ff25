'use client';
/**
 * `useMeterStatus(source?)`: why the meter shows what it shows — `'live'`, `'no-signal'`,
 * `'suspended'`, `'stale'`, `'no-source'` or `'error'` (core `meterStatus`; the rules are in
 * docs/validation.md). React state changes only when the status value changes: moving levels
 * cause no commits. The source defaults to the nearest MeterProvider's; the provider's `error`
 * (a failed engine) makes it `'error'`.
 */
import { useCallback, useContext, useSyncExternalStore } from 'react';
import { watchMeterStatus, currentMeterStatus, type MeterSource, type HasMeterSource, type MeterStatusValue } from '../core/internal';
import { useMeterSource, MeterErrorContext } from './context';

function useStatusOf(source: MeterSource | null, select: (s: MeterStatusValue) => MeterStatusValue | boolean) {
  const subscribe = useCallback((onChange: () => void) => watchMeterStatus(source, onChange), [source]);
  const get = () => select(currentMeterStatus(source));
  return useSyncExternalStore(subscribe, get, () => select('no-source'));
}

const identity = (s: MeterStatusValue) => s;
const isSuspended = (s: MeterStatusValue) => s === 'suspended';

/** The status of `source` (default: the provider's). Re-renders only when the value changes. */
export function useMeterStatus(source?: MeterSource | HasMeterSource | null): MeterStatusValue {
  const resolved = useMeterSource(source, 'useMeterStatus');
  const failed = useContext(MeterErrorContext) !== null && source === undefined;
  const status = useStatusOf(resolved, identity) as MeterStatusValue;
  return failed && resolved === null ? 'error' : status;
}

/** True while the source's context is suspended (components dim themselves); re-renders only when that flips. */
export function useMeterSuspended(source: MeterSource | null): boolean {
  return useStatusOf(source, isSuspended) as boolean;
}
