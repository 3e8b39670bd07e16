import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerHandle } from '../models/runner/runner';
import { comlinkHandle } from './handle';

/** Starts `n` Node worker threads running the simulation API (TypeScript loaded through tsx). */
export function nodeWorkers(n: number): WorkerHandle[] {
  return Array.from({ length: n }, () => {
    const w = new Worker(new URL('./node-bootstrap.mjs', import.meta.url));
    const crashed = new Promise<never>((_, reject) => {
      w.on('error', (e) => reject(e));
      w.on('exit', (code) => reject(new Error(`worker thread exited (code ${code})`)));
    });
    return comlinkHandle(nodeEndpoint(w), crashed, () => void w.terminate());
  });
}
