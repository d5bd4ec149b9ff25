/**
 * Page-wide shared observers: one ResizeObserver and one IntersectionObserver for every meter
 * (128 meters do not need 128 observers), and a device-pixel-ratio watcher. Each is created on
 * first use and disconnected when its last element is removed.
 *
 * Thread: main thread. Never touches the DOM at import (SSR safe).
 */
import { describeValue } from '../dsp/validate';

type SizeCallback = (cssWidth: number, cssHeight: number) => void;
type VisibleCallback = (visible: boolean) => void;

let resizeObserver: ResizeObserver | null = null;
const sizeCallbacks = new Map<Element, SizeCallback>();
let intersectionObserver: IntersectionObserver | null = null;
const visibleCallbacks = new Map<Element, VisibleCallback>();

/** Calls `callback(cssWidth, cssHeight)` now-ish and whenever `element`'s content box changes. */
export function observeSize(element: Element, callback: SizeCallback): () => void {
  if (typeof element !== 'object' || element === null || typeof (element as Element).getBoundingClientRect !== 'function')
    throw new TypeError(`observeSize: element must be a DOM element, got ${describeValue(element)}`);
  if (typeof callback !== 'function') throw new TypeError(`observeSize: callback must be a function (cssWidth, cssHeight), got ${describeValue(callback)}`);
  if (typeof ResizeObserver !== 'function') {
    const r = element.getBoundingClientRect();
    callback(r.width, r.height);
    return () => {};
  }
  if (resizeObserver === null) {
    resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const box = entry.contentBoxSize?.[0];
        const w = box ? box.inlineSize : entry.contentRect.width;
        const h = box ? box.blockSize : entry.contentRect.height;
        sizeCallbacks.get(entry.target)?.(w, h);
      }
    });
  }
  sizeCallbacks.set(element, callback);
  resizeObserver.observe(element);
  return () => {
    if (!sizeCallbacks.delete(element)) return;
    resizeObserver?.unobserve(element);
    if (sizeCallbacks.size === 0) {
      resizeObserver?.disconnect();
      resizeObserver = null;
    }
  };
}

/** Calls `callback(visible)` when `element` enters or leaves the viewport. Without IntersectionObserver: always visible. */
export function observeVisibility(element: Element, callback: VisibleCallback): () => void {
  if (typeof IntersectionObserver !== 'function') {
    callback(true);
    return () => {};
  }
  if (intersectionObserver === null) {
    intersectionObserver = new IntersectionObserver((entries) => {
      for (const entry of entries) visibleCallbacks.get(entry.target)?.(entry.isIntersecting);
    });
  }
  visibleCallbacks.set(element, callback);
  intersectionObserver.observe(element);
  return () => {
    if (!visibleCallbacks.delete(element)) return;
    intersectionObserver?.unobserve(element);
    if (visibleCallbacks.size === 0) {
      intersectionObserver?.disconnect();
      intersectionObserver = null;
    }
  };
}

const ratioCallbacks = new Set<(dpr: number) => void>();
let ratioQuery: MediaQueryList | null = null;
const onRatioChange = (): void => {
  armRatioQuery();
  const dpr = currentPixelRatio();
  for (const cb of ratioCallbacks) cb(dpr);
};

function armRatioQuery(): void {
  ratioQuery?.removeEventListener('change', onRatioChange);
  ratioQuery = null;
  if (ratioCallbacks.size === 0 || typeof matchMedia !== 'function') return;
  ratioQuery = matchMedia(`(resolution: ${currentPixelRatio()}dppx)`);
  ratioQuery.addEventListener('change', onRatioChange);
}

/** `window.devicePixelRatio`, or 1 without a window. */
export function currentPixelRatio(): number {
  return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
}

/** Calls `callback(dpr)` when the device pixel ratio changes (zoom, moving between screens). */
export function watchPixelRatio(callback: (dpr: number) => void): () => void {
  ratioCallbacks.add(callback);
  if (ratioQuery === null) armRatioQuery();
  return () => {
    if (!ratioCallbacks.delete(callback)) return;
    if (ratioCallbacks.size === 0) armRatioQuery();
  };
}

/** Live counts, for leak tests. */
export function observerCounts(): { resize: number; visibility: number; pixelRatio: number } {
  return { resize: sizeCallbacks.size, visibility: visibleCallbacks.size, pixelRatio: ratioCallbacks.size };
}
