/**
 * LatencyGate: `outputLatency` may be read only once the context has rendered SETTLE_S seconds
 * since the gate was made and since it last started running (a read while the stream starts can
 * hang Firefox). The gate reads `state` and `currentTime` only.
 */
import { describe, it, expect } from 'vitest';
import { LatencyGate, SETTLE_S, reportsLatency } from '../../src/core/latency-gate';
import { baseLatencyMs } from '../../src/core/delayed-source';

/** A context whose clock the test moves; reading `outputLatency` is counted. */
function fakeContext(state: AudioContextState, currentTime: number) {
  const c = {
    state,
    currentTime,
    latencyReads: 0,
    get outputLatency(): number {
      c.latencyReads++;
      return 0.04;
    },
    baseLatency: 0.01,
  };
  return c;
}
const asContext = (c: ReturnType<typeof fakeContext>) => c as unknown as BaseAudioContext;

describe('LatencyGate', () => {
  it('opens after SETTLE_S seconds of rendering since it was made, not before', () => {
    expect(SETTLE_S).toBe(3);
    const c = fakeContext('running', 0.2);
    const gate = new LatencyGate(asContext(c));
    expect(gate.ready()).toBe(false);
    c.currentTime = 3.19;
    expect(gate.ready()).toBe(false);
    c.currentTime = 3.2;
    expect(gate.ready()).toBe(true);
    expect(c.latencyReads).toBe(0);
  });

  it('a context running for long already opens at once; suspended or closed never opens', () => {
    const long = fakeContext('running', 0);
    const gate = new LatencyGate(asContext(long));
    long.currentTime = 600; // made at 0, rendered for ten minutes
    expect(gate.ready()).toBe(true);
    const suspended = fakeContext('suspended', 5);
    const g2 = new LatencyGate(asContext(suspended));
    suspended.currentTime = 50; // not possible while suspended, but the state decides
    expect(g2.ready()).toBe(false);
    suspended.state = 'closed';
    expect(g2.ready()).toBe(false);
  });

  it('a restart of running (resume after suspend) waits SETTLE_S seconds again', () => {
    const c = fakeContext('running', 0);
    const gate = new LatencyGate(asContext(c));
    c.currentTime = 3;
    expect(gate.ready()).toBe(true);
    c.state = 'suspended';
    gate.onStateChange();
    expect(gate.ready()).toBe(false);
    c.state = 'running';
    gate.onStateChange(); // currentTime stood still at 3 while suspended
    expect(gate.ready()).toBe(false);
    c.currentTime = 5.5;
    expect(gate.ready()).toBe(false);
    c.currentTime = 6;
    expect(gate.ready()).toBe(true);
    expect(c.latencyReads).toBe(0);
  });

  it('reportsLatency checks the properties without calling their getters', () => {
    const c = fakeContext('running', 0);
    expect(reportsLatency(asContext(c))).toBe(true);
    expect(c.latencyReads).toBe(0);
    expect(reportsLatency({ state: 'running', currentTime: 0 } as unknown as BaseAudioContext)).toBe(false);
  });

  it('baseLatencyMs: baseLatency in ms, 0 when missing or not finite, at most 2000', () => {
    expect(baseLatencyMs(asContext(fakeContext('running', 0)))).toBeCloseTo(10, 9);
    expect(baseLatencyMs({} as BaseAudioContext)).toBe(0);
    expect(baseLatencyMs({ baseLatency: NaN } as unknown as BaseAudioContext)).toBe(0);
    expect(baseLatencyMs({ baseLatency: 5 } as unknown as BaseAudioContext)).toBe(2000);
  });
});
