import { smoothDesign, smoothFit, weightedFits } from './pspline';
import { streamFor } from '../random/rng';
import { makeSamplers } from '../random/samplers';

/**
 * Value of information from the runs already made (regression method: Strong, Oakley & Brennan
 * 2014, Med Decis Making 34:311). `nb[d][r]` is the net benefit (euros) of option d in run r,
 * with the runs' parameters drawn from their uncertainty.
 *
 * - EVPI = E[max_d NB_d] − max_d E[NB_d]: what knowing everything before choosing is worth.
 * - EVPPI(φ) = E[max_d g_d(φ)] − max_d E[NB_d], with g_d(φ) = E[NB_d | φ] estimated from the runs:
 *   for one parameter by the means of NB_d over groups of runs sorted by φ (Strong & Oakley 2013,
 *   Med Decis Making 33:755), for a group of 2–3 by a P-spline regression with GCV (`pspline.ts`).
 *
 * The Monte Carlo error is a bootstrap over runs: each resample re-estimates g_d (the groups'
 * means re-weighted; the spline re-fitted at the smoothing chosen on all runs), so the error of the
 * estimated level counts too. The fit's quality is reported as R² and degrees of freedom per option.
 */

export interface Voi {
  value: number;
  /** Bootstrap standard error over runs. */
  se: number;
}

export interface Evppi extends Voi {
  /** Per option: share of the variance of its net benefit the parameter(s) explain, and the fit's edf. */
  fits: { r2: number; edf: number }[];
}

/** E[max_d v_d] − max_d E[v_d], each run weighted by w (all 1 when absent). */
function gain(v: ArrayLike<number>[], w?: ArrayLike<number>): number {
  const n = v[0].length;
  let total = 0;
  let meanOfMax = 0;
  const means = new Float64Array(v.length);
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    if (wi === 0) continue;
    total += wi;
    let m = -Infinity;
    for (let d = 0; d < v.length; d++) {
      means[d] += wi * v[d][i];
      m = Math.max(m, v[d][i]);
    }
    meanOfMax += wi * m;
  }
  let maxOfMeans = -Infinity;
  for (let d = 0; d < v.length; d++) maxOfMeans = Math.max(maxOfMeans, means[d] / total);
  return meanOfMax / total - maxOfMeans;
}

/** Bootstrap weights: how often each of n runs is drawn in a resample of n. */
function resampleWeights(rng: () => number, n: number, out: Uint32Array): Uint32Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[Math.floor(rng() * n)]++;
  return out;
}

function sd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

function check(nb: ArrayLike<number>[]): void {
  if (nb.length < 2) throw new RangeError('a decision needs at least two options');
  const n = nb[0].length;
  if (n < 50 || nb.some((x) => x.length !== n)) throw new RangeError('every option needs the same runs, at least 50');
}

export function evpi(nb: ArrayLike<number>[], opts: { bootstrap?: number; seed?: string } = {}): Voi {
  check(nb);
  const rng = streamFor(opts.seed ?? 'evpi', 0, 'voi-bootstrap');
  const w = new Uint32Array(nb[0].length);
  const reps = Array.from({ length: opts.bootstrap ?? 200 }, () => gain(nb, resampleWeights(rng, w.length, w)));
  return { value: gain(nb), se: sd(reps) };
}

/** Runs sorted by one parameter and cut into groups of about √n consecutive runs, ties kept together (`partitionOf`). */
export interface Partition {
  /** Run indices in ascending order of the parameter. */
  order: Int32Array;
  /** Group g holds order[starts[g]] … order[starts[g + 1] − 1]; the last entry is n. */
  starts: Int32Array;
}

/**
 * The groups of the single-parameter estimator: runs sorted by φ, cut into ⌊√n⌋ groups of equal
 * size, each cut moved forward past runs with the same φ (knowing φ cannot tell them apart). With
 * √n groups of √n runs both biases shrink as runs grow: upward from the noise in each group's
 * mean (∝ 1/√n) and downward from averaging E[NB | φ] over a group (∝ 1/n). Depends only on the
 * parameter's column, so one partition serves every decision.
 */
export function partitionOf(phi: ArrayLike<number>): Partition {
  const n = phi.length;
  const x = Float64Array.from(phi);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const k = Math.max(1, Math.floor(Math.sqrt(n)));
  const starts = [0];
  for (let g = 1; g < k; g++) {
    let c = Math.max(starts[starts.length - 1] + 1, Math.round((g * n) / k));
    while (c < n && x[order[c]] === x[order[c - 1]]) c++;
    if (c < n && c > starts[starts.length - 1]) starts.push(c);
  }
  starts.push(n);
  return { order, starts: Int32Array.from(starts) };
}

/** Bootstrap weights of `reps` resamples of n runs (the same for every parameter and decision of one seed: kept). */
const weightSets = new Map<string, Uint32Array[]>();
function bootstrapWeights(seed: string, n: number, reps: number): Uint32Array[] {
  const key = `${seed}|${n}`;
  let sets = weightSets.get(key);
  if (!sets || sets.length < reps) {
    const rng = streamFor(seed, 0, 'voi-bootstrap');
    sets = Array.from({ length: reps }, () => resampleWeights(rng, n, new Uint32Array(n)));
    if (weightSets.size > 8) weightSets.clear();
    weightSets.set(key, sets);
  }
  return sets.slice(0, reps);
}

/**
 * E[max_d mean of group] − max_d E[NB_d] over the partition's groups, runs weighted by w (all 1
 * when absent): Σ_g max_d S_gd / W − max_d Σ_g S_gd / W with S_gd the weighted sum of NB_d in group g.
 */
function partitionGain(nb: ArrayLike<number>[], part: Partition, w: Uint32Array | null, sums: Float64Array): number {
  const D = nb.length;
  const { order, starts } = part;
  sums.fill(0);
  let W = 0;
  let best = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    let m = -Infinity;
    let wg = 0;
    for (let d = 0; d < D; d++) {
      const y = nb[d];
      let s = 0;
      if (w) {
        for (let j = starts[g]; j < starts[g + 1]; j++) {
          const i = order[j];
          s += w[i] * y[i];
        }
      } else for (let j = starts[g]; j < starts[g + 1]; j++) s += y[order[j]];
      sums[d] += s;
      if (s > m) m = s;
    }
    if (w) for (let j = starts[g]; j < starts[g + 1]; j++) wg += w[order[j]];
    else wg = starts[g + 1] - starts[g];
    if (wg > 0) best += m;
    W += wg;
  }
  let maxOfMeans = -Infinity;
  for (let d = 0; d < D; d++) maxOfMeans = Math.max(maxOfMeans, sums[d] / W);
  return best / W - maxOfMeans;
}

/**
 * The fit diagnostic of the group means per option: the share of NB_d's variance they explain,
 * adjusted for the number of groups (so a parameter that explains nothing scores about 0, not
 * (groups − 1)/n), and the number of groups as the fit's degrees of freedom.
 */
function partitionFits(nb: ArrayLike<number>[], part: Partition): { r2: number; edf: number }[] {
  const { order, starts } = part;
  const n = order.length;
  const k = starts.length - 1;
  return nb.map((y) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i];
    mean /= n;
    let tss = 0;
    let rss = 0;
    for (let g = 0; g < k; g++) {
      let s = 0;
      for (let j = starts[g]; j < starts[g + 1]; j++) s += y[order[j]];
      const m = s / (starts[g + 1] - starts[g]);
      for (let j = starts[g]; j < starts[g + 1]; j++) {
        const v = y[order[j]];
        tss += (v - mean) ** 2;
        rss += (v - m) ** 2;
      }
    }
    const r2 = tss > 0 && n > k ? Math.max(0, 1 - rss / (n - k) / (tss / (n - 1))) : 0;
    return { r2, edf: k };
  });
}

/**
 * EVPPI of the parameter column(s) `phi` (1 to 3, one value per run). One parameter: the
 * single-parameter estimator of Strong & Oakley (2013): E[NB_d | φ] is the mean of NB_d over the
 * group of runs with φ near the run's (`partitionOf`; pass `partition` to reuse one), O(n log n)
 * for the sort and O(n·options) per bootstrap resample, which keeps the groups and re-weights the
 * runs. Two or three: the P-spline regression with GCV (`pspline.ts`), each bootstrap sample
 * re-fitted at the smoothing chosen on all runs. `bootstrap` resamples: 50 by default for one
 * parameter, 20 and 8 for groups (a re-fit costs runs × coefficients²).
 */
export function evppi(nb: ArrayLike<number>[], phi: ArrayLike<number>[], opts: { bootstrap?: number; seed?: string; partition?: Partition } = {}): Evppi {
  check(nb);
  const reps = opts.bootstrap ?? [50, 20, 8][phi.length - 1];
  if (phi.length === 1) {
    const part = opts.partition ?? partitionOf(phi[0]);
    if (part.order.length !== nb[0].length) throw new RangeError('the parameter needs a value for every run');
    const sums = new Float64Array(nb.length);
    const boot = bootstrapWeights(opts.seed ?? 'evppi', nb[0].length, reps).map((w) => partitionGain(nb, part, w, sums));
    return { value: Math.max(0, partitionGain(nb, part, null, sums)), se: sd(boot), fits: partitionFits(nb, part) };
  }
  const design = smoothDesign(phi);
  const fits = nb.map((y) => smoothFit(design, y));
  const rng = streamFor(opts.seed ?? 'evppi', 0, 'voi-bootstrap');
  const w = new Uint32Array(design.n);
  const boot = Array.from({ length: reps }, () => {
    resampleWeights(rng, design.n, w);
    return gain(
      weightedFits(
        design,
        nb,
        w,
        fits.map((f) => f.lambda),
      ),
      w,
    );
  });
  return { value: Math.max(0, gain(fits.map((f) => f.fitted))), se: sd(boot), fits: fits.map((f) => ({ r2: f.r2, edf: f.edf })) };
}

export interface EvsiPoint extends Evppi {
  /** People in the pilot. */
  n: number;
  /** The pilot's cost (euros) and EVSI − cost: the expected net benefit of running it. */
  cost: number;
  net: number;
}

/**
 * Expected value of sample information by regression (Strong, Oakley, Brennan & Breeze 2015, Med
 * Decis Making 35:570): per run, the summary a pilot of n people would report is drawn around the
 * run's true value, `truth[r] + noiseSd(n)·z_r`, and each option's net benefit is regressed on it;
 * EVSI(n) = E[max_d ĝ_d(T_n)] − max_d E[NB_d]. One standard normal z per run is shared by all n
 * (common random numbers: the sizes differ only in the noise's scale).
 */
export function evsi(
  nb: ArrayLike<number>[],
  truth: ArrayLike<number>,
  noiseSd: (n: number) => number,
  sizes: readonly number[],
  opts: { cost?: (n: number) => number; bootstrap?: number; seed?: string } = {},
): EvsiPoint[] {
  check(nb);
  const draw = makeSamplers(streamFor(opts.seed ?? 'evsi', 0, 'evsi-pilot'));
  const z = Float64Array.from({ length: truth.length }, () => draw.normal(0, 1));
  return sizes.map((n) => {
    if (!(n > 0)) throw new RangeError(`a pilot needs at least one person, not ${n}`);
    const sd = noiseSd(n);
    const t = Float64Array.from(truth, (x, i) => x + sd * z[i]);
    const e = evppi(nb, [t], { bootstrap: opts.bootstrap, seed: `${opts.seed ?? 'evsi'}:${n}` });
    const cost = opts.cost?.(n) ?? 0;
    return { ...e, n, cost, net: e.value - cost };
  });
}
