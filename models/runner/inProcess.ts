import { createSimApi } from './api';
import type { WorkerHandle } from './runner';

/** A macrotask boundary: timers and signal handlers (a Ctrl-C) run before the next slice of runs. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A worker handle that runs in the calling thread: for tests and small jobs in Node. */
export function inProcessWorker(): WorkerHandle {
  const api = createSimApi();
  return {
    load: async (def) => api.load(def),
    runChunk: async (first, count, mode, onProgress, control) => {
      await yieldToEvents();
      return api.runChunk(first, count, mode, onProgress, control);
    },
    crashed: new Promise<never>(() => {}),
    terminate: () => {},
  };
}
