import './thrownIssue'; // before expose: a thrown engine error keeps its issue
import * as Comlink from 'comlink';
import { createSimApi } from '../models/runner/api';
import { KeptCare } from '../models/simulation/keptCare';
import { moved } from './remote';
import type { SimWorkerApi } from './simWorkerApi';

/**
 * The worker side of the simulation protocol (sim.worker.ts, node.worker.ts). The page's workers
 * keep the care they simulated (`keepCare`), for the next run after an edit of contract terms.
 */
export function exposeSimApi(endpoint?: Comlink.Endpoint, { keepCare = false } = {}): void {
  const api = createSimApi(keepCare ? new KeptCare() : null);
  const exposed: SimWorkerApi = {
    load: (input) => api.load(input),
    // The progress callback is a proxy to the caller: its promise is not waited for.
    runChunk: (firstRun, count, mode, onProgress, control) => moved(api.runChunk(firstRun, count, mode, onProgress ? (d) => void onProgress(d) : undefined, control)),
  };
  Comlink.expose(exposed, endpoint);
}
