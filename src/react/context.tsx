'use client';
/**
 * Which meter source components read when they are not given one: the nearest
 * `<MeterProvider source={engine}>`.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { toMeterSource, type MeterSource, type HasMeterSource } from '../core/internal';

const MeterSourceContext = createContext<MeterSource | null>(null);

export interface MeterProviderProps {
  /** An engine (its `bank` is read), a `MeterBankReader`, a manual bank's `source`, or null while loading. */
  source: MeterSource | HasMeterSource | null | undefined;
  children?: ReactNode;
}

/** Provides a meter source to every meterkit component below it. */
export function MeterProvider({ source, children }: MeterProviderProps) {
  const value = useMemo(() => toMeterSource(source), [source]);
  return <MeterSourceContext.Provider value={value}>{children}</MeterSourceContext.Provider>;
}

/** The source a component should read: its own prop if given, else the provider's (or null). */
export function useMeterSource(explicit?: MeterSource | HasMeterSource | null): MeterSource | null {
  const fromContext = useContext(MeterSourceContext);
  return explicit === undefined ? fromContext : toMeterSource(explicit);
}
