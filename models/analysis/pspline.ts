/**
 * Penalised regression splines (P-splines: Eilers & Marx 1996) for the value-of-information
 * regressions: a cubic B-spline basis on equally spaced knots, a second-difference penalty, the
 * smoothing chosen by generalised cross-validation (GCV = n·RSS / (n − edf)²). For 2 or 3
 * inputs the basis is the tensor product of smaller bases with one penalty per direction sharing
 * one smoothing parameter. Everything is plain arrays and a Cholesky solve: no dependency.
 */

/** Values of the `nb` cubic B-splines on [0, 1] with equally spaced knots at u (clamped to [0, 1]). */
export function bsplineRow(u: number, nb: number, out: Float64Array, offset = 0): void {
  const segs = nb - 3;
  const t = Math.min(Math.max(u, 0), 1) * segs;
  const j = Math.min(Math.floor(t), segs - 1);
  const x = t - j;
  // The four cubic B-splines that are non-zero on segment j, in closed form.
  const x2 = x * x;
  const x3 = x2 * x;
  out.fill(0, offset, offset + nb);
  out[offset + j] = (1 - 3 * x + 3 * x2 - x3) / 6;
  out[offset + j + 1] = (4 - 6 * x2 + 3 * x3) / 6;
  out[offset + j + 2] = (1 + 3 * x + 3 * x2 - 3 * x3) / 6;
  out[offset + j + 3] = x3 / 6;
}

/** Cholesky factor (lower, row-major n×n) of a symmetric positive definite matrix; null when not SPD. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  return l;
}

/** Solves L Lᵀ x = b in place. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * b[k];
    b[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
  return b;
}

/** Second-difference penalty DᵀD for a basis of size nb. */
function diffPenalty(nb: number): Float64Array {
  const p = new Float64Array(nb * nb);
  for (let r = 0; r < nb - 2; r++) {
    const idx = [r, r + 1, r + 2];
    const w = [1, -2, 1];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) p[idx[a] * nb + idx[b]] += w[a] * w[b];
  }
  return p;
}

export interface SmoothFit {
  /** Fitted values at the data points. */
  fitted: Float64Array;
  /** Effective degrees of freedom of the chosen fit. */
  edf: number;
  lambda: number;
  /** Share of the variance of y the fit explains. */
  r2: number;
}

export interface SmoothDesign {
  /** Design matrix, row-major n × p. */
  b: Float64Array;
  n: number;
  p: number;
  /** Penalty matrix p × p (sum over directions). */
  penalty: Float64Array;
  bTb: Float64Array;
}

/**
 * The design for inputs `xs` (1 to 3 columns of length n): basis sizes 12 for one input, 7 per
 * input for two, 5 for three (so the tensor product stays at most 125 coefficients).
 */
export function smoothDesign(xs: ArrayLike<number>[]): SmoothDesign {
  const d = xs.length;
  if (d < 1 || d > 3) throw new RangeError('the regression takes 1 to 3 inputs');
  const n = xs[0].length;
  const nb = d === 1 ? 12 : d === 2 ? 7 : 5;
  const p = nb ** d;
  const scaled = xs.map((x) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, x[i]);
      hi = Math.max(hi, x[i]);
    }
    const w = hi > lo ? hi - lo : 1;
    return Float64Array.from({ length: n }, (_, i) => (x[i] - lo) / w);
  });
  const b = new Float64Array(n * p);
  const rows = scaled.map(() => new Float64Array(nb));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) bsplineRow(scaled[k][i], nb, rows[k]);
    for (let c = 0; c < p; c++) {
      let v = 1;
      let rest = c;
      for (let k = 0; k < d; k++) {
        v *= rows[k][rest % nb];
        rest = Math.floor(rest / nb);
      }
      b[i * p + c] = v;
    }
  }
  // Penalty: Σ_k I ⊗ … ⊗ DᵀD (in direction k) ⊗ … ⊗ I.
  const d1 = diffPenalty(nb);
  const penalty = new Float64Array(p * p);
  for (let r = 0; r < p; r++)
    for (let c = 0; c < p; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        let same = true;
        let rr = r;
        let cc = c;
        let ik = 0;
        let jk = 0;
        for (let m = 0; m < d; m++) {
          const a = rr % nb;
          const e = cc % nb;
          if (m === k) {
            ik = a;
            jk = e;
          } else if (a !== e) same = false;
          rr = Math.floor(rr / nb);
          cc = Math.floor(cc / nb);
        }
        if (same) s += d1[ik * nb + jk];
      }
      penalty[r * p + c] = s;
    }
  const bTb = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let r = 0; r < p; r++) {
      const v = b[o + r];
      if (v === 0) continue;
      for (let c = r; c < p; c++) bTb[r * p + c] += v * b[o + c];
    }
  }
  for (let r = 0; r < p; r++) for (let c = 0; c < r; c++) bTb[r * p + c] = bTb[c * p + r];
  return { b, n, p, penalty, bTb };
}

/**
 * The fit at a fixed λ with case weights w (bootstrap counts): fitted values at every data point.
 * Used to re-fit bootstrap samples without repeating the search for λ.
 */
export function weightedFit(design: SmoothDesign, y: ArrayLike<number>, w: ArrayLike<number>, lambda: number): Float64Array {
  return weightedFits(design, [y], w, [lambda])[0];
}

/**
 * `weightedFit` for several responses on the same weights: BᵀWB is built once (it does not
 * depend on the response), each response adds only its BᵀWy, its λ and a solve.
 */
export function weightedFits(design: SmoothDesign, ys: ArrayLike<number>[], w: ArrayLike<number>, lambdas: number[]): Float64Array[] {
  const { b, n, p, penalty } = design;
  const btwb = new Float64Array(p * p);
  const bTy = ys.map(() => new Float64Array(p));
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    const o = i * p;
    for (let r = 0; r < p; r++) {
      const v = b[o + r] * wi;
      if (v === 0) continue;
      for (let k = 0; k < ys.length; k++) bTy[k][r] += v * ys[k][i];
      for (let c = r; c < p; c++) btwb[r * p + c] += v * b[o + c];
    }
  }
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < r; c++) btwb[r * p + c] = btwb[c * p + r];
    btwb[r * p + r] += 1e-10 * (btwb[r * p + r] + 1);
  }
  return ys.map((_, k) => {
    const a = btwb.slice();
    for (let q = 0; q < p * p; q++) a[q] += lambdas[k] * penalty[q];
    const l = cholesky(a, p);
    if (!l) throw new Error('the regression could not be re-fitted on a bootstrap sample');
    const beta = choleskySolve(l, p, bTy[k]);
    const fitted = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * p;
      for (let c = 0; c < p; c++) s += b[o + c] * beta[c];
      fitted[i] = s;
    }
    return fitted;
  });
}

/** The P-spline fit of y on the design, smoothing chosen by GCV over a grid of λ. */
export function smoothFit(design: SmoothDesign, y: ArrayLike<number>): SmoothFit {
  const { b, n, p, penalty, bTb } = design;
  const bTy = new Float64Array(p);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    tss += (y[i] - mean) ** 2;
    const o = i * p;
    for (let c = 0; c < p; c++) bTy[c] += b[o + c] * y[i];
  }
  let best: SmoothFit | null = null;
  let bestGcv = Infinity;
  const a = new Float64Array(p * p);
  for (let e = -6; e <= 8; e += 0.5) {
    const lambda = 10 ** e;
    for (let k = 0; k < p * p; k++) a[k] = bTb[k] + lambda * penalty[k];
    // A tiny ridge keeps the tensor bases (some columns empty where no data lie) positive definite.
    for (let k = 0; k < p; k++) a[k * p + k] += 1e-10 * (bTb[k * p + k] + 1);
    const l = cholesky(a, p);
    if (!l) continue;
    const beta = choleskySolve(l, p, Float64Array.from(bTy));
    const fitted = new Float64Array(n);
    let rss = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * p;
      for (let c = 0; c < p; c++) s += b[o + c] * beta[c];
      fitted[i] = s;
      rss += (y[i] - s) ** 2;
    }
    // edf = trace(A⁻¹ BᵀB), column by column.
    let edf = 0;
    const col = new Float64Array(p);
    for (let c = 0; c < p; c++) {
      for (let r = 0; r < p; r++) col[r] = bTb[r * p + c];
      choleskySolve(l, p, col);
      edf += col[c];
    }
    const gcv = (n * rss) / Math.max(1e-300, (n - edf) ** 2);
    if (gcv < bestGcv) {
      bestGcv = gcv;
      best = { fitted, edf, lambda, r2: tss > 0 ? 1 - rss / tss : 0 };
    }
  }
  if (!best) throw new Error('the regression could not be fitted (no smoothing gave a positive definite system)');
  return best;
}
