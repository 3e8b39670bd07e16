import { describe, expect, it } from 'vitest';
import { gridPoints, newPoints, refinementPoints, type DesignPoint, type DesignSetup } from '../../models/analysis/designSearch';

/** A search's setup over `k` terms on [0, 1] with `steps` values each (no outcomes are needed to place points). */
const setup = (k: number, steps: number): DesignSetup => ({
  contract: 'c',
  terms: Array.from({ length: k }, (_, i) => ({ path: `t${i}`, lo: 0, hi: 1 })),
  accept: [],
  parties: [],
  runs: 1,
  steps,
});

describe('refinement along the acceptable set’s boundary', () => {
  for (const [k, steps] of [
    [2, 5],
    [3, 5],
    [4, 4],
  ] as const) {
    it(`${k} terms at ${steps} values: exactly the midpoints of grid neighbours on opposite sides, each once`, () => {
      const d = setup(k, steps);
      // A curved boundary: acceptable inside a ball around a corner.
      const ok = (t: Record<string, number>) => Object.values(t).reduce((s, v) => s + v * v, 0) <= 0.8;
      const coarse: DesignPoint[] = gridPoints(d).map((terms) => ({ terms, outcome: {}, acceptable: ok(terms), breaks: [] }));
      // Slow and obvious: every pair of grid points one step apart along one term.
      const want = new Set<string>();
      const h = 1 / (steps - 1);
      for (const p of coarse)
        for (const q of coarse) {
          const diff = d.terms.map((t) => q.terms[t.path] - p.terms[t.path]);
          const along = diff.filter((x) => Math.abs(x) > 1e-12);
          if (along.length !== 1 || Math.abs(along[0] - h) > 1e-12 || p.acceptable === q.acceptable) continue;
          want.add(d.terms.map((t) => ((p.terms[t.path] + q.terms[t.path]) / 2).toPrecision(12)).join('|'));
        }
      const got = newPoints(refinementPoints(d, coarse), new Set());
      expect(want.size).toBeGreaterThan(0);
      expect(new Set(got.map((t) => d.terms.map((x) => t[x.path].toPrecision(12)).join('|')))).toEqual(want);
      expect(got.length).toBe(want.size);
    });
  }
});
