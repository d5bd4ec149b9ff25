/**
 * Turns the raw measurements into the summary (medians and spread per contender per size),
 * the goals (PASS/MISS with the factor), the Markdown table and the README section.
 */
import { summarize } from './util.mjs';

export const PEERS = ['analyser', 'wapm', 'tone'];
export const LABELS = {
  meterkit: 'meterkit',
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

export function summarizeMainThread(rows) {
  const out = {};
  for (const [tracks, ofSize] of Object.entries(by(rows, 'tracks'))) {
    out[tracks] = {};
    for (const [contender, rs] of Object.entries(by(ofSize, 'contender'))) {
      const ok = rs.filter((r) => !r.unresponsive);
      const pick = (k) => summarize(ok.map((r) => r[k]));
      out[tracks][contender] = {
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
        coreShare:
          contender === 'control' ? null : summarize(rs.map((r) => (r.renderMs - controls.get(r.round)) / (r.seconds * 1000))),
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
      drawnAtHeight: summarize(rs.map((r) => r.drawn.atHeightShare)),
      masked: rs.reduce((s, r) => s + r.onScreen.masked, 0),
      fps: summarize(rs.map((r) => r.fps)),
    };
  }
  return out;
}

const fmt = (x, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const pct = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)} %`);
const spread = (s, f = fmt) => (s === null || s.median === null ? '–' : s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median));
const kb = (x) => (x === null || !Number.isFinite(x) ? '–' : `${(x / 1024).toFixed(0)}`);

export function evaluateGoals(results) {
  const goals = [];
  const main = results.mainThread?.summary;
  const audio = results.audioThread?.summary;
  const big = (o) => (o ? Object.keys(o).map(Number).sort((a, b) => b - a)[0] : undefined);

  const mt = big(main);
  if (mt !== undefined && main[mt].meterkit) {
    const mk = main[mt].meterkit.msPerFrame.median;
    const control = main[mt].control?.msPerFrame.median ?? null;
    const peers = PEERS.filter((p) => main[mt][p]).map((p) => ({ p, s: main[mt][p] }));
    const measurable = peers.filter(({ s }) => s.msPerFrame.median !== null);
    const best = measurable.sort((a, b) => a.s.msPerFrame.median - b.s.msPerFrame.median)[0];
    const factor = best ? best.s.msPerFrame.median / mk : null;
    const net = best && control !== null ? (best.s.msPerFrame.median - control) / (mk - control) : null;
    const cpu = best ? best.s.cpuMsPerFrame.median / main[mt].meterkit.cpuMsPerFrame.median : null;
    goals.push({
      goal: `main-thread ms/frame at ${mt} stereo tracks ≥ 5× lower than the best peer`,
      status: factor === null ? 'N/A' : factor >= 5 ? 'PASS' : 'MISS',
      factor,
      detail: best
        ? `meterkit ${fmt(mk)} ms vs best peer (${LABELS[best.p]}) ${fmt(best.s.msPerFrame.median)} ms: ${fmt(factor, 1)}×` +
          (net !== null ? `; net of the control page (${fmt(control)} ms): ${fmt(net, 1)}×` : '') +
          (cpu !== null ? `; in main-thread CPU time: ${fmt(cpu, 1)}×` : '')
        : 'no peer measurable',
    });
  }
  if (main) {
    let commits = 0;
    let windows = 0;
    for (const size of Object.values(main)) {
      if (size.meterkit) {
        commits += size.meterkit.commitsTotal;
        windows += size.meterkit.rounds - size.meterkit.unresponsiveRounds;
      }
    }
    if (windows > 0) {
      goals.push({
        goal: 'zero React commits after mount (meterkit)',
        status: commits === 0 ? 'PASS' : 'MISS',
        factor: commits,
        detail: `${commits} commits in ${windows} measured windows`,
      });
    }
    const heaps = Object.entries(main)
      .filter(([, s]) => s.meterkit?.heapGrowthBytesPer60s.median !== null && s.meterkit)
      .map(([t, s]) => [t, s.meterkit.heapGrowthBytesPer60s.median]);
    if (heaps.length > 0) {
      const worst = Math.max(...heaps.map(([, h]) => h));
      goals.push({
        goal: 'JS heap growth over 60 s < 1 MB (meterkit, every size)',
        status: worst < 1024 * 1024 ? 'PASS' : 'MISS',
        factor: worst / (1024 * 1024),
        detail: heaps.map(([t, h]) => `${t} tracks: ${kb(h)} KB`).join(', ') + ' per 60 s (median, after forced GC)',
      });
    }
  }
  // Issue #13: at most 5 % of one core for 128 stereo tracks (the largest size up to 128).
  const at = audio ? Object.keys(audio).map(Number).filter((t) => t <= 128).sort((a, b) => b - a)[0] : undefined;
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
  const mkPeaks = results.peaks?.summary?.meterkit;
  if (mkPeaks) {
    const share = mkPeaks.onScreenAtHeight.min;
    goals.push({
      goal: 'every isolated single-sample spike shown at its height (meterkit)',
      status: share === 1 ? 'PASS' : 'MISS',
      factor: share,
      detail: `${pct(share)} of ${mkPeaks.spikes} spikes on screen at height (worst round)`,
    });
  }
  return goals;
}

const ratio = (peer, mk) => (peer === null || mk === null || !Number.isFinite(peer) || !(mk > 0) ? '–' : `${(peer / mk).toFixed(1)}×`);

export function toMarkdown(results) {
  const L = [];
  const m = results.machine;
  L.push(`### Benchmark results (${results.date.slice(0, 10)}, \`npm run bench${results.mode === 'full' ? '' : ` -- --${results.mode}`}\`)`);
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
    L.push(`**Main thread, live meters** (real AudioContext, ${results.settings.mainWindowS} s windows after ${results.settings.warmupS} s warm-up; ratio = peer ÷ meterkit ms/frame)`);
    L.push('');
    L.push('| tracks | contender | main-thread ms/frame | CPU ms/frame | fps | React commits/s | heap growth KB/60 s | ratio |');
    L.push('|---:|---|---:|---:|---:|---:|---:|---:|');
    for (const [tracks, size] of Object.entries(main)) {
      const mk = size.meterkit?.msPerFrame.median ?? null;
      for (const c of ['meterkit', ...PEERS, 'control']) {
        const s = size[c];
        if (!s) continue;
        if (s.unresponsiveRounds === s.rounds) {
          L.push(`| ${tracks} | ${LABELS[c]} | unresponsive (main thread ${pct(s.busyShare.median, 0)} busy) | – | – | – | – | – |`);
          continue;
        }
        const heapSpread = s.heapGrowthBytesPer60s.n > 1 ? `${kb(s.heapGrowthBytesPer60s.median)} (${kb(s.heapGrowthBytesPer60s.min)}–${kb(s.heapGrowthBytesPer60s.max)})` : kb(s.heapGrowthBytesPer60s.median);
        L.push(
          `| ${tracks} | ${LABELS[c]} | ${spread(s.msPerFrame)} | ${spread(s.cpuMsPerFrame)} | ${spread(s.fps, (x) => fmt(x, 1))} | ` +
            `${spread(s.commitsPerS, (x) => fmt(x, 1))} | ${heapSpread} | ${c === 'meterkit' || c === 'control' ? '' : ratio(s.msPerFrame.median, mk)} |`,
        );
      }
    }
    L.push('');
  }
  const audio = results.audioThread?.summary;
  if (audio) {
    L.push(`**Audio thread, OfflineAudioContext** (${results.settings.audioSeconds} s of 48 kHz audio per render; share of one core = (render − control) ÷ audio duration; ratio = peer ÷ meterkit share)`);
    L.push('');
    L.push('| tracks | contender | render s | real-time factor | share of one core | ratio |');
    L.push('|---:|---|---:|---:|---:|---:|');
    for (const [tracks, size] of Object.entries(audio)) {
      const mk = size.meterkit?.coreShare?.median ?? null;
      for (const c of ['meterkit', 'analyser', 'wapm', 'control', 'null-worklet']) {
        const s = size[c];
        if (!s) continue;
        L.push(
          `| ${tracks} | ${LABELS[c]} | ${spread(s.renderMs, (x) => fmt(x / 1000, 2))} | ${spread(s.realTimeFactor, (x) => `${fmt(x, 1)}×`)} | ` +
            `${s.coreShare ? spread(s.coreShare, (x) => pct(x)) : '–'} | ${['analyser', 'wapm'].includes(c) ? ratio(s.coreShare.median, mk) : ''} |`,
        );
      }
    }
    L.push('');
  }
  const peaks = results.peaks?.summary;
  if (peaks) {
    const s0 = Object.values(peaks)[0];
    L.push(`**Peaks caught** (${s0.spikes} isolated single-sample spikes, -20…-1 dBFS, over ${results.settings.peakTracks} stereo tracks; shown = some frame within 300 ms shows ≥ height − 1 dB)`);
    L.push('');
    L.push('| contender | on screen at height | visible at all (≥ 6 dB rise) | drawn (value it set) at height | fps |');
    L.push('|---|---:|---:|---:|---:|');
    for (const c of ['meterkit', ...PEERS]) {
      const s = peaks[c];
      if (!s) continue;
      L.push(`| ${LABELS[c]} | ${spread(s.onScreenAtHeight, (x) => pct(x))} | ${spread(s.onScreenVisible, (x) => pct(x))} | ${spread(s.drawnAtHeight, (x) => pct(x))} | ${spread(s.fps, (x) => fmt(x, 1))} |`);
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
    L.push(`**Audio-thread stages in Node ${m.node}** (the worklet's per-quantum work without Web Audio: stereo tracks, 128-sample quanta, best of ${stages.rounds} rounds; ns per sample per channel)`);
    L.push('');
    L.push('| tracks | input | level kernel (incl. RMS sub-block sums) | publish | total | share of one core at 48 kHz |');
    L.push('|---:|---:|---:|---:|---:|---:|');
    for (const r of stages.sizes) {
      const s = r.nsPerSamplePerChannel;
      L.push(`| ${r.tracks} | ${fmt(s.input, 3)} | ${fmt(s.kernel, 3)} | ${fmt(s.publish, 3)} | ${fmt(r.total, 3)} | ${pct(r.coreShare)} |`);
    }
    L.push('');
  }
  if (results.warnings.length > 0) {
    L.push('Warnings: ' + results.warnings.join(' '));
    L.push('');
  }
  return L.join('\n');
}

/** Replaces what lies between the README markers; returns null when the markers are missing. */
export function spliceReadme(readme, markdown) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) return null;
  return `${readme.slice(0, i + start.length)}\n${markdown}\n${readme.slice(j)}`;
}
