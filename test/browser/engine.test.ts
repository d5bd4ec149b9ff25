/**
 * The whole data path in real headless Chromium: AudioWorklet → meter bank → reader.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createMeterEngine, type MeterEngine } from '../../src/core/engine';
import { createTrackLevels, MeterBankReader } from '../../src/core/bank/reader';
import { H_WRITER_STATE, WRITER_STOPPED } from '../../src/core/bank/layout';
import { getFrameLoop } from '../../src/core/frame-loop';
import { workletUrl } from './worklet-url';
import { makeBuffer, play, frames, sleep, MarkedSpikes } from './helpers';

const SR = 48000;
/** Periods that divide both the 300 ms RMS window and land a sample on the crest. */
const FREQS = [500, 750, 1000, 1500];
const amp = (t: number) => (t + 1) / 40; // track t: left amplitude; right is half of it

const live: MeterEngine[] = [];
afterEach(() => {
  for (const e of live.splice(0)) e.dispose();
});

async function renderTracks(transport: 'shared' | 'message', tracks = 32) {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
  const engine = await createMeterEngine(ctx, { tracks, channels: 2, transport, workletUrl });
  live.push(engine);
  for (let t = 0; t < tracks; t++) {
    const w = (2 * Math.PI * FREQS[t % 4]) / SR;
    play(
      ctx,
      makeBuffer(ctx, 2, SR, (c, i) => (c === 0 ? amp(t) : amp(t) / 2) * Math.sin(w * i)),
      engine.input(t),
    );
  }
  await ctx.startRendering();
  await engine.flush();
  return engine;
}

describe('engine on an OfflineAudioContext', () => {
  it('32 stereo tracks of known sines: every track and channel reads its own peak and RMS', async () => {
    expect(crossOriginIsolated).toBe(true);
    const engine = await renderTracks('shared');
    expect(engine.transport).toBe('shared');
    const out = createTrackLevels(2);
    for (let t = 0; t < 32; t++) {
      expect(engine.bank.readInto(t, out)).toBe(true);
      for (let c = 0; c < 2; c++) {
        const a = c === 0 ? amp(t) : amp(t) / 2;
        expect(out.peak[c]).toBeCloseTo(a, 6);
        expect(out.hold[c]).toBeCloseTo(a, 6);
        expect(Math.abs(out.rms[c] - a / Math.SQRT2)).toBeLessThan(1e-4);
        expect(out.decayingPeak[c]).toBeGreaterThan(a * 0.99);
        expect(out.overs[c]).toBe(0);
        expect(out.nonFinite[c]).toBe(0);
      }
    }
    // 1 s at 48 kHz = 375 render quanta, one publish each.
    expect(engine.bank.publishCount).toBe(375);
    expect(engine.bank.heartbeat).toBe(SR);
  });

  it('1024 mono tracks and 8-channel tracks each read their own level', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128 * 40, sampleRate: SR });
    const wide = await createMeterEngine(ctx, { tracks: 1024, channels: 1, workletUrl });
    const surround = await createMeterEngine(ctx, { tracks: 2, channels: 8, workletUrl });
    live.push(wide, surround);
    const constant = (offset: number) => {
      const node = new ConstantSourceNode(ctx, { offset });
      node.start();
      return node;
    };
    for (const t of [0, 1, 511, 1023]) constant((t + 1) / 2048).connect(wide.input(t));
    const merger = new ChannelMergerNode(ctx, { numberOfInputs: 8 });
    for (let c = 0; c < 8; c++) constant((c + 1) / 10).connect(merger, 0, c);
    merger.connect(surround.input(1));
    await ctx.startRendering();
    const mono = createTrackLevels(1);
    for (const t of [0, 1, 511, 1023]) {
      wide.bank.readInto(t, mono);
      expect(mono.peak[0]).toBeCloseTo((t + 1) / 2048, 7);
    }
    wide.bank.readInto(2, mono);
    expect(mono.peak[0]).toBe(0);
    const eight = createTrackLevels(8);
    surround.bank.readInto(1, eight);
    expect(Array.from(eight.peak).map((v) => Math.round(v * 10) / 10)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
  });

  it('catches a single-sample spike in silence, in the middle of a render quantum', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
    const engine = await createMeterEngine(ctx, { tracks: 2, channels: 1, workletUrl, holdMs: Infinity });
    live.push(engine);
    const spikeAt = 30_001; // sample 49 of quantum 234
    play(
      ctx,
      makeBuffer(ctx, 1, SR, (_, i) => (i === spikeAt ? -0.7 : 0)),
      engine.input(1),
    );
    await ctx.startRendering();
    const out = createTrackLevels(1);
    engine.bank.readInto(1, out);
    expect(out.peak[0]).toBeCloseTo(0.7, 6);
    expect(out.hold[0]).toBeCloseTo(0.7, 6);
    const fallDb = ((SR - 1 - spikeAt) / SR) * (20 / 1.7);
    expect(20 * Math.log10(out.decayingPeak[0])).toBeCloseTo(20 * Math.log10(0.7) - fallDb, 2);
    engine.bank.readInto(0, out);
    expect([out.peak[0], out.hold[0], out.rms[0]]).toEqual([0, 0, 0]);
  });

  it('both transports give identical readings', async () => {
    const shared = await renderTracks('shared', 8);
    const message = await renderTracks('message', 8);
    expect(message.transport).toBe('message');
    const a = createTrackLevels(2);
    const b = createTrackLevels(2);
    for (let t = 0; t < 8; t++) {
      shared.bank.readInto(t, a);
      message.bank.readInto(t, b);
      for (const key of ['peak', 'decayingPeak', 'hold', 'rms', 'overs', 'nonFinite'] as const) {
        expect(Array.from(b[key])).toEqual(Array.from(a[key]));
      }
      expect(b.publish).toBe(a.publish);
    }
  });

  it('counts overs and non-finite samples and clears them on resetClips', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
    const engine = await createMeterEngine(ctx, { tracks: 1, channels: 2, workletUrl });
    live.push(engine);
    play(
      ctx,
      makeBuffer(ctx, 2, SR / 2, (c, i) => (c === 1 && i % 1000 === 0 ? 1.2 : 0.1)),
      engine.input(0),
    );
    ctx.suspend(0.75).then(async () => {
      const out = createTrackLevels(2);
      engine.bank.readInto(0, out);
      expect(Array.from(out.overs)).toEqual([0, 24]);
      engine.resetClips(0);
      await ctx.resume();
    });
    await ctx.startRendering();
    const out = createTrackLevels(2);
    engine.bank.readInto(0, out);
    expect(Array.from(out.overs)).toEqual([0, 0]);
  });
});

const TRANSPORTS = ['shared', 'message'] as const;

describe('engine on a running AudioContext', () => {
  for (const transport of TRANSPORTS)
    it(`${transport}: a one-sample spike between two animation frames is seen by a frame-rate reader`, async () => {
      const ctx = new AudioContext({ sampleRate: SR });
      try {
        expect(ctx.state).toBe('running');
        const engine = await createMeterEngine(ctx, { tracks: 1, channels: 3, workletUrl, transport });
        expect(engine.transport).toBe(transport);
        live.push(engine);
        const length = SR; // 1 s of silence with three isolated spikes (order markers on channels 1, 2)
        const spikes = new MarkedSpikes([0.31, 0.62, 0.45]);
        const at = new Map([
          [9_001, 1],
          [24_567, 2],
          [40_003, 3],
        ]);
        const source = play(
          ctx,
          makeBuffer(ctx, 3, length, (c, i) => (at.has(i) ? spikes.sample(at.get(i)!, c) : 0)),
          engine.input(0),
        );
        const ended = new Promise((resolve) => source.addEventListener('ended', resolve));
        let done = false;
        void ended.then(() => (done = true));
        const out = createTrackLevels(3);
        // Read once per animation frame until the buffer has played out (however slow the machine).
        const t0 = performance.now();
        while (!done && performance.now() - t0 < 20_000) {
          await frames(1);
          engine.bank.readInto(0, out);
          spikes.record(out.peak);
        }
        await frames(2);
        await engine.flush();
        engine.bank.readInto(0, out);
        spikes.record(out.peak);
        // Each spike once; a reading that covers two (a stalled frame) shows their max.
        expect(spikes.covered(), JSON.stringify(spikes.readings)).toEqual([1, 2, 3]);
        expect(spikes.readings.map((r) => r[2])).toEqual(spikes.expectedPeaks());
      } finally {
        await ctx.close();
      }
    });

  for (const transport of ['shared', 'message'] as const) {
    it(`${transport}: the engine bank and a createConsumer() reader at another rate each see every spike once`, async () => {
      const ctx = new AudioContext({ sampleRate: SR });
      try {
        const engine = await createMeterEngine(ctx, { tracks: 1, channels: 3, workletUrl, transport });
        live.push(engine);
        const consumer = engine.createConsumer();
        expect(consumer.consumerSlot).toBe(1);
        // Three spikes, order markers on channels 1 and 2 (MarkedSpikes), one record per reader.
        const spikes = [new MarkedSpikes([0.31, 0.62, 0.45]), new MarkedSpikes([0.31, 0.62, 0.45])];
        const at = new Map([
          [9_001, 1],
          [24_567, 2],
          [40_003, 3],
        ]);
        const source = play(
          ctx,
          makeBuffer(ctx, 3, SR, (c, i) => (at.has(i) ? spikes[0].sample(at.get(i)!, c) : 0)),
          engine.input(0),
        );
        let done = false;
        source.addEventListener('ended', () => (done = true));
        const out = createTrackLevels(3);
        const take = (k: number) => {
          const reader = k === 0 ? engine.bank : consumer;
          reader.readInto(0, out);
          spikes[k].record(out.peak);
        };
        const t0 = performance.now();
        for (let frame = 0; !done && performance.now() - t0 < 20_000; frame++) {
          await frames(1);
          take(0); // every frame
          if (frame % 6 === 0) take(1); // every 6th frame (≈ 100 ms)
        }
        await frames(2);
        await engine.flush();
        take(0);
        take(1);
        // Each reader sees each spike once; a reading that covers two (a stalled frame) shows their max.
        for (const s of spikes) {
          expect(s.covered(), JSON.stringify(s.readings)).toEqual([1, 2, 3]);
          expect(s.readings.map((r) => r[2])).toEqual(s.expectedPeaks());
        }
        consumer.release();
        expect(engine.claimConsumerSlot()).toBe(1);
        expect(engine.claimConsumerSlot()).toBe(2);
        expect(engine.createConsumer().consumerSlot).toBe(3);
        expect(() => engine.createConsumer()).toThrow(/all 4 consumer slots/);
      } finally {
        await ctx.close();
      }
    });
  }

  for (const transport of TRANSPORTS)
    it(`${transport}: reports stale when the context is suspended, and recovers on resume`, async () => {
      const ctx = new AudioContext({ sampleRate: SR });
      try {
        const engine = await createMeterEngine(ctx, { tracks: 2, channels: 2, workletUrl, staleAfterMs: 100, transport });
        expect(engine.transport).toBe(transport);
        live.push(engine);
        const heartbeatOnly = new MeterBankReader(engine.words, { staleAfterMs: 100 });
        await expect.poll(() => engine.bank.isStale(), { timeout: 5000 }).toBe(false);
        await expect.poll(() => heartbeatOnly.isStale(), { timeout: 5000 }).toBe(false);
        await ctx.suspend();
        expect(engine.bank.isStale()).toBe(true); // the platform says so at once
        // and the frozen heartbeat says so too, once staleAfterMs has passed without a beat
        await expect.poll(() => heartbeatOnly.isStale(), { timeout: 5000, interval: 50 }).toBe(true);
        const out = createTrackLevels(2);
        engine.bank.readInto(0, out);
        expect(out.stale).toBe(true);
        await ctx.resume();
        await expect.poll(() => engine.bank.isStale(), { timeout: 5000 }).toBe(false);
        await expect.poll(() => heartbeatOnly.isStale(), { timeout: 5000 }).toBe(false);
        engine.dispose();
        expect(engine.bank.isStale()).toBe(true);
      } finally {
        await ctx.close();
      }
    });

  it('creating and disposing 200 engines leaves no running processors or frame subscriptions', async () => {
    const ctx = new AudioContext({ sampleRate: SR });
    try {
      const engines: MeterEngine[] = [];
      for (let i = 0; i < 200; i++) {
        const e = await createMeterEngine(ctx, { tracks: 2, channels: 2, workletUrl, transport: i % 2 ? 'message' : 'shared' });
        new ConstantSourceNode(ctx, { offset: 0.25 }).connect(e.input(i % 2));
        engines.push(e);
      }
      // Every processor is visibly running.
      await expect.poll(() => engines.filter((e) => e.createReader().heartbeat > 0).length, { timeout: 10_000 }).toBe(200);
      for (const e of engines) e.dispose();
      for (const e of engines) expect(() => e.input(0)).toThrow(/disposed/);
      // Every processor acknowledges the stop (through shared memory or its last message)...
      await expect.poll(() => engines.filter((e) => Atomics.load(e.words, H_WRITER_STATE) === WRITER_STOPPED).length, { timeout: 10_000 }).toBe(200);
      // ...and its clock froze.
      const frozen = engines.map((e) => e.createReader().heartbeat);
      await sleep(100);
      expect(engines.map((e) => e.createReader().heartbeat)).toEqual(frozen);
      expect(getFrameLoop().subscriberCount).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});

describe('bad input', () => {
  it('names the option, the value and the valid range', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
    await expect(createMeterEngine(ctx, { tracks: 0, workletUrl })).rejects.toThrow(/tracks must be an integer from 1 to 1024, got 0/);
    await expect(createMeterEngine(ctx, { tracks: 1.5, workletUrl })).rejects.toThrow(RangeError);
    await expect(createMeterEngine(ctx, { tracks: 2000, workletUrl })).rejects.toThrow(/got 2000/);
    await expect(createMeterEngine(ctx, { tracks: 1, channels: 0, workletUrl })).rejects.toThrow(/channels must be an integer from 1 to 8, got 0/);
    await expect(createMeterEngine(ctx, { tracks: 1, channels: -2, workletUrl })).rejects.toThrow(/got -2/);
    await expect(createMeterEngine(ctx, { tracks: 1, holdMs: -5, workletUrl })).rejects.toThrow(/holdMs/);
    await expect(createMeterEngine(ctx, { tracks: 1, transport: 'carrier-pigeon' as never, workletUrl })).rejects.toThrow(
      /transport must be one of "auto", "shared", "message", got "carrier-pigeon"/,
    );
    const e = await createMeterEngine(ctx, { tracks: 4, workletUrl });
    live.push(e);
    expect(() => e.input(4)).toThrow(/track must be an integer from 0 to 3, got 4/);
    expect(() => e.bank.readInto(-1, createTrackLevels(2))).toThrow(RangeError);
  });

  it('rejects a sample rate outside 8–192 kHz', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: 3000 });
    await expect(createMeterEngine(ctx, { tracks: 1, workletUrl })).rejects.toThrow(/context.sampleRate must be a number from 8000 to 192000 Hz, got 3000/);
  });

  it('works from 8 to 192 kHz', async () => {
    for (const sampleRate of [8000, 44100, 96000, 192000]) {
      // Render a whole number of quanta, shorter than the signal, so the window holds only sine.
      const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128 * Math.floor(sampleRate / 256), sampleRate });
      const e = await createMeterEngine(ctx, { tracks: 1, channels: 1, workletUrl });
      live.push(e);
      const w = (2 * Math.PI * 1000) / sampleRate;
      play(
        ctx,
        makeBuffer(ctx, 1, sampleRate, (_, i) => 0.5 * Math.sin(w * i + 0.1)),
        e.input(0),
      );
      await ctx.startRendering();
      const out = createTrackLevels(1);
      e.bank.readInto(0, out);
      expect(Math.abs(out.rms[0] - 0.35355)).toBeLessThan(2e-4);
      expect(out.peak[0]).toBeGreaterThan(0.49);
      expect(out.peak[0]).toBeLessThanOrEqual(0.5);
    }
  });

  it('a closed context is a clear Error', async () => {
    const ctx = new AudioContext();
    await ctx.close();
    await expect(createMeterEngine(ctx, { tracks: 1, workletUrl })).rejects.toThrow(/closed audio context/);
  });

  it('an unloadable worklet URL is a clear Error that says what to do', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128, sampleRate: SR });
    await expect(createMeterEngine(ctx, { tracks: 1, workletUrl: '/no/such/processor.js' })).rejects.toThrow(
      /could not load the metering worklet from \/no\/such\/processor.js \(AbortError.*404.*Content-Security-Policy/,
    );
  });

  it('NaN, Infinity and denormal samples never poison a meter; it recovers within one window', async () => {
    const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
    const e = await createMeterEngine(ctx, { tracks: 1, channels: 1, workletUrl });
    live.push(e);
    const w = (2 * Math.PI * 1000) / SR;
    const bad = [NaN, Infinity, -Infinity, 1e-40];
    play(
      ctx,
      makeBuffer(ctx, 1, SR, (_, i) => (i < 4800 ? bad[i % 4] : 0.5 * Math.sin(w * i))),
      e.input(0),
    );
    await ctx.startRendering();
    const out = createTrackLevels(1);
    e.bank.readInto(0, out);
    expect(out.nonFinite[0]).toBe(3600);
    expect(Math.abs(out.rms[0] - 0.35355)).toBeLessThan(1e-4);
    expect(out.peak[0]).toBeCloseTo(0.5, 6);
  });
});

describe('engine.connect', () => {
  for (const transport of TRANSPORTS)
    it(`${transport}: connects a source to a track, and the returned function or dispose() disconnects it`, async () => {
      const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 128 * 30, sampleRate: SR });
      const engine = await createMeterEngine(ctx, { tracks: 2, channels: 1, workletUrl, transport });
      expect(engine.transport).toBe(transport);
      expect(() => engine.connect(null as never, 0)).toThrow(/engine.connect: node must be an AudioNode, got null/);
      expect(() => engine.connect('abc' as never, 0)).toThrow(TypeError);
      expect(() => engine.connect(new GainNode(ctx), 0, 1)).toThrow(/engine.connect: output must be an integer from 0 to 0, got 1/);
      expect(() => engine.connect(new GainNode(ctx), NaN)).toThrow(/engine.connect: track must be an integer from 0 to 1, got NaN/);
      live.push(engine);
      const a = new ConstantSourceNode(ctx, { offset: 0.5 });
      const b = new ConstantSourceNode(ctx, { offset: 0.25 });
      a.start();
      b.start();
      const undoA = engine.connect(a, 0);
      engine.connect(b, 1);
      ctx.suspend((128 * 10) / SR).then(async () => {
        await engine.flush();
        const out = createTrackLevels(1);
        engine.bank.readInto(0, out);
        expect(out.peak[0]).toBe(0.5);
        undoA();
        undoA(); // idempotent
        await ctx.resume();
      });
      await ctx.startRendering();
      await engine.flush();
      const out = createTrackLevels(1);
      engine.bank.readInto(0, out);
      expect(out.peak[0]).toBe(0); // nothing since the disconnect (the reader consumed 0.5 before)
      expect(out.rms[0]).toBeLessThan(0.5);
      engine.bank.readInto(1, out);
      expect(out.peak[0]).toBe(0.25);
      expect(() => a.disconnect(engine.node, 0, 0)).toThrow(); // undone already
      engine.dispose();
      expect(() => b.disconnect(engine.node, 0, 1)).toThrow(); // dispose() undid b's connection too
    });
});
