/**
 * Dense LU decomposition with partial pivoting and the solve that uses it, for the small normal
 * equations of the rank regression. Written step for step as mathjs's `lup` / `lusolve` do it
 * (same operation order, same tolerances: a pivot only replaces another when it is larger by more
 * than relTol 1e-12, and |x| ≤ 1e-15 counts as zero), so the coefficients are bit-identical to the
 * ones mathjs gave; `test/summary/linearSolve.test.ts` compares the two. Importing mathjs's
 * linear algebra built several hundred typed functions at start-up in every worker.
 */

const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

function nearlyEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

const isZero = (x: number) => nearlyEqual(x, 0);

export interface LUP {
  /** Unit lower triangle, n × n. */
  L: number[][];
  /** Upper triangle, n × n. */
  U: number[][];
  /** Where each row of A went: row i of A is row p[i] of L·U (mathjs's convention). */
  p: number[];
}

/** LU decomposition with partial pivoting of a square matrix. */
export function lup(a: number[][]): LUP {
  const n = a.length;
  const data = a.map((row) => row.slice());
  const p = Array.from({ length: n }, (_, i) => i);
  for (let j = 0; j < n; j++) {
    if (j > 0) {
      for (let i = 0; i < n; i++) {
        const min = Math.min(i, j);
        let s = 0;
        for (let k = 0; k < min; k++) s = s + data[i][k] * data[k][j];
        data[i][j] = data[i][j] - s;
      }
    }
    let pi = j;
    let pabsv = 0;
    let vjj = 0;
    for (let i = j; i < n; i++) {
      const v = data[i][j];
      const absv = Math.abs(v);
      if (absv > pabsv && !nearlyEqual(absv, pabsv)) {
        pi = i;
        pabsv = absv;
        vjj = v;
      }
    }
    if (j !== pi) {
      [p[j], p[pi]] = [p[pi], p[j]];
      [data[j], data[pi]] = [data[pi], data[j]];
    }
    for (let i = j + 1; i < n; i++) if (!isZero(data[i][j])) data[i][j] = data[i][j] / vjj;
  }
  const L = data.map((row, i) => row.map((v, j) => (i > j ? v : i === j ? 1 : 0)));
  const U = data.map((row, i) => row.map((v, j) => (i <= j ? v : 0)));
  const inverse: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) inverse[p[i]] = i;
  return { L, U, p: inverse };
}

/** Solves A x = b from A's decomposition; throws when A is singular. */
export function lusolve({ L, U, p }: LUP, b: number[]): number[] {
  const n = b.length;
  const pb: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) pb[p[k]] = b[k];
  // Forward substitution with L, then backward with U.
  const y: number[] = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const bj = pb[j] || 0;
    if (isZero(bj)) {
      y[j] = 0;
      continue;
    }
    const vjj = L[j][j];
    if (isZero(vjj)) throw new Error('Linear system cannot be solved since matrix is singular');
    const xj = bj / vjj;
    for (let i = j + 1; i < n; i++) pb[i] = (pb[i] || 0) - xj * L[i][j];
    y[j] = xj;
  }
  const x: number[] = new Array<number>(n);
  for (let j = n - 1; j >= 0; j--) {
    const bj = y[j] || 0;
    if (isZero(bj)) {
      x[j] = 0;
      continue;
    }
    const vjj = U[j][j];
    if (isZero(vjj)) throw new Error('Linear system cannot be solved since matrix is singular');
    const xj = bj / vjj;
    for (let i = j - 1; i >= 0; i--) y[i] = (y[i] || 0) - xj * U[i][j];
    x[j] = xj;
  }
  return x;
}
