import { createSimApi } from './api';
import type { WorkerHandle } from './runner';

/** A worker handle that runs in the calling thread: for tests and small jobs in Node. */
export function inProcessWorker(): WorkerHandle {
  const api = createSimApi();
  return {
    load: async (input) => api.load(input),
    runChunk: async (first, count, mode, onProgress, control) => api.runChunk(first, count, mode, onProgress, control),
    crashed: new Promise<never>(() => {}),
    terminate: () => {},
  };
}
