import { describe, expect, it } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { makeSamplers } from '../../models/random/samplers';
import { streamFor } from '../../models/random/rng';
import { evpi, evppi, evsi, partitionOf } from '../../models/analysis/voi';

/** E[max(0, Y)] for Y ~ N(m, s²): m·Φ(m/s) + s·φ(m/s). */
const eMaxZero = (m: number, s: number) => m * normalCdf(m / s, 0, 1) + (s * Math.exp(-((m / s) ** 2) / 2)) / Math.sqrt(2 * Math.PI);

/**
 * The normal–normal decision: option 0 pays 0, option 1 pays θ + ψ + ε with θ ~ N(μ, σθ²),
 * ψ ~ N(0, σψ²) and noise ε ~ N(0, σε²) that no parameter explains; ω ~ N(0, 1) is irrelevant.
 * Closed forms: EVPI = E[max(0, θ+ψ+ε)] − max(0, μ); EVPPI(θ) = E[max(0, θ)] − max(0, μ), etc.
 */
function problem(n: number, seed: string) {
  const mu = 0.3;
  const st = 1;
  const sp = 0.6;
  const se = 0.8;
  const rng = makeSamplers(streamFor(seed, 0, 'voi'));
  const theta = Float64Array.from({ length: n }, () => mu + st * rng.normal(0, 1));
  const psi = Float64Array.from({ length: n }, () => sp * rng.normal(0, 1));
  const omega = Float64Array.from({ length: n }, () => rng.normal(0, 1));
  const nb1 = Float64Array.from({ length: n }, (_, i) => theta[i] + psi[i] + se * rng.normal(0, 1));
  const nb0 = new Float64Array(n);
  return {
    nb: [nb0, nb1],
    theta,
    psi,
    omega,
    exact: {
      evpi: eMaxZero(mu, Math.hypot(st, sp, se)) - mu,
      theta: eMaxZero(mu, st) - mu,
      psi: eMaxZero(mu, sp) - mu,
      both: eMaxZero(mu, Math.hypot(st, sp)) - mu,
    },
  };
}

describe('value of information (regression method)', () => {
  it('EVPI and EVPPI of single parameters and of a group match the closed forms within 4 SE', () => {
    // 10,000 runs as at the default's run count; the tolerance is 4 bootstrap SE plus the fit's
    // bias, which the spline keeps below 0.01 here (the closed forms are 0.05–0.45).
    const p = problem(10_000, 'voi-closed-form');
    const e = evpi(p.nb);
    expect(Math.abs(e.value - p.exact.evpi)).toBeLessThan(4 * e.se);
    for (const [name, phi] of [
      ['theta', [p.theta]],
      ['psi', [p.psi]],
      ['both', [p.theta, p.psi]],
    ] as const) {
      const v = evppi(p.nb, phi as unknown as Float64Array[]);
      expect(Math.abs(v.value - p.exact[name]), `${name}: ${v.value} vs ${p.exact[name]} ± ${v.se}`).toBeLessThan(4 * v.se);
    }
  });

  it('an irrelevant parameter is worth about nothing; EVPPI ≤ EVPI; a group is worth at least each member', () => {
    const p = problem(5_000, 'voi-order');
    const e = evpi(p.nb).value;
    const irrelevant = evppi(p.nb, [p.omega]);
    expect(irrelevant.value).toBeLessThan(4 * irrelevant.se + 0.005);
    expect(irrelevant.fits[1].r2).toBeLessThan(0.01);
    const t = evppi(p.nb, [p.theta]).value;
    const s = evppi(p.nb, [p.psi]).value;
    const g = evppi(p.nb, [p.theta, p.psi]).value;
    const g3 = evppi(p.nb, [p.theta, p.psi, p.omega]).value;
    expect(t).toBeLessThanOrEqual(e);
    expect(g).toBeLessThanOrEqual(e);
    expect(g).toBeGreaterThanOrEqual(Math.max(t, s) - 0.005);
    expect(Math.abs(g3 - g)).toBeLessThan(0.02);
  });

  it('one parameter: the group means of Strong & Oakley, as a slow obvious count gives them, ties kept in one group', () => {
    const p = problem(2_000, 'voi-slow');
    // A parameter with ties: rounded to a tenth, about 60 distinct values for 44 groups.
    const phi = Float64Array.from(p.theta, (x) => Math.round(x * 10) / 10);
    const part = partitionOf(phi);
    const groups: number[][] = [];
    for (let g = 0; g + 1 < part.starts.length; g++) groups.push(Array.from(part.order.subarray(part.starts[g], part.starts[g + 1])));
    // Every run once, groups in order of φ, no value split over two groups.
    expect(groups.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 2_000 }, (_, i) => i));
    for (let g = 1; g < groups.length; g++) expect(Math.max(...groups[g - 1].map((i) => phi[i]))).toBeLessThan(Math.min(...groups[g].map((i) => phi[i])));
    // The slow way: the runs sorted by φ, cut at every (g/k)-th run of k = ⌊√n⌋ groups, a cut moved
    // forward while it would split equal values; each group's mean per option.
    const runs = Array.from({ length: 2_000 }, (_, i) => i).sort((a, b) => phi[a] - phi[b] || a - b);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const k = Math.floor(Math.sqrt(2_000));
    const cuts = [0];
    for (let g = 1; g < k; g++) {
      let c = Math.max(cuts.at(-1)! + 1, Math.round((g * 2_000) / k));
      while (c < 2_000 && phi[runs[c]] === phi[runs[c - 1]]) c++;
      if (c < 2_000) cuts.push(c);
    }
    cuts.push(2_000);
    const slowGroups = cuts.slice(1).map((c, g) => runs.slice(cuts[g], c));
    expect(slowGroups).toEqual(groups);
    const slow = slowGroups.reduce((a, g) => a + g.length * Math.max(...p.nb.map((y) => mean(g.map((i) => y[i])))), 0) / 2_000 - Math.max(...p.nb.map((y) => mean(Array.from(y))));
    const v = evppi(p.nb, [phi]);
    expect(Math.abs(v.value - slow)).toBeLessThan(1e-12 * (1 + Math.abs(slow)));
    expect(evppi(p.nb, [phi], { partition: part })).toEqual(v);
    expect(v.se).toBeGreaterThan(0);
  });

  it('EVSI of a pilot matches the normal–normal preposterior closed form within 4 SE, grows with n towards EVPPI', () => {
    // θ ~ N(μ, σθ²) is what the pilot measures, each of n people with noise σ: the sample mean
    // X̄ ~ N(θ, σ²/n), so E[θ | X̄] ~ N(μ, σθ⁴/(σθ² + σ²/n)) and EVSI = E[max(0, E[θ|X̄])] − max(0, μ).
    const p = problem(10_000, 'evsi-closed-form');
    const mu = 0.3;
    const st = 1;
    const sigma = 4;
    const sizes = [4, 16, 64];
    const res = evsi(p.nb, p.theta, (n) => sigma / Math.sqrt(n), sizes, { cost: (n) => 0.001 * n });
    for (const r of res) {
      const exact = eMaxZero(mu, st ** 2 / Math.sqrt(st ** 2 + sigma ** 2 / r.n)) - mu;
      expect(Math.abs(r.value - exact), `n = ${r.n}: ${r.value} vs ${exact} ± ${r.se}`).toBeLessThan(4 * r.se);
      expect(r.net).toBe(r.value - 0.001 * r.n);
    }
    expect(res[0].value).toBeLessThan(res[2].value);
    expect(res[2].value).toBeLessThanOrEqual(evppi(p.nb, [p.theta]).value + 4 * res[2].se);
  });
});
