import { smoothDesign, smoothFit, weightedFits } from './pspline';
import { streamFor } from '../random/rng';
import { makeSamplers } from '../random/samplers';

/**
 * Value of information from the runs already made (regression method: Strong, Oakley & Brennan
 * 2014, Med Decis Making 34:311). `nb[d][r]` is the net benefit (euros) of option d in run r,
 * with the runs' parameters drawn from their uncertainty.
 *
 * - EVPI = E[max_d NB_d] − max_d E[NB_d]: what knowing everything before choosing is worth.
 * - EVPPI(φ) = E[max_d g_d(φ)] − max_d E[NB_d], with g_d(φ) = E[NB_d | φ] estimated by regressing
 *   NB_d on the parameter(s) φ (a P-spline with GCV, `pspline.ts`; up to 3 parameters as a group).
 *
 * The Monte Carlo error is a bootstrap over runs: for EVPPI each bootstrap sample re-fits the
 * regression (at the smoothing chosen on all runs), so the error of the fitted level counts too.
 * The fit's quality is reported as R² and effective degrees of freedom per option.
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

/**
 * EVPPI of the parameter column(s) `phi` (1 to 3, one value per run). `bootstrap` re-fits: 50 by
 * default for one parameter, fewer for groups (a re-fit costs runs × coefficients²).
 */
export function evppi(nb: ArrayLike<number>[], phi: ArrayLike<number>[], opts: { bootstrap?: number; seed?: string } = {}): Evppi {
  check(nb);
  const design = smoothDesign(phi);
  const fits = nb.map((y) => smoothFit(design, y));
  const rng = streamFor(opts.seed ?? 'evppi', 0, 'voi-bootstrap');
  const w = new Uint32Array(design.n);
  const reps = Array.from({ length: opts.bootstrap ?? [50, 20, 8][phi.length - 1] }, () => {
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
  return { value: Math.max(0, gain(fits.map((f) => f.fitted))), se: sd(reps), fits: fits.map((f) => ({ r2: f.r2, edf: f.edf })) };
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
