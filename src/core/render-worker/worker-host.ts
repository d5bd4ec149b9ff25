/**
 * The render worker's logic, platform-free: it takes the page's messages (protocol.ts), keeps
 * one consuming reader per source (its own consumer slot of a shared bank, or a MessageMirror
 * fed by a port) and one {@link ViewBinding} per transferred canvas, and runs them on its own
 * frame loop — the same loop, hubs and views as the main thread. `src/render-worker/worker.ts`
 * only adapts `DedicatedWorkerGlobalScope` to it.
 *
 * Thread: the render worker (tests also drive it on the main thread). A frame allocates nothing.
 */
import { MeterBankReader } from '../bank/reader';
import { createFrameLoop, type FrameLoop, type FrameLoopOptions, type VisibilitySource } from '../frame-loop';
import type { MeterSource } from '../meter-source';
import { MessageMirror } from '../transport';
import { DelayedSource } from '../delayed-source';
import type { Context2D } from '../render/context';
import { ViewBinding } from '../views/view-binding';
import { ALL_CANVAS_VIEWS } from '../views/create-canvas-view';
import type { FromRenderWorker, RenderWorkerStats, SourceLink, ToRenderWorker } from './protocol';

/** What the host needs from its platform. */
export interface WorkerHostPlatform {
  /** Posts a message to the page. */
  post(message: FromRenderWorker): void;
  /**
   * Adds a font to the worker's font set (`self.fonts`) and resolves once it is loaded; absent
   * where the platform has no FontFace (the font is then not available to canvas text).
   */
  loadFont?: (family: string, source: string | ArrayBuffer, descriptors: FontFaceDescriptors) => Promise<void>;
  /** The worker's animation frames (DedicatedWorkerGlobalScope.requestAnimationFrame). */
  raf: FrameLoopOptions['raf'];
  caf: FrameLoopOptions['caf'];
  now?: () => number;
}

interface SourceEntry {
  readonly reader: MeterBankReader;
  /** What views read: the reader, or the reader delayed for output alignment. */
  readonly source: MeterSource;
  readonly port: MessagePort | null;
  running: boolean;
}

/** The OffscreenCanvas surface of the worker: only width/height and a 2D context. */
interface WorkerCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

interface ViewEntry {
  readonly binding: ViewBinding;
}

/** Page visibility as told by the page (a worker has no document). */
class PageVisibility implements VisibilitySource {
  hidden = false;
  private listener: (() => void) | null = null;
  addEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listener = listener;
  }
  removeEventListener(): void {
    this.listener = null;
  }
  set(visible: boolean): void {
    if (this.hidden === !visible) return;
    this.hidden = !visible;
    this.listener?.();
  }
}

export class WorkerRenderHost {
  readonly loop: FrameLoop;
  private readonly platform: WorkerHostPlatform;
  private readonly page = new PageVisibility();
  private readonly sources = new Map<number, SourceEntry>();
  private readonly views = new Map<number, ViewEntry>();
  private reportedError = false;
  /** Font loads not finished yet: a ping is answered only after them. */
  private fontLoads: Promise<void>[] = [];
  /** Messages that arrived while fonts were loading, applied in order once they are. */
  private waiting: ToRenderWorker[] = [];

  constructor(platform: WorkerHostPlatform) {
    this.platform = platform;
    this.loop = createFrameLoop({
      raf: platform.raf,
      caf: platform.caf,
      now: platform.now,
      document: this.page,
      onError: (error) => this.fail(error),
    });
  }

  /**
   * Applies one message from the page. Never throws: a failure is reported once, as a message.
   * While fonts are loading, later messages wait (in order): a canvas that looked a family up
   * before its font arrived keeps the fallback in Chromium, so nothing paints text before the
   * fonts it may name are ready.
   */
  receive(msg: ToRenderWorker): void {
    if (this.fontLoads.length > 0 && msg.type !== 'font') {
      this.waiting.push(msg);
      return;
    }
    try {
      this.apply(msg);
    } catch (error) {
      this.fail(error);
    }
  }

  stats(): RenderWorkerStats {
    let listeners = 0;
    for (const v of this.views.values()) listeners += v.binding.listeners;
    let painted = 0;
    for (const v of this.views.values()) painted += v.binding.paints;
    return {
      views: this.views.size,
      sources: this.sources.size,
      listeners,
      subscribers: this.loop.subscriberCount,
      frames: this.loop.frameCount,
      painted,
    };
  }

  private apply(msg: ToRenderWorker): void {
    switch (msg.type) {
      case 'source':
        this.removeSource(msg.id);
        this.sources.set(msg.id, this.openSource(msg.link, msg.running));
        return;
      case 'source-running': {
        const s = this.sources.get(msg.id);
        if (s !== undefined) s.running = msg.running;
        return;
      }
      case 'source-delay': {
        const s = this.sources.get(msg.id);
        if (s !== undefined && s.source instanceof DelayedSource) s.source.setDelayMs(msg.delayMs);
        return;
      }
      case 'source-remove':
        this.removeSource(msg.id);
        return;
      case 'view': {
        this.removeView(msg.id);
        const canvas = msg.canvas as unknown as WorkerCanvas;
        const ctx = canvas.getContext('2d') as Context2D | null;
        const binding = new ViewBinding(canvas, ctx, msg.spec, ALL_CANVAS_VIEWS, this.loop);
        this.views.set(msg.id, { binding });
        binding.setStyle(msg.style);
        binding.resize(msg.geometry.width, msg.geometry.height, msg.geometry.pixelRatio);
        binding.setVisible(msg.visible);
        binding.setTracks(this.sourceOf(msg.source), msg.tracks);
        binding.paint();
        return;
      }
      case 'view-spec':
        this.withView(msg.id, (b) => b.setSpec(msg.spec));
        return;
      case 'view-style':
        this.withView(msg.id, (b) => b.setStyle(msg.style));
        return;
      case 'view-geometry':
        this.withView(msg.id, (b) => b.resize(msg.geometry.width, msg.geometry.height, msg.geometry.pixelRatio));
        return;
      case 'view-source':
        this.withView(msg.id, (b) => b.setTracks(this.sourceOf(msg.source), msg.tracks));
        return;
      case 'view-visible':
        this.withView(msg.id, (b) => b.setVisible(msg.visible));
        return;
      case 'view-command':
        if (msg.command === 'clear-history') this.withView(msg.id, (b) => b.clear());
        return;
      case 'view-remove':
        this.removeView(msg.id);
        return;
      case 'page-visible':
        this.page.set(msg.visible);
        return;
      case 'mode':
        this.loop.mode = msg.mode;
        return;
      case 'advance':
        this.loop.advance(msg.deltaMs);
        return;
      case 'font': {
        const load = this.platform.loadFont;
        if (load === undefined) return;
        const done = load(msg.family, msg.source, msg.descriptors).then(
          () => {
            // Text drawn before the font arrived used a fallback: repaint everything.
            for (const v of this.views.values()) v.binding.resetContext();
          },
          (error: unknown) => this.fail(new Error(`could not load the font "${msg.family}" in the render worker: ${String(error)}`)),
        );
        this.fontLoads.push(done);
        void done.then(() => {
          this.fontLoads = this.fontLoads.filter((p) => p !== done);
          if (this.fontLoads.length > 0) return;
          const waiting = this.waiting;
          this.waiting = [];
          for (const m of waiting) this.receive(m);
        });
        return;
      }
      case 'ping':
        this.platform.post({ type: 'pong', seq: msg.seq });
        return;
      case 'stats':
        this.platform.post({ type: 'stats', seq: msg.seq, stats: this.stats() });
        return;
    }
  }

  /** Applies `change` to view `id` and paints what it changed now (a view without tracks paints only then). */
  private withView(id: number, change: (binding: ViewBinding) => void): void {
    const v = this.views.get(id);
    if (v === undefined) return;
    change(v.binding);
    v.binding.paint();
  }

  private openSource(link: SourceLink, running: boolean): SourceEntry {
    const entry: { reader: MeterBankReader; source: MeterSource; port: MessagePort | null; running: boolean } = {
      reader: null as unknown as MeterBankReader,
      source: null as unknown as MeterSource,
      port: null,
      running,
    };
    const isClockRunning = () => entry.running;
    if (link.kind === 'shared') {
      entry.reader = new MeterBankReader(link.words, {
        consume: true,
        consumerSlot: link.consumerSlot,
        staleAfterMs: link.staleAfterMs,
        isClockRunning,
      });
    } else {
      const mirror = new MessageMirror(link.tracks, link.channels, link.sampleRate);
      entry.reader = new MeterBankReader(mirror.words, { consume: true, staleAfterMs: link.staleAfterMs, isClockRunning });
      link.port.onmessage = (e: MessageEvent<{ type: string; words: Int32Array }>) => {
        if (e.data?.type === 'snapshot') mirror.receive(e.data.words);
      };
      entry.port = link.port;
    }
    // Output alignment: a source with a delay (even 0 now: it may change) is read delayed here too.
    entry.source = link.delayMs !== undefined ? new DelayedSource(entry.reader, link.delayMs) : entry.reader;
    return entry;
  }

  private sourceOf(id: number): MeterSource | null {
    return this.sources.get(id)?.source ?? null;
  }

  private removeSource(id: number): void {
    const s = this.sources.get(id);
    if (s === undefined) return;
    this.sources.delete(id);
    // Views still showing it fall to silence.
    for (const v of this.views.values()) {
      if (v.binding.currentSource === s.source) v.binding.setTracks(null, []);
    }
    if (s.port !== null) {
      s.port.onmessage = null;
      s.port.close();
    }
    // Its hub lives in a WeakMap keyed by the reader: it goes with it.
  }

  private removeView(id: number): void {
    const v = this.views.get(id);
    if (v === undefined) return;
    this.views.delete(id);
    v.binding.dispose();
  }

  private fail(error: unknown): void {
    if (this.reportedError) return;
    this.reportedError = true;
    this.platform.post({ type: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}
