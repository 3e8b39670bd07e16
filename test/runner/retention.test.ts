import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { smallInput } from '../helpers';

describe('what the runner keeps of a run', () => {
  it('no block of runs stays reachable from the workers once the chunks are handed on (keepChunks: false)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const worker = inProcessWorker();
    const refs: WeakRef<object>[] = [];
    const r = await runOnWorkers([worker], smallInput(), { runs: 30, chunkSize: 5, sliceMs: 1e9, keepChunks: false, onChunk: (b) => refs.push(new WeakRef(b.cols[0])) });
    expect(r.runs).toBe(30);
    expect(refs.length).toBe(6);
    // WeakRefs are kept alive until the current job ends.
    await new Promise((done) => setTimeout(done, 0));
    gc();
    // The last chunk may still be held by the last step of the loop that took it: one chunk, not every chunk.
    expect(refs.slice(0, -1).map((x) => x.deref() !== undefined)).toEqual([false, false, false, false, false]);
    worker.terminate();
  });
});
