/**
 * Server-side commands for browser tests (run in Node with the Playwright page):
 * `heapSample('start' | 'stop')` runs V8's sampling heap profiler over the Chrome DevTools
 * Protocol (one sample per 64 bytes allocated on average) and returns every allocation site
 * with the call stack that led to it — to prove a frame path allocates nothing.
 */
import type { BrowserCommand } from 'vitest/node';
import type { CDPSession, Page } from 'playwright';

const sessions = new WeakMap<Page, CDPSession>();

/** The test page's DevTools Protocol session (one per page, reused). */
async function cdpFor(ctx: unknown): Promise<CDPSession> {
  const page = (ctx as { page: Page }).page;
  let cdp = sessions.get(page);
  if (cdp === undefined) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

export const heapSample: BrowserCommand<[action: 'start' | 'stop']> = async (ctx, action) => {
  const cdp = await cdpFor(ctx);
  if (action === 'start') {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 64, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    return [];
  }
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
  const sites: { bytes: number; stack: string }[] = [];
  const walk = (node: SampleNode, stack: string[]) => {
    const url = node.callFrame.url.replace(/[?#].*$/, '');
    const file = url.includes('/src/') ? url.slice(url.lastIndexOf('/src/') + 1) : url.split('/').slice(-2).join('/');
    const here = [...stack, `${node.callFrame.functionName || '(anon)'} ${file}:${node.callFrame.lineNumber + 1}`];
    if (node.selfSize > 0) sites.push({ bytes: node.selfSize, stack: here.join(' <- ') });
    for (const c of node.children) walk(c, here);
  };
  walk(profile.head, []);
  return sites.sort((a, b) => b.bytes - a.bytes);
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * `cpuProfile('start' | 'stop')`: V8's CPU profiler over CDP; returns self time by function
 * (ms), highest first — to see where a frame path spends its time.
 */
export const cpuProfile: BrowserCommand<[action: 'start' | 'stop']> = async (ctx, action) => {
  const cdp = await cdpFor(ctx);
  if (action === 'start') {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    return [];
  }
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i])!;
    const url = n.callFrame.url.replace(/[?#].*$/, '');
    const file = url.includes('/src/') ? url.slice(url.lastIndexOf('/src/') + 1) : url.split('/').pop();
    const key = `${n.callFrame.functionName || '(anon)'} ${file}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return [
    { name: 'TOTAL', ms: total },
    ...[...self]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 30),
  ];
};

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  cat?: string;
  args?: { name?: string };
}

/** Animation frames per thread between two performance marks, from a DevTools trace. */
export interface AnimationFrameTrace {
  /** µs between the two marks. */
  spanUs: number;
  /** `FireAnimationFrame` events between the marks on threads named like a dedicated worker. */
  workerFrames: number;
  /** The same on the page's main thread(s). */
  mainFrames: number;
  /** Thread names seen with animation frames (diagnostics). */
  threads: Record<string, number>;
}

/**
 * `traceAnimationFrames('start')` starts a DevTools trace in the browser (categories
 * devtools.timeline, blink.user_timing, __metadata); `traceAnimationFrames('stop', from, to)`
 * stops it and counts `FireAnimationFrame` events on worker threads and on the main thread
 * between the `performance.mark(from)` and `performance.mark(to)` the page placed. Observes
 * the page from outside: screenshots and captureStream wait for a blocked main thread, a trace
 * does not (TOOLCHAIN.md).
 */
export const traceAnimationFrames: BrowserCommand<[action: 'start' | 'stop', from?: string, to?: string]> = async (ctx, action, from, to) => {
  const page = (ctx as { page: Page }).page;
  const browser = page.context().browser();
  if (browser === null) throw new Error('traceAnimationFrames needs a launched browser');
  if (action === 'start') {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', '__metadata', 'disabled-by-default-devtools.timeline.frame'] });
    return null;
  }
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const names = new Map<string, string>();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const markAt = (name: string | undefined) => traceEvents.find((e) => e.name === name && (e.cat ?? '').includes('blink.user_timing'))?.ts;
  const t0 = markAt(from);
  const t1 = markAt(to);
  if (t0 === undefined || t1 === undefined) throw new Error(`marks ${from} / ${to} not found in the trace`);
  const result: AnimationFrameTrace = { spanUs: t1 - t0, workerFrames: 0, mainFrames: 0, threads: {} };
  for (const e of traceEvents) {
    if (e.name !== 'FireAnimationFrame' || e.ph === 'E' || e.ts < t0 || e.ts > t1) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '?';
    result.threads[thread] = (result.threads[thread] ?? 0) + 1;
    if (/worker/i.test(thread)) result.workerFrames++;
    else if (/CrRendererMain/.test(thread)) result.mainFrames++;
  }
  return result;
};

/**
 * `emulateColorScheme('light' | 'dark' | null)`: what the test page's `prefers-color-scheme`
 * media query reports (Playwright's `page.emulateMedia`; null restores the browser's own).
 */
export const emulateColorScheme: BrowserCommand<[scheme: 'light' | 'dark' | null]> = async (ctx, scheme) => {
  await (ctx as { page: Page }).page.emulateMedia({ colorScheme: scheme });
};
