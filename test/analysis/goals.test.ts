import { describe, expect, it } from 'vitest';
import { goalInput, goalMetric, seekGoal, type GoalSpec } from '../../models/analysis/goals';
import normalQuantileAt from '@stdlib/stats-base-dists-normal-quantile';
import { clone, run, smallInput } from '../helpers';

/**
 * One segment, hospital claims only (Poisson contacts, gamma costs), no parameter uncertainty, a
 * benchmark equal to expected claims and a population budget without discount: the integrator's
 * loss in a year is claims − expected claims, close to normal, so ES95/budget = φ(z₀.₉₅)/0.05 · CV/√N
 * with CV² = (1 + cv²)/λ per person. The smallest N with ES/budget ≤ x is then N* = (2.0627·CV/x)².
 */
const LAMBDA = 5;
const CV_COST = 0.5;
const CV = Math.sqrt((1 + CV_COST ** 2) / LAMBDA);
const Z = normalQuantileAt(0.95, 0, 1);
const ES_FACTOR = Math.exp(-(Z * Z) / 2) / Math.sqrt(2 * Math.PI) / 0.05;

function base() {
  const s = clone(smallInput({ horizon: 1, seed: 'goal-population' }));
  s.simulation = { ...s.simulation, parameterUncertainty: false, varianceSplitRuns: 0 };
  s.region!.segments = [{ id: 'a', name: 'a', share: 1, lines: { hospital: { contacts: LAMBDA, costPerContact: 800, costCV: CV_COST } } }];
  s.substitution = [];
  s.interventions = [];
  s.benchmark = { preContractYears: 1, trend: 0.03, method: 'expected' };
  s.financing = {
    models: [{ id: 'pop', name: 'pop', kind: 'population', discount: 0, owner: { gp: 0.5, hospital: 0.5 }, scope: ['hospital'] }],
  } as never;
  return s;
}

async function seek(spec: GoalSpec, runs: number) {
  return seekGoal(spec, async (x) => {
    const { block } = run(goalInput(base(), spec, x), runs);
    return goalMetric(block, spec, 0.02);
  });
}

describe('goal seeking: smallest population for the integrator', () => {
  it('finds the closed-form population threshold for ES95 ≤ 1% of the budget', async () => {
    const x = 0.01;
    const nStar = ((ES_FACTOR * CV) / x) ** 2;
    const runs = 4000;
    const res = await seek({ kind: 'population', model: 'pop', maxShare: x, lo: 500, hi: 1_000_000 }, runs);
    expect(res.reachable).toBe(true);
    if (!res.reachable) return;
    // ES/budget ∝ N^(−1/2): a relative error e in ES moves the threshold by 2e. The ES estimate's
    // relative SE is the reported se / x; allow 4 of those (×2) plus the search's 2% bracket.
    const relTol = 4 * 2 * (res.se / x) + 0.02;
    if (process.env.VERBOSE) console.log({ nStar, found: res.value, low: res.low, high: res.high, se: res.se, relTol, steps: res.steps.length });
    expect(Math.abs(res.value / nStar - 1)).toBeLessThan(relTol);
    expect(relTol).toBeLessThan(0.3); // the check is tight enough to mean something
    expect(res.low).toBeLessThanOrEqual(res.value);
    expect(res.high).toBeGreaterThanOrEqual(res.value);
  });

  it('says "not reachable" when even the largest population in range is too small', async () => {
    const res = await seek({ kind: 'population', model: 'pop', maxShare: 0.001, lo: 500, hi: 5_000 }, 500);
    expect(res.reachable).toBe(false);
    if (!res.reachable) expect(res.message).toMatch(/not reachable/);
  });
});
