/** The worklet built by Vite from source (one import-free file), for tests that import src/. */
import url from '../../src/worklet/processor.ts?worker&url';
export const workletUrl: string = url;
