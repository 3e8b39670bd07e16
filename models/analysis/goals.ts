import { column, type RunBlock } from '../simulation/columns';
import { withValueAt } from '../scenario/paths';
import { finColumn } from '../core/columns';
import { expectedShortfallMcse, meanSd, quantileSorted } from '../summary/stats';
import { seekThreshold, type Evaluation, type SeekResult } from './goalSeek';

/**
 * The two questions of "what does it take?" (issue 6), as data so that the headless runner and the
 * browser ask them the same way:
 * - `parameter`: the smallest value of one parameter (a substitution's shift, an intervention's
 *   reach, …) at which P(reduction ≥ target) in a year reaches `probability`;
 * - `population`: the smallest population at which the integrator's expected shortfall (mean loss
 *   in the worst 5% of runs) under population-based payment `model` stays at most `maxShare` of
 *   its mean budget (revenue) in a year.
 */
export type GoalSpec =
  { kind: 'parameter'; path: string; probability: number; lo: number; hi: number; year?: number } | { kind: 'population'; model: string; maxShare: number; lo: number; hi: number; year?: number };

/** The scenario with the goal's input set to x (the parameter as a fixed number, or the population). */
export function goalInput<T>(input: T, spec: GoalSpec, x: number): T {
  return spec.kind === 'parameter' ? withValueAt(input, spec.path, x) : withValueAt(input, 'region.population', Math.round(x));
}

/** The goal's output in a block of runs, with its Monte Carlo standard error. */
export function goalMetric(b: RunBlock, spec: GoalSpec, target: number): Evaluation {
  const year = Math.min(b.years - 1, spec.year ?? (spec.kind === 'parameter' ? b.years - 1 : 0));
  const at = (col: Float64Array) => {
    const out = new Float64Array(b.runs);
    for (let r = 0; r < b.runs; r++) out[r] = col[r * b.years + year];
    return out;
  };
  if (spec.kind === 'parameter') {
    const red = at(column(b, 'reduction'));
    let k = 0;
    for (const v of red) if (v >= target) k++;
    const p = k / b.runs;
    return { value: p, se: Math.sqrt((p * (1 - p)) / b.runs), n: b.runs };
  }
  const rev = at(column(b, finColumn(spec.model, 'integrator', 'revenue')));
  const cost = at(column(b, finColumn(spec.model, 'integrator', 'cost')));
  const loss = rev.map((v, i) => cost[i] - v);
  const budget = meanSd(rev).mean;
  const { es, se } = expectedShortfall(loss, 0.95);
  return { value: es / budget, se: se / Math.abs(budget), n: b.runs };
}

/**
 * Expected shortfall at level α of losses L (mean of the worst (1 − α) share) and its standard
 * error (`expectedShortfallMcse`, Manistre & Hancock 2005).
 */
export function expectedShortfall(losses: Float64Array, alpha: number): { es: number; var: number; se: number } {
  const n = losses.length;
  const sorted = losses.slice().sort();
  const k = Math.max(1, Math.floor((1 - alpha) * n));
  const tail = sorted.subarray(n - k);
  const { mean: es, sd } = meanSd(tail);
  const VaR = quantileSorted(sorted, alpha);
  const se = expectedShortfallMcse(sd, es, VaR, n, 1 - alpha);
  return { es, var: VaR, se };
}

/** Runs the search: `evaluate(x)` simulates the goal's scenario at x (same seed) and returns `goalMetric`. */
export function seekGoal(spec: GoalSpec, evaluate: (x: number) => Promise<Evaluation>): Promise<SeekResult> {
  return spec.kind === 'parameter'
    ? seekThreshold(evaluate, { lo: spec.lo, hi: spec.hi, goal: spec.probability, direction: 'atLeast', tolerance: (spec.hi - spec.lo) / 200 })
    : seekThreshold(evaluate, { lo: spec.lo, hi: spec.hi, goal: spec.maxShare, direction: 'atMost', tolerance: 0.02, scale: 'log', integer: true });
}
