import type { WorkerHandle } from '../models/runner/runner';
import { comlinkHandle } from './handle';

/** Starts `n` web workers running the simulation API. */
export function webWorkers(n: number): WorkerHandle[] {
  return Array.from({ length: n }, () => {
    const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    const crashed = new Promise<never>((_, reject) => {
      w.addEventListener('error', (e) => reject(new Error(e.message || 'the worker stopped with an error')));
      w.addEventListener('messageerror', () => reject(new Error('a message from the worker could not be read')));
    });
    return comlinkHandle(w, crashed, () => w.terminate());
  });
}
