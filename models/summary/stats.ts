import { orderStatistics, orderStatisticsAndSmallest } from './orderStats';
/** Summary of a sample: mean with its Monte Carlo standard error, spread and percentiles. */
export interface Stat {
  n: number;
  mean: number;
  sd: number;
  /** Monte Carlo standard error of the mean: sd / √n. */
  mcse: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /**
   * Monte Carlo standard errors of the percentiles, distribution-free (`quantileMcse`: from the
   * order statistics around each percentile's rank).
   */
  p5Mcse: number;
  p25Mcse: number;
  p50Mcse: number;
  p75Mcse: number;
  p95Mcse: number;
}

/** The percentiles every `Stat` carries, in the order of its fields. */
export const STAT_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** A probability estimated from n runs, with its Monte Carlo standard error √(p(1−p)/n). */
export interface Prob {
  p: number;
  mcse: number;
  n: number;
}

/** Quantile of sorted data by linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Monte Carlo standard error of the q-quantile of a sorted sample, distribution-free: half the
 * distance between the order statistics at ranks nq ∓ √(nq(1−q)) (the rank of the sample quantile
 * is binomial), i.e. half a 68% confidence interval, scaled to the exact rank distance.
 */
export function quantileMcse(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n < 2) return NaN;
  const { lo, hi, d } = quantileMcseRanks(n, q);
  return mcseBetween(sorted[lo], sorted[hi], lo, hi, d);
}

/** The 0-based ranks of the order statistics `quantileMcse` reads, and the rank SD d. */
export function quantileMcseRanks(n: number, q: number): { lo: number; hi: number; d: number } {
  const c = n * q;
  const d = Math.sqrt(n * q * (1 - q));
  return { lo: Math.max(0, Math.floor(c - d) - 1), hi: Math.min(n - 1, Math.ceil(c + d) - 1), d };
}

/**
 * The quantile MCSE from the order statistics x(lo) and x(hi) (`quantileMcseRanks`): their
 * distance per rank times the rank SD d, since the ranks are rounded outward from nq ∓ d.
 */
function mcseBetween(xLo: number, xHi: number, lo: number, hi: number, d: number): number {
  return hi > lo ? ((xHi - xLo) * d) / (hi - lo) : NaN;
}

/**
 * Monte Carlo standard error of an expected shortfall estimate (the mean of the worst share
 * `tail` = 1 − α of n runs) by the asymptotic variance of the tail-mean estimator (Manistre &
 * Hancock 2005, "Variance of the CTE estimator", North American Actuarial Journal 9(2)):
 * Var ≈ [Var(L | L ≥ VaR) + α·(ES − VaR)²] / (n·(1 − α)), with `tailSd` the SD within the tail.
 * Signs follow the caller's (losses or results alike: only ES − VaR and its square enter).
 */
export function expectedShortfallMcse(tailSd: number, es: number, valueAtRisk: number, n: number, tail: number): number {
  return Math.sqrt((tailSd * tailSd + (1 - tail) * (es - valueAtRisk) ** 2) / (n * tail));
}

/**
 * Mean and sample SD, NaN values skipped. Two passes (the mean, then squared deviations from it):
 * as accurate as Welford's one-pass update for large euro sums, and without its division per value.
 */
export function meanSd(x: ArrayLike<number>): { n: number; mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    n++;
    sum += v;
  }
  if (n === 0) return { n, mean: NaN, sd: 0 };
  const mean = sum / n;
  let ss = 0;
  let corr = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    const d = v - mean;
    ss += d * d;
    corr += d;
  }
  // Corrected two-pass (Chan, Golub & LeVeque 1983): removes the rounding error of the mean.
  return { n, mean, sd: n > 1 ? Math.sqrt(Math.max(0, (ss - (corr * corr) / n) / (n - 1))) : 0 };
}

/**
 * Mean, SD, MC SE and percentiles of x (NaN values skipped).
 */
export function stat(x: ArrayLike<number>): Stat {
  const m = meanSd(x);
  // The order statistics leave their input as it is: a column without NaN is read in place.
  return statOf(m, quantilesWithMcse(m.n === x.length && x instanceof Float64Array ? x : finiteCopy(x, m.n), STAT_QUANTILES));
}

/**
 * `stat(x)` and the k smallest values of x in ascending order (`smallestSorted`), from one pass of
 * order statistics; x must hold no NaN and at least k values (k ≥ 1). `m` is `meanSd(x)`.
 */
export function statAndSmallest(x: Float64Array, k: number, m = meanSd(x)): { stat: Stat; smallest: Float64Array } {
  const r = quantilesAndSmallest(x, STAT_QUANTILES, k);
  return { stat: statOf(m, r), smallest: r.smallest };
}

function statOf({ n, mean, sd }: { n: number; mean: number; sd: number }, { q, mcse }: { q: number[]; mcse: number[] }): Stat {
  return {
    n,
    mean,
    sd,
    mcse: n > 0 ? sd / Math.sqrt(n) : NaN,
    p5: q[0],
    p25: q[1],
    p50: q[2],
    p75: q[3],
    p95: q[4],
    p5Mcse: mcse[0],
    p25Mcse: mcse[1],
    p50Mcse: mcse[2],
    p75Mcse: mcse[3],
    p95Mcse: mcse[4],
  };
}

/** The ranks the quantiles qs of n values (and their Monte Carlo SEs) read, and how. */
function quantilePlan(n: number, qs: readonly number[]) {
  const parts = qs.map((q) => {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    return { h, lo, hi: Math.min(n - 1, lo + 1), se: quantileMcseRanks(n, q) };
  });
  const ranks = [...new Set(parts.flatMap((p) => (n < 2 ? [p.lo, p.hi] : [p.lo, p.hi, p.se.lo, p.se.hi])))].sort((x, y) => x - y);
  return { n, parts, ranks };
}

/** The quantiles and their SEs from the order statistics `values` at the plan's ranks. */
function quantilesFrom({ n, parts, ranks }: ReturnType<typeof quantilePlan>, values: number[]): { q: number[]; mcse: number[] } {
  const at = (r: number) => values[ranks.indexOf(r)];
  return {
    q: parts.map((p) => at(p.lo) + (p.h - p.lo) * (at(p.hi) - at(p.lo))),
    mcse: parts.map((p) => (n < 2 ? NaN : mcseBetween(at(p.se.lo), at(p.se.hi), p.se.lo, p.se.hi, p.se.d))),
  };
}

/**
 * Quantiles of the values in `a` (no NaN; as `quantileSorted` on the sorted values) with their
 * Monte Carlo SEs (as `quantileMcse`), from the order statistics either needs.
 */
export function quantilesWithMcse(a: Float64Array, qs: readonly number[]): { q: number[]; mcse: number[] } {
  const n = a.length;
  if (n === 0) return { q: qs.map(() => NaN), mcse: qs.map(() => NaN) };
  const plan = quantilePlan(n, qs);
  return quantilesFrom(plan, orderStatistics(a, plan.ranks));
}

/** `quantilesWithMcse(a, qs)` and the k smallest values of `a` ascending (1 ≤ k ≤ a.length), from one pass of order statistics. */
export function quantilesAndSmallest(a: Float64Array, qs: readonly number[], k: number): { q: number[]; mcse: number[]; smallest: Float64Array } {
  const plan = quantilePlan(a.length, qs);
  const { values, smallest } = orderStatisticsAndSmallest(a, plan.ranks, k);
  return { ...quantilesFrom(plan, values), smallest };
}

/** The n non-NaN values of x, in their order. */
function finiteCopy(x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) out[k++] = x[i];
  return out;
}

/** Quantiles (ascending qs) of the values in `a` (no NaN), exactly as `quantileSorted` gives them on the sorted values. */
export const quantilesOf = (a: Float64Array, qs: readonly number[]): number[] => quantilesWithMcse(a, qs).q;

/**
 * Rearranges a[lo..hi] so that a[k] holds the value it would have if a[lo..hi] were sorted, with no
 * larger value before it and no smaller one after it (Hoare's selection, median-of-three pivot).
 * Every value left of `lo` must be ≤ every value in a[lo..hi].
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // Median of three into a[mid].
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // a[j+1..i−1] all equal the pivot
  }
  // Insertion sort of the small remainder.
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** A share k/n with its Monte Carlo standard error. */
export function proportion(k: number, n: number): Prob {
  const p = n > 0 ? k / n : NaN;
  return { p, mcse: n > 0 ? Math.sqrt((p * (1 - p)) / n) : NaN, n };
}

export function probAtLeast(x: ArrayLike<number>, threshold: number): Prob {
  let n = 0;
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    n++;
    if (v >= threshold) k++;
  }
  return proportion(k, n);
}

/** Values of one year across runs from a run-major column (row = run·years + year). */
export function yearSlice(col: Float64Array, years: number, year: number, runs = col.length / years): Float64Array {
  const out = new Float64Array(runs);
  for (let r = 0; r < runs; r++) out[r] = col[r * years + year];
  return out;
}
