import { describe, expect, it } from 'vitest';
import { goalSeek } from '../../models/analysis/goalSeek';
import { probAtLeast } from '../../models/summary/stats';
import { clone, run, smallInput, yearValues } from '../helpers';

/** P(reduction ≥ target) in the last year when substitution[0].maxShift is fixed at x (same runs, same seeds). */
function probForShift(base: ReturnType<typeof smallInput>, runs: number, target: number) {
  return async (x: number) => {
    const s = clone(base);
    s.substitution![0].maxShift = x;
    const b = run(s, runs).block;
    return { p: probAtLeast(yearValues(b, 'reduction', b.years - 1), target).p, n: runs };
  };
}

describe('goal seeking', () => {
  it('finds a known threshold in a constructed case', async () => {
    // Expected values only (no chance, no uncertainty): the reduction is a deterministic, increasing
    // function of maxShift, so P(reduction ≥ target) jumps from 0 to 1 at one value x*.
    const base = clone(smallInput({ population: 5000 }));
    base.simulation!.randomVariation = false;
    base.interventions = [];
    base.substitution![0].additionality = 0;
    const target = 0.01;
    const prob = probForShift(base, 3, target);
    // x* by a slow, obvious scan on a fine grid.
    let xStar = NaN;
    for (let x = 0; x <= 1.0001; x += 0.001)
      if ((await prob(x)).p >= 1) {
        xStar = x;
        break;
      }
    expect(Number.isFinite(xStar)).toBe(true);
    const res = await goalSeek(prob, { lo: 0, hi: 1, goal: 0.8, tolerance: 1e-4 });
    expect(res.reachable).toBe(true);
    if (res.reachable) expect(Math.abs(res.value - xStar)).toBeLessThan(0.001 + 1e-4);
  });

  it('says when no value in range reaches the goal', async () => {
    const base = clone(smallInput({ population: 5000 }));
    const res = await goalSeek(probForShift(base, 50, 0.5), { lo: 0, hi: 1, goal: 0.8, tolerance: 0.01 });
    expect(res.reachable).toBe(false);
    if (!res.reachable) expect(res.message).toMatch(/not reachable/);
  });

  it('with chance and uncertainty, reports the threshold with an interval', async () => {
    const base = clone(smallInput({ population: 20000 }));
    base.substitution![0].additionality = 0;
    const res = await goalSeek(probForShift(base, 300, 0.01), { lo: 0, hi: 1, goal: 0.8, tolerance: 0.005 });
    expect(res.reachable).toBe(true);
    if (res.reachable) {
      expect(res.p).toBeGreaterThanOrEqual(0.8);
      expect(res.low).toBeLessThanOrEqual(res.value);
      expect(res.high).toBeGreaterThanOrEqual(res.value);
    }
  });
});
