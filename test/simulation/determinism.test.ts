import { afterAll, describe, expect, it } from 'vitest';
import { runOnWorkers, type WorkerHandle } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { nodeWorkers } from '../../workers/nodePool';
import type { RunBlock } from '../../models/simulation/columns';
import { blockDifferences, clone, defaultInput, run, smallInput } from '../helpers';
import { recordCheck } from '../support/record';

function identical(a: RunBlock, b: RunBlock): boolean {
  if (a.runs !== b.runs || a.names.join() !== b.names.join()) return false;
  const same = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  return a.cols.every((c, i) => same(c, b.cols[i])) && same(a.params, b.params);
}

describe('reproducibility', () => {
  const input = defaultInput();
  const RUNS = 60;
  const threads: WorkerHandle[] = [];
  afterAll(() => threads.forEach((w) => w.terminate()));

  it('is bit-identical for 1, 2 or 8 workers and any chunk size (in-process and worker threads)', async () => {
    const one = await runOnWorkers([inProcessWorker()], input, { runs: RUNS, chunkSize: RUNS });
    const eight = await runOnWorkers(Array.from({ length: 8 }, inProcessWorker), input, { runs: RUNS, chunkSize: 7 });
    threads.push(...nodeWorkers(2));
    const two = await runOnWorkers(threads, input, { runs: RUNS, chunkSize: 13 });
    const single = await runOnWorkers([inProcessWorker()], input, { runs: RUNS, chunkSize: 1 });
    const numbers = one.block.cols.reduce((a, c) => a + c.length, 0) + one.block.params.length;
    const row = (nl: string, en: string, other: RunBlock) => ({
      label: { nl: `${nl} (${numbers.toLocaleString('nl-NL')} getallen)`, en: `${en} (${numbers.toLocaleString('en-GB')} numbers)` },
      unit: 'count' as const,
      reference: 0,
      result: blockDifferences(one.block, other),
      mcse: null,
      criterion: { kind: 'equal' as const },
      pass: blockDifferences(one.block, other) === 0,
    });
    recordCheck({
      id: 'workers-bit-identity',
      test: 'test/simulation/determinism.test.ts',
      rows: [
        row('8 workers, blokken van 7 runs, tegen 1 worker', '8 workers, chunks of 7 runs, against 1 worker', eight.block),
        row('2 Node-threads, blokken van 13', '2 Node threads, chunks of 13', two.block),
        row('1 worker, blokken van 1 run', '1 worker, chunks of 1 run', single.block),
      ],
    });
    expect(identical(one.block, eight.block)).toBe(true);
    expect(identical(one.block, two.block)).toBe(true);
    expect(identical(one.block, single.block)).toBe(true);
  });

  it('a run is the same whether it is simulated alone or inside a block', () => {
    const all = run(smallInput(), 10).block;
    const alone = run(smallInput(), 1, 'aggregate', 7).block;
    expect(alone.cols.every((c, i) => Object.is(c[0], all.cols[i][7 * all.years]))).toBe(true);
  });

  it('a different seed gives different results', () => {
    const a = run(smallInput({ seed: 'one' }), 5).block;
    const b = run(smallInput({ seed: 'two' }), 5).block;
    expect(identical(a, b)).toBe(false);
    const total = a.names.indexOf('cf.total');
    expect(a.cols[total].some((v, i) => v !== b.cols[total][i])).toBe(true);
  });

  it('adding or removing an intervention or substitution leaves every counterfactual number bit-identical', () => {
    const base = smallInput();
    const without = clone(base);
    without.interventions = [];
    without.substitution = [];
    const extra = clone(base);
    extra.interventions = [...(extra.interventions ?? []), { ...clone(base.interventions![0]), id: 'iv2', name: 'second' }];
    const blocks = [base, without, extra].map((s) => run(s, 20).block);
    const cfCols = blocks[0].names.filter((n) => n.startsWith('cf.') || n === 'benchmark' || n === 'population');
    for (const name of cfCols) {
      const i = blocks[0].names.indexOf(name);
      for (const b of blocks.slice(1))
        expect(
          b.cols[i].every((v, j) => Object.is(v, blocks[0].cols[i][j])),
          name,
        ).toBe(true);
    }
    // ...while the scenario side does change.
    const sc = blocks[0].names.indexOf('sc.total');
    expect(blocks[1].cols[sc].some((v, j) => v !== blocks[0].cols[sc][j])).toBe(true);
  });
});
