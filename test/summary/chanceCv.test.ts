import { describe, expect, it } from 'vitest';
import { compoundMoments, highCostMoments } from '../../models/define/closedForm';
import { meanSd, probAtLeast } from '../../models/summary/stats';
import { summarize } from '../../models/summary/summarize';
import { clone, run, yearValues } from '../helpers';
import { flatRegion, paid, PARTIES_DEFAULT } from '../finance/helpers';

// Two segments with very different cost levels, every number fixed, no trends or growth, and the
// benchmark at its expected value: the observed savings rate (E − A)/E varies by chance alone,
// with SD = √(Σ n_s Var_s)/Σ n_s m_s (segment sizes are fixed in the simulation).
const N = 20000;
const RUNS = 2000;
const seg = (id: string, share: number, hospital: [number, number, number, number], gp: [number, number, number, number], hc?: [number, number, number]) => ({
  id,
  name: id,
  share,
  lines: {
    hospital: { contacts: hospital[0], dispersion: hospital[1], costPerContact: hospital[2], costCV: hospital[3] },
    gp: { contacts: gp[0], dispersion: gp[1], costPerContact: gp[2], costCV: gp[3] },
  },
  ...(hc ? { highCost: { rate: hc[0], severity: { mean: hc[1], cv: hc[2] } } } : {}),
});
const SEGS = [
  { share: 0.75, hospital: [0.3, 0.5, 400, 1] as [number, number, number, number], gp: [10, 50, 100, 0.2] as [number, number, number, number] },
  { share: 0.25, hospital: [3, 1, 1500, 1.5] as [number, number, number, number], gp: [12, 50, 100, 0.2] as [number, number, number, number], hc: [0.03, 25000, 1.2] as [number, number, number] },
];
const input = (financing?: unknown) => ({
  version: 1,
  meta: { title: 'two segments' },
  simulation: { runs: RUNS, horizonYears: 2, startYear: 2027, seed: 'chance-cv', varianceSplitRuns: 0 },
  region: { population: N, segments: SEGS.map((s, i) => seg(`s${i}`, s.share, s.hospital, s.gp, s.hc)) },
  benchmark: { preContractYears: 3, trend: 0, method: 'expected' },
  ...(financing ? { financing } : {}),
});

/** CV of the regional total per √person: √(Σ w Var)/Σ w m over the given lines. */
function totalCv(lines: ('hospital' | 'gp')[]): number {
  let m = 0;
  let v = 0;
  for (const s of SEGS) {
    for (const l of lines) {
      const [lambda, k, mu, cv] = s[l];
      const c = compoundMoments(lambda, k, mu, cv);
      m += s.share * c.mean;
      v += s.share * c.variance;
    }
    if (s.hc && lines.includes('hospital')) {
      const h = highCostMoments(s.hc[0], s.hc[1], s.hc[2]);
      m += s.share * h.mean;
      v += s.share * h.variance;
    }
  }
  return Math.sqrt(v) / m;
}

describe('chance alone: the CV of the regional total as the simulation defines it', () => {
  const { model, block } = run(input(), RUNS);
  const s = summarize(model, block, { analyses: false, financing: false });

  it('the minimum savings rate uses √(Σ within-segment variance)/mean, not the mixture CV of one person', () => {
    const cv = totalCv(['hospital', 'gp']);
    console.log(`CV behind z·CV/√N: ${s.minimumSavingsRate.cv.toFixed(4)} (closed form ${cv.toFixed(4)}); mixture CV of one person ${s.personCost.cv.toFixed(4)}`);
    expect(Math.abs(s.minimumSavingsRate.cv / cv - 1)).toBeLessThan(1e-12);
    expect(Math.abs(s.detectability.cv / cv - 1)).toBeLessThan(1e-12);
    const obs = yearValues(block, 'cf.observedSavings', 0);
    const { sd } = meanSd(obs);
    // SD of a sample SD ≈ sd/√(2n) for a near-normal sample; 4 SE.
    expect(Math.abs(sd - cv / Math.sqrt(N))).toBeLessThan((4 * sd) / Math.sqrt(2 * RUNS));
  });

  it('with the expected benchmark chance alone exceeds the reported threshold 10% of the time, and no √(1 + 1/P) is applied', () => {
    const msr = s.minimumSavingsRate;
    expect(msr.withBenchmark).toBe(msr.closedForm);
    const own = s.detectability.points.find((q) => q.population === N)!;
    expect(Math.abs(own.threshold90 / msr.at90 - 1)).toBeLessThan(1e-12);
    const chance = probAtLeast(yearValues(block, 'cf.observedSavings', 0), msr.withBenchmark);
    expect(Math.abs(chance.p - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / RUNS));
  });

  it("a shared-savings contract's minimum savings rate from a confidence level uses the CV over its own scope", () => {
    const ss = { id: 'ss', name: 'hospital only', kind: 'sharedSavings', sided: 'one', scope: ['hospital'], minimumSavingsRate: { confidence: 0.9 }, sharingRate: 0.5, split: { gp: 0, hospital: 1 } };
    const b = run(input({ parties: PARTIES_DEFAULT, models: [ss] }), RUNS).block;
    const p = paid(b, 'ss');
    // Fixed parameters and the expected benchmark: every run-year is an independent chance draw.
    const rewarded = p.filter((x) => x > 0).length / p.length;
    console.log(`rewarded by chance alone: ${(100 * rewarded).toFixed(1)}% of ${p.length} run-years (should be 10%)`);
    expect(Math.abs(rewarded - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / p.length));
  });
});

describe('√(1 + 1/P) only when the benchmark is estimated from P earlier years', () => {
  it('at 5,000 people with the expected benchmark the threshold is the CMS formula (3.62%), with an estimated one ×√(4/3)', () => {
    const expected = clone(flatRegion(5000, 'msr-expected', undefined, 2000)) as any;
    expected.benchmark.method = 'expected';
    const a = run(expected, 2000);
    const sa = summarize(a.model, a.block, { analyses: false, financing: false });
    console.log(`withBenchmark at 5,000 people, expected benchmark: ${(100 * sa.minimumSavingsRate.withBenchmark).toFixed(2)}%`);
    expect(Math.abs(sa.minimumSavingsRate.withBenchmark - (1.2815515655446004 * 2) / Math.sqrt(5000))).toBeLessThan(1e-12);
    const chance = probAtLeast(yearValues(a.block, 'cf.observedSavings', 0), sa.minimumSavingsRate.withBenchmark);
    expect(Math.abs(chance.p - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / 2000));
    const est = run(flatRegion(5000, 'msr-expected', undefined, 200), 200);
    const se = summarize(est.model, est.block, { analyses: false, financing: false });
    expect(Math.abs(se.minimumSavingsRate.withBenchmark / sa.minimumSavingsRate.withBenchmark - Math.sqrt(4 / 3))).toBeLessThan(1e-12);
  });
});
