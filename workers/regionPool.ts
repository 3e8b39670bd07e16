import { startWorker, type Started } from './remote';
import type { RegionApi } from './regionApi';

export type RegionWorker = Started<RegionApi>;

/** Starts the region importer's worker; the page starts it only when the import dialog opens. */
export function regionWorker(): RegionWorker {
  // A call rejects when the worker dies (e.g. out of memory on a huge file).
  return startWorker<RegionApi>(new Worker(new URL('./region.worker.ts', import.meta.url), { type: 'module' }), 'the region importer');
}
