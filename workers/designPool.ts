import { startWorker, type Started } from './remote';
import type { DesignApi } from './designApi';

export type DesignWorker = Started<DesignApi>;

/** Starts the contract designer's worker; terminating it is the Stop. */
export function designWorker(): DesignWorker {
  return startWorker<DesignApi>(new Worker(new URL('./design.worker.ts', import.meta.url), { type: 'module' }), 'the contract designer');
}
