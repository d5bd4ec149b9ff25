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
 * - renderer CPU (all threads): the CPU time the page's renderer process used over the window
 *   (main thread, the render worker, the audio rendering thread, raster and compositor
 *   threads: everything that runs in the renderer), from the browser's `SystemInfo.getProcessInfo`
 *   (`cpuTime`, s) at both ends of the window over the wall time between them, as a share of one
 *   core and per animation frame. The page's renderer is the one renderer process that has an
 *   audio rendering thread (every live page plays an AudioContext; the thread names come from
 *   /proc/<pid>/task/<tid>/comm, so this needs Linux); any other renderer's CPU over the window is
 *   recorded beside it (`otherRenderersCpuShare`, a spare renderer: ≈ 0);
 * - for `meterkit-worker`, the render worker's frames per second (its own animation-frame count).
 *
 * A page that does not answer a ping within 5 s after the warm-up (or the window calls within
 * 10 s) is recorded as unresponsive: its main thread's busy share is still measured through CDP,
 * but fps, ms/frame, commits and heap cannot be.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** Every process of the browser: { type, id (pid), cpuTime (s) }. */
async function processes(browserCdp) {
  const { processInfo } = await withTimeout(browserCdp.send('SystemInfo.getProcessInfo'), 10_000, 'SystemInfo.getProcessInfo');
  return { at: performance.now(), list: processInfo };
}

/** Names of a process's threads (Linux /proc), [] when it is gone. */
function threadNames(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

/** Chromium's audio rendering threads, as /proc shows them (names are cut to 15 characters). */
const AUDIO_THREAD = /^(AudioOutputDevi|AudioWorklet|RealtimeAudioWor)/;

/** The pid of the one renderer that plays audio (the measured page); throws unless exactly one does. */
function pageRendererPid(snapshot) {
  const renderers = snapshot.list.filter((p) => p.type === 'renderer');
  const playing = renderers.filter((p) => threadNames(p.id).some((n) => AUDIO_THREAD.test(n)));
  if (playing.length !== 1) {
    throw new Error(
      `renderer CPU: expected exactly one renderer process with an audio thread, found ${playing.length} ` +
        `(renderers ${renderers.map((p) => p.id).join(', ') || 'none'}); is /proc readable?`,
    );
  }
  return playing[0].id;
}

/** CPU share of one core of the page's renderer and of every other renderer between two snapshots. */
function rendererCpu(before, after, pid) {
  const spanS = (after.at - before.at) / 1000;
  const cpu = (s, id) => s.list.find((p) => p.id === id)?.cpuTime ?? null;
  const c0 = cpu(before, pid);
  const c1 = cpu(after, pid);
  if (c0 === null || c1 === null) throw new Error(`renderer CPU: the page's renderer (pid ${pid}) is missing from a snapshot`);
  let others = 0;
  for (const p of after.list) {
    if (p.type !== 'renderer' || p.id === pid) continue;
    const p0 = cpu(before, p.id);
    others += p.cpuTime - (p0 ?? 0);
  }
  return { pid, spanS, share: (c1 - c0) / spanS, otherRenderersShare: others / spanS };
}

export const LIVE_VIEWPORT = { width: 1280, height: 900 };

/** One measurement of one contender at one size. */
export async function measureLive(browser, baseUrl, { contender, tracks, warmupMs, windowMs }) {
  const context = await browser.newContext({ viewport: LIVE_VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let closed = false;
  const browserCdp = await browser.newBrowserCDPSession();
  try {
    // Enable the protocol domains before the page loads: a flooded main thread answers them late.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await page.goto(`${baseUrl}index.html?mode=live&contender=${contender}&tracks=${tracks}`);
    const info = await withTimeout(
      page.evaluate(() => window.bench.ready),
      30_000,
      'page setup',
    );
    await sleep(warmupMs);

    // A page whose main thread is flooded answers nothing in time: measure only what CDP can.
    const responsive = await withTimeout(
      page.evaluate(() => true),
      5_000,
      'ping',
    ).catch((error) => {
      if (error instanceof TimeoutError) return false;
      throw error;
    });
    const heap0 = responsive ? await heapAfterGc(cdp) : null;
    const p0 = await processes(browserCdp);
    const rendererPid = pageRendererPid(p0);
    const m0 = await metrics(cdp);
    let unresponsive = !responsive;
    if (!unresponsive) {
      try {
        await withTimeout(
          page.evaluate(() => window.bench.startWindow()),
          10_000,
          'bench.startWindow',
        );
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        unresponsive = true;
      }
    }
    await sleep(windowMs);
    let w = null;
    if (!unresponsive) {
      try {
        w = await withTimeout(
          page.evaluate(() => window.bench.endWindow()),
          10_000,
          'bench.endWindow',
        );
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        unresponsive = true;
      }
    }
    const m1 = await metrics(cdp);
    const renderer = rendererCpu(p0, await processes(browserCdp), rendererPid);
    const heap1 = unresponsive ? null : await heapAfterGc(cdp);
    closed = await closeContext(context);

    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (w !== null && w.contextState !== 'running') throw new Error(`the AudioContext was ${w.contextState}, not running`);
    const spanS = m1.Timestamp - m0.Timestamp;
    const busy = Object.fromEntries(DURATIONS.map((k) => [k, (m1[k] - m0[k]) / spanS])); // s per s
    const fps = w === null ? null : w.frames / (w.elapsedMs / 1000);
    const perFrameMs = (k) => (fps ? (busy[k] * 1000) / fps : null);
    if (info.render === 'worker' && !(w === null || w.workerFrames > 0)) throw new Error('the render worker ran no frames in the window');
    return {
      contender,
      tracks,
      unresponsive,
      closedCleanly: closed,
      transport: info.transport,
      render: info.render ?? null,
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
      workerFps: w === null || w.workerFrames === null ? null : w.workerFrames / (w.elapsedMs / 1000),
      rendererPid: renderer.pid,
      rendererCpuShare: renderer.share,
      rendererCpuMsPerFrame: fps ? (renderer.share * 1000) / fps : null,
      otherRenderersCpuShare: renderer.otherRenderersShare,
      commits: w?.commits ?? null,
      commitsPerS: w === null ? null : w.commits / (w.elapsedMs / 1000),
      heapGrowthBytesPer60s: heap0 === null || heap1 === null || w === null ? null : ((heap1 - heap0) / (w.elapsedMs / 1000)) * 60,
      heapStartBytes: heap0,
    };
  } finally {
    await browserCdp.detach().catch(() => {});
    if (!closed) await closeContext(context);
  }
}
