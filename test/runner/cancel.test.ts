import { describe, expect, it } from 'vitest';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { nodeWorkers } from '../../workers/nodePool';
import { clone, run, smallInput } from '../helpers';

/** The small region made slow on purpose: about 880,000 high-cost cases per run (within the per-run limit). */
function slowInput() {
  const s = clone(smallInput()) as any;
  s.region.population = 4_000_000;
  s.region.segments[0].highCost.rate = 0.02;
  s.region.segments[1].highCost.rate = 0.1;
  return s;
}

const sameAsPlainRun = (block: { runs: number; cols: Float64Array[] }, input: unknown) => {
  const full = run(input, block.runs).block;
  return block.cols.every((c, i) => c.every((v, j) => Object.is(v, full.cols[i][j])));
};

describe('cancel inside a chunk', () => {
  it('a worker hands back its chunk in slices, so a cancel between two runs of one chunk is seen', async () => {
    const controller = new AbortController();
    const res = await runOnWorkers([inProcessWorker()], smallInput(), {
      runs: 40,
      chunkSize: 20,
      // Every run its own slice, whatever the machine's speed.
      sliceMs: 0,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 3) controller.abort();
      },
    });
    expect(res.cancelled).toBe(true);
    expect(res.runs).toBe(3);
    expect(sameAsPlainRun(res.block, smallInput())).toBe(true);
  });

  it('in this thread, a cancel from a timer or a signal handler is seen between slices (the headless runner runs small jobs so)', async () => {
    const controller = new AbortController();
    let firstRunDone = false;
    const res = await runOnWorkers([inProcessWorker()], smallInput(), {
      runs: 40,
      chunkSize: 40,
      sliceMs: 0,
      signal: controller.signal,
      onProgress: (p) => {
        // The abort comes from a timer, as Ctrl-C's handler would: it can only run between slices.
        if (p.done >= 1 && !firstRunDone) {
          firstRunDone = true;
          setTimeout(() => controller.abort(), 0);
        }
      },
    });
    expect(res.cancelled).toBe(true);
    expect(res.runs).toBeLessThan(40);
    expect(sameAsPlainRun(res.block, smallInput())).toBe(true);
  });

  it('chunks assembled in place as they arrive give the merged block bit for bit, also the prefix kept after a cancel', async () => {
    const plain = await runOnWorkers([inProcessWorker(), inProcessWorker()], smallInput(), { runs: 23, chunkSize: 4 });
    for (const chunkSize of [1, 5, 23]) {
      const a = await runOnWorkers([inProcessWorker(), inProcessWorker(), inProcessWorker()], smallInput(), { runs: 23, chunkSize, assemble: true });
      expect(a.block.runs).toBe(23);
      expect(a.block.names).toEqual(plain.block.names);
      expect(a.block.cols.every((c, i) => c.length === plain.block.cols[i].length && c.every((v, j) => Object.is(v, plain.block.cols[i][j])))).toBe(true);
      expect(Array.from(a.block.params)).toEqual(Array.from(plain.block.params));
    }
    const controller = new AbortController();
    const cut = await runOnWorkers([inProcessWorker()], smallInput(), {
      runs: 40,
      chunkSize: 3,
      assemble: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 7) controller.abort();
      },
    });
    expect(cut.cancelled).toBe(true);
    expect(cut.block.runs).toBe(cut.runs);
    expect(cut.block.cols[0].length).toBe(cut.runs * cut.block.years);
    expect(sameAsPlainRun(cut.block, smallInput())).toBe(true);
  });

  it('slices leave the results bit-identical to one chunk', async () => {
    const whole = await runOnWorkers([inProcessWorker()], smallInput(), { runs: 30, chunkSize: 30, sliceMs: 1e9 });
    const sliced = await runOnWorkers([inProcessWorker()], smallInput(), { runs: 30, chunkSize: 30, sliceMs: 0 });
    expect(sliced.block.cols.every((c, i) => c.every((v, j) => Object.is(v, whole.block.cols[i][j])))).toBe(true);
  });

  it('a slow run in a worker thread is abandoned when cancelled; the runs finished before it are kept', async () => {
    const pool = nodeWorkers(1);
    const controller = new AbortController();
    try {
      const res = await runOnWorkers(pool, slowInput(), {
        runs: 12,
        chunkSize: 12,
        // No slices: only the flag the worker reads inside its runs can stop the chunk early.
        sliceMs: 1e9,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done >= 1) controller.abort();
        },
      });
      expect(res.cancelled).toBe(true);
      expect(res.runs).toBeGreaterThanOrEqual(1);
      expect(res.runs).toBeLessThan(12);
      expect(sameAsPlainRun(res.block, slowInput())).toBe(true);
    } finally {
      pool.forEach((w) => w.terminate());
    }
  });
});
