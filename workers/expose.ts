import * as Comlink from 'comlink';
import { createSimApi } from '../models/runner/api';
import { blockBuffers } from '../models/runner/merge';
import type { ChunkControl, Mode, RunBlock, SimApi } from '../models/runner/protocol';

/**
 * The worker side of the protocol: the plain simulation API, with result blocks transferred
 * (not copied) to the caller and a summarised block handed back the same way.
 */
export function exposeSimApi(endpoint?: Comlink.Endpoint): void {
  const api: SimApi = createSimApi();
  const exposed = {
    load: (input: unknown) => api.load(input),
    runChunk: (firstRun: number, count: number, mode: Mode, onProgress?: (done: number) => void, control?: ChunkControl) => {
      const b = api.runChunk(firstRun, count, mode, onProgress ? (d) => void onProgress(d) : undefined, control);
      return Comlink.transfer(b, blockBuffers(b));
    },
    summarize: (block: RunBlock) => api.summarize(block),
  };
  Comlink.expose(exposed, endpoint);
}
