/** The render worker built by Vite from source, for tests that import src/ (like worklet-url.ts). */
import url from '../../src/render-worker/worker.ts?worker&url';
export const renderWorkerUrl: string = url;
