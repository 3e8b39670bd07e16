import { describe, expect, it } from 'vitest';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { KeptCare } from '../../models/simulation/keptCare';
import { summarize } from '../../models/summary/summarize';
import { summarizeFinancing } from '../../models/summary/financing';
import { SummaryMemo, statWith } from '../../models/summary/memo';
import { stat } from '../../models/summary/stats';
import { column, type RunBlock } from '../../models/simulation/columns';
import { finColumn, partiesOf } from '../../models/core/columns';
import { PARTIES } from '../../models/core/names';
import { bitDifferences, clone, defaultInput, valid, type Editable } from '../helpers';

const RUNS = 120;

/** The default scenario's first RUNS runs, with 40 twinned (the variance split reads them). */
function base(): Editable {
  const s = defaultInput() as Editable;
  s.simulation.varianceSplitRuns = 40;
  return s;
}

function simulated(input: unknown, kept?: KeptCare) {
  const model = compile(valid(input));
  return { model, block: simulateBlock(model, 0, RUNS, 'aggregate', undefined, undefined, undefined, kept) };
}

describe('summary memo', () => {
  const kept = new KeptCare();
  const a = simulated(base(), kept);
  const termEdit = clone(base());
  termEdit.financing.models[2].sharingRate.value = 0.65;
  const b = simulated(termEdit, kept); // settled on the kept care, as the page's workers do
  const careEdit = clone(base());
  careEdit.region.population = 150000;
  const c = simulated(careEdit);

  it('gives every summary bit for bit as without it: cold, after an edit of a term, after an edit of care, and the same again', () => {
    expect(kept.reused).toBe(RUNS);
    const memo = new SummaryMemo();
    for (const x of [a, b, c, b, a]) expect(bitDifferences(summarize(x.model, x.block, { memo }), summarize(x.model, x.block))).toEqual([]);
    expect(memo.hits).toBeGreaterThan(memo.misses);
  });

  it('after an edit of one contract only its statistics are worked out again', () => {
    const memo = new SummaryMemo();
    summarize(a.model, a.block, { memo });
    const { hits, misses } = memo;
    summarize(b.model, b.block, { memo });
    // The obvious count: the edited contract's part of the financing summary (kept whole with
    // the columns it reads) and its drivers of each party whose horizon result moved. Nothing
    // else reads its columns.
    const id = termEdit.financing.models[2].id as string;
    const parties = b.model.financing.models.find((m) => m.id === id)!.kind === 'population' ? PARTIES : partiesOf('sharedSavings');
    const H = a.block.years;
    const sums = (x: RunBlock, party: string, w: 'revenue' | 'cost') => {
      const col = column(x, finColumn(id, party, w));
      return Array.from({ length: x.runs }, (_, r) => col.slice(r * H, (r + 1) * H).reduce((s, v) => s + v, 0));
    };
    const moved = (party: string) => (['revenue', 'cost'] as const).some((w) => bitDifferences(sums(a.block, party, w), sums(b.block, party, w)).length > 0);
    const drivers = parties.filter(moved).length;
    expect(drivers).toBeGreaterThan(0);
    expect(memo.misses - misses).toBe(1 + drivers);
    expect(memo.hits - hits).toBeGreaterThan(0);
  });

  it('takes a contract’s part, or the status quo’s, from the memo only while every column the financing summary reads is unchanged', () => {
    // 30 runs: one summary per column of the block, twice.
    const { model } = a;
    const block = simulateBlock(model, 0, 30);
    const target = model.scenario.simulation.targetReduction;
    const memo = new SummaryMemo();
    memo.begin();
    const before = summarizeFinancing(model.financing, block, target, memo);
    // One number of one column changed at a time (run 0, the last year), then put back.
    const at = block.years - 1;
    let read = 0;
    for (let c = 0; c < block.cols.length; c++) {
      const col = block.cols[c];
      const kept = col[at];
      col[at] = 1.5 * kept + 1;
      const fresh = summarizeFinancing(model.financing, block, target);
      memo.begin(); // as each summary does: the arrays' numbers changed since the last one
      expect(bitDifferences(summarizeFinancing(model.financing, block, target, memo), fresh), block.names[c]).toEqual([]);
      if (bitDifferences(fresh, before).length > 0) read++;
      col[at] = kept;
    }
    // The status quo's and every contract's money, what each paid and the reduction of the care it is settled on.
    expect(read).toBeGreaterThan(2 * PARTIES.length * (1 + model.financing.models.length));
  });

  it('keeps only what the last summary made or used', () => {
    const memo = new SummaryMemo();
    summarize(a.model, a.block, { memo });
    const one = memo.keptBytes;
    expect(one).toBeGreaterThan(0);
    for (let k = 0; k < 3; k++) {
      summarize(c.model, c.block, { memo });
      summarize(a.model, a.block, { memo });
    }
    // Two summaries' worth at most (the last one's and what it kept of the one before).
    expect(memo.keptBytes).toBeLessThanOrEqual(2 * one);
    // a after c: what c did not use of a's statistics was let go, so some are worked out again.
    const misses = memo.misses;
    summarize(c.model, c.block, { memo });
    summarize(a.model, a.block, { memo });
    expect(memo.misses).toBeGreaterThan(misses);
  });

  it('stays exact when it is full, and a summary changed afterwards does not reach the next', () => {
    const memo = new SummaryMemo(8 * RUNS * 20); // room for a few dozen inputs
    const first = summarize(a.model, a.block, { memo });
    first.years[0].reduction.mean = 123;
    first.financing.models[0].horizon.insurer.result.mean = 456;
    for (const x of [b, c, a]) expect(bitDifferences(summarize(x.model, x.block, { memo }), summarize(x.model, x.block))).toEqual([]);
  });

  it('reads an array again when its numbers change between summaries (a block’s columns grow in place as runs arrive)', () => {
    const memo = new SummaryMemo();
    const x = Float64Array.from({ length: 500 }, (_, i) => i);
    memo.begin();
    expect(statWith(memo)(x)).toEqual(stat(x));
    for (let i = 0; i < x.length; i++) x[i] = 2 * i;
    memo.begin();
    expect(statWith(memo)(x)).toEqual(stat(x));
    expect(memo.misses).toBe(2);
  });
});
