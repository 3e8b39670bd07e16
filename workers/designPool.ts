import { startWorker, type Started } from './remote';
import type { DesignApi, DesignWorkerApi } from './designApi';
import { designOnWorkers } from './designCoordinator';

export type DesignWorker = Started<DesignApi>;

/** Workers a search shares: the simulation and the variants are split over them. */
const WORKERS = 2;

/**
 * Starts the contract designer: two workers sharing each search (`designOnWorkers`), behind the
 * one-worker API; terminating it (the Stop) terminates both.
 */
export function designWorker(): DesignWorker {
  const pool = Array.from({ length: WORKERS }, () => startWorker<DesignWorkerApi>(new Worker(new URL('./design.worker.ts', import.meta.url), { type: 'module' }), 'the contract designer'));
  const crashed = Promise.race(pool.map((w) => w.crashed));
  crashed.catch(() => {});
  return {
    crashed,
    terminate: () => pool.forEach((w) => w.terminate()),
    design: (input, contract, terms, accept, opts, onProgress) => Promise.race([designOnWorkers(pool, { input, contract, terms, accept, opts }, onProgress), crashed]),
  };
}
