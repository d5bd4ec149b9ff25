/**
 * The page's side of the render worker: starts the one worker of the page on first use,
 * checks what it can do, registers meter sources and views with it, and keeps its frame loop
 * in step with the page's when the page loop is in demand mode (frozen states, screenshots).
 *
 * - `auto` rendering uses the worker only where it can work: OffscreenCanvas 2D,
 *   `transferControlToOffscreen`, module workers and animation frames in workers (the worker
 *   reports the last two itself). Until the worker has said `ready`, views wait (nothing is
 *   transferred); if it fails to load, every view falls back to main-thread painting and one
 *   console warning says why — never a blank meter.
 * - A canvas can be transferred once: the host transfers only after `ready`, so a fallback
 *   can still paint the same canvas on the main thread.
 *
 * Thread: main thread. Nothing touches `Worker`, `document` or `window` at import (SSR safe).
 *
 * Length (≈380 lines): one class — start-up handshake, source refcounts, view messages, demand
 * mode, fonts, diagnostics — whose parts share the worker and its message sequence.
 */
import { describeValue } from '../../dsp/validate';
import { getFrameLoop, type FrameClock, type FrameLoop } from '../frame-loop';
import type { MeterSource } from '../meter-source';
import { defaultRenderWorkerUrl } from './worker-url';
import { isLinkable, linkOf } from './links';
import { canRenderInWorker, WORKER_READY_TIMEOUT_MS, type AddViewOptions, type WorkerViewHandle } from './capabilities';

export { canRenderInWorker, RENDER_MODES, WORKER_READY_TIMEOUT_MS, type RenderMode, type AddViewOptions, type WorkerViewHandle } from './capabilities';
import { RENDER_WORKER_PROTOCOL, type FromRenderWorker, type RenderWorkerStats, type ToRenderWorker, type WorkerSourceLink } from './protocol';

interface SourceRecord {
  readonly id: number;
  readonly link: WorkerSourceLink;
  refs: number;
  offRunning: () => void;
}

export type RenderWorkerState = 'idle' | 'loading' | 'ready' | 'failed';

export class RenderWorkerClient {
  /** The worker file's URL (settable until the worker starts). */
  url: string;
  state: RenderWorkerState = 'idle';
  /** Why the worker is not used (after `failed`), else null. */
  failure: string | null = null;
  private worker: Worker | null = null;
  private readyPromise: Promise<boolean> | null = null;
  private readonly sources = new Map<MeterSource, SourceRecord>();
  private nextId = 1;
  private seq = 0;
  private readonly pongs = new Map<number, () => void>();
  private readonly statsWaiters = new Map<number, (s: RenderWorkerStats) => void>();
  private readonly loop: FrameLoop;
  private offDemand: (() => void) | null = null;
  private offMode: (() => void) | null = null;
  private offVisibility: (() => void) | null = null;
  private warned = false;
  /** Fonts added with {@link addFont}, sent again to a worker started later. */
  private readonly fonts: { family: string; source: string | ArrayBuffer; descriptors: FontFaceDescriptors }[] = [];

  constructor(url: string | URL, loop: FrameLoop = getFrameLoop()) {
    this.url = String(url);
    this.loop = loop;
  }

  /**
   * Starts the worker (once) and resolves true when it is ready to paint, false when views must
   * paint on the main thread (the reason is in `failure`; one console warning says it).
   */
  ready(): Promise<boolean> {
    if (this.readyPromise !== null) return this.readyPromise;
    this.readyPromise = this.start();
    return this.readyPromise;
  }

  /** The worker is usable right now (ready answered true). */
  get isReady(): boolean {
    return this.state === 'ready';
  }

  /**
   * True when `source` can be read by the worker (it offers a link). Sources that cannot (a
   * custom MeterSource) are painted on the main thread.
   */
  canLink(source: MeterSource | null): boolean {
    return source === null || isLinkable(source);
  }

  /**
   * Transfers `canvas` to the worker and paints the view there. Call only after `ready()`
   * resolved true. Returns null, transferring nothing, when the source cannot be linked now
   * (e.g. every consumer slot of its bank is taken): paint on the main thread then. Throws if
   * the canvas already has a context or was transferred.
   */
  addView(options: AddViewOptions): WorkerViewHandle | null {
    let sourceId = this.acquire(options.source);
    if (options.source !== null && sourceId === -1) return null;
    const id = this.nextId++;
    let offscreen: OffscreenCanvas;
    try {
      offscreen = options.canvas.transferControlToOffscreen();
    } catch (error) {
      this.releaseSource(options.source);
      throw error;
    }
    let source = options.source;
    this.post(
      {
        type: 'view',
        id,
        canvas: offscreen,
        spec: options.spec,
        style: options.style,
        geometry: options.geometry,
        source: sourceId,
        tracks: [...options.tracks],
        visible: options.visible,
      },
      [offscreen],
    );
    let removed = false;
    return {
      setSpec: (spec) => !removed && this.post({ type: 'view-spec', id, spec }),
      setStyle: (style) => !removed && this.post({ type: 'view-style', id, style }),
      setGeometry: (geometry) => !removed && this.post({ type: 'view-geometry', id, geometry }),
      setVisible: (visible) => !removed && this.post({ type: 'view-visible', id, visible }),
      command: (command) => !removed && this.post({ type: 'view-command', id, command }),
      setSource: (next, tracks) => {
        if (removed) return;
        const nextId = next === source ? sourceId : this.acquire(next);
        this.post({ type: 'view-source', id, source: nextId, tracks: [...tracks] });
        if (next !== source) this.releaseSource(source);
        source = next;
        sourceId = nextId;
      },
      remove: () => {
        if (removed) return;
        removed = true;
        this.post({ type: 'view-remove', id });
        this.releaseSource(source);
      },
    };
  }

  /**
   * Makes a web font available to canvas text in the worker (the worker has its own font set;
   * fonts of `document.fonts` are not seen there). `source`: a URL (resolved against the page)
   * or the font file's bytes. Sent now if the worker runs, else when it starts; meters that
   * already painted text repaint once it is loaded.
   */
  addFont(family: string, source: string | URL | ArrayBuffer, descriptors: FontFaceDescriptors = {}): void {
    const src =
      source instanceof ArrayBuffer ? source : `url(${JSON.stringify(new URL(String(source), (globalThis as { location?: Location }).location?.href).href)})`;
    const font = { family, source: src, descriptors };
    this.fonts.push(font);
    if (this.state === 'ready') this.post({ type: 'font', ...font });
  }

  /** Resolves once the worker has applied every message posted before (and drawn any frame they ran). */
  flush(): Promise<void> {
    if (this.worker === null || this.state !== 'ready') return Promise.resolve();
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pongs.set(seq, resolve);
      this.post({ type: 'ping', seq });
    });
  }

  /** The worker's live counts (views, sources, listeners, loop subscribers); null without a worker. */
  stats(): Promise<RenderWorkerStats | null> {
    if (this.worker === null || this.state !== 'ready') return Promise.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.statsWaiters.set(seq, resolve);
      this.post({ type: 'stats', seq });
    });
  }

  /** Number of sources registered with the worker (leak tests). */
  get sourceCount(): number {
    return this.sources.size;
  }

  /** Stops the worker; views must have been removed. For tests and page teardown. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.offDemand?.();
    this.offMode?.();
    this.offVisibility?.();
    this.offDemand = this.offMode = this.offVisibility = null;
    for (const s of this.sources.values()) {
      s.offRunning();
      s.link.release();
    }
    this.sources.clear();
    for (const resolve of this.pongs.values()) resolve();
    this.pongs.clear();
    this.state = 'idle';
    this.readyPromise = null;
  }

  private async start(): Promise<boolean> {
    if (!canRenderInWorker()) return this.fail('this browser has no OffscreenCanvas with transferControlToOffscreen, or no Worker', false);
    this.state = 'loading';
    let worker: Worker;
    try {
      worker = new Worker(this.url, { type: 'module', name: 'meterkit-render' });
    } catch (error) {
      return this.fail(`could not start the render worker from ${this.url} (${describe(error)})`);
    }
    this.worker = worker;
    const answer = await new Promise<FromRenderWorker | string>((resolve) => {
      const timer = setTimeout(() => resolve(`no answer from the render worker at ${this.url} within ${WORKER_READY_TIMEOUT_MS} ms`), WORKER_READY_TIMEOUT_MS);
      worker.onmessage = (e: MessageEvent<FromRenderWorker>) => {
        clearTimeout(timer);
        resolve(e.data);
      };
      worker.onerror = (e: ErrorEvent) => {
        clearTimeout(timer);
        e.preventDefault?.();
        resolve(
          `the render worker at ${this.url} failed to load (${e.message || 'no message; check that the file is served with a JavaScript MIME type and allowed by your Content-Security-Policy worker-src'})`,
        );
      };
    });
    if (typeof answer === 'string') return this.fail(answer);
    if (answer.type !== 'ready' || answer.protocol !== RENDER_WORKER_PROTOCOL) {
      return this.fail(`the file at ${this.url} is not this meterkit version's render worker`);
    }
    if (!answer.offscreen2d || !answer.animationFrames) {
      return this.fail('this browser has no 2D OffscreenCanvas or no requestAnimationFrame in workers', false);
    }
    worker.onmessage = (e: MessageEvent<FromRenderWorker>) => this.onMessage(e.data);
    worker.onerror = (e: ErrorEvent) => this.warn(`the render worker stopped with an error: ${e.message}`);
    this.state = 'ready';
    for (const font of this.fonts) this.post({ type: 'font', ...font });
    this.followPage();
    return true;
  }

  private onMessage(msg: FromRenderWorker): void {
    if (msg.type === 'pong') {
      this.pongs.get(msg.seq)?.();
      this.pongs.delete(msg.seq);
    } else if (msg.type === 'stats') {
      this.statsWaiters.get(msg.seq)?.(msg.stats);
      this.statsWaiters.delete(msg.seq);
    } else if (msg.type === 'error') {
      this.warn(`the render worker reported: ${msg.message}`);
    }
  }

  /** Mirrors the page loop's mode (demand frames are forwarded) and the page's visibility. */
  private followPage(): void {
    const onMode = (mode: 'auto' | 'demand') => {
      this.post({ type: 'mode', mode });
      this.offDemand?.();
      this.offDemand = null;
      // Each demand frame of the page runs one frame in the worker, with the same delta.
      if (mode === 'demand') this.offDemand = this.loop.subscribe(this.forwardFrame, 'draw');
    };
    this.offMode = this.loop.onModeChange(onMode);
    if (this.loop.mode === 'demand') onMode('demand');
    const doc = (globalThis as { document?: Document }).document;
    if (doc !== undefined) {
      const onVisibility = () => this.post({ type: 'page-visible', visible: !doc.hidden });
      doc.addEventListener('visibilitychange', onVisibility);
      this.offVisibility = () => doc.removeEventListener('visibilitychange', onVisibility);
      if (doc.hidden) onVisibility();
    }
  }

  private readonly forwardFrame = (clock: FrameClock): void => {
    if (this.loop.mode === 'demand') this.post({ type: 'advance', deltaMs: clock.deltaMs });
  };

  private acquire(source: MeterSource | null): number {
    if (source === null) return -1;
    let record = this.sources.get(source);
    if (record === undefined) {
      const link = linkOf(source);
      if (link === null) return -1;
      const id = this.nextId++;
      const offRun = link.onRunningChange(() => this.post({ type: 'source-running', id, running: link.running() }));
      const offDelay = link.onDelayChange?.(() => this.post({ type: 'source-delay', id, delayMs: link.delayMs!() })) ?? (() => {});
      const offRunning = () => {
        offRun();
        offDelay();
      };
      record = { id, link, refs: 0, offRunning };
      this.sources.set(source, record);
      this.post({ type: 'source', id, link: link.link, running: link.running() }, link.transfer);
    }
    record.refs++;
    return record.id;
  }

  private releaseSource(source: MeterSource | null): void {
    if (source === null) return;
    const record = this.sources.get(source);
    if (record === undefined) return;
    if (--record.refs > 0) return;
    // A task later: a StrictMode remount (or a source handed from one view to the next in the
    // same commit) takes it again without a new consumer slot or port.
    setTimeout(() => {
      if (record.refs > 0 || this.sources.get(source) !== record) return;
      this.sources.delete(source);
      record.offRunning();
      this.post({ type: 'source-remove', id: record.id });
      record.link.release();
    }, 0);
  }

  private post(message: ToRenderWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private fail(reason: string, warn = true): false {
    this.state = 'failed';
    this.failure = reason;
    this.worker?.terminate();
    this.worker = null;
    if (warn) this.warn(`${reason}; meters are painted on the main thread instead.`);
    return false;
  }

  private warn(message: string): void {
    if (this.warned) return;
    this.warned = true;
    console.warn(`meterkit: ${message}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

let shared: RenderWorkerClient | null = null;
let configuredUrl: string | URL | null = null;

/**
 * Sets the URL of the render worker file (strict Content-Security-Policy, self-hosting, or a
 * bundler that does not ship it): copy `node_modules/meterkit/dist/render-worker.js` to your
 * site and pass its URL. Call before the first meter mounts; later calls apply to a worker
 * started after `terminate`.
 */
export function configureRenderWorker(options: { url?: string | URL }): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`configureRenderWorker: options must be an object such as { url }, got ${describeValue(options)}`);
  const url: unknown = options.url;
  if (url !== undefined && !(typeof url === 'string' && url !== '') && !(typeof URL === 'function' && url instanceof URL)) {
    throw new TypeError(`configureRenderWorker: url must be a non-empty string or a URL of the render worker file, got ${describeValue(url)}`);
  }
  configuredUrl = options.url ?? null;
  // A client not started yet (e.g. fonts were added first) takes the new URL.
  if (shared !== null && shared.state === 'idle') shared.url = String(configuredUrl ?? defaultRenderWorkerUrl());
}

/**
 * Makes a web font available to meter text painted by the render worker: call it for every web
 * font a meter's `font` (or `--meterkit-font`) names, with the same file the page loads.
 * System fonts need nothing. See {@link RenderWorkerClient.addFont}.
 */
export function addRenderWorkerFont(family: string, source: string | URL | ArrayBuffer, descriptors?: FontFaceDescriptors): void {
  if (typeof family !== 'string' || family.trim() === '')
    throw new TypeError(`addRenderWorkerFont: family must be a non-empty font family name, got ${describeValue(family)}`);
  const isUrl = typeof URL === 'function' && source instanceof URL;
  if (!(typeof source === 'string' && source !== '') && !isUrl && !(source instanceof ArrayBuffer)) {
    throw new TypeError(`addRenderWorkerFont: source must be a font file URL (string or URL) or an ArrayBuffer of the file, got ${describeValue(source)}`);
  }
  if (typeof source === 'string') {
    try {
      new URL(source, typeof location !== 'undefined' ? location.href : 'http://localhost/');
    } catch {
      throw new TypeError(`addRenderWorkerFont: source must be a valid URL, got ${describeValue(source)}`);
    }
  }
  if (descriptors !== undefined && (typeof descriptors !== 'object' || descriptors === null)) {
    throw new TypeError(`addRenderWorkerFont: descriptors must be a FontFaceDescriptors object or undefined, got ${describeValue(descriptors)}`);
  }
  getRenderWorker().addFont(family, source, descriptors);
}

/** The page's render worker client (created on first use, never at import). */
export function getRenderWorker(): RenderWorkerClient {
  if (shared === null) shared = new RenderWorkerClient(configuredUrl ?? defaultRenderWorkerUrl());
  return shared;
}

/** Stops the page's render worker and forgets it (tests). */
export function resetRenderWorker(): void {
  shared?.terminate();
  shared = null;
}

/**
 * Resolves when everything posted to the page's render worker so far has been applied and any
 * frame it ran has been drawn — at once when no worker was started. Frozen states and
 * screenshots call it after `getFrameLoop().advance()`.
 */
export async function settleRenderWorker(): Promise<void> {
  const client = shared;
  if (client === null || client.state === 'idle' || client.state === 'failed') return;
  if (!(await client.ready())) return;
  await client.flush();
}
