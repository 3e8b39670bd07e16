import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { MemoryStore } from '../../models/runner/spill';
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

  it('spilled runs keep nothing per run in memory: their θ goes to the store with their columns, and θ read back is held by its reader only', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const worker = inProcessWorker();
    const store = new MemoryStore();
    let appended = 0;
    const append = store.append.bind(store);
    store.append = (bytes) => ((appended += bytes.length), append(bytes));
    const r = await runOnWorkers([worker], smallInput(), { runs: 30, chunkSize: 5, spill: store });
    worker.terminate();
    const b = r.block;
    expect(appended).toBe(8 * 30 * (b.names.length * b.years + b.nParams));
    let theta: Float64Array | null = b.params;
    expect(theta.length).toBe(30 * b.nParams);
    const ref = new WeakRef(theta);
    // Read again while held: the same array, not a second copy.
    expect(b.params).toBe(theta);
    theta = null;
    await new Promise((done) => setTimeout(done, 0));
    gc();
    expect(ref.deref()).toBeUndefined();
    expect(b.params.length).toBe(30 * b.nParams);
  });
});
