/**
 * Browser tests import meterkit from src/, where the package's own lookup of the render worker
 * file (dist/render-worker.js next to the code) has nothing to find: point it at the worker
 * Vite builds from source, as the gallery does.
 */
import { configureRenderWorker } from '../../src/core/render-worker/client';
import { renderWorkerUrl } from './render-worker-url';

configureRenderWorker({ url: renderWorkerUrl });
