import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { summarizeFinancing } from '../../models/summary/financing';
import { finColumn, STATUS_QUO } from '../../models/core/columns';
import type { FinancingPlan } from '../../models/finance/plan';
import { PARTIES } from '../../models/core/names';
import { meanSd } from '../../models/summary/stats';

// Results ~ N(0, 1) (in € mln, say): VaR 95% = z = 1.645, ES 95% = φ(z)/0.05 = 2.063, and the
// asymptotic SEs of both estimators in closed form. Over 300 samples of 2,000 runs, the spread of
// the estimates and the mean reported SE must agree with those closed forms.
const N = 2000;
const REPS = 300;
const z = 1.6448536269514722;
const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const lambda = phi / 0.05;
const varSe = Math.sqrt((0.05 * 0.95) / N) / phi;
// Manistre–Hancock: [Var(L | L ≥ VaR) + α(ES − VaR)²] / (n(1 − α)), Var of the normal tail 1 + zλ − λ².
const esSe = Math.sqrt((1 + z * lambda - lambda * lambda + 0.95 * (lambda - z) ** 2) / (N * 0.05));

/**
 * VaR and ES of `results` with their SEs, as the financing summary reports them: here as the
 * insurer's result under the status quo in a block of one year, every other flow zero.
 */
function tailRisk(results: Float64Array) {
  const names = PARTIES.flatMap((p) => [finColumn(STATUS_QUO, p, 'revenue'), finColumn(STATUS_QUO, p, 'cost')]);
  const cols = names.map(() => new Float64Array(results.length));
  cols[names.indexOf(finColumn(STATUS_QUO, 'insurer', 'revenue'))].set(results);
  const block = { firstRun: 0, runs: results.length, years: 1, names, cols, params: new Float64Array(0), nParams: 0 };
  // No contract models: only the status quo's risks are computed.
  const r = summarizeFinancing({ models: [] } as unknown as FinancingPlan, block).statusQuoRisk.horizon.insurer;
  return { var95: r.var95, var95Mcse: r.var95Mcse, es95: r.es95, es95Mcse: r.es95Mcse };
}

describe('VaR and expected shortfall with Monte Carlo errors', () => {
  const u = seedrandom.alea('tail-risk');
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const est = { v: new Float64Array(REPS), vs: new Float64Array(REPS), e: new Float64Array(REPS), es: new Float64Array(REPS) };
  for (let r = 0; r < REPS; r++) {
    const x = new Float64Array(N);
    for (let i = 0; i < N; i++) x[i] = normal();
    const t = tailRisk(x);
    est.v[r] = t.var95;
    est.vs[r] = t.var95Mcse;
    est.e[r] = t.es95;
    est.es[r] = t.es95Mcse;
  }
  // The SD of 300 estimates is itself known to a relative SE of 1/√(2·299) ≈ 4.1%.
  const rel = 1 / Math.sqrt(2 * (REPS - 1));

  it('VaR: the estimates centre on z, spread as the closed form, and the reported SE agrees', () => {
    const v = meanSd(est.v);
    expect(Math.abs(v.mean - z)).toBeLessThan(4 * (v.sd / Math.sqrt(REPS)));
    expect(Math.abs(v.sd / varSe - 1)).toBeLessThan(4 * rel);
    const s = meanSd(est.vs);
    expect(Math.abs(s.mean - varSe)).toBeLessThan(4 * (s.sd / Math.sqrt(REPS)));
  });

  it('ES: the estimates centre on φ(z)/0.05, spread as Manistre–Hancock, and the reported SE agrees', () => {
    const e = meanSd(est.e);
    expect(Math.abs(e.mean - lambda)).toBeLessThan(4 * (e.sd / Math.sqrt(REPS)));
    expect(Math.abs(e.sd / esSe - 1)).toBeLessThan(4 * rel);
    const s = meanSd(est.es);
    expect(Math.abs(s.mean - esSe)).toBeLessThan(4 * (s.sd / Math.sqrt(REPS)));
  });
});
