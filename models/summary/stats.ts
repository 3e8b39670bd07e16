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
}

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

/** Mean and sample SD in one pass (Welford), so large euro sums keep their precision. */
export function meanSd(x: ArrayLike<number>): { n: number; mean: number; sd: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  return { n, mean: n > 0 ? mean : NaN, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0 };
}

export function stat(x: ArrayLike<number>, presorted?: Float64Array): Stat {
  const { n, mean, sd } = meanSd(x);
  const sorted = presorted ?? sortedFinite(x, n);
  return {
    n,
    mean,
    sd,
    mcse: n > 0 ? sd / Math.sqrt(n) : NaN,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** The n non-NaN values of x, sorted ascending (a plain loop: typed-array filter with a callback is slow). */
function sortedFinite(x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) out[k++] = x[i];
  return out.sort();
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
