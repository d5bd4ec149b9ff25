/**
 * Synthesized stereo programmes for the goniometer stories (no audio files): each gives the
 * left and right sample at sample index i, 48 kHz. Deterministic.
 */
export type ScopeSignalName = 'wide stereo' | 'mono' | 'antiphase' | 'left only' | 'right only' | 'quiet stereo';

export const SCOPE_SIGNALS: readonly ScopeSignalName[] = ['wide stereo', 'mono', 'antiphase', 'left only', 'right only', 'quiet stereo'];

const TAU = 2 * Math.PI;
const SR = 48000;

/** Writes `n` frames of `name` starting at sample `start` into `left` and `right`. */
export function synthesizeScope(name: ScopeSignalName, start: number, n: number, left: Float32Array, right: Float32Array): void {
  for (let k = 0; k < n; k++) {
    const i = start + k;
    const a = 0.45 * Math.sin((TAU * 220 * i) / SR) + 0.2 * Math.sin((TAU * 331 * i) / SR) + 0.08 * Math.sin((TAU * 1870 * i) / SR);
    const b = 0.4 * Math.sin((TAU * 220 * i) / SR + 0.9) + 0.22 * Math.sin((TAU * 497 * i) / SR) - 0.07 * Math.sin((TAU * 2410 * i) / SR);
    let l = a;
    let r = b;
    if (name === 'mono') r = l;
    else if (name === 'antiphase') r = -l;
    else if (name === 'left only') r = 0;
    else if (name === 'right only') {
      r = b;
      l = 0;
    } else if (name === 'quiet stereo') {
      l *= 0.04;
      r *= 0.04;
    }
    left[k] = l;
    right[k] = r;
  }
}

/** Pearson correlation of the two channels over the frames given (0 in silence). */
export function correlationOf(left: Float32Array, right: Float32Array, n: number): number {
  let lr = 0;
  let ll = 0;
  let rr = 0;
  for (let i = 0; i < n; i++) {
    lr += left[i] * right[i];
    ll += left[i] * left[i];
    rr += right[i] * right[i];
  }
  return ll > 1e-12 && rr > 1e-12 ? lr / Math.sqrt(ll * rr) : 0;
}
