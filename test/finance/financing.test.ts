import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckRow } from '../../models/verification';
import { recordCheck, within } from '../support/record';
import { column } from '../../models/simulation/columns';
import { validateScenario } from '../../models/pipeline/validate';
import { meanSd } from '../../models/summary/stats';
import { observedSd } from '../../models/summary/detectability';
import { clone, defaultInput, run, smallInput } from '../helpers';
import { flatRegion, paid, PARTIES_DEFAULT, result, scopeSum, totalResult, TWO_SIDED } from './helpers';

const SCOPE = ['gp', 'intermediate', 'hospital', 'pharmacy'];

describe('financing: conservation and contract rules', () => {
  const s = clone(defaultInput()) as any;
  // Add the rule variants the checks below need next to the default scenario's six models.
  s.financing.models.push(
    {
      id: 'ss-two-fixed',
      name: 'two-sided fixed',
      kind: 'sharedSavings',
      sided: 'two',
      minimumSavingsRate: { fixed: 0.01 },
      minimumLossRate: { fixed: 0.01 },
      sharingRate: 0.6,
      lossSharingRate: 0.6,
      savingsCap: 0.02,
      lossCap: 0.01,
      qualityGate: 71,
      split: { gp: 0.5, hospital: 0.5 },
    },
    { id: 'pop-plain', name: 'population, no mitigation', kind: 'population', discount: 0, owner: { gp: 1, hospital: 0 }, stopLoss: { threshold: 50000, loading: 0 } },
  );
  const { block: b } = run(s, 300);
  const models = s.financing.models.map((m: { id: string }) => m.id) as string[];
  const rows = b.runs * b.years;

  it("in every run and year the sum of all parties' results is the same under every model (rel. 1e-9)", () => {
    const ref = totalResult(b, models[0]);
    // Published: per model, the largest relative gap from the first model's total over all runs and years.
    const gaps: CheckRow[] = models.slice(1).map((m) => {
      const t = totalResult(b, m);
      let worst = 0;
      for (let i = 0; i < rows; i++) worst = Math.max(worst, Math.abs(t[i] - ref[i]) / Math.max(1, Math.abs(ref[i])));
      return {
        label: { nl: `${m} tegen ${models[0]} (${b.runs} runs × ${b.years} jaar)`, en: `${m} against ${models[0]} (${b.runs} runs × ${b.years} years)` },
        unit: 'number',
        reference: 0,
        result: worst,
        mcse: null,
        criterion: { kind: 'relative', tolerance: 1e-9 },
        pass: worst <= 1e-9,
      };
    });
    recordCheck({ id: 'conservation', test: 'test/finance/financing.test.ts', rows: gaps });
    for (const m of models.slice(1)) {
      const t = totalResult(b, m);
      for (let i = 0; i < rows; i++) expect(Math.abs(t[i] - ref[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref[i])));
    }
  });

  it('one-sided shared savings never charges providers; nothing is paid below the minimum savings rate or under the quality gate', () => {
    const p = paid(b, 'ss-one');
    const q = column(b, 'sc.quality');
    let paidRows = 0;
    for (let i = 0; i < rows; i++) {
      expect(p[i]).toBeGreaterThanOrEqual(0);
      const B = scopeSum(b, 'benchmark', SCOPE, i);
      const rate = (B - scopeSum(b, 'sc.claims', SCOPE, i)) / B;
      if (rate < 0.02 || q[i] < 68) expect(p[i]).toBe(0);
      else paidRows++;
    }
    expect(paidRows).toBeGreaterThan(0); // the rule was exercised, not only the zero branch
  });

  it('two-sided losses never exceed their cap, savings never exceed theirs; both respect the 1% thresholds', () => {
    const p = paid(b, 'ss-two-fixed');
    const q = column(b, 'sc.quality');
    let losses = 0;
    for (let i = 0; i < rows; i++) {
      const B = scopeSum(b, 'benchmark', SCOPE, i);
      const rate = (B - scopeSum(b, 'sc.claims', SCOPE, i)) / B;
      expect(-p[i]).toBeLessThanOrEqual(0.01 * B * (1 + 1e-12));
      expect(p[i]).toBeLessThanOrEqual(0.02 * B * (1 + 1e-12));
      if (p[i] > 0) expect(rate >= 0.01 && q[i] >= 71).toBe(true);
      if (p[i] < 0) {
        losses++;
        expect(rate).toBeLessThanOrEqual(-0.01);
      }
      if (Math.abs(rate) < 0.01) expect(p[i]).toBe(0);
    }
    expect(losses).toBeGreaterThan(0);
  });

  it('stop-loss: the insurer pays exactly the excess of high-cost cases above the threshold', () => {
    // Without corridor and with zero loading: integrator revenue − budget = excess above €50,000.
    const rev = column(b, 'fin.pop-plain.integrator.revenue');
    const k = b.names.filter((n) => n.startsWith('sc.excess.')).length;
    expect(k).toBeGreaterThan(0);
    const thresholds = [50000, 100000];
    const excess = column(b, `sc.excess.${thresholds.indexOf(50000)}`);
    for (let i = 0; i < rows; i++) {
      const budget = scopeSum(b, 'benchmark', SCOPE, i);
      expect(rev[i] - budget).toBeCloseTo(excess[i], 6);
    }
  });
});

describe('financing: stop-loss and population size', () => {
  const popModel = (threshold?: number) => ({
    id: 'pop',
    name: 'population',
    kind: 'population',
    discount: 0,
    owner: { gp: 0.5, hospital: 0.5 },
    ...(threshold ? { stopLoss: { threshold, loading: 0 } } : {}),
  });

  it("the integrator's SD falls as the stop-loss threshold falls", () => {
    const sds = [undefined, 200000, 100000, 50000].map((T) => {
      const s = clone(smallInput({ population: 20000, seed: 'stoploss' })) as any;
      s.financing = { parties: PARTIES_DEFAULT, models: [popModel(T)] };
      const { block } = run(s, 800);
      return meanSd(result(block, 'pop', 'integrator')).sd;
    });
    // Same runs for every threshold (common random numbers): each step must lower the SD.
    for (let i = 1; i < sds.length; i++) expect(sds[i]).toBeLessThan(sds[i - 1]);
  });

  it("the integrator's relative SD falls about as 1/√N", () => {
    const rel = [5000, 20000].map((n) => {
      const { block } = run(flatRegion(n, 'sqrt-n', { parties: PARTIES_DEFAULT, models: [popModel()] }, 2000), 2000);
      const r = result(block, 'pop', 'integrator');
      const budget = column(block, 'fin.pop.integrator.revenue');
      return meanSd(r).sd / meanSd(budget).mean;
    });
    // Quadrupling N halves the relative SD. SE of a ratio of two SDs from n = 2·2000 rows ≈ ratio·√(1/n·2/2).
    const ratio = rel[0] / rel[1];
    expect(Math.abs(ratio - 2)).toBeLessThan(4 * 2 * Math.sqrt(1 / 6000));
  });
});

describe('financing: rewarded by chance alone (DeLia et al. 2012)', () => {
  // Flat true spending, two-sided 2% thresholds, per-person cost CV = 2. The observed savings rate
  // has SD σ = CV·√((1 + 1/P)/N) (benchmark from P = 3 earlier years); P(reward) = 1 − Φ(0.02/σ).
  const twoSided = TWO_SIDED;
  const published: CheckRow[] = [];
  afterAll(() => {
    if (published.length === 4) recordCheck({ id: 'chance-alone', test: 'test/finance/financing.test.ts', rows: published });
  });
  for (const [n, low, high] of [
    [5000, 0.17, 0.33],
    [50000, 0, 0.06],
  ] as const)
    it(`population ${n}: rewarded and penalised ${n === 5000 ? 'in roughly a quarter of the years' : 'rarely'}`, () => {
      const runs = 2000;
      const { block } = run(flatRegion(n, `delia-${n}`, { parties: PARTIES_DEFAULT, models: [twoSided] }, runs), runs);
      const p = paid(block, 'ss');
      const rewarded = p.filter((x) => x > 0).length / p.length;
      const penalised = p.filter((x) => x < 0).length / p.length;
      const expected = 1 - normalCdf(0.02 / observedSd(2, n, 3), 0, 1);
      // Rows of one run share the benchmark, so use runs (not rows) for the SE: 4·√(p(1−p)/runs).
      const se = Math.sqrt((expected * (1 - expected)) / runs);
      const pop = n.toLocaleString('nl-NL');
      const popEn = n.toLocaleString('en-GB');
      published.push(
        {
          label: { nl: `P(beloning), ${pop} verzekerden`, en: `P(reward), ${popEn} insured` },
          unit: 'fraction',
          reference: expected,
          result: rewarded,
          mcse: se,
          criterion: { kind: 'within', tolerance: 4 * se + 1e-9, ses: 4 },
          pass: within(rewarded, expected, 4 * se + 1e-9),
        },
        {
          label: { nl: `P(boete), ${pop} verzekerden`, en: `P(penalty), ${popEn} insured` },
          unit: 'fraction',
          reference: expected,
          result: penalised,
          mcse: se,
          criterion: { kind: 'within', tolerance: 4 * se + 1e-9, ses: 4 },
          pass: within(penalised, expected, 4 * se + 1e-9),
        },
      );
      expect(Math.abs(rewarded - expected)).toBeLessThan(4 * se + 1e-9);
      expect(Math.abs(penalised - expected)).toBeLessThan(4 * se + 1e-9);
      expect(rewarded).toBeGreaterThanOrEqual(low);
      expect(rewarded).toBeLessThanOrEqual(high);
    });
});

describe('financing: substitution hurts a hospital paid per activity', () => {
  const scenario = (maxShift: number) => {
    const s = clone(smallInput({ population: 50000, seed: 'hospital-budget', horizon: 5 })) as any;
    s.interventions = [];
    s.substitution[0] = { ...s.substitution[0], eligible: 0.5, maxShift, additionality: 0, refill: 0 };
    s.financing = {
      parties: { ...PARTIES_DEFAULT, hospital: { fixedShare: 0.8, adjustment: 0.1, costRatio: 1 } },
      models: [
        { id: 'ffs', name: 'ffs', kind: 'ffs' },
        { id: 'budget', name: 'budget', kind: 'hospitalBudget', glide: 0.03, band: 0.02, marginal: 0.2 },
      ],
    };
    return run(s, 300).block;
  };
  const horizonChange = (b: ReturnType<typeof scenario>, model: string, party: string) => {
    const r = result(b, model, party);
    const sq = result(b, 'statusQuo', party);
    return meanSd(Float64Array.from(r, (x, i) => x - sq[i]));
  };

  it("under FFS growing substitution lowers the hospital's result; a multi-year budget removes most of that loss and moves it to the insurer", () => {
    const none = scenario(0);
    const much = scenario(0.8);
    const ffsNone = horizonChange(none, 'ffs', 'hospital').mean;
    const ffsMuch = horizonChange(much, 'ffs', 'hospital');
    const lossFfs = ffsNone - ffsMuch.mean;
    expect(lossFfs).toBeGreaterThan((4 * ffsMuch.sd) / Math.sqrt(much.runs * much.years));
    const budgetLoss = horizonChange(none, 'budget', 'hospital').mean - horizonChange(much, 'budget', 'hospital').mean;
    expect(budgetLoss).toBeLessThan(0.5 * lossFfs);
    const insurerGainFfs = horizonChange(much, 'ffs', 'insurer').mean - horizonChange(none, 'ffs', 'insurer').mean;
    const insurerGainBudget = horizonChange(much, 'budget', 'insurer').mean - horizonChange(none, 'budget', 'insurer').mean;
    expect(insurerGainBudget).toBeLessThan(insurerGainFfs);
  });
});

describe('custom contracts', () => {
  it('a formula equal to a built-in rule gives identical numbers', () => {
    const s = clone(smallInput({ population: 20000, seed: 'custom' })) as any;
    s.financing = {
      parties: PARTIES_DEFAULT,
      models: [
        { id: 'builtin', name: 'b', kind: 'sharedSavings', sided: 'one', minimumSavingsRate: { fixed: 0.02 }, sharingRate: 0.5, savingsCap: 1, split: { gp: 1, hospital: 0 } },
        { id: 'formula', name: 'f', kind: 'custom', formulas: { gp: 'savingsRate >= 0.02 and savings > 0 ? min(0.5 * savings, 1 * benchmark) : 0' } },
      ],
    };
    const { block } = run(s, 200);
    for (const party of ['insurer', 'hospital', 'gp', 'municipality', 'patients', 'integrator']) {
      const a = result(block, 'builtin', party);
      const f = result(block, 'formula', party);
      expect(
        a.every((x, i) => Object.is(x, f[i])),
        party,
      ).toBe(true);
    }
    expect(paid(block, 'builtin').some((x) => x > 0)).toBe(true);
  });

  it('hostile formulas are rejected with a clear message and position; the run does not start', () => {
    const hostile = [
      'import("fs")',
      'evaluate("1+1")',
      'createUnit("x")',
      'x = 1',
      'f(x) = x',
      'constructor.prototype',
      'savings["__proto__"]',
      'a'.repeat(1_000_000),
      'savings +',
      'unknownThing * 2',
    ];
    for (const formula of hostile) {
      const s = clone(smallInput()) as any;
      s.financing = { parties: PARTIES_DEFAULT, models: [{ id: 'c', name: 'c', kind: 'custom', formulas: { gp: formula } }] };
      const r = validateScenario(s);
      expect(r.ok, formula.slice(0, 30)).toBe(false);
      if (!r.ok) {
        expect(r.errors[0].path).toMatch(/^financing\.models\[0\]\.formulas\.gp$/);
        expect(r.errors[0].message.length).toBeGreaterThan(10);
      }
    }
    const s = clone(smallInput()) as any;
    s.financing = { parties: PARTIES_DEFAULT, models: [{ id: 'c', name: 'c', kind: 'custom', formulas: { gp: 'savings + ' } }] };
    const r = validateScenario(s);
    if (!r.ok) expect(r.errors[0].message).toMatch(/at character \d+/);
  });
});

describe('integrator owners', () => {
  it("each owner's consolidated result is its own result plus its share of the integrator's", async () => {
    const { summarizeFinancing } = await import('../../models/summary/financing');
    const { compile } = await import('../../models/pipeline/compile');
    const { simulateBlock } = await import('../../models/simulation/block');
    const { valid } = await import('../helpers');
    const s = clone(smallInput({ population: 20000 })) as any;
    s.financing = { parties: PARTIES_DEFAULT, models: [{ id: 'pop', name: 'p', kind: 'population', discount: 0.01, owner: { gp: 0.7, hospital: 0.3 } }] };
    const model = compile(valid(s));
    const b = simulateBlock(model, 0, 200);
    const m = summarizeFinancing(model.financing, b).models[0];
    for (const p of ['gp', 'hospital'] as const) {
      const expected = m.horizon[p].result.mean + m.owners![p].share * m.horizon.integrator.result.mean;
      expect(Math.abs(m.owners![p].result.mean - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-6);
    }
    expect(m.owners!.gp.share).toBe(0.7);
  });
});
