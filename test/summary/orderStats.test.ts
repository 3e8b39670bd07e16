import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { orderStatistics, orderStatisticsAndSmallest, smallestSorted } from '../../models/summary/orderStats';
import { quantileMcseRanks, STAT_QUANTILES } from '../../models/summary/stats';

/** The obvious definition: a sorted copy (the typed array's sort puts −0 before +0). */
const sortedCopy = (a: Float64Array) => a.slice().sort();

const values = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ noNaN: true, min: -1e7, max: 1e7 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE),
);

/** A column of values, and fractions that become its ranks (`ranksOf`). */
const column = fc.array(values, { minLength: 1, maxLength: 3000, size: 'max' });
const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 25 });
const ranksOf = (raw: number[], n: number) => [...new Set(raw.map((u) => Math.min(n - 1, Math.floor(u * n))))].sort((x, y) => x - y);

/** The values at `ranks` and the k smallest are a sorted copy's, bit for bit. */
function expectSortedCopy(a: Float64Array, ranks: number[], got: number[], smallest: Float64Array) {
  const s = sortedCopy(a);
  ranks.forEach((r, i) => expect(Object.is(got[i], s[r]), `rank ${r} of ${a.length}`).toBe(true));
  smallest.forEach((v, i) => expect(Object.is(v, s[i]), `smallest ${i} of ${a.length}`).toBe(true));
}

describe('order statistics by bucketing', () => {
  it('give every rank exactly as a sorted copy, ties, signed zeros and infinities included', () => {
    fc.assert(
      fc.property(column, fractions, (xs, raw) => {
        const a = Float64Array.from(xs);
        const before = a.slice();
        const ranks = ranksOf(raw, a.length);
        const k = 1 + ranks[ranks.length - 1];
        const low = smallestSorted(a, k);
        expect(low.length).toBe(k);
        expectSortedCopy(a, ranks, orderStatistics(a, ranks), low);
        expect(a).toEqual(before);
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('every rank of large columns with crowded buckets (many equal values, a narrow range) is a sorted copy’s', () => {
    const u = seedrandom.alea('order-stats');
    for (const n of [64, 65, 2000, 20_001, 100_000]) {
      // Lognormal euros, a block of exact zeros (no bonus paid) and values 1 ulp apart.
      const a = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : i % 11 === 0 ? 1 + i * 2.220446049250313e-16 : Math.exp(12 + 2 * (u() - 0.5)) * (u() < 0.3 ? -1 : 1)));
      const s = sortedCopy(a);
      const ranks = Array.from({ length: n }, (_, r) => r).filter((r) => r % Math.max(1, Math.floor(n / 500)) === 0 || r === n - 1);
      const got = orderStatistics(a, ranks);
      let differ = 0;
      ranks.forEach((r, i) => (differ += Object.is(got[i], s[r]) ? 0 : 1));
      expect(differ).toBe(0);
      const low = smallestSorted(a, Math.ceil(n / 20));
      expect(Array.from(low)).toEqual(Array.from(s.subarray(0, low.length)));
    }
  });

  it('ranks and the k smallest from one bucketing are a sorted copy’s, whichever side of k the ranks fall', () => {
    fc.assert(
      fc.property(column, fractions, fc.double({ min: 0, max: 1, noNaN: true }), (xs, raw, uk) => {
        const a = Float64Array.from(xs);
        const before = a.slice();
        const ranks = ranksOf(raw, a.length);
        const k = 1 + Math.min(a.length - 1, Math.floor(uk * a.length));
        const { values, smallest } = orderStatisticsAndSmallest(a, ranks, k);
        expect(smallest.length).toBe(k);
        expectSortedCopy(a, ranks, values, smallest);
        expect(a).toEqual(before);
      }),
      { numRuns: 400, seed: 20261208 },
    );
  });

  it('the summaries’ own case: five percentiles with their SE ranks and the worst 5% of 2,000 results of either sign, many of them equal', () => {
    const u = seedrandom.alea('order-stats-tail');
    for (const shape of ['spread', 'zeros', 'narrow'] as const) {
      const n = 2000;
      const a = Float64Array.from({ length: n }, (_, i) => (shape === 'zeros' && i % 3 === 0 ? 0 : shape === 'narrow' ? 1e6 + Math.floor(u() * 40) : (u() - 0.45) * Math.exp(10 + 4 * u())));
      // The ranks `stat` reads for n = 2,000 (for p5: 89, 99, 100, 109) and k = 100, the worst 5%.
      const ranks = [
        ...new Set(
          STAT_QUANTILES.flatMap((q) => {
            const lo = Math.floor((n - 1) * q);
            const se = quantileMcseRanks(n, q);
            return [lo, lo + 1, se.lo, se.hi];
          }),
        ),
      ].sort((x, y) => x - y);
      expect(ranks.slice(0, 4)).toEqual([89, 99, 100, 109]);
      const s = sortedCopy(a);
      const { values: got, smallest } = orderStatisticsAndSmallest(a, ranks, 100);
      expect(got).toEqual(ranks.map((r) => s[r]));
      expect(Array.from(smallest)).toEqual(Array.from(s.subarray(0, 100)));
    }
  });
});
