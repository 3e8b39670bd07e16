import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { orderStatistics, smallestSorted } from '../../models/summary/orderStats';

/** The obvious definition: a sorted copy (the typed array's sort puts −0 before +0). */
const sortedCopy = (a: Float64Array) => a.slice().sort();

const values = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ noNaN: true, min: -1e7, max: 1e7 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE),
);

describe('order statistics by bucketing', () => {
  it('give every rank exactly as a sorted copy, ties, signed zeros and infinities included', () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 3000, size: 'max' }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 25 }), (xs, raw) => {
        const a = Float64Array.from(xs);
        const before = a.slice();
        const ranks = [...new Set(raw.map((u) => Math.min(a.length - 1, Math.floor(u * a.length))))].sort((x, y) => x - y);
        const s = sortedCopy(a);
        const got = orderStatistics(a, ranks);
        ranks.forEach((r, i) => expect(Object.is(got[i], s[r])).toBe(true));
        const k = 1 + ranks[ranks.length - 1];
        const low = smallestSorted(a, k);
        expect(low.length).toBe(k);
        for (let i = 0; i < k; i++) expect(Object.is(low[i], s[i])).toBe(true);
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
});
