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
  lease.promise.then((engine) => engine.dispose(), () => {});
}

const IDLE: MeterEngineState = { engine: null, status: 'idle', error: null };

/**
 * Creates a meter engine on `context` with `options` and disposes it on unmount.
 * `options` may be a new object every render; the engine is recreated only when its content
 * changes.
 */
export function useMeterEngine(context: BaseAudioContext | null | undefined, options: MeterEngineOptions): MeterEngineState {
  const [state, setState] = useState<MeterEngineState>(IDLE);
  const leaseRef = useRef<Lease | null>(null);
  const key = optionsKey(options);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    if (!context) {
      setState(IDLE);
      return;
    }
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
    if (current.engine === null) setState((s) => (s.status === 'loading' ? s : { engine: null, status: 'loading', error: null }));
    current.promise.then(
      (engine) => {
        current.engine = engine;
        if (active && !current.released) setState({ engine, status: 'ready', error: null });
      },
      (error: unknown) => {
        if (active && !current.released) {
          setState({ engine: null, status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
        }
      },
    );
    return () => {
      active = false;
      current.releaseTimer = setTimeout(() => {
        release(current);
        if (leaseRef.current === current) leaseRef.current = null;
      }, 0);
    };
  }, [context, key]);

  return state;
}
