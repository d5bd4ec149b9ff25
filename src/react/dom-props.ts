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
 * Compile-time check that `K` lists every key of `P`: `true` when it does, else a type naming
 * the missing keys (so `const _all: ListsEveryKey<P, typeof KEYS> = true` fails to compile).
 */
export type ListsEveryKey<P, K extends readonly PropertyKey[]> = [Exclude<keyof P, K[number]>] extends [never]
  ? true
  : { missingKeys: Exclude<keyof P, K[number]> };

/** A component's own prop names as a set (mark the module-level call `@__PURE__`, so unused components shake out). */
export function ownSet(keys: readonly string[]): ReadonlySet<string> {
  return new Set(keys);
}

/** Global HTML attributes (React's names) a wrapper takes besides `data-*`, `aria-*` and `on…` handlers. */
const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'title',
  'tabIndex',
  'lang',
  'dir',
  'hidden',
  'accessKey',
  'autoFocus',
  'contentEditable',
  'draggable',
  'spellCheck',
  'translate',
  'inert',
  'slot',
  'nonce',
  'enterKeyHint',
  'inputMode',
  'is',
  'popover',
  'autoCapitalize',
  'itemProp',
  'itemScope',
  'itemType',
  'itemID',
  'itemRef',
  'suppressHydrationWarning',
  'suppressContentEditableWarning',
]);

/**
 * `props` without the component's own keys: the DOM attributes for its wrapper element —
 * `data-*`, `aria-*`, `on…` event handlers (functions) and the global HTML attributes. Any
 * other unknown key (a prop of another component, a typo) is not put on the DOM. Render time
 * only (allocates).
 */
export function domProps(props: object, own: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props)) {
    if (own.has(key)) continue;
    const value = (props as Record<string, unknown>)[key];
    const dom = key.startsWith('data-') || key.startsWith('aria-') || GLOBAL_ATTRIBUTES.has(key) || (/^on[A-Z]/.test(key) && typeof value === 'function');
    if (dom) out[key] = value;
  }
  return out;
}

/** Points a caller's ref (callback or object) at `node`. */
function assignRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === 'function') ref(node);
  else if (ref !== null && ref !== undefined) (ref as MutableRefObject<T | null>).current = node;
}

/** A stable callback ref that sets the component's own `localRef` and the caller's `forwardedRef`. */
export function useMergedRef<T>(forwardedRef: Ref<T> | undefined, localRef: MutableRefObject<T | null>): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      localRef.current = node;
      assignRef(forwardedRef, node);
    },
    [forwardedRef, localRef],
  );
}
