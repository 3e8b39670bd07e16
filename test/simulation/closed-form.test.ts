import { afterAll, describe, expect, it } from 'vitest';
import type { CheckRow } from '../../models/verification';
import { recordCheck, within } from '../support/record';
import { compoundMoments, highCostMoments } from '../../models/define/closedForm';
import { meanSd } from '../../models/summary/stats';
import { run, yearValues } from '../helpers';

// One segment, one line plus high-cost cases, every number fixed, no trend: the yearly cost of n
// people is a sum of n iid compound negative-binomial–gamma costs plus n Bernoulli–lognormal
// episodes, so E[T] = n·E[X] and Var[T] = n·Var[X] from the closed forms.
const n = 2000;
const lambda = 1.5;
const k = 0.8;
const mu = 800;
const cv = 1.5;
const p = 0.01;
const hcMean = 30000;
const hcCv = 1.2;
const R = 40000;

function oneSegment(withHighCost: boolean) {
  return {
    version: 1,
    meta: { title: 'one segment' },
    simulation: { runs: R, horizonYears: 1, startYear: 2027, seed: 'closed-form', varianceSplitRuns: 0 },
    region: {
      population: n,
      segments: [
        {
          id: 's',
          name: 's',
          share: 1,
          lines: { hospital: { contacts: lambda, dispersion: k, costPerContact: mu, costCV: cv } },
          ...(withHighCost ? { highCost: { rate: p, severity: { mean: hcMean, cv: hcCv } } } : {}),
        },
      ],
    },
    benchmark: { preContractYears: 1, trend: 0 },
  };
}

/** Sample variance and its standard error √((m₄ − s⁴)/R) from the sample's fourth central moment. */
function varianceWithSe(x: Float64Array) {
  const { mean, sd } = meanSd(x);
  let m4 = 0;
  for (const v of x) m4 += (v - mean) ** 4;
  m4 /= x.length;
  return { variance: sd * sd, se: Math.sqrt((m4 - sd ** 4) / x.length) };
}

describe('a single segment matches the compound negative-binomial–gamma closed forms', () => {
  const rows: CheckRow[] = [];
  afterAll(() => {
    if (rows.length === 4) recordCheck({ id: 'compound-moments', test: 'test/simulation/closed-form.test.ts', rows });
  });
  for (const withHighCost of [false, true])
    it(withHighCost ? 'with high-cost cases' : 'care line only', () => {
      const line = compoundMoments(lambda, k, mu, cv);
      const hc = withHighCost ? highCostMoments(p, hcMean, hcCv) : { mean: 0, variance: 0 };
      const mean = n * (line.mean + hc.mean);
      const variance = n * (line.variance + hc.variance);
      const x = yearValues(run(oneSegment(withHighCost), R).block, 'cf.total', 0);
      const s = meanSd(x);
      const v = varianceWithSe(x);
      const what = withHighCost ? { nl: 'met dure zorg', en: 'with high-cost cases' } : { nl: 'alleen de zorglijn', en: 'care line only' };
      const seMean = s.sd / Math.sqrt(R);
      rows.push(
        {
          label: { nl: `Verwachting jaarkosten, ${what.nl}`, en: `Expected yearly cost, ${what.en}` },
          unit: 'euro',
          reference: mean,
          result: s.mean,
          mcse: seMean,
          criterion: { kind: 'within', tolerance: 4 * seMean, ses: 4 },
          pass: within(s.mean, mean, 4 * seMean),
        },
        {
          label: { nl: `Variantie jaarkosten (€²), ${what.nl}`, en: `Variance of yearly cost (€²), ${what.en}` },
          unit: 'number',
          reference: variance,
          result: v.variance,
          mcse: v.se,
          criterion: { kind: 'within', tolerance: 4 * v.se, ses: 4 },
          pass: within(v.variance, variance, 4 * v.se),
        },
      );
      // Tolerance: 4 Monte Carlo standard errors (a false alarm about 1 in 16,000).
      expect(Math.abs(s.mean - mean)).toBeLessThan(4 * seMean);
      expect(Math.abs(v.variance - variance)).toBeLessThan(4 * v.se);
    });

  it('would notice a 5% error in the variance', () => {
    // The variance tolerance above is tight enough to matter: 4 SE is below 5% of the variance
    // (with 40,000 runs the SE of the variance is about 0.9% despite the heavy high-cost tail).
    const x = yearValues(run(oneSegment(true), R).block, 'cf.total', 0);
    const v = varianceWithSe(x);
    expect(4 * v.se).toBeLessThan(0.05 * v.variance);
  });
});
