import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanSd, probAtLeast, quantileMcse, quantileSorted, quantilesOf, stat, STAT_QUANTILES } from '../../models/summary/stats';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { varianceSplit } from '../../models/summary/varianceSplit';
import { minimumSavingsRate } from '../../models/define/closedForm';
import { clone, run, smallInput, yearValues } from '../helpers';
import { summarize } from '../../models/summary/summarize';

const normals = (seed: string) => {
  const u = seedrandom.alea(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
};

describe('summary statistics', () => {
  it('the standard error of a sample quantile matches its spread over repeated samples and the closed form', () => {
    // 90% quantile of N(0,1) samples of 2,000: asymptotic SE = sqrt(q(1-q)/n) / phi(z_q).
    const n = 2000;
    const q = 0.9;
    const reps = 300;
    const zq = 1.2815515655446004;
    const closed = Math.sqrt((q * (1 - q)) / n) / (Math.exp(-0.5 * zq * zq) / Math.sqrt(2 * Math.PI));
    const z = normals('quantile-se');
    const est = new Float64Array(reps);
    const ses = new Float64Array(reps);
    for (let r = 0; r < reps; r++) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = z();
      x.sort();
      est[r] = quantileSorted(x, q);
      ses[r] = quantileMcse(x, q);
    }
    const spread = meanSd(est);
    const reported = meanSd(ses);
    // The spread over repetitions is itself estimated: its relative SE is 1/sqrt(2(reps-1)) (4.1%).
    const relSeOfSd = 1 / Math.sqrt(2 * (reps - 1));
    expect(Math.abs(spread.sd / closed - 1)).toBeLessThan(4 * relSeOfSd);
    // The mean reported SE agrees with the closed form within 4 of its own SEs, and with the spread.
    const seOfMeanSe = reported.sd / Math.sqrt(reps);
    expect(Math.abs(reported.mean - closed)).toBeLessThan(4 * seOfMeanSe);
    expect(Math.abs(reported.mean / spread.sd - 1)).toBeLessThan(4 * relSeOfSd + (4 * seOfMeanSe) / spread.sd);
  });

  it('every percentile of a Stat carries an MCSE that matches the closed form and the spread over 300 samples', () => {
    // N(0,1) samples of n = 2,000. Asymptotic SE of the p-quantile: √(p(1−p)/n) / φ(z_p)
    // (0.0469 at p5/p95, 0.0306 at p25/p75, 0.0280 at the median).
    const n = 2000;
    const reps = 300;
    const fields = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
    const z = normals('stat-percentile-se');
    const est = fields.map(() => new Float64Array(reps));
    const ses = fields.map(() => new Float64Array(reps));
    for (let r = 0; r < reps; r++) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = z();
      const s = stat(x);
      fields.forEach((f, k) => {
        est[k][r] = s[f];
        ses[k][r] = s[`${f}Mcse`];
      });
      if (r === 0) {
        // The same numbers as the one quantile MCSE on the sorted sample.
        const sorted = x.slice().sort();
        STAT_QUANTILES.forEach((q, k) => expect(s[`${fields[k]}Mcse`]).toBe(quantileMcse(sorted, q)));
      }
    }
    // The SD of 300 estimates is known to a relative SE of 1/√(2·299) = 4.1% (normal estimates),
    // the mean reported SE to its own SD/√300; both bounds are 4 of those SEs.
    const relSeOfSd = 1 / Math.sqrt(2 * (reps - 1));
    STAT_QUANTILES.forEach((p, k) => {
      const zp = normalQuantile(p, 0, 1);
      const closed = Math.sqrt((p * (1 - p)) / n) / (Math.exp(-0.5 * zp * zp) / Math.sqrt(2 * Math.PI));
      const spread = meanSd(est[k]);
      const reported = meanSd(ses[k]);
      const seOfMeanSe = reported.sd / Math.sqrt(reps);
      expect(Math.abs(spread.sd / closed - 1), `${fields[k]}: spread vs closed form`).toBeLessThan(4 * relSeOfSd);
      expect(Math.abs(reported.mean - closed), `${fields[k]}: reported vs closed form`).toBeLessThan(4 * seOfMeanSe);
      expect(Math.abs(reported.mean / spread.sd - 1), `${fields[k]}: reported vs spread`).toBeLessThan(4 * relSeOfSd + (4 * seOfMeanSe) / spread.sd);
    });
  });

  it('percentile MCSEs of tiny samples: NaN for one value, finite from two', () => {
    expect(stat([1]).p50Mcse).toBeNaN();
    expect(Number.isFinite(stat([1, 2]).p50Mcse)).toBe(true);
    expect(stat([]).p95Mcse).toBeNaN();
  });

  it('quantiles from order statistics equal quantiles of the sorted values, ties and all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 3000, size: 'max' }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (xs, raw) => {
          const qs = [...raw, 0.05, 0.5, 0.95].sort((a, b) => a - b);
          const sorted = Float64Array.from(xs).sort();
          const got = quantilesOf(Float64Array.from(xs), qs);
          qs.forEach((q, i) => expect(got[i]).toBe(quantileSorted(sorted, q)));
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  });
  it('percentiles match a slow definition (R type 7) and mean/SD a two-pass computation', () => {
    const u = seedrandom.alea('q');
    const x = Float64Array.from({ length: 1001 }, () => 1e8 + u() * 1e6);
    const sorted = [...x].sort((a, b) => a - b);
    const slow = (q: number) => {
      const h = (sorted.length - 1) * q;
      return sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
    };
    const s = stat(x);
    expect(s.p5).toBe(slow(0.05));
    expect(s.p50).toBe(slow(0.5));
    expect(s.p95).toBe(slow(0.95));
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const sd = Math.sqrt(sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / (sorted.length - 1));
    expect(Math.abs(s.mean - mean) / mean).toBeLessThan(1e-12);
    expect(Math.abs(s.sd - sd) / sd).toBeLessThan(1e-9);
    expect(s.mcse).toBeCloseTo(sd / Math.sqrt(1001), 10);
    expect(quantileSorted([3], 0.3)).toBe(3);
    expect(meanSd([NaN, 1, 3]).mean).toBe(2);
    expect(probAtLeast([0.01, 0.02, 0.03, NaN], 0.02).p).toBeCloseTo(2 / 3, 12);
  });

  it('variance split recovers a constructed case Y = θ + ε with Var θ = 1, Var ε = 4', () => {
    const z = normals('split');
    const n = 20000;
    const y = new Float64Array(n);
    const twin = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const theta = z();
      y[i] = theta + 2 * z();
      twin[i] = theta + 2 * z();
    }
    const v = varianceSplit(y, twin);
    // SE of mean((Y₁−Y₂)²/2) with Y₁−Y₂ ~ N(0, 8): Var((Y₁−Y₂)²/2) = 2·4² = 32, SE = √(32/n).
    expect(Math.abs(v.random - 4)).toBeLessThan(4 * Math.sqrt(32 / n));
    // The total variance 5 has SE ≈ 5·√(2/n); the parameter part inherits both errors.
    const seParam = Math.sqrt(32 / n + 50 / n);
    expect(Math.abs(v.parameter - 1)).toBeLessThan(4 * seParam);
    expect(v.randomShare).toBeGreaterThan(0.7);
    expect(v.randomShare).toBeLessThan(0.9);
  });

  it('in the engine: with parameter uncertainty off, the reduction varies by chance only', () => {
    const s = clone(smallInput({ population: 3000 }));
    s.simulation!.varianceSplitRuns = 400;
    s.simulation!.parameterUncertainty = false;
    for (const g of s.region.segments) delete g.highCost; // keeps the 3-million run below fast
    (s.substitution![0] as { maxShift: unknown }).maxShift = { dist: 'pert', min: 0.2, mode: 0.6, max: 0.9 };
    const { model, block } = run(s, 400);
    const v = summarize(model, block).years[2].reductionVariance;
    // Random part ≈ total; the ratio's sampling error with 400 runs is about √(2/400)·√2 ≈ 10%.
    expect(v.randomShare).toBeGreaterThan(0.7);
    s.simulation!.parameterUncertainty = true;
    s.region.population = 3_000_000;
    const big = run(s, 400);
    const w = summarize(big.model, big.block).years[2].reductionVariance;
    // With a thousand times more people chance all but vanishes and uncertainty in maxShift dominates.
    expect(w.parameterShare).toBeGreaterThan(0.9);
  });

  it('minimum savings rate: z·CV/√N, 2% floor logic left to contracts', () => {
    expect(minimumSavingsRate(2, 5000, 0.9)).toBeCloseTo((1.2815515655446004 * 2) / Math.sqrt(5000), 12);
    expect(minimumSavingsRate(2, 50000, 0.95)).toBeCloseTo((1.6448536269514722 * 2) / Math.sqrt(50000), 12);
  });

  it('P(reduction ≥ target) equals the share of runs at or above the target', () => {
    const { model, block } = run(smallInput({ population: 2000 }), 200);
    const s = summarize(model, block);
    const r = yearValues(block, 'reduction', 2);
    expect(s.years[2].pReachTarget.p).toBe(r.filter((v) => v >= s.target).length / r.length);
  });
});
