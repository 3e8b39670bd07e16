import * as Comlink from 'comlink';
import type { DesignApi } from './designApi';

export interface DesignWorker {
  api: Comlink.Remote<DesignApi>;
  /** Rejects when the worker dies. */
  crashed: Promise<never>;
  terminate(): void;
}

/** Starts the contract designer's worker for one search; terminating it is the cancel. */
export function designWorker(): DesignWorker {
  const w = new Worker(new URL('./design.worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => w.addEventListener('error', (e) => reject(new Error(e.message || 'the designer stopped'))));
  crashed.catch(() => {});
  return { api: Comlink.wrap<DesignApi>(w), crashed, terminate: () => w.terminate() };
}
