import { startWorker, type Started } from './remote';
import type { FairApi } from './fairApi';

export type FairWorker = Started<FairApi>;

/** Starts the worker of the Shapley split and the value of information; terminating it is the Stop. */
export function fairWorker(): FairWorker {
  return startWorker<FairApi>(new Worker(new URL('./fair.worker.ts', import.meta.url), { type: 'module' }), 'the fair-split analyses');
}
