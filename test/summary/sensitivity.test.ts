import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../models/summary/sensitivity';
import { clone, run, smallInput, yearValues } from '../helpers';

describe('sensitivity (rank regression and decile swing)', () => {
  it('ranks a driving parameter first and one without effect near zero (constructed case)', () => {
    const u = seedrandom.alea('sens');
    const n = 3000;
    const P = 3;
    const params = new Float64Array(n * P);
    const y = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const a = u();
      const b = u();
      const c = u();
      params.set([a, b, c], r * P);
      y[r] = 5 * a + 1 * c + 0.5 * (u() - 0.5); // b has no effect
    }
    const s = sensitivity(params, P, [0, 1, 2], ['a', 'b', 'c'], y);
    expect(s.map((e) => e.path)).toEqual(['a', 'c', 'b']);
    // Under no effect, a rank coefficient has SE ≈ 1/√n; allow 4 SE.
    const b = s.find((e) => e.path === 'b')!;
    expect(Math.abs(b.srrc)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(b.spearman)).toBeLessThan(4 / Math.sqrt(n));
    // Swing of a: E[y | a in top decile] − E[y | a in bottom decile] = 5·(0.95 − 0.05) = 4.5, SE ≈ √(2·Var(y|decile)/300).
    const a = s[0];
    expect(Math.abs(a.swing - 4.5)).toBeLessThan(4 * Math.sqrt((2 * (1 / 12 + 0.5 ** 2 / 12 + (5 ** 2 * 0.1 ** 2) / 12)) / 300));
  });

  it('in the engine: substitution size drives the reduction, an unused trend does not', () => {
    const s = clone(smallInput({ population: 20000 }));
    s.substitution![0].maxShift = { dist: 'uniform', min: 0.1, max: 0.9 };
    s.lines = { ...s.lines, selfcare: { trend: { dist: 'uniform', min: 0, max: 0.05 } } };
    s.region.segments.forEach((g) => delete (g.lines as Record<string, unknown>).selfcare);
    const { model, block } = run(s, 600);
    const slots = model.registry.slots.map((x, i) => (x.uncertain ? i : -1)).filter((i) => i >= 0);
    const res = sensitivity(
      block.params,
      block.nParams,
      slots,
      slots.map((i) => model.registry.slots[i].path),
      yearValues(block, 'reduction', 2),
    );
    expect(res[0].path).toBe('substitution[0].maxShift');
    const unused = res.find((e) => e.path === 'lines.selfcare.trend')!;
    expect(Math.abs(unused.srrc)).toBeLessThan(4 / Math.sqrt(600));
  });
});

describe('ranks', () => {
  it('match a slow definition, with ties at their average rank', async () => {
    const { ranks } = await import('../../models/summary/ranks');
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const slow = x.map((v) => {
      const below = x.filter((y) => y < v).length;
      const equal = x.filter((y) => y === v).length;
      return below + (equal - 1) / 2;
    });
    expect(Array.from(ranks(x))).toEqual(slow);
  });
});
