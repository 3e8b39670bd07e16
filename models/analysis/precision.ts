import { column, type RunBlock } from '../simulation/columns';
import { meanSd } from '../summary/stats';

/**
 * "Enough runs?": the Monte Carlo standard errors of the headline numbers, from a block of runs.
 * Used by the headless runner's --precision and the browser's "add runs until precise" option.
 */
export interface KeyErrors {
  runs: number;
  /** SE of the mean reduction in the last year (fraction; 0.0005 = 0.05 percentage points). */
  reductionMean: number;
  /** SE of P(reduction ≥ target) in the last year (fraction). */
  pReachTarget: number;
  /** SE of the mean scenario total cost in the last year, relative to that mean. */
  costMeanRelative: number;
}

/** Tolerances for `KeyErrors`; a missing one is not checked. */
export interface Tolerances {
  reductionMean?: number;
  pReachTarget?: number;
  costMeanRelative?: number;
}

export const DEFAULT_TOLERANCES: Required<Tolerances> = { reductionMean: 0.0005, pReachTarget: 0.01, costMeanRelative: 0.001 };

/** The columns `keyErrors` reads: a block of these alone is enough for the check. */
export const KEY_ERROR_COLUMNS = ['reduction', 'sc.total'] as const;

export function keyErrors(b: RunBlock, target: number): KeyErrors {
  const last = b.years - 1;
  const [red, cost] = KEY_ERROR_COLUMNS.map((name) => column(b, name));
  const r = new Float64Array(b.runs);
  const c = new Float64Array(b.runs);
  let k = 0;
  for (let i = 0; i < b.runs; i++) {
    r[i] = red[i * b.years + last];
    c[i] = cost[i * b.years + last];
    if (r[i] >= target) k++;
  }
  const n = b.runs;
  const rs = meanSd(r);
  const cs = meanSd(c);
  const p = n > 0 ? k / n : NaN;
  return {
    runs: n,
    reductionMean: rs.sd / Math.sqrt(n),
    // With p at 0 or 1 the binomial SE is 0 however few the runs; use the rule-of-three bound instead.
    pReachTarget: k === 0 || k === n ? 3 / n / 1.96 : Math.sqrt((p * (1 - p)) / n),
    costMeanRelative: cs.sd / Math.sqrt(n) / Math.abs(cs.mean),
  };
}

/** True when every tolerance given is met. */
export function preciseEnough(e: KeyErrors, tol: Tolerances = DEFAULT_TOLERANCES): boolean {
  return (
    (tol.reductionMean === undefined || e.reductionMean <= tol.reductionMean) &&
    (tol.pReachTarget === undefined || e.pReachTarget <= tol.pReachTarget) &&
    (tol.costMeanRelative === undefined || e.costMeanRelative <= tol.costMeanRelative)
  );
}
