'use client';
/**
 * Owns a meter engine's lifecycle inside React.
 *
 * - StrictMode's mount → unmount → mount creates ONE engine: disposal is deferred by a task and
 *   cancelled when the same component re-acquires it.
 * - Loading state and errors are React state (they change the UI structurally, rarely).
 * - Unmounting (or changing `context` or options) disposes the engine within one task.
 * - On the server (and with `context` null) it stays `idle`.
 */
import { useEffect, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { createMeterEngine, type MeterEngine, type MeterEngineOptions } from '../core/internal';

export type MeterEngineStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface MeterEngineState {
  /** The engine once ready, else null. */
  engine: MeterEngine | null;
  status: MeterEngineStatus;
  /** Why creation failed (bad options, closed context, worklet not loadable), else null. */
  error: Error | null;
}

interface Lease {
  context: BaseAudioContext;
  key: string;
  promise: Promise<MeterEngine>;
  engine: MeterEngine | null;
  releaseTimer: ReturnType<typeof setTimeout> | null;
  released: boolean;
}

function optionsKey(options: MeterEngineOptions): string {
  return JSON.stringify(options, (_, v: unknown) => (v instanceof URL ? v.href : v === Infinity ? 'Infinity' : v));
}

function release(lease: Lease): void {
  if (lease.released) return;
  lease.released = true;
  if (lease.releaseTimer !== null) clearTimeout(lease.releaseTimer);
  lease.releaseTimer = null;
  lease.promise.then(
    (engine) => engine.dispose(),
    () => {},
  );
}

const IDLE: MeterEngineState = { engine: null, status: 'idle', error: null };
const LOADING: MeterEngineState = { engine: null, status: 'loading', error: null };

/** A settled outcome, tagged with the lease, context and options key it belongs to. */
interface Settled {
  lease: Lease;
  context: BaseAudioContext;
  key: string;
  state: MeterEngineState;
}

/**
 * Creates a meter engine on `context` with `options` and disposes it on unmount.
 * `options` may be a new object every render; the engine is recreated only when its content
 * changes.
 */
export function useMeterEngine(context: BaseAudioContext | null | undefined, options: MeterEngineOptions): MeterEngineState {
  // Only settled outcomes (ready, error) are state; idle and loading are derived from the
  // current context and options, so a stale outcome of earlier inputs is never shown.
  const [settled, setSettled] = useState<Settled | null>(null);
  const leaseRef = useRef<Lease | null>(null);
  const key = optionsKey(options);
  const optionsRef = useRef(options);
  // Updated after commit (layout effects run before the effect below), not during render.
  useIsomorphicLayoutEffect(() => {
    optionsRef.current = options;
  });

  useEffect(() => {
    if (!context) return;
    let lease = leaseRef.current;
    if (lease !== null && !lease.released && lease.context === context && lease.key === key) {
      // StrictMode re-mount (or an effect re-run): keep the same engine.
      if (lease.releaseTimer !== null) clearTimeout(lease.releaseTimer);
      lease.releaseTimer = null;
    } else {
      if (lease !== null) release(lease);
      const created = createMeterEngine(context, optionsRef.current);
      lease = { context, key, promise: created, engine: null, releaseTimer: null, released: false };
      leaseRef.current = lease;
    }
    const current = lease;
    let active = true;
    current.promise.then(
      (engine) => {
        current.engine = engine;
        if (active && !current.released) setSettled({ lease: current, context, key, state: { engine, status: 'ready', error: null } });
      },
      (error: unknown) => {
        if (active && !current.released) {
          const reason = error instanceof Error ? error : new Error(String(error));
          setSettled({ lease: current, context, key, state: { engine: null, status: 'error', error: reason } });
        }
      },
    );
    return () => {
      active = false;
      current.releaseTimer = setTimeout(() => {
        release(current);
        if (leaseRef.current === current) leaseRef.current = null;
        // A released engine is never shown again, even if the same context and key return.
        setSettled((s) => (s !== null && s.lease === current ? null : s));
      }, 0);
    };
  }, [context, key]);

  if (!context) return IDLE;
  return settled !== null && settled.context === context && settled.key === key ? settled.state : LOADING;
}
