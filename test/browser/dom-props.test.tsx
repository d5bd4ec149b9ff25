/**
 * DOM attributes and refs on every component's wrapper element, in real Chromium (React 19),
 * in both render modes; and, checked by `npm run typecheck` (part of `npm test`), the types:
 * DOM attributes and a typed `ref` are accepted, a wrong ref type, `role` and a DOM meaning
 * of an own prop are not. (JSX accepts any `aria-*`/`data-*` name, so the meter's own
 * `aria-value*` cannot be refused by type: at run time the meter's values win.)
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createRef, useRef } from 'react';
import { render, cleanup } from '@testing-library/react';
import {
  LedMeter,
  PeakHoldMeter,
  MeterBridge,
  MeterScale,
  LoudnessMeter,
  CorrelationMeter,
  Goniometer,
  ClipIndicator,
  MeterStatus,
} from '../../src/react/index';
import { createManualBank } from '../../src/core/manual-bank';
import { createScopeWords } from '../../src/core/scope/ring-layout';

afterEach(() => cleanup());

/** Type-level checks (never rendered): what compiles and what must not. */
export function TypeChecks() {
  const div = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const scope = createScopeWords({ tracks: [0], capacity: 1024, sampleRate: 48000, shared: true });
  return (
    <>
      <LedMeter id="a" data-testid="x" aria-describedby="d" ref={div} onPointerDown={() => {}} tabIndex={0} />
      <PeakHoldMeter id="b" ref={div} />
      <MeterBridge id="c" label="Drums" ref={div} />
      <MeterScale id="d" ref={div} />
      <LoudnessMeter id="e" ref={div} />
      <CorrelationMeter id="f" ref={div} />
      <Goniometer id="g" scope={scope} ref={div} />
      <ClipIndicator id="h" ref={button} />
      <MeterStatus id="i" ref={div} />
      {/* @ts-expect-error a LedMeter's ref is its wrapper <div>, not a button */}
      <LedMeter ref={button} />
      {/* @ts-expect-error ClipIndicator's ref is its <button> */}
      <ClipIndicator ref={div} />
      {/* @ts-expect-error role is the meter's own */}
      <LedMeter role="img" />
      {/* @ts-expect-error width keeps its meter meaning (a CSS size), not an HTML attribute */}
      <LedMeter width={{}} />
    </>
  );
}

describe('DOM attributes and refs', () => {
  for (const mode of ['main', 'worker'] as const) {
    it(`render="${mode}": every component puts id, data-*, aria-describedby and handlers on its wrapper, and forwards ref to it`, () => {
      const bank = createManualBank({ tracks: 2, channels: 2 });
      const scope = createScopeWords({ tracks: [0], capacity: 1024, sampleRate: 48000, shared: true });
      const refs = Array.from({ length: 9 }, () => createRef<HTMLElement>());
      let clicks = 0;
      const common = (k: number) => ({ id: `m${k}`, 'data-testid': `t${k}`, 'aria-describedby': 'help', onDoubleClick: () => clicks++ });
      const { container } = render(
        <div>
          <span id="help">levels of the mix</span>
          <LedMeter source={bank.source} render={mode} {...common(0)} {...{ 'aria-valuenow': 5 }} ref={refs[0] as never} />
          <PeakHoldMeter source={bank.source} render={mode} {...common(1)} ref={refs[1] as never} />
          <MeterBridge source={bank.source} render={mode} label="Drums" {...common(2)} ref={refs[2] as never} />
          <MeterScale render={mode} {...common(3)} ref={refs[3] as never} />
          <LoudnessMeter source={bank.source} render={mode} {...common(4)} ref={refs[4] as never} />
          <CorrelationMeter source={bank.source} render={mode} {...common(5)} ref={refs[5] as never} />
          <Goniometer source={bank.source} scope={scope} render={mode} {...common(6)} ref={refs[6] as never} />
          <ClipIndicator source={bank.source} {...common(7)} ref={refs[7] as never} />
          <MeterStatus source={bank.source} showLive {...common(8)} ref={refs[8] as never} />
        </div>,
      );
      const names = [
        'LedMeter',
        'PeakHoldMeter',
        'MeterBridge',
        'MeterScale',
        'LoudnessMeter',
        'CorrelationMeter',
        'Goniometer',
        'ClipIndicator',
        'MeterStatus',
      ];
      names.forEach((name, k) => {
        const el = container.querySelector(`#m${k}`) as HTMLElement;
        expect(el, name).not.toBeNull();
        expect(el.dataset.meterkit, name).toBe(name); // the wrapper itself, not an inner element
        expect(el.getAttribute('data-testid')).toBe(`t${k}`);
        expect(el.getAttribute('aria-describedby')).toBe('help');
        expect(refs[k].current, name).toBe(el);
        el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      });
      expect(clicks).toBe(9);
      // The meter's own attributes win: role and values stay the meter's.
      const led = container.querySelector('#m0')!;
      expect(led.getAttribute('role')).toBe('meter');
      expect(led.getAttribute('aria-valuemin')).toBe('-60');
      expect(led.getAttribute('aria-valuenow')).toBe('-60'); // passed 5: the meter's value wins
      expect(container.querySelector('#m2')!.getAttribute('aria-label')).toBe('Drums');
      expect(container.querySelector('#m7')!.tagName).toBe('BUTTON');
    });
  }

  it('a callback ref sees the element on mount and null on unmount; the internal ref keeps working (aria values)', () => {
    const bank = createManualBank({ tracks: 1, channels: 2 });
    const seen: (HTMLElement | null)[] = [];
    const { unmount } = render(<LedMeter source={bank.source} render="main" ref={(el) => void seen.push(el)} />);
    expect(seen.length).toBe(1);
    expect(seen[0]!.getAttribute('role')).toBe('meter');
    unmount();
    expect(seen.at(-1)).toBeNull();
  });
});
