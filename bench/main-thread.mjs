/**
 * Main-thread cost of live meters: opens `?mode=live&contender=…&tracks=…` in a fresh browser
 * context (real AudioContext, the program graph playing), lets it warm up, then measures one
 * window with the Chrome DevTools Protocol and the page's own counters:
 *
 * - main-thread ms per animation frame = main-thread busy ms per second / frames per second,
 *   where busy time is the delta of `Performance.getMetrics` TaskDuration (wall time inside
 *   main-thread tasks: script, style, layout, paint, message handling — what DevTools' main
 *   track shows) over the delta of its Timestamp, and frames come from the page's one rAF
 *   counter. Also reported that way: ScriptDuration, RecalcStyleDuration, LayoutDuration, and
 *   ThreadTime (the main thread's CPU time, which other processes on the machine cannot inflate);
 * - frames per second (the rAF counter over the page's clock);
 * - React commits per second (a <Profiler> around the contender);
 * - JS heap growth: JSHeapUsedSize after a forced GC (HeapProfiler.collectGarbage) at both
 *   ends of the window, scaled to 60 s.
 *
 * A page that does not answer a ping within 5 s after the warm-up (or the window calls within
 * 10 s) is recorded as unresponsive: its main thread's busy share is still measured through CDP,
 * but fps, ms/frame, commits and heap cannot be.
 */
import { closeContext, withTimeout, TimeoutError, sleep } from './util.mjs';

const DURATIONS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'ThreadTime'];

async function metrics(cdp) {
  const { metrics: list } = await withTimeout(cdp.send('Performance.getMetrics'), 10_000, 'Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

async function heapAfterGc(cdp) {
  try {
    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), 10_000, 'HeapProfiler.collectGarbage');
    return (await metrics(cdp)).JSHeapUsedSize;
  } catch (error) {
    if (error instanceof TimeoutError) return null;
    throw error;
  }
}

export const LIVE_VIEWPORT = { width: 1280, height: 900 };

/** One measurement of one contender at one size. */
export async function measureLive(browser, baseUrl, { contender, tracks, warmupMs, windowMs }) {
  const context = await browser.newContext({ viewport: LIVE_VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let closed = false;
  try {
    // Enable the protocol domains before the page loads: a flooded main thread answers them late.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await page.goto(`${baseUrl}index.html?mode=live&contender=${contender}&tracks=${tracks}`);
    const info = await withTimeout(page.evaluate(() => window.bench.ready), 30_000, 'page setup');
    await sleep(warmupMs);

    // A page whose main thread is flooded answers nothing in time: measure only what CDP can.
    const responsive = await withTimeout(page.evaluate(() => true), 5_000, 'ping').catch((error) => {
      if (error instanceof TimeoutError) return false;
      throw error;
    });
    const heap0 = responsive ? await heapAfterGc(cdp) : null;
    const m0 = await metrics(cdp);
    let unresponsive = !responsive;
    if (!unresponsive) {
      try {
        await withTimeout(page.evaluate(() => window.bench.startWindow()), 10_000, 'bench.startWindow');
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        unresponsive = true;
      }
    }
    await sleep(windowMs);
    let w = null;
    if (!unresponsive) {
      try {
        w = await withTimeout(page.evaluate(() => window.bench.endWindow()), 10_000, 'bench.endWindow');
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        unresponsive = true;
      }
    }
    const m1 = await metrics(cdp);
    const heap1 = unresponsive ? null : await heapAfterGc(cdp);
    closed = await closeContext(context);

    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (w !== null && w.contextState !== 'running') throw new Error(`the AudioContext was ${w.contextState}, not running`);
    const spanS = m1.Timestamp - m0.Timestamp;
    const busy = Object.fromEntries(DURATIONS.map((k) => [k, (m1[k] - m0[k]) / spanS])); // s per s
    const fps = w === null ? null : w.frames / (w.elapsedMs / 1000);
    const perFrameMs = (k) => (fps ? (busy[k] * 1000) / fps : null);
    return {
      contender,
      tracks,
      unresponsive,
      closedCleanly: closed,
      transport: info.transport,
      crossOriginIsolated: info.crossOriginIsolated,
      mountCommits: info.mountCommits,
      windowS: w === null ? spanS : w.elapsedMs / 1000,
      frames: w?.frames ?? null,
      fps,
      busyShare: busy.TaskDuration,
      msPerFrame: perFrameMs('TaskDuration'),
      cpuMsPerFrame: perFrameMs('ThreadTime'),
      scriptMsPerFrame: perFrameMs('ScriptDuration'),
      styleMsPerFrame: perFrameMs('RecalcStyleDuration'),
      layoutMsPerFrame: perFrameMs('LayoutDuration'),
      commits: w?.commits ?? null,
      commitsPerS: w === null ? null : w.commits / (w.elapsedMs / 1000),
      heapGrowthBytesPer60s: heap0 === null || heap1 === null || w === null ? null : ((heap1 - heap0) / (w.elapsedMs / 1000)) * 60,
      heapStartBytes: heap0,
    };
  } finally {
    if (!closed) closed = await closeContext(context);
  }
}
