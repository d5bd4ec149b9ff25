'use client';
/**
 * DOM attributes and refs on the components' wrapper elements: a component takes every
 * attribute of its wrapper element (`id`, `data-*`, `aria-describedby`, event handlers, …)
 * except the names of its own props, which keep their meter meaning, and the attributes it
 * manages itself (`role`, `aria-label` — use `label` —, the `aria-value*` of a meter,
 * `data-meterkit`); it forwards `ref` to the wrapper (React 18 `forwardRef`; React 19 passes
 * `ref` the same way).
 */
import { useCallback, type HTMLAttributes, type MutableRefObject, type Ref, type RefCallback } from 'react';

/** Attributes a component manages on its wrapper (a value passed anyway is overridden). */
type Managed = 'children' | 'dangerouslySetInnerHTML' | 'role' | 'aria-label' | 'aria-valuemin' | 'aria-valuemax' | 'aria-valuenow' | 'aria-valuetext';

/** The wrapper element's DOM attributes a component with own props `Own` passes through. */
export type DomProps<Own, E extends Element = HTMLDivElement> = Omit<HTMLAttributes<E>, keyof Own | Managed>;

/**
 * The set of a component's own prop names, with a compile-time check that `keys` lists every
 * key of `P` (a missing one is a type error naming it): `ownProps<LedMeterOwnProps>()([...])`.
 */
export function ownProps<P>() {
  return <const K extends readonly (keyof P & string)[]>(
    keys: K & ([Exclude<keyof P, K[number]>] extends [never] ? unknown : { missingKeys: Exclude<keyof P, K[number]> }),
  ): ReadonlySet<string> => new Set<string>(keys);
}

/** `props` without the component's own keys: the attributes for its wrapper element. Render time only (allocates). */
export function domProps(props: object, own: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props)) if (!own.has(key) && key !== 'ref' && key !== 'key') out[key] = (props as Record<string, unknown>)[key];
  return out;
}

/** A stable callback ref that sets the component's own `local` ref and the caller's `forwarded` one. */
export function useMergedRef<T>(forwarded: Ref<T> | undefined, local: MutableRefObject<T | null>): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      local.current = node;
      if (typeof forwarded === 'function') forwarded(node);
      else if (forwarded !== null && forwarded !== undefined) (forwarded as MutableRefObject<T | null>).current = node;
    },
    [forwarded, local],
  );
}
