import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/pipeline/validate';
import { MAX_HIGH_COST_CASES, MAX_HIGH_COST_CASES_PER_RUN, MAX_PERSONS } from '../../models/scenario/schema';
import { NON_NEGATIVE_MAX } from '../../models/scenario/limits';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { clone, defaultInput, run, smallInput, valid } from '../helpers';
import { flatRegion, PARTIES_DEFAULT } from '../finance/helpers';

const errorsOf = (s: unknown) => {
  const r = validateScenario(s);
  return r.ok ? [] : r.errors;
};

describe('the work of one run is bounded over every simulated year', () => {
  it('shrinking segments are largest in the pre-contract years: growth −0.5 with 10 such years is refused', () => {
    const s = clone(defaultInput()) as any;
    s.benchmark.preContractYears = 10;
    for (const g of s.region.segments) g.growth = -0.5;
    const errors = errorsOf(s);
    // 2^10 = 1,024 times the start population in the first pre-contract year.
    const persons = errors.find((e) => e.path.endsWith('.growth'));
    expect(persons?.message).toContain(`reach ${(s.region.population * 1024).toLocaleString('en')} insured in 2017 (a pre-contract year)`);
    expect(persons?.message).toContain(MAX_PERSONS.toLocaleString('en'));
    const cases = errors.find((e) => /^region\.segments\[\d\]\.highCost\.rate$/.test(e.path));
    expect(cases?.message).toMatch(/in 2017, a pre-contract year/);
    expect(cases?.message).toContain(MAX_HIGH_COST_CASES.toLocaleString('en'));
  });

  it('a distribution of growth counts with its lowest value before the contract', () => {
    const s = clone(defaultInput()) as any;
    s.benchmark.preContractYears = 10;
    s.region.segments[0].growth = { dist: 'uniform', min: -0.5, max: 0.01 };
    expect(errorsOf(s).map((e) => e.path)).toContain('region.segments[0].growth');
  });

  it('high-cost cases summed over all segments and years are bounded per run, at the population', () => {
    const s = clone(smallInput({ horizon: 15 })) as any;
    s.benchmark.preContractYears = 10;
    // 2 segments × (10 + 15) years: 25 × (14M × 0.01 + 6M × 0.03) = 8,000,000 cases; every segment-year below its limit.
    s.region.population = 20_000_000;
    s.region.segments[0].highCost.rate = 0.01;
    s.region.segments[1].highCost.rate = 0.03;
    const errors = errorsOf(s);
    expect(errors.filter((e) => e.path.includes('highCost'))).toEqual([]);
    const e = errors.find((x) => x.path === 'region.population');
    expect(e?.message).toMatch(/allows up to 8,000,000 high-cost cases in one run \(25 simulated years, 10 of them before the contract\)/);
    expect(e?.message).toContain(MAX_HIGH_COST_CASES_PER_RUN.toLocaleString('en'));
    // Three fifths of the population: 4.8 million cases, within the limit.
    s.region.population = 12_000_000;
    expect(errorsOf(s).filter((x) => x.path === 'region.population')).toEqual([]);
  });

  it('the Netherlands (17.9 million insured) at the rates of the default scenario is within the limits', () => {
    const s = clone(defaultInput()) as any;
    s.region.population = 17_900_000;
    expect(errorsOf(s)).toEqual([]);
  });

  it('every library-sized file stays within the limits', () => {
    expect(validateScenario(defaultInput()).ok).toBe(true);
    expect(validateScenario(smallInput()).ok).toBe(true);
  });
});

describe('distributions on unbounded fields are clamped to the documented range', () => {
  it('normal(30, 1e300) for a cost per contact draws within 0 to 1e12', () => {
    const s = clone(smallInput()) as any;
    s.region.segments[0].lines.gp.costPerContact = { dist: 'normal', mean: 30, sd: 1e300 };
    const { model, block } = run(s, 40);
    const slot = model.registry.slots.findIndex((x) => x.path === 'region.segments[0].lines.gp.costPerContact');
    const draws = Array.from({ length: block.runs }, (_, r) => block.params[r * block.nParams + slot]);
    expect(Math.max(...draws)).toBe(NON_NEGATIVE_MAX);
    expect(Math.min(...draws)).toBe(0);
    expect(draws.every((x) => x >= 0 && x <= NON_NEGATIVE_MAX)).toBe(true);
  });
});

describe('found by fuzzing', () => {
  it('a high-cost median that can be 0 is refused (log 0 made every episode cost NaN)', () => {
    for (const median of [0, { dist: 'normal', mean: 20000, sd: 5000 }, { dist: 'uniform', min: 0, max: 100 }]) {
      const s = clone(smallInput()) as any;
      s.region.segments[1].highCost.severity.median = median;
      expect(errorsOf(s)).toContainEqual(expect.objectContaining({ path: 'region.segments[1].highCost.severity.median', message: 'must be > 0' }));
    }
    const s = clone(smallInput()) as any;
    s.region.segments[1].highCost.severity.median = { dist: 'lognormal', mean: 20000, sd: 5000 };
    expect(errorsOf(s)).toEqual([]);
  });
});

describe('a result that is not a number stops the run with the output and the likely cause', () => {
  it('all-zero costs: the reduction 1 − 0/0 is refused, naming year, run and cause', async () => {
    const s = clone(smallInput()) as any;
    for (const g of s.region.segments) {
      for (const l of Object.values(g.lines) as any[]) l.costPerContact = 0;
      g.highCost.rate = 0;
    }
    s.substitution[0].costPerContact = 0;
    s.interventions[0].cost = { oneOff: 0, perYear: 0, perParticipant: 0 };
    const err = await runOnWorkers([inProcessWorker()], s, { runs: 3 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/run 1: [A-Za-z.]+ is NaN in 2027: the total cost without the scenario is 0/);
  });

  it('a population too small for its segments: 0 persons in a segment-year is named as the cause', () => {
    const s = clone(smallInput({ population: 1 })) as any;
    s.region.segments[0].share = 0.3;
    s.region.segments[1].share = 0.7;
    s.region.segments[1].growth = -0.5;
    expect(() => simulateBlock(compile(valid(s)), 0, 2)).toThrow(/is (NaN|-?Infinity) in \d{4}: /);
  });

  const custom = (formula: string) =>
    flatRegion(
      1000,
      'f',
      {
        parties: PARTIES_DEFAULT,
        models: [
          { id: 'ffs', name: 'FFS', kind: 'ffs' },
          { id: 'c', name: 'custom', kind: 'custom', formulas: { gp: formula } },
        ],
      },
      5,
    );

  for (const [formula, what] of [
    ['0 / 0', 'NaN'],
    ['(savings * savings + 1) / 0', 'Infinity'],
    ['-1 / (year - year)', '-Infinity'],
    ['10 ^ 300', '1.00e\\+300'],
  ] as const) {
    it(`a formula giving ${what} is not paid as 0: it stops with the formula's field, year and run`, () => {
      expect(validateScenario(custom(formula)).ok).toBe(true);
      expect(() => simulateBlock(compile(valid(custom(formula))), 0, 2)).toThrow(
        new RegExp(`^run 1: financing\\.models\\[1\\]\\.formulas\\.gp gives ${what} in 2027(, more than the 1e\\+14 euros a formula may give)? \\(a division by 0 or an overflow\\?\\)$`),
      );
    });
  }

  it('a formula within the bounds is paid exactly', () => {
    const { block } = run(custom('1000 + 0 * savings'), 3);
    const paid = block.cols[block.names.indexOf('fin.c.paid')];
    expect(Array.from(paid)).toEqual(new Array(9).fill(1000));
  });
});
