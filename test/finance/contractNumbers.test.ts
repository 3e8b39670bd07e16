import { describe, expect, it } from 'vitest';
import { column } from '../../models/simulation/columns';
import { lognormalExcess } from '../../models/simulation/expected';
import { meanSd } from '../../models/summary/stats';
import { clone, defaultInput, run } from '../helpers';
import { PARTIES_DEFAULT, paid, result, scopeSum } from './helpers';

const SCOPE = ['gp', 'intermediate', 'hospital', 'pharmacy'];
const paramIndex = (model: { registry: { slots: { path: string }[] } }, path: string) => model.registry.slots.findIndex((s) => s.path === path);

describe('a contract trend given as a distribution is drawn per run', () => {
  const runs = 100;
  const withTrend = (trend: unknown) => {
    const s = clone(defaultInput()) as any;
    s.simulation.varianceSplitRuns = 0;
    s.benchmark.trend = trend;
    return run(s, runs);
  };
  const pert = withTrend({ dist: 'pert', min: 0.03, mode: 0.0335, max: 0.037 });
  const fixed = withTrend(0.0335);

  it("the municipality's budget grows with each run's own drawn trend (exactly)", () => {
    const { model, block: b } = pert;
    const k = paramIndex(model, 'benchmark.trend');
    const rev = column(b, 'fin.ffs.municipality.revenue');
    const pop = column(b, 'population');
    let worst = 0;
    for (let r = 0; r < b.runs; r++) {
      const g = b.params[r * b.nParams + k];
      const perCap0 = rev[r * b.years] / pop[r * b.years];
      for (let t = 1; t < b.years; t++) {
        const perCap = rev[r * b.years + t] / pop[r * b.years + t];
        worst = Math.max(worst, Math.abs(perCap / perCap0 / (1 + g) ** t - 1));
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("the insurer's last-year revenue under a PERT trend matches the run with the trend fixed at its mean", () => {
    const last = (b: typeof pert.block) => {
      const rev = column(b, 'fin.ffs.insurer.revenue');
      return meanSd(Float64Array.from({ length: b.runs }, (_, r) => rev[r * b.years + b.years - 1]));
    };
    const a = last(pert.block);
    const f = last(fixed.block);
    console.log(`insurer's last-year revenue: PERT trend €${(a.mean / 1e6).toFixed(1)} mln, fixed trend €${(f.mean / 1e6).toFixed(1)} mln`);
    // Same seeds; the trend's spread (SD ≈ 0.12 points) moves (1+g)^9 by about 1%, so the means
    // agree within 4 SE of the PERT run's mean (Jensen's gap is below 0.01%).
    expect(Math.abs(a.mean - f.mean)).toBeLessThan(4 * (a.sd / Math.sqrt(runs)) + 1e-6 * f.mean);
  });
});

describe("stop-loss premium: each contract year priced from that year's expected excess", () => {
  it('the closed form of the lognormal excess E[(X − T)+] agrees with a slow numerical integral', () => {
    for (const [mu, sigma, T] of [
      [10, 1, 50000],
      [10.2, 0.8, 100000],
      [9.5, 1.4, 20000],
      [11, 0.5, 5000],
    ]) {
      // E[(X − T)+] = ∫_T^∞ P(X > x) dx, with x = T·e^u (dx = x du), midpoint rule on u ∈ [0, 40].
      let s = 0;
      const h = 1e-4;
      for (let u = h / 2; u < 40; u += h) {
        const x = T * Math.exp(u);
        const z = (Math.log(x) - mu) / sigma;
        s += x * 0.5 * erfc(z / Math.SQRT2) * h;
      }
      expect(Math.abs(lognormalExcess(mu, sigma, T) / s - 1)).toBeLessThan(1e-6);
    }
  });

  it('premium / expected excess stays 1 + loading in every contract year while the excess grows faster than the trend', () => {
    const n = 20000;
    const runs = 1500;
    const years = 5;
    const loading = 0.1;
    const s = {
      version: 1,
      meta: { title: 'stop-loss premium' },
      simulation: { runs, horizonYears: years, startYear: 2027, seed: 'premium', varianceSplitRuns: 0 },
      region: {
        population: n,
        segments: [
          {
            id: 's',
            name: 's',
            share: 1,
            lines: { hospital: { contacts: 1, dispersion: 1, costPerContact: 1000, costCV: 1 } },
            highCost: { rate: 0.01, severity: { mean: 30000, cv: 1.2 } },
          },
        ],
      },
      lines: { hospital: { trend: 0.03 } },
      benchmark: { preContractYears: 3, trend: 0.03 },
      financing: {
        parties: PARTIES_DEFAULT,
        models: [50000, 100000].map((T) => ({ id: `sl${T}`, name: `${T}`, kind: 'population', discount: 0, owner: { gp: 1, hospital: 0 }, stopLoss: { threshold: T, loading } })),
      },
    };
    const { block: b } = run(s, runs);
    const ratios: Record<string, number[]> = {};
    const tol: Record<string, number[]> = {};
    [50000, 100000].forEach((T, j) => {
      const cost = column(b, `fin.sl${T}.integrator.cost`);
      const excess = column(b, `sc.excess.${j}`);
      ratios[T] = [];
      tol[T] = [];
      for (let t = 0; t < years; t++) {
        // Premium = integrator cost − the claims in scope it pays (no corridor here).
        const prem = new Float64Array(runs);
        const ex = new Float64Array(runs);
        for (let r = 0; r < runs; r++) {
          const row = r * years + t;
          prem[r] = cost[row] - scopeSum(b, 'sc.claims', SCOPE, row);
          ex[r] = excess[row];
        }
        const p = meanSd(prem).mean;
        const e = meanSd(ex);
        ratios[T].push(p / e.mean);
        // The simulated mean excess has relative SE e.sd/(e.mean·√runs); 4 SE.
        tol[T].push((4 * e.sd) / (e.mean * Math.sqrt(runs)));
      }
    });
    console.log('premium / simulated expected excess per contract year', JSON.stringify(Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, v.map((x) => +x.toFixed(3))]))));
    for (const T of [50000, 100000]) ratios[T].forEach((x, t) => expect(Math.abs(x / (1 + loading) - 1), `T ${T} year ${t}: ratio ${x.toFixed(3)}`).toBeLessThan(tol[T][t]));
  });
});

describe('paid for population-based contracts is the full transfer beyond fee-for-service', () => {
  const s = clone(defaultInput()) as any;
  s.simulation.varianceSplitRuns = 0;
  s.financing.models = [
    { id: 'ffs', name: 'ffs', kind: 'ffs' },
    { id: 'sl50', name: 'stop-loss 50k', kind: 'population', discount: 0.01, owner: { gp: 0.5, hospital: 0.5 }, stopLoss: { threshold: 50000, loading: 0.15 } },
    { id: 'sl200', name: 'stop-loss 200k', kind: 'population', discount: 0.01, owner: { gp: 0.5, hospital: 0.5 }, stopLoss: { threshold: 200000, loading: 0.15 } },
    { id: 'corr', name: 'corridor', kind: 'population', discount: 0.01, owner: { gp: 0.5, hospital: 0.5 }, stopLoss: { threshold: 100000, loading: 0.1 }, corridor: { band: 0.01, rate: 0.5 } },
    ...s.financing.models.filter((m: { kind: string }) => m.kind !== 'ffs' && m.kind !== 'population'),
  ];
  const { block: b } = run(s, 200);
  const rows = b.runs * b.years;
  const models = s.financing.models.map((m: { id: string }) => m.id).filter((id: string) => id !== 'ffs') as string[];

  it("every model's paid equals the insurer's result under FFS minus its result under the model, in every run and year", () => {
    const ffs = result(b, 'ffs', 'insurer');
    for (const m of models) {
      const ins = result(b, m, 'insurer');
      const p = paid(b, m);
      for (let i = 0; i < rows; i++) expect(Math.abs(p[i] - (ffs[i] - ins[i])), `${m} row ${i}`).toBeLessThanOrEqual(1e-9 * Math.abs(ffs[i]));
    }
  });

  it('two stop-loss variants whose insurer results differ report different paid', () => {
    const horizonMean = (x: Float64Array) => x.reduce((a, v) => a + v, 0) / b.runs;
    const insA = horizonMean(result(b, 'sl50', 'insurer'));
    const insB = horizonMean(result(b, 'sl200', 'insurer'));
    const pA = horizonMean(paid(b, 'sl50'));
    const pB = horizonMean(paid(b, 'sl200'));
    console.log(`insurer €${(insA / 1e6).toFixed(2)} vs €${(insB / 1e6).toFixed(2)} mln; paid €${(pA / 1e6).toFixed(2)} vs €${(pB / 1e6).toFixed(2)} mln`);
    expect(Math.abs(insA - insB)).toBeGreaterThan(1e5);
    expect(Math.abs(pA - pB - (insB - insA))).toBeLessThanOrEqual(1e-9 * Math.abs(insA));
  });

  it('the itemised parts (budget, stop-loss reimbursements, premium, corridor) sum to paid exactly', () => {
    for (const m of ['sl50', 'sl200', 'corr']) {
      const p = paid(b, m);
      const parts = ['budget', 'stopLoss', 'premium', 'corridor'].map((k) => column(b, `fin.${m}.paid.${k}`));
      for (let i = 0; i < rows; i++) expect(Math.abs(parts.reduce((a, c) => a + c[i], 0) - p[i])).toBeLessThanOrEqual(1e-9 * Math.abs(p[i]) + 1e-6);
      expect(parts[2].every((x) => x <= 0)).toBe(true);
      expect(parts[1].every((x) => x >= 0)).toBe(true);
    }
    expect(column(b, 'fin.corr.paid.corridor').some((x) => x !== 0)).toBe(true);
  });
});

/** Complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7), for the slow reference only. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
