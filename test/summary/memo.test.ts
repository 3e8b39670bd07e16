import { describe, expect, it } from 'vitest';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { KeptCare } from '../../models/simulation/keptCare';
import { summarize } from '../../models/summary/summarize';
import { SummaryMemo } from '../../models/summary/memo';
import { bitDifferences, clone, defaultInput, valid } from '../helpers';

const RUNS = 120;

// Edits reach into any part of the file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Input = Record<string, any>;

/** The default scenario's first RUNS runs, with 40 twinned (the variance split reads them). */
function base(): Input {
  const s = defaultInput() as Input;
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
    for (const x of [a, b, c, b, a]) {
      const before = memo.hits;
      expect(bitDifferences(summarize(x.model, x.block, { memo }), summarize(x.model, x.block))).toEqual([]);
      if (x === a && before === 0) continue;
      // Warm: most statistics come from the memo (after the term edit, all but those of the edited contract).
      if (x === b) expect(memo.hits).toBeGreaterThan(before);
    }
    expect(memo.hits).toBeGreaterThan(memo.misses);
  });

  it('after an edit of one contract only its statistics are worked out again', () => {
    const memo = new SummaryMemo();
    summarize(a.model, a.block, { memo });
    const { hits, misses } = memo;
    summarize(b.model, b.block, { memo });
    const newHits = memo.hits - hits;
    const newMisses = memo.misses - misses;
    // One contract of seven; its horizon and yearly risks, care and drivers per party.
    expect(newMisses).toBeGreaterThan(0);
    expect(newMisses).toBeLessThan(newHits / 5);
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
});
