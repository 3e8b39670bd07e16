import { LINES } from '../core/names';
import type { Ref, SegmentModel } from './definition';
import { exp, ipow, log } from '../random/math';

const HOSPITAL = LINES.indexOf('hospital');
const Z99 = 2.3263478740408408;

/** What the expected cost path needs: the segments, line trends and sizes, and a parameter's value. */
export interface CostPathInput {
  segments: SegmentModel[];
  trend: Ref[];
  population: number;
  preYears: number;
  /** Weights of the pre-contract years, oldest first; null or absent: equal. */
  weights?: number[] | null;
  horizon: number;
  /** A parameter's value (its mean, ex ante); 0 for an absent one (−1). */
  value: (ref: Ref) => number;
}

/**
 * Expected counterfactual cost and population in years t = −P..H−1 (closed forms, parameters at
 * their means), as the simulation builds them: segment sizes round(N·share·(1+growth)^t), cost per
 * contact grown with its line's trend, high-cost episodes with the hospital trend. Index t + P.
 */
export function expectedCostPath(x: CostPathInput): { cost: Float64Array; population: Float64Array } {
  const n = x.preYears + x.horizon;
  const cost = new Float64Array(n);
  const population = new Float64Array(n);
  const v = (r: Ref) => (r < 0 ? 0 : x.value(r));
  for (let i = 0; i < n; i++) {
    const t = i - x.preYears;
    for (const seg of x.segments) {
      const size = Math.round(x.population * seg.share * ipow(1 + v(seg.growth), t));
      population[i] += size;
      let perPerson = 0;
      seg.lines.forEach((u, l) => {
        if (u) perPerson += v(u.contacts) * v(u.cost) * ipow(1 + v(x.trend[l]), t);
      });
      const hc = seg.highCost;
      if (hc) {
        let mean: number;
        if (hc.kind === 'meanCv') mean = v(hc.a);
        else {
          const sigma = Math.max(0, (log(v(hc.b)) - log(v(hc.a))) / Z99);
          mean = v(hc.a) * exp((sigma * sigma) / 2);
        }
        perPerson += v(hc.rate) * mean * ipow(1 + v(x.trend[HOSPITAL]), t);
      }
      cost[i] += size * perPerson;
    }
  }
  return { cost, population };
}

/**
 * The expected benchmark of year t ≥ 0 under contract trend g: the pre-contract years' expected
 * cost per person projected to year 0 with g, averaged, times the year's population and (1+g)^t
 * (the simulation's estimated benchmark, in expectation).
 */
function expectedBenchmark(path: { cost: Float64Array; population: Float64Array }, P: number, g: number, t: number, w: number[] | null | undefined): number {
  let perCap0 = 0;
  for (let k = 1; k <= P; k++) {
    const x = (path.cost[P - k] / path.population[P - k]) * ipow(1 + g, k);
    perCap0 += w ? x * w[P - k] : x / P;
  }
  return path.population[P + t] * perCap0 * ipow(1 + g, t);
}

/**
 * The scenario's own expected cost growth: the yearly trend g at which the expected benchmark of
 * the last contract year equals the expected cost of that year, so that a region without any change
 * shows no saving by the end of the contract. It is the per-person cost growth, segment mix
 * included; with one trend for every line and no change in the mix it is that trend. Found by
 * bisection (the benchmark rises with g).
 */
export function expectedGrowth(x: CostPathInput): number {
  const path = expectedCostPath(x);
  const last = x.horizon - 1;
  const target = path.cost[x.preYears + last];
  if (!(target > 0)) return 0;
  let lo = -0.5;
  let hi = 0.5;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (expectedBenchmark(path, x.preYears, mid, last, x.weights) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** How far the benchmark drifts from the expected cost without any change. */
export interface BenchmarkDrift {
  /** The contract's assumed trend (its mean when it is a distribution), fraction per year. */
  assumedTrend: number;
  /** The scenario's own expected cost growth (`expectedGrowth`), fraction per year. */
  expectedGrowth: number;
  /** Per contract year: expected benchmark / expected cost − 1 without any change (negative: the benchmark falls below the cost). */
  byYear: number[];
  /** The last contract year's drift. */
  lastYear: number;
}

export function benchmarkDrift(x: CostPathInput, assumedTrend: number): BenchmarkDrift {
  const path = expectedCostPath(x);
  const byYear = Array.from({ length: x.horizon }, (_, t) => expectedBenchmark(path, x.preYears, assumedTrend, t, x.weights) / path.cost[x.preYears + t] - 1);
  return { assumedTrend, expectedGrowth: expectedGrowth(x), byYear, lastYear: byYear[byYear.length - 1] };
}
