/**
 * Live-demo plumbing: an AudioContext created on the first click (browsers start audio only
 * after a user gesture — the autoplay policy), Start/Stop (resume/suspend), and a status line
 * saying which transport the engine runs on and why.
 */
import { useEffect, useReducer, useState } from 'react';
import type { MeterEngine, MeterEngineStatus } from '../../src/index';

export interface DemoAudio {
  /** Null until the first Start. */
  context: AudioContext | null;
  /** `none` before the first Start, then the context's state. */
  state: AudioContextState | 'none';
  /** Creates the context (first time, inside the click) or resumes it. */
  start(): void;
  /** Suspends the context: the audio clock stops, meters go stale and fall to silence. */
  stop(): void;
}

/** An AudioContext owned by a story: created by `start()`, closed on unmount. */
export function useDemoAudio(): DemoAudio {
  const [context, setContext] = useState<AudioContext | null>(null);
  const [state, setState] = useState<AudioContextState | 'none'>('none');
  useEffect(() => {
    if (context === null) return;
    const update = () => setState(context.state);
    update();
    context.addEventListener('statechange', update);
    return () => {
      context.removeEventListener('statechange', update);
      void context.close();
    };
  }, [context]);
  return {
    context,
    state,
    start() {
      if (context === null) setContext(new AudioContext({ latencyHint: 'interactive' }));
      else void context.resume();
    },
    stop() {
      void context?.suspend();
    },
  };
}

const button = {
  font: 'inherit',
  padding: '4px 14px',
  borderRadius: 4,
  border: '1px solid currentColor',
  background: 'transparent',
  color: 'inherit',
  cursor: 'pointer',
} as const;

/** The Start/Stop button: "Start" until the context runs, then "Stop". */
export function StartStop({ audio }: { audio: DemoAudio }) {
  const running = audio.state === 'running';
  return (
    <button type="button" style={button} onClick={running ? audio.stop : audio.start}>
      {running ? 'Stop' : 'Start'}
    </button>
  );
}

/** A plain button in the demo style. */
export function DemoButton(props: { onClick: () => void; children: string; disabled?: boolean }) {
  return (
    <button type="button" style={{ ...button, opacity: props.disabled ? 0.5 : 1 }} onClick={props.onClick} disabled={props.disabled}>
      {props.children}
    </button>
  );
}

/**
 * "transport: shared (SharedArrayBuffer, cross-origin isolated) · audio: running, 48000 Hz ·
 * engine: ready · meters in time with the output: 42.7 ms later" — the answer to "which
 * transport runs, why does the meter show nothing, and how far behind the measurement it is".
 */
export function EngineStatus({
  audio,
  engine,
  status,
  error,
}: {
  audio: DemoAudio;
  engine: MeterEngine | null;
  status: MeterEngineStatus;
  error: Error | null;
}) {
  const isolated = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated;
  const transport = engine === null ? '—' : engine.transport;
  const why =
    engine === null ? '' : engine.transport === 'shared' ? ' (SharedArrayBuffer, zero-copy)' : ' (MessagePort copies: page not cross-origin isolated)';
  const audioText = audio.context === null ? 'press Start (autoplay policy)' : `${audio.state}, ${audio.context.sampleRate} Hz`;
  const latencyMs = useOutputLatency(engine);
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', opacity: 0.9 }}>
      <span>
        transport: <b data-testid="transport">{transport}</b>
        {why}
      </span>
      <span>
        crossOriginIsolated: <b data-testid="isolated">{String(isolated)}</b>
      </span>
      <span>
        audio: <b data-testid="audio-state">{audioText}</b>
      </span>
      <span>
        engine: <b data-testid="engine-status">{error ? `error: ${error.message}` : status}</b>
      </span>
      <span title="alignToOutput: each reading is shown when its audio is heard (outputLatency + baseLatency)">
        meters in time with the output: <b data-testid="latency">{engine === null ? '—' : `${latencyMs.toFixed(1)} ms later`}</b>
      </span>
    </div>
  );
}

/** The engine's output-alignment delay, ms, re-read every second (it follows the output device). */
function useOutputLatency(engine: MeterEngine | null): number {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (engine === null) return;
    const id = setInterval(refresh, 1000);
    return () => clearInterval(id);
  }, [engine]);
  return engine?.outputLatencyMs ?? 0;
}
