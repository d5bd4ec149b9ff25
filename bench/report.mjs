/**
 * Turns the raw measurements into the summary (medians and spread per contender per size),
 * the goals (PASS/MISS with the factor), the Markdown table and the README section.
 */
import { summarize } from './util.mjs';

export const PEERS = ['analyser', 'wapm', 'tone'];
/** The two live meterkit contenders: the same page painting on the main thread and in the render worker. */
export const METERKIT = ['meterkit-main', 'meterkit-worker'];
export const LABELS = {
  meterkit: 'meterkit (WebAssembly SIMD kernel)',
  'meterkit-js': 'meterkit (JavaScript kernel)',
  'meterkit-loudness': 'meterkit + loudness with true peak on every track',
  'meterkit-spectrum': 'meterkit + one-third-octave spectrum on every track',
  'meterkit-scope': 'meterkit + scope (goniometer samples) on every track',
  'meterkit-main': 'meterkit (main)',
  'meterkit-worker': 'meterkit (worker)',
  analyser: 'AnalyserNode + canvas (hand-written)',
  wapm: 'web-audio-peak-meter 3.1.0',
  tone: 'Tone.js 15.5.44 Meter → React state',
  control: 'control (no meters)',
  'null-worklet': 'diagnostic: empty worklet, meterkit topology',
};

const by = (rows, key) => {
  const out = {};
  for (const r of rows) (out[r[key]] ??= []).push(r);
  return out;
};

/**
 * Per contender per size: medians and spread. `overControl` fields are per round, against that
 * round's control page of the same size (main-thread ms/frame and CPU ms/frame minus the
 * control's), then summarized like the rest.
 */
export function summarizeMainThread(rows) {
  const out = {};
  for (const [tracks, ofSize] of Object.entries(by(rows, 'tracks'))) {
    out[tracks] = {};
    const controls = new Map(ofSize.filter((r) => r.contender === 'control' && !r.unresponsive).map((r) => [r.round, r]));
    const over = (ok, k) => summarize(ok.map((r) => (controls.has(r.round) ? r[k] - controls.get(r.round)[k] : null)));
    for (const [contender, rs] of Object.entries(by(ofSize, 'contender'))) {
      const ok = rs.filter((r) => !r.unresponsive);
      const pick = (k) => summarize(ok.map((r) => r[k]));
      out[tracks][contender] = {
        msOverControl: over(ok, 'msPerFrame'),
        cpuMsOverControl: over(ok, 'cpuMsPerFrame'),
        rendererCpuShare: summarize(rs.map((r) => r.rendererCpuShare)),
        rendererCpuMsPerFrame: pick('rendererCpuMsPerFrame'),
        otherRenderersCpuShare: summarize(rs.map((r) => r.otherRenderersCpuShare)),
        workerFps: pick('workerFps'),
        rounds: rs.length,
        unresponsiveRounds: rs.length - ok.length,
        busyShare: summarize(rs.map((r) => r.busyShare)),
        msPerFrame: pick('msPerFrame'),
        cpuMsPerFrame: pick('cpuMsPerFrame'),
        scriptMsPerFrame: pick('scriptMsPerFrame'),
        styleLayoutMsPerFrame: summarize(ok.map((r) => r.styleMsPerFrame + r.layoutMsPerFrame)),
        fps: pick('fps'),
        commitsPerS: pick('commitsPerS'),
        commitsTotal: ok.reduce((s, r) => s + (r.commits ?? 0), 0),
        heapGrowthBytesPer60s: pick('heapGrowthBytesPer60s'),
      };
    }
  }
  return out;
}

/** Per round, each render against that round's control render of the same size. */
export function summarizeAudioThread(rows) {
  const out = {};
  for (const [tracks, ofSize] of Object.entries(by(rows, 'tracks'))) {
    out[tracks] = {};
    const controls = new Map(ofSize.filter((r) => r.contender === 'control').map((r) => [r.round, r.renderMs]));
    for (const [contender, rs] of Object.entries(by(ofSize, 'contender'))) {
      out[tracks][contender] = {
        rounds: rs.length,
        renderMs: summarize(rs.map((r) => r.renderMs)),
        realTimeFactor: summarize(rs.map((r) => (r.seconds * 1000) / r.renderMs)),
        coreShare: contender === 'control' ? null : summarize(rs.map((r) => (r.renderMs - controls.get(r.round)) / (r.seconds * 1000))),
      };
    }
  }
  return out;
}

export function summarizePeaks(rows) {
  const out = {};
  for (const [contender, rs] of Object.entries(by(rows, 'contender'))) {
    out[contender] = {
      rounds: rs.length,
      spikes: rs[0].onScreen.spikes,
      onScreenAtHeight: summarize(rs.map((r) => r.onScreen.atHeightShare)),
      onScreenVisible: summarize(rs.map((r) => r.onScreen.visibleShare)),
      drawnAtHeight: summarize(rs.map((r) => r.drawn?.atHeightShare ?? null)),
      masked: rs.reduce((s, r) => s + r.onScreen.masked, 0),
      fps: summarize(rs.map((r) => r.fps)),
      sampledBy: rs[0].sampledBy ?? 'frame',
      samplesPerS: summarize(rs.map((r) => r.samplesPerS)),
    };
  }
  return out;
}

/** Frames per second that count as "60 fps" in the 1024-track goal (one frame in 20 may drop). */
export const MIN_FPS = 57;

const fmt = (x, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const pct = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)} %`);
const spread = (s, f = fmt) => (s === null || s.median === null ? '–' : s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median));
const kb = (x) => (x === null || !Number.isFinite(x) ? '–' : `${(x / 1024).toFixed(0)}`);

export function evaluateGoals(results) {
  const goals = [];
  const main = results.mainThread?.summary;
  const audio = results.audioThread?.summary;

  // Issue #11's sizes: the peers are compared at 128 stereo tracks (the largest size up to 128),
  // the worker's 1024-track goal at 1024.
  const mt = main
    ? Object.keys(main)
        .map(Number)
        .filter((t) => t <= 128)
        .sort((a, b) => b - a)[0]
    : undefined;
  const peersAt = (t, key) =>
    PEERS.filter((p) => main[t][p] && main[t][p][key].median !== null)
      .map((p) => ({ p, v: main[t][p][key].median }))
      .sort((a, b) => a.v - b.v);
  const mkMain = mt !== undefined ? main[mt]['meterkit-main'] : undefined;
  if (mkMain) {
    const mk = mkMain.msPerFrame.median;
    const control = main[mt].control?.msPerFrame.median ?? null;
    const best = peersAt(mt, 'msPerFrame')[0];
    const factor = best ? best.v / mk : null;
    const net = best && control !== null ? (best.v - control) / (mk - control) : null;
    const cpu = best ? main[mt][best.p].cpuMsPerFrame.median / mkMain.cpuMsPerFrame.median : null;
    goals.push({
      goal: `meterkit (main): main-thread ms/frame at ${mt} stereo tracks ≥ 5× lower than the best peer`,
      status: factor === null ? 'N/A' : factor >= 5 ? 'PASS' : 'MISS',
      factor,
      detail: best
        ? `meterkit (main) ${fmt(mk)} ms vs best peer (${LABELS[best.p]}) ${fmt(best.v)} ms: ${fmt(factor, 1)}×` +
          (net !== null ? `; net of the control page (${fmt(control)} ms): ${fmt(net, 1)}×` : '') +
          (cpu !== null ? `; in main-thread CPU time: ${fmt(cpu, 1)}×` : '')
        : 'no peer measurable',
    });
  }
  // Issue #11, in main-thread CPU ms/frame (ThreadTime) over the control page of the same round.
  const mkWorker = mt !== undefined ? main[mt]['meterkit-worker'] : undefined;
  if (mkWorker && mkWorker.cpuMsOverControl.median !== null) {
    const over = mkWorker.cpuMsOverControl.median;
    goals.push({
      goal: `meterkit (worker): main-thread CPU over the control ≤ 0.1 ms/frame at ${mt} stereo tracks`,
      status: over <= 0.1 ? 'PASS' : 'MISS',
      factor: over / 0.1,
      detail: `${fmt(over, 3)} ms/frame over the control (${fmt(mkWorker.cpuMsPerFrame.median)} vs ${fmt(main[mt].control.cpuMsPerFrame.median)} ms/frame)`,
    });
    const best = peersAt(mt, 'cpuMsOverControl')[0];
    if (best) {
      const factor = over > 0 ? best.v / over : Infinity;
      goals.push({
        goal: `meterkit (worker): main-thread CPU over the control ≥ 10× below the best peer at ${mt} stereo tracks`,
        status: factor >= 10 ? 'PASS' : 'MISS',
        factor,
        detail:
          `${fmt(over, 3)} ms/frame vs best peer (${LABELS[best.p]}) ${fmt(best.v)} ms/frame over the control: ` +
          (over > 0 ? `${fmt(factor, 1)}×` : 'the worker page is at or below the control'),
      });
    }
  }
  if (mkWorker && mkWorker.rendererCpuShare.median !== null) {
    const own = mkWorker.rendererCpuShare.median;
    const best = peersAt(mt, 'rendererCpuShare')[0];
    if (best) {
      goals.push({
        goal: `meterkit (worker): total renderer CPU (all threads) at ${mt} stereo tracks not above the best peer's`,
        status: own <= best.v ? 'PASS' : 'MISS',
        factor: own / best.v,
        detail:
          `${pct(own)} of one core (${fmt(mkWorker.rendererCpuMsPerFrame.median)} ms/frame) vs best peer (${LABELS[best.p]}) ` +
          `${pct(best.v)} (${fmt(main[mt][best.p].rendererCpuMsPerFrame.median)} ms/frame): ${fmt(own / best.v, 2)}×; ` +
          `control ${pct(main[mt].control?.rendererCpuShare.median ?? null)}, meterkit (main) ${pct(mkMain?.rendererCpuShare.median ?? null)}`,
      });
    }
  }
  const huge = main?.[1024]?.['meterkit-worker'];
  if (huge && huge.cpuMsOverControl.median !== null) {
    const over = huge.cpuMsOverControl.median;
    const fps = huge.workerFps.median;
    const ok = over <= 0.3 && fps !== null && fps >= MIN_FPS;
    goals.push({
      goal: `meterkit (worker): 1024 stereo tracks at 60 fps (≥ ${MIN_FPS} render-worker frames/s) with the main thread ≤ 0.3 ms/frame over the control`,
      status: ok ? 'PASS' : 'MISS',
      factor: over / 0.3,
      detail: `render worker ${fmt(fps, 1)} fps (page ${fmt(huge.fps.median, 1)} fps); main-thread CPU ${fmt(over, 3)} ms/frame over the control`,
    });
  }
  if (main) {
    for (const c of METERKIT) {
      let commits = 0;
      let windows = 0;
      for (const size of Object.values(main)) {
        if (size[c]) {
          commits += size[c].commitsTotal;
          windows += size[c].rounds - size[c].unresponsiveRounds;
        }
      }
      if (windows > 0) {
        goals.push({
          goal: `zero React commits after mount (${LABELS[c]})`,
          status: commits === 0 ? 'PASS' : 'MISS',
          factor: commits,
          detail: `${commits} commits in ${windows} measured windows`,
        });
      }
      const heaps = Object.entries(main)
        .filter(([, s]) => s[c] && s[c].heapGrowthBytesPer60s.median !== null)
        .map(([t, s]) => [t, s[c].heapGrowthBytesPer60s.median]);
      if (heaps.length > 0) {
        const worst = Math.max(...heaps.map(([, h]) => h));
        goals.push({
          goal: `JS heap growth over 60 s < 1 MB (${LABELS[c]}, every size)`,
          status: worst < 1024 * 1024 ? 'PASS' : 'MISS',
          factor: worst / (1024 * 1024),
          detail: heaps.map(([t, h]) => `${t} tracks: ${kb(h)} KB`).join(', ') + ' per 60 s (median, after forced GC)',
        });
      }
    }
  }
  // Issue #13: at most 5 % of one core for 128 stereo tracks (the largest size up to 128).
  const at = audio
    ? Object.keys(audio)
        .map(Number)
        .filter((t) => t <= 128)
        .sort((a, b) => b - a)[0]
    : undefined;
  if (at !== undefined && audio[at].meterkit?.coreShare) {
    const share = audio[at].meterkit.coreShare.median;
    goals.push({
      goal: `audio-thread cost of ${at} stereo tracks ≤ 5 % of one core`,
      status: share <= 0.05 ? 'PASS' : 'MISS',
      factor: share / 0.05,
      detail:
        `${pct(share)} of one core (${fmt(share / 0.05, 2)}× the budget)` +
        (audio[at]['null-worklet']?.coreShare ? `; an empty worklet with the same topology costs ${pct(audio[at]['null-worklet'].coreShare.median)}` : ''),
    });
  }
  for (const c of METERKIT) {
    const mkPeaks = results.peaks?.summary?.[c];
    if (!mkPeaks) continue;
    const share = mkPeaks.onScreenAtHeight.min;
    goals.push({
      goal: `every isolated single-sample spike shown at its height (${LABELS[c]})`,
      status: share === 1 ? 'PASS' : 'MISS',
      factor: share,
      detail:
        `${pct(share)} of ${mkPeaks.spikes} spikes on screen at height (worst round)` +
        (mkPeaks.sampledBy === 'screenshot' ? `, from element screenshots (${fmt(mkPeaks.samplesPerS.median, 1)} per second)` : ''),
    });
  }
  return goals;
}

/** Peer ÷ meterkit of two costs over the control; a meterkit at or below the control has no finite ratio. */
const netRatio = (peer, mk) => (peer === null || mk === null || !Number.isFinite(peer) ? '–' : mk > 0 ? `${(peer / mk).toFixed(1)}×` : 'meterkit ≤ control');

const ratio = (peer, mk) => (peer === null || mk === null || !Number.isFinite(peer) || !(mk > 0) ? '–' : `${(peer / mk).toFixed(1)}×`);

export function toMarkdown(results) {
  const L = [];
  const m = results.machine;
  L.push(`## Benchmark results (${results.date.slice(0, 10)}, \`npm run bench${results.mode === 'full' ? '' : ` -- --${results.mode}`}\`)`);
  L.push('');
  L.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os} (Linux ${m.kernel}), Node ${m.node}, Chromium ${m.chromium}. ` +
      `Load average at start ${m.loadStart.map((x) => x.toFixed(2)).join(' / ')}, CPU steal during the run ${pct(m.stealShare)}. ` +
      `Pages cross-origin isolated: ${results.isolation.crossOriginIsolated}; meterkit transport: ${results.isolation.meterkitTransport}. ` +
      `Wall time ${(results.wallTimeS / 60).toFixed(1)} min. Medians over ${results.settings.rounds} interleaved round(s), (min–max) when more than one.`,
  );
  L.push('');
  if (results.goals.length > 0) {
    L.push('| goal | result | |');
    L.push('|---|---|---|');
    for (const g of results.goals) L.push(`| ${g.goal} | **${g.status}** | ${g.detail} |`);
    L.push('');
  }
  const main = results.mainThread?.summary;
  if (main) {
    L.push(
      `**Main thread, live meters** (real AudioContext, ${results.settings.mainWindowS} s windows after ${results.settings.warmupS} s warm-up. ` +
        "CPU over control = main-thread CPU ms/frame minus the control page's of the same round; renderer CPU = the page's whole renderer process " +
        "(main thread, render worker, audio thread, raster), per page frame and as a share of one core; fps = the page's animation frames " +
        "(and the render worker's); ratio = peer ÷ meterkit (worker) CPU over control)",
    );
    L.push('');
    L.push(
      '| tracks | contender | main-thread ms/frame | CPU ms/frame | CPU over control | renderer CPU ms/frame | renderer CPU, one core | fps | React commits/s | heap growth KB/60 s | ratio |',
    );
    L.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const skipped = results.mainThread.skipped ?? [];
    const sizes = [...new Set([...Object.keys(main), ...skipped.map((s) => String(s.tracks))])].sort((a, b) => a - b);
    for (const tracks of sizes) {
      const size = main[tracks] ?? {};
      const mk = size['meterkit-worker']?.cpuMsOverControl.median ?? null;
      for (const c of [...METERKIT, ...PEERS, 'control']) {
        const s = size[c];
        const skip = skipped.find((x) => String(x.tracks) === tracks && x.contender === c);
        if (skip) {
          L.push(`| ${tracks} | ${LABELS[c]} | ${skip.reason} | – | – | – | – | – | – | – | – |`);
          continue;
        }
        if (!s) continue;
        if (s.unresponsiveRounds === s.rounds) {
          L.push(
            `| ${tracks} | ${LABELS[c]} | unresponsive (main thread ${pct(s.busyShare.median, 0)} busy) | – | – | – | ${spread(s.rendererCpuShare, (x) => pct(x, 0))} | – | – | – | – |`,
          );
          continue;
        }
        const heapSpread =
          s.heapGrowthBytesPer60s.n > 1
            ? `${kb(s.heapGrowthBytesPer60s.median)} (${kb(s.heapGrowthBytesPer60s.min)}–${kb(s.heapGrowthBytesPer60s.max)})`
            : kb(s.heapGrowthBytesPer60s.median);
        const fps = spread(s.fps, (x) => fmt(x, 1)) + (s.workerFps.median === null ? '' : `; worker ${spread(s.workerFps, (x) => fmt(x, 1))}`);
        L.push(
          `| ${tracks} | ${LABELS[c]} | ${spread(s.msPerFrame)} | ${spread(s.cpuMsPerFrame)} | ${c === 'control' ? '' : spread(s.cpuMsOverControl, (x) => fmt(x, 3))} | ` +
            `${spread(s.rendererCpuMsPerFrame)} | ${spread(s.rendererCpuShare, (x) => pct(x, 0))} | ${fps} | ` +
            `${spread(s.commitsPerS, (x) => fmt(x, 1))} | ${heapSpread} | ${PEERS.includes(c) ? netRatio(s.cpuMsOverControl.median, mk) : ''} |`,
        );
      }
    }
    L.push('');
  }
  const audio = results.audioThread?.summary;
  if (audio) {
    L.push(
      `**Audio thread, OfflineAudioContext** (${results.settings.audioSeconds} s of 48 kHz audio per render; share of one core = (render − control) ÷ audio duration; ratio = peer ÷ meterkit share)`,
    );
    L.push('');
    L.push('| tracks | contender | render s | real-time factor | share of one core | ratio |');
    L.push('|---:|---|---:|---:|---:|---:|');
    for (const [tracks, size] of Object.entries(audio)) {
      const mk = size.meterkit?.coreShare?.median ?? null;
      for (const c of ['meterkit', 'meterkit-js', 'meterkit-loudness', 'meterkit-spectrum', 'meterkit-scope', 'analyser', 'wapm', 'control', 'null-worklet']) {
        const s = size[c];
        if (!s) continue;
        // Loudness: its cost per stereo track over the same engine without loudness.
        const perTrack =
          ['meterkit-loudness', 'meterkit-spectrum', 'meterkit-scope'].includes(c) && mk !== null
            ? `; ${pct((s.coreShare.median - mk) / Number(tracks), 2)} per stereo track over meterkit`
            : '';
        L.push(
          `| ${tracks} | ${LABELS[c]} | ${spread(s.renderMs, (x) => fmt(x / 1000, 2))} | ${spread(s.realTimeFactor, (x) => `${fmt(x, 1)}×`)} | ` +
            `${s.coreShare ? spread(s.coreShare, (x) => pct(x)) : '–'}${perTrack} | ${['analyser', 'wapm'].includes(c) ? ratio(s.coreShare.median, mk) : ''} |`,
        );
      }
    }
    L.push('');
  }
  const peaks = results.peaks?.summary;
  if (peaks) {
    const s0 = Object.values(peaks)[0];
    L.push(
      `**Peaks caught** (${s0.spikes} isolated single-sample spikes, -20…-1 dBFS, over ${results.settings.peakTracks} stereo tracks; shown = some frame within 300 ms shows ≥ height − 1 dB. ` +
        'meterkit (worker) is read from element screenshots of its transferred canvas, fewer per second than frames; what its worker decided to draw is not observable from the page)',
    );
    L.push('');
    L.push('| contender | on screen at height | visible at all (≥ 6 dB rise) | drawn (value it set) at height | fps | readings per second |');
    L.push('|---|---:|---:|---:|---:|---:|');
    for (const c of [...METERKIT, ...PEERS]) {
      const s = peaks[c];
      if (!s) continue;
      L.push(
        `| ${LABELS[c]} | ${spread(s.onScreenAtHeight, (x) => pct(x))} | ${spread(s.onScreenVisible, (x) => pct(x))} | ${spread(s.drawnAtHeight, (x) => pct(x))} | ` +
          `${spread(s.fps, (x) => fmt(x, 1))} | ${spread(s.samplesPerS, (x) => fmt(x, 1))}${s.sampledBy === 'screenshot' ? ' (screenshots)' : ' (every frame)'} |`,
      );
    }
    L.push('');
  }
  const dsp = results.dsp;
  if (dsp) {
    L.push(`**DSP kernels in Node ${m.node}** (${dsp.signalSeconds} s stereo program signal in ${dsp.block}-sample blocks, ${dsp.rounds} rounds)`);
    L.push('');
    L.push('| kernel | ns per sample per channel | 128 stereo tracks at 48 kHz, share of one core |');
    L.push('|---|---:|---:|');
    for (const k of dsp.kernels) {
      if (k.status === 'measured') L.push(`| ${k.kernel} (${k.measures}) | ${spread(k.nsPerSamplePerChannel)} | ${pct(k.coreShare128Stereo)} |`);
      else L.push(`| ${k.kernel} | ${k.status}${k.error ? `: ${k.error}` : ''} | – |`);
    }
    L.push('');
  }
  const stages = results.stages;
  if (stages) {
    L.push(
      `**Audio-thread stages in Node ${m.node}** (the worklet's per-quantum work without Web Audio: stereo tracks, 128-sample quanta, best of ${stages.rounds} rounds; ns per sample per channel)`,
    );
    L.push('');
    L.push('| tracks | level kernel | input | kernel scan | per-block commit | publish | total | share of one core at 48 kHz |');
    L.push('|---:|---|---:|---:|---:|---:|---:|---:|');
    for (const r of stages.sizes) {
      const s = r.nsPerSamplePerChannel;
      const commit = r.kernel === 'js' ? 'in the scan' : fmt(s.commit, 3);
      L.push(
        `| ${r.tracks} | ${r.kernel ?? 'js'} | ${fmt(s.input, 3)} | ${fmt(s.kernel, 3)} | ${commit} | ${fmt(s.publish, 3)} | ${fmt(r.total, 3)} | ${pct(r.coreShare)} |`,
      );
    }
    L.push('');
  }
  if (results.warnings.length > 0) {
    L.push('Warnings: ' + results.warnings.join(' '));
    L.push('');
  }
  return L.join('\n');
}

/**
 * The short table README shows: at 128 stereo tracks (the size the goals are set at), each
 * contender's main-thread CPU over the control page, whole-renderer CPU, frame rate, audio-thread
 * share of one core and the share of single-sample spikes shown at their height — all from
 * this run, with the machine. The full tables are docs/benchmark.md.
 */
export function toSummaryMarkdown(results, tracks = '128') {
  const L = [];
  const m = results.machine;
  const main = results.mainThread?.summary?.[tracks] ?? {};
  const audio = results.audioThread?.summary?.[tracks] ?? {};
  const peaks = results.peaks?.summary ?? {};
  L.push(
    `Measured ${results.date.slice(0, 10)} (\`npm run bench\`) on ${m.cpu}, ${m.cores} cores, ${m.os}, Chromium ${m.chromium}; ` +
      `medians of ${results.settings.rounds} interleaved rounds, every contender in the same run. ${tracks} stereo tracks of live audio:`,
  );
  L.push('');
  const spikes = Object.values(peaks)[0]?.spikes;
  L.push(
    `| contender | main thread, ms/frame over the control page | whole renderer, share of one core | fps | audio thread, share of one core | ` +
      `single-sample spikes shown at height (${spikes ?? '–'} over ${results.settings.peakTracks} tracks) |`,
  );
  L.push('|---|---:|---:|---:|---:|---:|');
  for (const c of [...METERKIT, ...PEERS]) {
    const s = main[c];
    if (!s) continue;
    const a = audio[c.startsWith('meterkit') ? 'meterkit' : c]?.coreShare?.median;
    const p = peaks[c]?.onScreenAtHeight?.median;
    L.push(
      `| ${LABELS[c]} | ${fmt(s.cpuMsOverControl.median, 3)} | ${pct(s.rendererCpuShare.median, 0)} | ${fmt(s.fps.median, 1)} | ` +
        `${a === undefined ? '–' : pct(a)} | ${p === undefined ? '–' : pct(p, 0)} |`,
    );
  }
  L.push('');
  return L.join('\n');
}

/** Replaces what lies between `<!-- bench:start -->` and `<!-- bench:end -->` (or the markers named `name`); null when the markers are missing. */
export function spliceReadme(readme, markdown, name = 'bench') {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) return null;
  return `${readme.slice(0, i + start.length)}\n${markdown}\n${readme.slice(j)}`;
}
