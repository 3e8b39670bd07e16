import { describe, expect, it } from 'vitest';
import { column } from '../../models/simulation/columns';
import { meanSd } from '../../models/summary/stats';
import { summarize } from '../../models/summary/summarize';
import { paramValue } from '../../models/params/registry';
import { expectedGrowth } from '../../models/define/benchmarkDrift';
import { clone, defaultInput, run, smallInput, valid, yearValues } from '../helpers';
import { compile } from '../../models/pipeline/compile';
import { flatRegion, paid, PARTIES_DEFAULT, TWO_SIDED } from '../finance/helpers';

const twoSided = TWO_SIDED;

describe("the contract trend defaults to the scenario's own expected cost growth", () => {
  it('a flat region without a benchmark section shows no saving and is rewarded only by chance', () => {
    const runs = 1000;
    const s = clone(flatRegion(5000, 'no-benchmark', { parties: PARTIES_DEFAULT, models: [twoSided] }, runs)) as any;
    s.simulation.horizonYears = 5;
    delete s.benchmark;
    const { block } = run(s, runs);
    const means: number[] = [];
    for (const y of [0, 2, 4]) {
      const obs = meanSd(yearValues(block, 'cf.observedSavings', y));
      means.push(obs.mean);
      // Runs are independent: 4 SE of the mean.
      expect(Math.abs(obs.mean), `year ${y + 1}`).toBeLessThan((4 * obs.sd) / Math.sqrt(runs));
    }
    const p = paid(block, 'ss');
    const last = Float64Array.from({ length: runs }, (_, r) => p[r * 5 + 4]);
    const rewarded = last.filter((x) => x > 0).length / runs;
    console.log(`mean observed savings in years 1, 3, 5: ${means.map((x) => (100 * x).toFixed(2)).join('%, ')}%; P(reward) in year 5: ${rewarded}`);
    // Chance alone at 5,000 people and CV 2: P(reward) = 1 − Φ(0.02/σ) ≈ 0.24 (see financing.test.ts).
    expect(rewarded).toBeLessThan(0.35);
  });

  it('with one trend for every line and a fixed segment mix the expected growth is that trend', () => {
    const s = clone(smallInput()) as any;
    s.lines = Object.fromEntries(['selfcare', 'gp', 'intermediate', 'hospital', 'pharmacy'].map((l) => [l, { trend: 0.031 }]));
    delete s.benchmark;
    const m = compile(valid(s));
    const g = paramValue(m.registry.slots[m.benchmarkTrend], 0.5, false);
    // Segment sizes are rounded to whole people, which moves the per-person cost by < 1e-6.
    expect(Math.abs(g - 0.031)).toBeLessThan(1e-6);
  });

  it('the drift reported for the default scenario matches the simulated benchmark against the cost without change, year by year', () => {
    const s = clone(defaultInput()) as any;
    s.simulation.parameterUncertainty = false;
    s.simulation.varianceSplitRuns = 0;
    const runs = 300;
    const { model, block } = run(s, runs);
    const sum = summarize(model, block, { analyses: false, financing: false });
    const d = sum.benchmarkDrift!;
    const B = column(block, 'benchmark');
    const A = column(block, 'cf.total');
    for (let t = 0; t < block.years; t++) {
      const ratio = Float64Array.from({ length: runs }, (_, r) => B[r * block.years + t] / A[r * block.years + t]);
      const x = meanSd(ratio);
      // The mean of B/A differs from E[B]/E[A] by O(CV²) ≈ 1e-4; 4 SE of the mean plus that.
      expect(Math.abs(x.mean - 1 - d.byYear[t]), `year ${t}`).toBeLessThan((4 * x.sd) / Math.sqrt(runs) + 2e-4);
    }
    console.log(
      `default: contract trend ${(100 * d.assumedTrend).toFixed(2)}%, expected growth ${(100 * d.expectedGrowth).toFixed(3)}%, drift by ${sum.startYear + sum.horizonYears - 1}: ${(100 * d.lastYear).toFixed(2)}%`,
    );
    // The file's trend is below the expected growth, so its benchmark falls behind the cost.
    expect(d.assumedTrend).toBeLessThan(d.expectedGrowth);
    expect(d.lastYear).toBeLessThan(0);
  });

  it('a default scenario without a benchmark trend drifts by nothing at the end of the contract', () => {
    const s = clone(defaultInput()) as any;
    delete s.benchmark.trend;
    const m = compile(valid(s));
    const g = paramValue(m.registry.slots[m.benchmarkTrend], 0.5, false);
    const sum = summarize(m, run(s, 20).block, { analyses: false, financing: false });
    expect(Math.abs(sum.benchmarkDrift!.lastYear)).toBeLessThan(1e-9);
    expect(Math.abs(g - sum.benchmarkDrift!.expectedGrowth)).toBeLessThan(1e-12);
    expect(expectedGrowth).toBeTypeOf('function');
  });
});
