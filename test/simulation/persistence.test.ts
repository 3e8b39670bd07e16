import { describe, expect, it } from 'vitest';
import { makeSamplers } from '../../models/random/samplers';
import { streamFor } from '../../models/random/rng';
import { aggregateSegmentYear } from '../../models/simulation/aggregate';
import { personSegmentYear } from '../../models/simulation/person';
import { newTally, type SegmentYearPlan, type SegmentYearSimulator } from '../../models/simulation/plan';
import type { RunBlock } from '../../models/simulation/columns';
import { clone, run, smallInput } from '../helpers';

// Persistent high cost (a two-state chain per person with lag-1 correlation ρ, the rate kept
// stationary). The aggregate sampler must give the distribution of the person-level chains. Both
// are compared with closed forms and with each other on the three things a multi-year contract
// feels: the mean and the variance of the cases summed over the years, and the lag-1 correlation
// of the yearly counts. Tolerances are 4 standard errors of the estimator, written out below.

const R = 4000;
const RATE = 0.05;
/** A segment that grows, then shrinks below its start, then grows again (leavers and newcomers). */
const SIZES = [400, 430, 380, 360, 420];

/** Per replicate, the counterfactual high-cost cases of each year of one segment. */
function chains(sim: SegmentYearSimulator, rho: number, seed: string, sizes = SIZES): Float64Array[] {
  const plan: SegmentYearPlan = {
    n: 0,
    lines: [],
    scenarioActive: false,
    worlds: [],
    highCost: { rate: RATE, mu: 0, sigma: 0.1, cuts: [], nCuts: 0, thresholds: [], persistence: rho, prevCases: -1, prevN: 0, flags: new Uint8Array(0) },
  };
  const t = newTally(0, 0);
  const out = sizes.map(() => new Float64Array(R));
  for (let r = 0; r < R; r++) {
    const base = makeSamplers(streamFor(seed, r, 'base'));
    plan.highCost!.prevCases = -1;
    sizes.forEach((n, y) => {
      plan.n = n;
      t.cfHcCases = 0;
      sim(plan, base, t);
      out[y][r] = t.cfHcCases;
    });
  }
  return out;
}

function moments(x: ArrayLike<number>) {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  m2 /= n - 1;
  m4 /= n;
  // SE of the mean; SE of the sample variance (large-sample: √((μ₄ − σ⁴)/n)).
  return { mean: m, variance: m2, seMean: Math.sqrt(m2 / n), seVariance: Math.sqrt((m4 - m2 * m2) / n) };
}

function correlation(x: ArrayLike<number>, y: ArrayLike<number>) {
  const a = moments(x);
  const b = moments(y);
  let c = 0;
  for (let i = 0; i < x.length; i++) c += (x[i] - a.mean) * (y[i] - b.mean);
  const r = c / (x.length - 1) / Math.sqrt(a.variance * b.variance);
  // Large-sample SE of a correlation of near-normal variables.
  return { r, se: (1 - r * r) / Math.sqrt(x.length) };
}

/** The statistics of one set of chains: multi-year total, and the correlation of years 2 and 3. */
function stats(c: Float64Array[]) {
  const total = new Float64Array(R);
  for (const y of c) for (let r = 0; r < R; r++) total[r] += y[r];
  return { total: moments(total), lag1: correlation(c[1], c[2]) };
}

/**
 * Closed forms. Person i is present in year t when i < n_t and has the same history from t to s
 * only when present in every year between, so Cov(M_t, M_s) = min(n_t..n_s)·p(1 − p)·ρ^(s−t).
 */
function closedForm(rho: number, sizes = SIZES) {
  const v = RATE * (1 - RATE);
  let mean = 0;
  let variance = 0;
  for (let t = 0; t < sizes.length; t++) {
    mean += sizes[t] * RATE;
    variance += sizes[t] * v;
    let present = sizes[t];
    for (let s = t + 1; s < sizes.length; s++) {
      present = Math.min(present, sizes[s]);
      variance += 2 * present * v * rho ** (s - t);
    }
  }
  const lag1 = (Math.min(sizes[1], sizes[2]) * rho) / Math.sqrt(sizes[1] * sizes[2]);
  return { mean, variance, lag1 };
}

/** Largest |z| of the two-sample comparison of two sets of chains. */
function twoSampleZ(a: ReturnType<typeof stats>, b: ReturnType<typeof stats>) {
  const z = (x: number, y: number, sx: number, sy: number) => Math.abs(x - y) / Math.hypot(sx, sy);
  return {
    mean: z(a.total.mean, b.total.mean, a.total.seMean, b.total.seMean),
    variance: z(a.total.variance, b.total.variance, a.total.seVariance, b.total.seVariance),
    lag1: z(a.lag1.r, b.lag1.r, a.lag1.se, b.lag1.se),
  };
}

describe('persistent high-cost cases', () => {
  const RHO = 0.4;
  const agg = stats(chains(aggregateSegmentYear, RHO, 'agg'));
  const person = stats(chains(personSegmentYear, RHO, 'person'));
  const cf = closedForm(RHO);

  for (const [name, s] of [
    ['aggregate', agg],
    ['person', person],
  ] as const)
    it(`${name} mode has the closed-form mean, variance and lag-1 correlation (4 SE)`, () => {
      expect(Math.abs(s.total.mean - cf.mean)).toBeLessThan(4 * s.total.seMean);
      expect(Math.abs(s.total.variance - cf.variance)).toBeLessThan(4 * s.total.seVariance);
      expect(Math.abs(s.lag1.r - cf.lag1)).toBeLessThan(4 * s.lag1.se);
    });

  it('aggregate and person mode agree (two-sample, 4 SE)', () => {
    const z = twoSampleZ(agg, person);
    expect(z.mean).toBeLessThan(4);
    expect(z.variance).toBeLessThan(4);
    expect(z.lag1).toBeLessThan(4);
  });

  it('the comparison detects a wrong persistence (person mode with ρ = 0.3 instead of 0.4)', () => {
    const z = twoSampleZ(agg, stats(chains(personSegmentYear, 0.3, 'person')));
    expect(Math.max(z.variance, z.lag1)).toBeGreaterThan(4);
  });

  it('persistence makes the multi-year total riskier than independent years', () => {
    // The reason it matters for multi-year budgets: with ρ = 0.4 the variance of the five-year
    // total is 1.84 times that of independent years (closed form), its SD 1.35 times.
    expect(cf.variance / closedForm(0).variance).toBeCloseTo(1.835, 3);
    expect(agg.total.variance).toBeGreaterThan(closedForm(0).variance + 4 * agg.total.seVariance);
  });
});

describe('persistence in the whole simulator', () => {
  const same = (a: RunBlock, b: RunBlock) => a.names.join() === b.names.join() && a.cols.every((c, i) => c.every((v, j) => Object.is(v, b.cols[i][j])));
  const withPersistence = (rho: number) => {
    const input = clone(smallInput({ population: 1000 }));
    for (const seg of input.region.segments) seg.highCost!.persistence = rho;
    return input;
  };

  it('both modes of the whole simulator give cases with lag-1 correlation ρ (closed form: ρ, the segments do not grow; 4 SE)', () => {
    // Wiring, not sampling: each segment keeps its own chain in both modes, started afresh per run.
    const R2 = 600;
    const yearly = (mode: 'aggregate' | 'person') => {
      const b = run(withPersistence(0.5), R2, mode).block;
      const c = b.names.indexOf('cf.highCost.cases');
      return [1, 2].map((y) => Float64Array.from({ length: R2 }, (_, r) => b.cols[c][r * b.years + y]));
    };
    const a = yearly('aggregate');
    const p = yearly('person');
    const ca = correlation(a[0], a[1]);
    const cp = correlation(p[0], p[1]);
    expect(Math.abs(ca.r - 0.5)).toBeLessThan(4 * ca.se);
    expect(Math.abs(cp.r - 0.5)).toBeLessThan(4 * cp.se);
    expect(Math.abs(ca.r - cp.r)).toBeLessThan(4 * Math.hypot(ca.se, cp.se));
  });

  it('ρ = 0 is bit-identical to a file without the field', () => {
    expect(same(run(withPersistence(0), 20).block, run(smallInput({ population: 1000 }), 20).block)).toBe(true);
  });

  it('each run starts its chain afresh: runs 10–19 alone equal the same runs in a block of 20', () => {
    const all = run(withPersistence(0.5), 20).block;
    const tail = run(withPersistence(0.5), 10, 'aggregate', 10).block;
    const cases = all.names.indexOf('cf.highCost.cases');
    expect(Array.from(tail.cols[cases])).toEqual(Array.from(all.cols[cases].subarray(10 * all.years)));
    expect(same(run(withPersistence(0.5), 20).block, all)).toBe(true);
  });
});
