'use client';
/**
 * `<MeterStatus>`: says why the meters show what they show — "Audio suspended", "No signal",
 * "Audio stalled: no measurements arriving", "No audio source", "Metering failed" — and, for a
 * suspended context, offers a button that calls `context.resume()` (a user gesture is what
 * browsers' autoplay policies ask for). Renders nothing while live unless `showLive`.
 * Re-renders only when the status changes (`useMeterStatus`).
 */
import { useEffect, useRef, useState, type CSSProperties, forwardRef } from 'react';
import { meterStatusText, describeValue, type MeterSource, type HasMeterSource, type MeterStatusValue } from '../core/internal';
import { useMeterStatus } from './use-meter-status';
import { useMeterSource } from './context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { checkBooleanProp, checkFunctionProp, checkStringProp, checkStyleObjectProp } from './props';
import { domProps, ownSet, type DomProps, type ListsEveryKey } from './dom-props';

export interface MeterStatusOwnProps {
  /**
   * Engine or source; default: the nearest MeterProvider's.
   * @default the nearest MeterProvider's source
   */
  source?: MeterSource | HasMeterSource | null;
  /**
   * The context the resume button resumes. Default: the source's engine's `context` when
   * `source` is an engine; with a provider or a bank reader, pass it.
   * @default the engine's context
   */
  context?: BaseAudioContext | null;
  /**
   * Also show "Live" while everything is fine. Default false (renders nothing).
   * @default false
   */
  showLive?: boolean;
  /**
   * Text of the resume button. Default "Resume audio".
   * @default Resume audio
   */
  resumeLabel?: string;
  /** Called with each status the component shows (after the change). */
  onStatus?: (status: MeterStatusValue) => void;
  className?: string;
  style?: CSSProperties;
}

/** MeterStatus's props: its own, and the wrapper element's DOM attributes (see dom-props.ts). */
export type MeterStatusProps = MeterStatusOwnProps & DomProps<MeterStatusOwnProps>;

const OWN_KEYS = ['source', 'context', 'showLive', 'resumeLabel', 'onStatus', 'className', 'style'] as const satisfies readonly (keyof MeterStatusOwnProps)[];
const _everyOwnKey: ListsEveryKey<MeterStatusOwnProps, typeof OWN_KEYS> = true;
const OWN = /* @__PURE__ */ ownSet(OWN_KEYS);

function contextOf(source: unknown): BaseAudioContext | null {
  const c = source !== null && typeof source === 'object' ? (source as { context?: unknown }).context : undefined;
  return c !== null && typeof c === 'object' && typeof (c as AudioContext).resume === 'function' ? (c as BaseAudioContext) : null;
}

export const MeterStatus = /* @__PURE__ */ forwardRef<HTMLDivElement, MeterStatusProps>(function MeterStatus(props, ref) {
  useMeterSource(props.source, 'MeterStatus'); // validates the prop
  if (
    props.context !== undefined &&
    props.context !== null &&
    (typeof props.context !== 'object' || typeof (props.context as { state?: unknown }).state !== 'string')
  ) {
    throw new TypeError(`MeterStatus: context must be an AudioContext or null, got ${describeValue(props.context)}`);
  }
  checkBooleanProp('MeterStatus', 'showLive', props.showLive);
  checkStringProp('MeterStatus', 'resumeLabel', props.resumeLabel);
  checkFunctionProp('MeterStatus', 'onStatus', props.onStatus);
  checkStringProp('MeterStatus', 'className', props.className);
  checkStyleObjectProp('MeterStatus', props.style);
  const status = useMeterStatus(props.source);
  const onStatus = useRef(props.onStatus);
  useIsomorphicLayoutEffect(() => {
    onStatus.current = props.onStatus;
  });
  useEffect(() => {
    onStatus.current?.(status);
  }, [status]);
  const context = props.context ?? contextOf(props.source);
  const [resumeError, setResumeError] = useState<string | null>(null);
  if (status === 'live' && !props.showLive) return null;
  const canResume = status === 'suspended' && context !== null && typeof (context as AudioContext).resume === 'function';
  return (
    <div
      {...domProps(props, OWN)}
      ref={ref}
      role="status"
      data-meterkit="MeterStatus"
      data-meter-status={status}
      className={props.className}
      style={props.style}
    >
      <span>{meterStatusText(status)}</span>
      {canResume ? (
        <button
          type="button"
          onClick={() => {
            setResumeError(null);
            (context as AudioContext).resume().catch((e: unknown) => setResumeError(e instanceof Error ? e.message : String(e)));
          }}
        >
          {props.resumeLabel ?? 'Resume audio'}
        </button>
      ) : null}
      {resumeError !== null ? <span data-meterkit-resume-error="">{` (could not resume: ${resumeError})`}</span> : null}
    </div>
  );
});
