/** Types of bridge-pixels.js (plain JavaScript so that Node's bench/peaks.mjs imports it too). */
export declare const BRIDGE: { meterLength: number; trackWidth: number; trackGap: number; channelGap: number; minDb: number };
export type PixelTest = (data: Uint8ClampedArray | Uint8Array, i: number) => boolean;
export declare function readBridgeDb(
  data: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  tracks: number,
  out: Float32Array,
  offset: number,
  isBackground: PixelTest,
): void;
export declare const transparent: PixelTest;
export declare const pageBackground: PixelTest;
