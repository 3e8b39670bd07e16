import type { WorkerHandle } from '../models/runner/runner';
import { startWorker } from './remote';
import type { SimWorkerApi } from './simWorkerApi';

/** Starts `n` web workers running the simulation API. */
export function webWorkers(n: number): WorkerHandle[] {
  return Array.from({ length: n }, () => startWorker<SimWorkerApi>(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }), 'the simulation worker'));
}
