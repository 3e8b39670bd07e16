// Node worker-thread entry: the same simulation API over comlink's Node adapter.
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exposeSimApi } from './expose';

if (!parentPort) throw new Error('node.worker.ts must run in a worker thread');
exposeSimApi(nodeEndpoint(parentPort));
