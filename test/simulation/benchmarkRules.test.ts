import { describe, expect, it } from 'vitest';
import { column } from '../../models/simulation/columns';
import { finColumn } from '../../models/core/columns';
import { validateScenario } from '../../models/pipeline/validate';
import type { ScenarioInput } from '../../models/scenario/schema';
import { clone, defaultInput, run } from '../helpers';
import { PARTIES_FIXED } from '../finance/helpers';

// Benchmark rules checked against hand computation on a region with expected values instead of
// random care use: 1,000 insured, one line (2 GP contacts a person at €50, €100 a person in the
// start year), GP cost growing 10% a year, a contract trend of 5%, three pre-contract years, and
// an intervention that removes 20% of the contacts from the first contract year.
const N = 1000;
const G = 0.05;
const COST = (t: number) => 100 * 1.1 ** t;

function region(benchmark: Record<string, unknown>): ScenarioInput {
  return {
    version: 2,
    meta: { title: 'benchmark rules' },
    simulation: { runs: 1, horizonYears: 6, startYear: 2027, seed: 'b', varianceSplitRuns: 0, randomVariation: false },
    region: { population: N, segments: [{ id: 'a', name: 'a', share: 1, lines: { gp: { contacts: 2, costPerContact: 50, costCV: 0 } } }] },
    lines: { gp: { trend: 0.1 } },
    benchmark: { preContractYears: 3, trend: G, ...benchmark },
    substitution: [],
    interventions: [
      {
        id: 'cut',
        name: 'cut',
        segments: [],
        startYear: 0,
        reach: { max: 1, rampYears: 0 },
        lagYears: 0,
        effects: { contacts: { gp: 0.2 } },
        cost: { oneOff: 0, perYear: 0, perParticipant: 0 },
        payer: 'insurer',
      },
    ],
  } as unknown as ScenarioInput;
}

function benchmarks(benchmark: Record<string, unknown>) {
  const { block } = run(region(benchmark), 1);
  const B = column(block, 'benchmark');
  const cfObs = column(block, 'cf.observedSavings');
  const cf = column(block, 'cf.total');
  return { B: Array.from(B), Bcf: Array.from(cf, (c, t) => c / (1 - cfObs[t])), gp: Array.from(column(block, 'benchmark.gp')) };
}

/** Each pre-contract year's cost per person projected to year 0 with the contract trend. */
const projected = (t: number) => COST(t) * (1 + G) ** -t;
const close = (a: number[], b: number[]) => a.forEach((x, i) => expect(x / b[i] - 1, `year ${i}`).toBeCloseTo(0, 12));

describe('benchmark rules (hand-computed cases)', () => {
  it('equal weights: the mean of the three projected years', () => {
    const base = (projected(-3) + projected(-2) + projected(-1)) / 3;
    close(
      benchmarks({}).B,
      [0, 1, 2, 3, 4, 5].map((t) => N * base * (1 + G) ** t),
    );
  });

  it('weighted base years 10/30/60 (oldest first)', () => {
    // 0.1·86.974 + 0.3·91.116 + 0.6·95.455 = 93.305 a person in year 0.
    const base = 0.1 * projected(-3) + 0.3 * projected(-2) + 0.6 * projected(-1);
    expect(base).toBeCloseTo(93.3048, 3);
    const b = benchmarks({ weights: [0.1, 0.3, 0.6] });
    close(
      b.B,
      [0, 1, 2, 3, 4, 5].map((t) => N * base * (1 + G) ** t),
    );
    close(b.gp, b.B);
  });

  it('rebasing every 2 years with ratchet 0.5: savings made early lower the later benchmark', () => {
    const w = [0.1, 0.3, 0.6];
    // Realised cost per person: the pre-contract years, then 80% of the cost without change.
    const sc = (t: number) => (t < 0 ? COST(t) : 0.8 * COST(t));
    const realisedAt = (T: number, cost: (t: number) => number) => w[0] * cost(T - 3) * (1 + G) ** 3 + w[1] * cost(T - 2) * (1 + G) ** 2 + w[2] * cost(T - 1) * (1 + G);
    const expectPath = (cost: (t: number) => number) => {
      const b0 = 0.1 * projected(-3) + 0.3 * projected(-2) + 0.6 * projected(-1);
      const b2 = b0 * (1 + G) ** 2 - 0.5 * (b0 * (1 + G) ** 2 - realisedAt(2, cost));
      const b4 = b2 * (1 + G) ** 2 - 0.5 * (b2 * (1 + G) ** 2 - realisedAt(4, cost));
      return [b0, b0 * (1 + G), b2, b2 * (1 + G), b4, b4 * (1 + G)].map((x) => N * x);
    };
    const b = benchmarks({ weights: w, rebase: { everyYears: 2, ratchet: 0.5 } });
    close(b.B, expectPath(sc));
    // The counterfactual's observed savings use its own rebased benchmark (no saving to ratchet).
    close(b.Bcf, expectPath(COST));
    // The scenario's benchmark falls below the one without rebasing once the saving is seen.
    const plain = benchmarks({ weights: w }).B;
    expect(b.B[1]).toBeCloseTo(plain[1], 6);
    expect(b.B[2]).toBeLessThan(plain[2]);
  });

  it('rebasing with behaviour on: each contract’s benchmark is rebased on its own care’s realised cost', () => {
    // A population contract whose GP group earns nothing per extra contact: with elasticity 1 and a
    // discretionary share of 0.25, a quarter of the GP contacts left after the intervention go,
    // so its care costs 0.8 · 0.75 = 0.6 of the cost without change from year 0.
    const input = region({ weights: [0.1, 0.3, 0.6], rebase: { everyYears: 2, ratchet: 0.5 } }) as any;
    input.financing = {
      parties: PARTIES_FIXED,
      models: [{ id: 'pop', name: 'population', kind: 'population', discount: 0, owner: { gp: 1, hospital: 0 } }],
      behaviour: { elasticity: 1, discretionary: { gp: 0.25 }, holdBack: 0 },
    };
    const { block } = run(input, 1);
    const w = [0.1, 0.3, 0.6];
    const b0 = 0.1 * projected(-3) + 0.3 * projected(-2) + 0.6 * projected(-1);
    const realisedAt = (T: number, cost: (t: number) => number) => w[0] * cost(T - 3) * (1 + G) ** 3 + w[1] * cost(T - 2) * (1 + G) ** 2 + w[2] * cost(T - 1) * (1 + G);
    const path = (share: number) => {
      const cost = (t: number) => (t < 0 ? COST(t) : share * COST(t));
      const b2 = b0 * (1 + G) ** 2 - 0.5 * (b0 * (1 + G) ** 2 - realisedAt(2, cost));
      const b4 = b2 * (1 + G) ** 2 - 0.5 * (b2 * (1 + G) ** 2 - realisedAt(4, cost));
      return [b0, b0 * (1 + G), b2, b2 * (1 + G), b4, b4 * (1 + G)].map((x) => N * x);
    };
    close(
      Array.from(column(block, 'world.pop.claims.gp')),
      [0, 1, 2, 3, 4, 5].map((t) => N * 0.6 * COST(t)),
    );
    close(Array.from(column(block, 'world.pop.benchmark.gp')), path(0.6));
    // The scenario's benchmark is still rebased on the scenario's own cost…
    close(Array.from(column(block, 'benchmark.gp')), path(0.8));
    // …and the contract is paid on its own: the integrator's budget is its rebased benchmark (discount 0).
    close(Array.from(column(block, finColumn('pop', 'integrator', 'revenue'))), path(0.6));
  });

  it('ratchet 0 leaves the benchmark as without rebasing, bit for bit; ratchet 1 (the default) is the realised cost projected', () => {
    expect(Array.from(benchmarks({ rebase: { everyYears: 3, ratchet: 0 } }).B)).toEqual(Array.from(benchmarks({}).B));
    const full = benchmarks({ rebase: { everyYears: 3 } }).B;
    const realised = (0.8 * COST(0) * (1 + G) ** 3 + 0.8 * COST(1) * (1 + G) ** 2 + 0.8 * COST(2) * (1 + G)) / 3;
    expect(full[3] / (N * realised) - 1).toBeCloseTo(0, 12);
    expect(full[5] / (N * realised * (1 + G) ** 2) - 1).toBeCloseTo(0, 12);
  });

  it('a trend with its own uncertainty (e.g. a national trend) is drawn per run and projects the benchmark of its run', () => {
    const input = region({ weights: [0.1, 0.3, 0.6], trend: { dist: 'uniform', min: 0.01, max: 0.06 } });
    const { model, block } = run(input, 3);
    const at = model.registry.slots.findIndex((x) => x.path === 'benchmark.trend');
    const B = column(block, 'benchmark');
    const seen = new Set<number>();
    for (let r = 0; r < 3; r++) {
      const g = block.params[r * block.nParams + at];
      seen.add(g);
      const base = [0.1, 0.3, 0.6].reduce((a, w, i) => a + w * COST(i - 3) * (1 + g) ** (3 - i), 0);
      for (let t = 0; t < 6; t++) expect(B[r * 6 + t] / (N * base * (1 + g) ** t) - 1).toBeCloseTo(0, 12);
    }
    expect(seen.size).toBe(3);
  });

  it('refuses weights that do not match the pre-contract years or do not sum to 1', () => {
    const bad = (weights: number[]) => {
      const r = validateScenario(region({ weights }));
      return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
    };
    expect(bad([0.5, 0.5]).join()).toMatch(/benchmark\.weights.*one weight per pre-contract year/);
    expect(bad([0.2, 0.3, 0.6]).join()).toMatch(/benchmark\.weights.*sum to 1/);
  });

  it('equal weights stated explicitly give the benchmark of a file without weights (default scenario, to rounding)', () => {
    const a = run(defaultInput(), 5).block;
    const withDefaults = clone(defaultInput()) as ScenarioInput & { benchmark: Record<string, unknown> };
    // Stating equal weights explicitly changes the arithmetic, not the meaning: close, not identical.
    withDefaults.benchmark = { ...withDefaults.benchmark, weights: [1 / 3, 1 / 3, 1 / 3] };
    const b = run(withDefaults, 5).block;
    const B = column(a, 'benchmark');
    column(b, 'benchmark').forEach((x, i) => expect(x / B[i] - 1).toBeCloseTo(0, 12));
  });
});
