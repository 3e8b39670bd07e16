// Node worker-thread entry of the contract designer: the same API over comlink's Node adapter.
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exposeDesignApi } from './designService';

if (!parentPort) throw new Error('designThread.ts must run in a worker thread');
exposeDesignApi(nodeEndpoint(parentPort));
