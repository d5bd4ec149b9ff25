/** Small helpers shared by the bench modules: statistics and timeouts. */

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** { median, min, max, n } of the finite values (null fields when there are none). */
export function summarize(values) {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return { median: null, min: null, max: null, n: 0 };
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

export class TimeoutError extends Error {}

/** Rejects with a TimeoutError naming `what` when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Closes a browser context, giving up after 10 s (a starved renderer may never answer). */
export async function closeContext(context) {
  try {
    await withTimeout(context.close(), 10_000, 'closing the page');
    return true;
  } catch {
    return false;
  }
}
