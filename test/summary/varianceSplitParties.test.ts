import { describe, expect, it } from 'vitest';
import { summarize } from '../../models/summary/summarize';
import { clone, readJson, run } from '../helpers';
import type { ScenarioInput } from '../../models/scenario/schema';

// The population-payment library file at 10,000 insured: six parties, three population contracts.
const base = (runs = RUNS) => {
  const s = clone(readJson('scenarios/populatie-10k.json')) as ScenarioInput;
  s.simulation = { ...s.simulation, runs, varianceSplitRuns: runs };
  return s;
};
const RUNS = 600;

describe("variance split of the parties' results (twin replicates settled in full)", () => {
  it('with parameter uncertainty switched off, all variance is chance', () => {
    const s = base();
    s.simulation!.parameterUncertainty = false;
    const { model, block } = run(s, RUNS);
    const v = summarize(model, block).varianceSplit;
    expect(v.parties.length).toBeGreaterThan(10);
    for (const p of [...v.parties.map((x) => x.horizon), v.reductionLastYear, v.totalCostLastYear.sc]) {
      if (!(p.total > 0)) continue;
      expect(p.pairs).toBe(RUNS);
      // E[(Y₁−Y₂)²/2] = Var(Y) here; the ratio of the two estimates is 1 within its sampling error
      // (the pairs' mean: randomShareSe; the total variance: relative SE √(2/(n−1))).
      const tol = 4 * Math.sqrt(p.randomShareSe ** 2 + 2 / (RUNS - 1));
      expect(p.random / p.total).toBeGreaterThan(1 - tol);
      expect(p.random / p.total).toBeLessThan(1 + tol);
    }
  });

  it("the integrator's chance share falls as the population grows", () => {
    // Half the runs of the test above: the runs at 500,000 insured are most of the file's time.
    // The shares' errors come with them: at 300 runs 0.951 ± 0.082 against 0.396 ± 0.036, so the
    // check below (4 errors each side) holds with 0.08 to spare and fails for any fall under 0.47.
    const runs = RUNS / 2;
    const share = (population: number) => {
      const s = base(runs);
      s.region!.population = population;
      const { model, block } = run(s, runs);
      const v = summarize(model, block).varianceSplit.parties.find((x) => x.model === 'populatie-kaal' && x.party === 'integrator')!.firstYear;
      return v;
    };
    const small = share(5_000);
    const large = share(500_000);
    // At 100× the population the random variance of a per-capita quantity falls 100×; the
    // integrator's result scales with N, so chance's share of its variance must fall clearly.
    expect(small.randomShare - 4 * small.randomShareSe).toBeGreaterThan(large.randomShare + 4 * large.randomShareSe);
  });
});
