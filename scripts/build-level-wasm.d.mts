/** Types of scripts/build-level-wasm.mjs (for vitest.config.ts). */
export declare const WAT_PATH: string;
export declare const OUT_PATH: string;
export declare function assembleLevelKernel(): Promise<Uint8Array>;
export declare function generatedModule(bytes: Uint8Array): string;
export declare function buildLevelWasm(): Promise<string>;
