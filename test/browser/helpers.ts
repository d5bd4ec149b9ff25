/** Browser test helpers: synthesized buffers and sources. */

/** A stereo (or N-channel) AudioBuffer; `fill(channel, i)` gives each sample. */
export function makeBuffer(ctx: BaseAudioContext, channels: number, length: number, fill: (channel: number, i: number) => number): AudioBuffer {
  const buffer = new AudioBuffer({ numberOfChannels: channels, length, sampleRate: ctx.sampleRate });
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < length; i++) data[i] = fill(c, i);
  }
  return buffer;
}

/** Plays `buffer` once from time 0 into `destination`. */
export function play(ctx: BaseAudioContext, buffer: AudioBuffer, destination: AudioNode, loop = false): AudioBufferSourceNode {
  const src = new AudioBufferSourceNode(ctx, { buffer, loop });
  src.connect(destination);
  src.start(0);
  return src;
}

/** Resolves after `n` animation frames. */
export function frames(n = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
