import type { SimApi } from '../models/runner/protocol';
import type { RunBlock } from '../models/runner/protocol';
import type { Moved } from './remote';

/**
 * The simulation API as a simulation worker exposes it (web worker and Node worker thread alike):
 * loading a scenario and running chunks, each chunk's block transferred back to the caller.
 */
export interface SimWorkerApi {
  load: SimApi['load'];
  runChunk(...args: Parameters<SimApi['runChunk']>): Moved<RunBlock>;
}
