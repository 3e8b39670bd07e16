import { startWorker, type WorkerControl } from './remote';
import type { DesignApi, DesignWorkerApi, StoredRuns } from './designApi';
import { designOnWorkers } from './designCoordinator';

/**
 * The designer's workers behind one call; `stored` offers the runs already made for the scenario
 * (the search takes them when they are its runs, and simulates them otherwise).
 */
export type DesignWorker = WorkerControl & {
  design(...args: [...Parameters<DesignApi['design']>, stored?: (runs: number) => Promise<StoredRuns | null>]): ReturnType<DesignApi['design']>;
};

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
    design: (input, contract, terms, accept, opts, onProgress, stored) => Promise.race([designOnWorkers(pool, { input, contract, terms, accept, opts }, onProgress, stored), crashed]),
  };
}
