import { describe, expect, it } from 'vitest';
import { detectability } from '../../models/summary/detectability';
import { compoundMoments, highCostMoments } from '../../models/define/closedForm';
import { meanSd, probAtLeast } from '../../models/summary/stats';
import { run, yearValues } from '../helpers';
import { summarize } from '../../models/summary/summarize';

// One segment, every number fixed, no trends and no growth: the only variation in the observed
// savings rate is chance, in the year itself and in the P pre-contract years of the benchmark.
const N = 20000;
const P = 3;
const RUNS = 4000;
const target = 0.02;
const line = { lambda: 1.5, k: 0.8, mu: 800, cv: 1.5 };
const hc = { p: 0.01, mean: 30000, cv: 1.2 };

const input = {
  version: 1,
  meta: { title: 'detectability' },
  simulation: { runs: RUNS, horizonYears: 1, startYear: 2027, seed: 'detect', varianceSplitRuns: 0 },
  region: {
    population: N,
    segments: [
      {
        id: 's',
        name: 's',
        share: 1,
        lines: { hospital: { contacts: line.lambda, dispersion: line.k, costPerContact: line.mu, costCV: line.cv } },
        highCost: { rate: hc.p, severity: { mean: hc.mean, cv: hc.cv } },
      },
    ],
  },
  benchmark: { preContractYears: P, trend: 0 },
};

describe('detectability curve', () => {
  it('matches the simulated observed savings of a single segment (normal approximation)', () => {
    const a = compoundMoments(line.lambda, line.k, line.mu, line.cv);
    const b = highCostMoments(hc.p, hc.mean, hc.cv);
    const cv = Math.sqrt(a.variance + b.variance) / (a.mean + b.mean);
    const d = detectability(cv, N, P, target);
    const obs = yearValues(run(input, RUNS).block, 'cf.observedSavings', 0);
    const { sd } = meanSd(obs);
    // SD of a sample SD ≈ sd/√(2n) for a near-normal sample; 4 SE.
    expect(Math.abs(sd - d.sd)).toBeLessThan((4 * d.sd) / Math.sqrt(2 * RUNS));
    // Chance alone exceeds the 90% threshold in 10% of runs (SE √(0.09/n)).
    const chance = probAtLeast(obs, d.threshold90);
    expect(Math.abs(chance.p - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / RUNS));
    // A true saving of the target size shifts the observed rate by ≈ target.
    const shifted = Float64Array.from(obs, (x) => x + target);
    const seen = probAtLeast(shifted, d.threshold90);
    expect(Math.abs(seen.p - d.pDetect90)).toBeLessThan(4 * Math.sqrt((d.pDetect90 * (1 - d.pDetect90)) / RUNS));
  });

  it("the summary's minimum savings rate is the curve's threshold at the region's own size, and chance alone exceeds it 10% of the time", () => {
    const { model, block } = run(input, 2000);
    const s = summarize(model, block);
    const own = s.detectability.points.find((q) => q.population === s.detectability.scenarioPopulation)!;
    expect(s.confidence).toBe(0.9);
    expect(s.minimumSavingsRate.benchmarkYears).toBe(P);
    expect(Math.abs(s.minimumSavingsRate.withBenchmark / own.threshold90 - 1)).toBeLessThan(1e-12);
    // Without the benchmark's own error (CMS formula) the threshold is lower by √(1 + 1/P).
    expect(Math.abs(s.minimumSavingsRate.withBenchmark / s.minimumSavingsRate.closedForm - Math.sqrt(1 + 1 / P))).toBeLessThan(1e-12);
    const chance = probAtLeast(yearValues(block, 'cf.observedSavings', 0), s.minimumSavingsRate.withBenchmark);
    expect(Math.abs(chance.p - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / 2000));
  });

  it('is monotone: larger populations see the target more often and need lower thresholds', () => {
    const small = detectability(3, 5000, 3, target);
    const big = detectability(3, 500000, 3, target);
    expect(big.threshold90).toBeLessThan(small.threshold90);
    expect(big.pDetect90).toBeGreaterThan(small.pDetect90);
    expect(big.pDetect95).toBeLessThanOrEqual(big.pDetect90);
  });
});
