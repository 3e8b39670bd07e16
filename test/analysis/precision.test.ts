import { describe, expect, it } from 'vitest';
import { keyErrors, preciseEnough } from '../../models/analysis/precision';
import { runUntilPrecise } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { clone, run, smallInput } from '../helpers';

describe('enough runs', () => {
  it('standard errors shrink as 1/√runs and the stopping rule adds runs until they are met', async () => {
    const s = clone(smallInput({ population: 2000 }));
    const e400 = keyErrors(run(s, 400).block, 0.02);
    const e1600 = keyErrors(run(s, 1600).block, 0.02);
    // Quadrupling the runs halves the SE (up to the sampling error of an SD at these sizes, ~4%).
    expect(e1600.reductionMean / e400.reductionMean).toBeGreaterThan(0.5 * 0.85);
    expect(e1600.reductionMean / e400.reductionMean).toBeLessThan(0.5 * 1.15);
    // Ask for the SE 1,600 runs give (a little above it): starting at 200 runs in batches of 200,
    // the rule must stop between 200 and 2,000 runs with the tolerance met, on a prefix of runs.
    const tol = { reductionMean: e1600.reductionMean * 1.05 };
    const res = await runUntilPrecise([inProcessWorker()], s, {
      initialRuns: 200,
      batchRuns: 200,
      maxRuns: 4000,
      preciseEnough: async (b) => preciseEnough(keyErrors(b, 0.02), tol),
    });
    expect(res.precise).toBe(true);
    expect(res.block.runs).toBeGreaterThan(400);
    expect(res.block.runs).toBeLessThan(2400);
    expect(keyErrors(res.block, 0.02).reductionMean).toBeLessThanOrEqual(tol.reductionMean);
    // …and one plain run of that many runs gives the same numbers (runs depend only on their index).
    const plain = run(s, res.block.runs).block;
    expect(res.block.cols.every((c, i) => c.every((v, j) => Object.is(v, plain.cols[i][j])))).toBe(true);
  });

  it('stops at the maximum when the tolerance cannot be met', async () => {
    const res = await runUntilPrecise([inProcessWorker()], clone(smallInput({ population: 2000 })), {
      initialRuns: 100,
      batchRuns: 100,
      maxRuns: 300,
      preciseEnough: async (b) => preciseEnough(keyErrors(b, 0.02), { reductionMean: 1e-9 }),
    });
    expect(res.precise).toBe(false);
    expect(res.block.runs).toBe(300);
  });
});
