import { lup, lusolve } from './linearSolve';
import { pearson, ranks } from './ranks';

/** How much one uncertain parameter drives an output, from the runs already made. */
export interface Importance {
  /** Parameter path in the scenario file. */
  path: string;
  /** Spearman rank correlation between the parameter and the output. */
  spearman: number;
  /**
   * Standardised rank regression coefficient: the effect of the parameter's rank on the output's
   * rank with all other uncertain parameters held fixed (NaN when the regression is singular).
   */
  srrc: number;
  /** Output mean among runs with the parameter in its lowest and highest decile, and the swing high − low. */
  lowDecileMean: number;
  highDecileMean: number;
  swing: number;
}

/**
 * Rank-based importance of each uncertain parameter for output y (one value per run). `params`
 * holds θ per run (row-major runs × nParams); only the columns in `slots` are used. Sorted by
 * |srrc| (or |spearman| when the regression is singular), largest first.
 */
export function sensitivity(params: Float64Array, nParams: number, slots: number[], paths: string[], y: ArrayLike<number>): Importance[] {
  return sensitivityOf(prepareInputs(params, nParams, slots, y.length), paths, y);
}

/**
 * The parameter columns, their ranks and the rank regression's left-hand side, computed once and
 * shared by every output (only the right-hand side depends on the output).
 */
export interface SensitivityInputs {
  cols: Float64Array[];
  rx: Float64Array[];
  /**
   * Each column's values at the ranks of its lowest and highest decile: two numbers, not a sorted
   * copy of the column (which kept another value per run and parameter through every output).
   */
  deciles: { lo: number; hi: number }[];
  /** Standardised ranks of each parameter. */
  zx: Float64Array[];
  /** LU decomposition of zxᵀzx, or null when it could not be formed. */
  lu: ReturnType<typeof lup> | null;
}

export function prepareInputs(params: Float64Array, nParams: number, slots: number[], runs: number): SensitivityInputs {
  return prepareInputsOf(
    slots.map((p) => {
      const c = new Float64Array(runs);
      for (let r = 0; r < runs; r++) c[r] = params[r * nParams + p];
      return c;
    }),
  );
}

/** The same from the parameters' columns (one value per run each), e.g. read from spilled runs one slot at a time. */
export function prepareInputsOf(cols: Float64Array[]): SensitivityInputs {
  const rx = cols.map(ranks);
  const zx = rx.map(standardise);
  let lu: SensitivityInputs['lu'] = null;
  try {
    lu = zx.length > 0 ? lup(zx.map((a) => zx.map((b) => dot(a, b)))) : null;
  } catch {
    lu = null;
  }
  const deciles = cols.map((c) => {
    const sorted = c.slice().sort();
    const n = sorted.length;
    return { lo: sorted[Math.floor(0.1 * (n - 1))], hi: sorted[Math.ceil(0.9 * (n - 1))] };
  });
  return { cols, rx, deciles, zx, lu };
}

export function sensitivityOf(inp: SensitivityInputs, paths: string[], y: ArrayLike<number>): Importance[] {
  const runs = y.length;
  const { cols, rx } = inp;
  if (runs < 10 || cols.length === 0) return [];
  const ry = ranks(y);
  const srrc = rankRegression(inp, ry);
  const out = cols.map((_, j): Importance => {
    const x = cols[j];
    const { lo, hi } = inp.deciles[j];
    let sl = 0;
    let nl = 0;
    let sh = 0;
    let nh = 0;
    for (let r = 0; r < runs; r++) {
      if (x[r] <= lo) {
        sl += y[r];
        nl++;
      }
      if (x[r] >= hi) {
        sh += y[r];
        nh++;
      }
    }
    const lowDecileMean = sl / nl;
    const highDecileMean = sh / nh;
    return { path: paths[j], spearman: pearson(rx[j], ry), srrc: srrc[j], lowDecileMean, highDecileMean, swing: highDecileMean - lowDecileMean };
  });
  const key = (e: Importance) => Math.abs(Number.isNaN(e.srrc) ? e.spearman : e.srrc);
  return out.sort((a, b) => key(b) - key(a));
}

/** Least-squares coefficients of standardised ranks of y on standardised ranks of the xs. */
function rankRegression(inp: SensitivityInputs, ry: Float64Array): number[] {
  const p = inp.zx.length;
  if (!inp.lu) return new Array<number>(p).fill(NaN);
  const Y = standardise(ry);
  const xty: number[] = inp.zx.map((a) => dot(a, Y));
  try {
    return lusolve(inp.lu, xty).map((v) => (Number.isFinite(v) ? v : NaN));
  } catch {
    return new Array<number>(p).fill(NaN);
  }
}

/** (v − mean) / sd, with sd 1 for a constant column. */
function standardise(v: Float64Array): Float64Array {
  const n = v.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += v[i];
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (v[i] - m) * (v[i] - m);
  s = Math.sqrt(s / (n - 1)) || 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (v[i] - m) / s;
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
