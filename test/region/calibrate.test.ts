import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../models/region/vektis';
import { DEFAULT_LINE_GROUPS, calibrate, scaleParam, topShare, type RegionData } from '../../models/analysis/calibrate';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { expectedPerCapita } from '../../models/finance/expected';
import { compile } from '../../models/pipeline/compile';
import { meanSd } from '../../models/summary/stats';
import type { Param } from '../../models/scenario/schema';
import { LINES } from '../../models/core/names';
import { defaultInput, root, run, valid, yearValues } from '../helpers';
import { SHARED_CATEGORY_NAMES } from '../../scenarios/defaultRegion';
import { paramMean } from '../../models/scenario/param';

/** Maastricht-Heuvelland 2023 from the shared reference file (municipality × category rows), summed slowly. */
function maastrichtHeuvelland(): RegionData {
  const file = join(root, '..', 'shared', 'data', 'vektis2023-maastricht-heuvelland.csv');
  expect(existsSync(file), `${file} is needed (the shared reference data)`).toBe(true);
  const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const years = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [area, category, eur, insured] = line.split(';');
    cost[SHARED_CATEGORY_NAMES[category]] += Number(eur);
    years.set(area, Number(insured));
  }
  const insuredYears = [...years.values()].reduce((s, v) => s + v, 0);
  return {
    costPerInsuredYear: Object.fromEntries(CATEGORIES.map((c) => [c, cost[c] / insuredYears])) as Record<Category, number>,
    insuredYears,
    dataYear: 2023,
    source: 'Bron: Vektis, Open Databestand Zvw 2023, gemeenten: Maastricht, Eijsden-Margraten, Gulpen-Wittem, Meerssen, Vaals, Valkenburg aan de Geul',
  };
}

describe('calibrating a scenario to a region’s Vektis data', () => {
  it('scales every parameter form so that its mean scales exactly', () => {
    const forms: Param[] = [
      80,
      { value: 80 },
      { dist: 'uniform', min: 60, max: 100 },
      { dist: 'triangular', min: 60, mode: 70, max: 100 },
      { dist: 'pert', min: 60, mode: 70, max: 100, lambda: 3 },
      { dist: 'normal', mean: 80, sd: 10 },
      { dist: 'lognormal', mean: 80, sd: 10 },
      { dist: 'beta', alpha: 2, beta: 5 },
      { dist: 'beta', alpha: 2, beta: 5, min: 50, max: 120 },
      { dist: 'gamma', shape: 4, scale: 20 },
    ];
    for (const p of forms) {
      const q = scaleParam(p, 1.37, 'src');
      expect(paramMean(q) / paramMean(p), JSON.stringify(p)).toBeCloseTo(1.37, 12);
      expect(typeof q === 'object' && 'illustrative' in q).toBe(false);
    }
  });

  const data = maastrichtHeuvelland();
  const base = valid(defaultInput());
  const cal = calibrate(base, data);
  /**
   * The start-year target per group written out independently: the data × (1 + the lines' mean
   * trend) compounded from 2023 to the start year (the default's GP and 1.5-line trends are equal,
   * so their group has one index).
   */
  const target = (g: (typeof cal.groups)[number]) => {
    const trends = g.lines.map((l) => paramMean(base.lines[l]!.trend));
    expect(new Set(trends).size, g.lines.join('+')).toBe(1);
    return g.categories.reduce((s, c) => s + data.costPerInsuredYear[c], 0) * (1 + trends[0]) ** (base.simulation.startYear - 2023);
  };

  it('reads the shared data as its README states it (191,412 insured-years; €1,932 hospital, €412 pharmacy, €317 GP)', () => {
    expect(Math.round(data.insuredYears)).toBe(191412);
    expect(Math.round(data.costPerInsuredYear.hospital)).toBe(1932);
    expect(Math.round(data.costPerInsuredYear.pharmacy)).toBe(412);
    expect(Math.round(data.costPerInsuredYear.gp)).toBe(317);
  });

  it('reproduces data × index per line group in the closed form, the high-cost part unchanged', () => {
    const after = expectedPerCapita(compile(cal.scenario), []).lines;
    const before = expectedPerCapita(compile(base), []).lines;
    for (const g of cal.groups) {
      const sum = g.lines.reduce((s, l) => s + after[LINES.indexOf(l)], 0);
      expect(Math.abs(sum / target(g) - 1), g.lines.join('+')).toBeLessThan(1e-12);
      // 2023 → 2027 at the lines' 2.6–3.5% mean trend: an index between 1.10 and 1.15.
      expect(g.index).toBeGreaterThan(1.1);
      expect(g.index).toBeLessThan(1.15);
    }
    // Lines outside every group keep their numbers; lines inside one group keep their ratio.
    expect(after[LINES.indexOf('selfcare')]).toBe(before[LINES.indexOf('selfcare')]);
    const ratio = (x: Float64Array) => x[LINES.indexOf('gp')] / x[LINES.indexOf('intermediate')];
    expect(ratio(after) / ratio(before)).toBeCloseTo(1, 12);
    expect(cal.scenario.region.segments.map((s) => s.highCost)).toEqual(base.region.segments.map((s) => s.highCost));
    expect(cal.scenario.region.population).toBe(191412);
    expect(cal.outside.map((o) => o.category).sort()).toEqual(CATEGORIES.filter((c) => !DEFAULT_LINE_GROUPS.some((g) => g.categories.includes(c))).sort());
  });

  it('cites the data in every calibrated cost per contact and no longer calls it illustrative', () => {
    for (const seg of cal.scenario.region.segments)
      for (const l of ['gp', 'intermediate', 'hospital', 'pharmacy'] as const) {
        const p = seg.lines[l]?.costPerContact;
        if (p === undefined) continue;
        expect(typeof p === 'object' && p.source).toMatch(/^Bron: Vektis, Open Databestand Zvw 2023/);
        expect(typeof p === 'object' && 'illustrative' in p).toBe(false);
      }
  });

  it('simulates the data × index in the start year (Monte Carlo mean within 4 standard errors)', () => {
    const input = structuredClone(cal.scenario) as ReturnType<typeof defaultInput>;
    // Random care use only: with parameters at their means the closed form is the exact expectation.
    input.simulation = { ...input.simulation, horizonYears: 1, parameterUncertainty: false, varianceSplitRuns: 0 };
    input.substitution = [];
    input.interventions = [];
    const R = 200;
    const { block } = run(input, R);
    // The block holds the simulated years from the start year on (the pre-contract years are the benchmark's history only).
    const year = 0;
    expect(block.years).toBe(1);
    const pop = yearValues(block, 'population', year);
    for (const g of cal.groups) {
      const perCapita = new Float64Array(R);
      for (const l of g.lines) {
        const c = yearValues(block, `cf.claims.${l}`, year);
        for (let r = 0; r < R; r++) perCapita[r] += c[r] / pop[r];
      }
      const { mean, sd } = meanSd(perCapita);
      const se = sd / Math.sqrt(R);
      expect(Math.abs(mean - target(g)), `${g.lines.join('+')}: ${mean} vs ${target(g)} ± ${se}`).toBeLessThan(4 * se);
    }
  });

  it('shows the person-cost CV and the top-1% share beside the published figures (CV 2–3, top 1% 23–25%, domain.md)', () => {
    expect(cal.personCv).toBeGreaterThan(1.5);
    expect(cal.personCv).toBeLessThan(4);
    expect(cal.top1.share).toBeGreaterThan(0.1);
    expect(cal.top1.share).toBeLessThan(0.4);
    expect(cal.top1.se).toBeGreaterThan(0);
    expect(cal.top1.se).toBeLessThan(0.01);
  });

  it('estimates a top share that matches the lognormal closed form within 4 of its own standard errors', () => {
    // Every person has exactly one lognormal episode: the top-p share is 1 − Φ(z₁₋ₚ − σ).
    const sigma = 1.3;
    const input = {
      version: 1,
      meta: { title: 'lognormal people' },
      simulation: { runs: 1, horizonYears: 1, startYear: 2027, seed: 'top-share', varianceSplitRuns: 0 },
      region: { population: 1000, segments: [{ id: 's', name: 's', share: 1, lines: {}, highCost: { rate: 1, severity: { mean: 1000, cv: Math.sqrt(Math.exp(sigma * sigma) - 1) } } }] },
      benchmark: { preContractYears: 1, trend: 0 },
    };
    const model = compile(valid(input));
    for (const p of [0.01, 0.05]) {
      const want = 1 - normalCdf(normalQuantile(1 - p, 0, 1) - sigma, 0, 1);
      const got = topShare(model, p, 100_000);
      expect(Math.abs(got.share - want), `top ${p}: ${got.share} vs ${want} ± ${got.se}`).toBeLessThan(4 * got.se);
    }
  });
});
