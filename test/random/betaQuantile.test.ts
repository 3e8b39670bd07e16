import { describe, expect, it } from 'vitest';
import kernelBetainc from '@stdlib/math-base-special-kernel-betainc';
import stdBetaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { pow } from '../../models/random/math';
import { pertShapes } from '../../models/random/quantiles';
import { betaQuantile } from '../../models/random/betaQuantile';

/**
 * The slow, obvious inverse: bisection of @stdlib's CDF until the interval cannot shrink, in the
 * tail the quantile solves (the lower below the median, the upper above it, where 1 − u is exact).
 */
function bisected(u: number, a: number, b: number): number {
  const upper = u > 0.5;
  const target = upper ? 1 - u : u;
  let lo = 0;
  let hi = 1;
  for (;;) {
    const m = 0.5 * (lo + hi);
    if (m <= lo || m >= hi) return m;
    const p = (kernelBetainc(m, a, b, true, upper) as number[])[0];
    if (upper ? p > target : p < target) lo = m;
    else hi = m;
  }
}

/**
 * Distance between two quantiles relative to the nearer end of [0, 1], where the precision is,
 * less the 2 ulps of x itself that no double near 1 can resolve (1 − x is exact only to ulp(x)).
 */
const rel = (x: number, r: number) => Math.max(0, Math.abs(x - r) - 2 * 2 ** -52 * r) / Math.max(Math.min(r, 1 - r), Number.MIN_VALUE);

/** Probabilities from the far tails to the median: a grid, and the ends a 2^-53 clamp allows. */
const US = [2 ** -53, 1e-12, 1e-6, 1e-3, ...Array.from({ length: 199 }, (_, i) => (i + 1) / 200 + 1e-4 * Math.sin(i)), 1 - 1e-3, 1 - 1e-6, 1 - 1e-12, 1 - 2 ** -53];

/** PERT shapes (λ = 4) from the mode at the minimum to the mode at the maximum, and a few others with a, b ≥ 1. */
const SHAPES: [number, number][] = [...[0, 0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.77, 0.95, 1].map((m) => pertShapes(0, m, 1, 4)), [1, 1], [2, 8], [1.01, 30], [30, 2], [12.5, 12.5]];

describe('beta quantile for the parameter draws', () => {
  it('is the root of @stdlib’s CDF, as a bisection finds it, to within 4e-15 of the nearer end', () => {
    // The CDF is accurate to a few units of 1e-16 relative in its tail; its root cannot be
    // pinned down more finely than that, by this inverse or by any other.
    let worst = 0;
    for (const [a, b] of SHAPES)
      for (const u of US) {
        const e = rel(betaQuantile(u, a, b), bisected(u, a, b));
        worst = Math.max(worst, e);
        expect(e, `a=${a} b=${b} u=${u}`).toBeLessThanOrEqual(4e-15);
      }
    expect(worst).toBeGreaterThan(0); // the comparison is not vacuous
  });

  it('matches the closed forms of Beta(a, 1), Beta(1, b) and the uniform', () => {
    for (const u of US) {
      for (const a of [1.5, 2, 3.7, 5]) {
        expect(rel(betaQuantile(u, a, 1), pow(u, 1 / a)), `Beta(${a}, 1) at ${u}`).toBeLessThanOrEqual(4e-15);
        // 1 − (1 − u)^(1/b) loses digits near 0; compared where it has them.
        if (u > 1e-3) expect(rel(betaQuantile(u, 1, a), 1 - pow(1 - u, 1 / a)), `Beta(1, ${a}) at ${u}`).toBeLessThanOrEqual(1e-12);
      }
      expect(betaQuantile(u, 1, 1)).toBeCloseTo(u, 15);
    }
  });

  it('agrees with @stdlib’s own quantile to within a few ulps', () => {
    for (const [a, b] of SHAPES) for (const u of US) expect(rel(betaQuantile(u, a, b), stdBetaQuantile(u, a, b)), `a=${a} b=${b} u=${u}`).toBeLessThanOrEqual(4e-15);
  });

  it('gives the same bits whether its table for the shape is new or kept', () => {
    const [a, b] = pertShapes(10, 14, 30, 4);
    const us = US.slice(0, 40);
    const first = us.map((u) => betaQuantile(u, a, b));
    // More shapes than the tables kept, so this one's is made again.
    for (let k = 0; k < 600; k++) betaQuantile(0.3, 1 + k / 600, 2);
    expect(us.map((u) => betaQuantile(u, a, b))).toEqual(first);
  });

  it('leaves shapes with a or b below 1, and u outside (0, 1), to @stdlib', () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [0.3, 2],
      [3, 0.9],
    ])
      for (const u of US) expect(betaQuantile(u, a, b)).toBe(stdBetaQuantile(u, a, b));
    for (const u of [0, 1, NaN, -1]) expect(Object.is(betaQuantile(u, 2, 3), stdBetaQuantile(u, 2, 3))).toBe(true);
  });
});
