import * as Comlink from 'comlink';
import type { RegionApi } from './regionApi';

export interface RegionWorker {
  api: Comlink.Remote<RegionApi>;
  /** Rejects when the worker dies (e.g. out of memory on a huge file). */
  crashed: Promise<never>;
  terminate(): void;
}

/** Starts the region importer's worker; the page starts it only when the import dialog opens. */
export function regionWorker(): RegionWorker {
  const w = new Worker(new URL('./region.worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => w.addEventListener('error', (e) => reject(new Error(e.message || 'the region importer stopped'))));
  crashed.catch(() => {});
  return { api: Comlink.wrap<RegionApi>(w), crashed, terminate: () => w.terminate() };
}
