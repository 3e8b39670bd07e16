import { describe, expect, it } from 'vitest';
import { batchRunsFor, goalParameters, goalScenario, goalSpecOf, maxSteps, paramRange, populationModels, toleranceFormOf, tolerancesOf } from '../../../src/decision/goalOptions';
import { DEFAULT_TOLERANCES } from '../../../models/analysis/precision';
import { goalInput } from '../../../models/analysis/goals';
import { seekThreshold } from '../../../models/analysis/goalSeek';
import { defaultInput } from '../../helpers';

describe('goal parameters of a scenario', () => {
  const s = defaultInput();
  const ps = goalParameters(s);

  it("lists every substitution's maxShift and eligible and every intervention's reach, with paths goalInput accepts", () => {
    const paths = ps.map((p) => p.path);
    s.substitution!.forEach((_, i) => {
      expect(paths).toContain(`substitution[${i}].maxShift`);
      expect(paths).toContain(`substitution[${i}].eligible`);
    });
    s.interventions!.forEach((_, j) => expect(paths).toContain(`interventions[${j}].reach.max`));
    for (const p of ps) {
      const changed = goalInput(s, { kind: 'parameter', path: p.path, probability: 0.8, lo: 0, hi: 1 }, 0.4321) as unknown;
      expect(JSON.stringify(changed)).toContain('0.4321');
    }
  });

  it('describes the current value: a PERT as its range, a fixed number as itself', () => {
    const shift = ps.find((p) => p.path === 'substitution[0].maxShift')!;
    expect(shift.now).toEqual({ lo: 0.3, hi: 0.8, uncertain: true });
    expect(shift.item).toBe(s.substitution![0].name);
    const reach = ps.find((p) => p.path === 'interventions[0].reach.max')!;
    expect(reach.now).toEqual({ lo: 0.8, hi: 0.8, uncertain: false });
    expect(paramRange(0.25)).toEqual({ lo: 0.25, hi: 0.25, uncertain: false });
    expect(paramRange({ dist: 'normal', mean: 1, sd: 0.5 })).toEqual({ lo: 0, hi: 2, uncertain: true });
    expect(paramRange('x')).toBeNull();
  });

  it('finds the population-based payment models only', () => {
    const m = populationModels(s);
    expect(m.map((x) => x.id)).toEqual(['populatie']);
    expect(populationModels({ financing: { models: [{ id: 'a', kind: 'ffs' }] } })).toEqual([]);
    expect(populationModels(null)).toEqual([]);
  });

  it('returns nothing for a scenario without substitution or interventions', () => {
    expect(goalParameters({})).toEqual([]);
  });
});

describe('goal form → spec', () => {
  it('converts percentages to fractions', () => {
    const r = goalSpecOf({ kind: 'parameter', path: 'substitution[0].maxShift', fromPct: 10, toPct: 90, probabilityPct: 80 });
    expect(r).toEqual({ ok: true, spec: { kind: 'parameter', path: 'substitution[0].maxShift', lo: 0.1, hi: 0.9, probability: 0.8 } });
    const q = goalSpecOf({ kind: 'population', model: 'populatie', maxSharePct: 5, from: 1000, to: 2_000_000 });
    expect(q).toEqual({ ok: true, spec: { kind: 'population', model: 'populatie', maxShare: 0.05, lo: 1000, hi: 2_000_000 } });
  });

  it('rejects ranges the wrong way round, out of bounds or empty, and bad probabilities', () => {
    const p = (fromPct: number, toPct: number, probabilityPct = 80) => goalSpecOf({ kind: 'parameter', path: 'x', fromPct, toPct, probabilityPct });
    expect(p(50, 40)).toEqual({ ok: false, problem: 'range' });
    expect(p(-1, 40)).toEqual({ ok: false, problem: 'range' });
    expect(p(0, 101)).toEqual({ ok: false, problem: 'range' });
    expect(p(NaN, 50)).toEqual({ ok: false, problem: 'range' });
    expect(p(0, 50, 100)).toEqual({ ok: false, problem: 'probability' });
    expect(p(0, 50, 0)).toEqual({ ok: false, problem: 'probability' });
    expect(goalSpecOf({ kind: 'parameter', path: '', fromPct: 0, toPct: 1, probabilityPct: 80 })).toEqual({ ok: false, problem: 'missing' });
    const pop = (from: number, to: number, share = 5) => goalSpecOf({ kind: 'population', model: 'm', maxSharePct: share, from, to });
    expect(pop(5000, 1000)).toEqual({ ok: false, problem: 'population' });
    expect(pop(0, 1000)).toEqual({ ok: false, problem: 'population' });
    expect(pop(1000, 30_000_000)).toEqual({ ok: false, problem: 'population' });
    expect(pop(1000, 2000, 0)).toEqual({ ok: false, problem: 'share' });
  });
});

describe('maxSteps bounds the number of evaluations of seekGoal', () => {
  it('for a parameter (linear) and a population (log) search, the worst case equals the bound', async () => {
    // A goal met only at the very top makes the bisection walk the whole way.
    const lin = { kind: 'parameter' as const, path: 'x', probability: 0.5, lo: 0, hi: 1 };
    const r1 = await seekThreshold(async (x) => ({ value: x >= 0.999 ? 1 : 0, se: 0, n: 1 }), { lo: 0, hi: 1, goal: 0.5, direction: 'atLeast', tolerance: 1 / 200 });
    expect(r1.steps.length).toBeLessThanOrEqual(maxSteps(lin));
    expect(r1.steps.length).toBeGreaterThanOrEqual(maxSteps(lin) - 1);
    const pop = { kind: 'population' as const, model: 'm', maxShare: 0.05, lo: 1000, hi: 2_000_000 };
    const r2 = await seekThreshold(async (x) => ({ value: x >= 1_990_000 ? 0 : 1, se: 0, n: 1 }), {
      lo: 1000,
      hi: 2_000_000,
      goal: 0.05,
      direction: 'atMost',
      tolerance: 0.02,
      scale: 'log',
      integer: true,
    });
    expect(r2.steps.length).toBeLessThanOrEqual(maxSteps(pop));
    expect(r2.steps.length).toBeGreaterThanOrEqual(maxSteps(pop) - 1);
  });
});

describe('goal scenario and tolerances', () => {
  it('sets the runs and drops the twin replicates, leaving the input untouched', () => {
    const s = defaultInput();
    const g = goalScenario(s, 300);
    expect(g.simulation).toMatchObject({ runs: 300, varianceSplitRuns: 0, seed: s.simulation!.seed });
    expect(s.simulation!.runs).toBe(2000);
    expect(s.simulation!.varianceSplitRuns).toBe(500);
  });

  it('round-trips the default tolerances through the form units (percentage points)', () => {
    const f = toleranceFormOf(DEFAULT_TOLERANCES);
    expect(f.reductionPp).toBeCloseTo(0.05, 12);
    expect(f.probabilityPp).toBeCloseTo(1, 12);
    expect(f.costPct).toBeCloseTo(0.1, 12);
    const t = tolerancesOf(f)!;
    expect(t.reductionMean).toBeCloseTo(DEFAULT_TOLERANCES.reductionMean, 15);
    expect(t.pReachTarget).toBeCloseTo(DEFAULT_TOLERANCES.pReachTarget, 15);
    expect(t.costMeanRelative).toBeCloseTo(DEFAULT_TOLERANCES.costMeanRelative, 15);
    expect(tolerancesOf({ ...f, costPct: 0 })).toBeNull();
    expect(tolerancesOf({ ...f, reductionPp: NaN })).toBeNull();
    expect(batchRunsFor(400)).toBe(200);
    expect(batchRunsFor(50)).toBe(100);
  });
});

describe('a goal step without twin replicates', () => {
  it('gives the same runs as with them (twins have their own random streams), so the search answers the same question', async () => {
    const { run } = await import('../../helpers');
    const { column } = await import('../../../models/simulation/columns');
    const { finColumn } = await import('../../../models/core/columns');
    const s = defaultInput();
    const x = goalInput(s, { kind: 'parameter', path: 'substitution[0].maxShift', probability: 0.8, lo: 0, hi: 1 }, 0.6);
    const withTwins = run({ ...x, simulation: { ...x.simulation, runs: 40 } }, 40).block;
    const without = run(goalScenario(x, 40), 40).block;
    for (const name of ['reduction', 'sc.total', finColumn('populatie', 'integrator', 'revenue'), finColumn('populatie', 'integrator', 'cost')])
      expect([...column(without, name)]).toEqual([...column(withTwins, name)]);
    // and the twins really were there in the one and not in the other
    expect(column(withTwins, 'twin.reduction').some((v) => Number.isFinite(v))).toBe(true);
    expect(column(without, 'twin.reduction').every((v) => Number.isNaN(v))).toBe(true);
  });
});
