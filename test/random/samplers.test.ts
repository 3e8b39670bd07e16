import seedrandom from 'seedrandom';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { makeSamplers, type Samplers } from '../../models/random/samplers';
import { aleaFromState, streamFor } from '../../models/random/rng';
import { ks2, kolmogorovQ } from '../support/ks';

// d3-random's habit: fixed seed, N draws, moments against exact formulas. Tolerance for a mean:
// 4 standard errors √(Var/N); for a variance: 4·√((μ₄ − σ⁴)/N) with μ₄ from the exact kurtosis.
const N = 100_000;
const fresh = (name: string): Samplers => makeSamplers(streamFor('samplers-test', 0, name));

function moments(draw: () => number, n = N) {
  let m = 0;
  let m2 = 0;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  for (const x of xs) m += x;
  m /= n;
  for (const x of xs) m2 += (x - m) ** 2;
  return { mean: m, variance: m2 / (n - 1), xs };
}

function expectMoments(draw: () => number, mean: number, variance: number, kurtosis: number) {
  const s = moments(draw);
  expect(Math.abs(s.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
  expect(Math.abs(s.variance - variance)).toBeLessThan(4 * Math.sqrt(((kurtosis - 1) * variance * variance) / N));
}

describe('random streams', () => {
  it("streamFor gives exactly seedrandom.alea's sequence", () => {
    const ours = streamFor('s', 3, 'base');
    const theirs = seedrandom.alea('s\u00003\u0000base');
    for (let i = 0; i < 10_000; i++) expect(ours()).toBe(theirs());
  });

  it('fillLognormal gives the same numbers as repeated lognormal calls', () => {
    const a = fresh('fill');
    const b = fresh('fill');
    const out = new Float64Array(50_000);
    a.fillLognormal(out, 50_000, 9, 1.3);
    for (let i = 0; i < 50_000; i++) expect(out[i]).toBe(b.lognormal(9, 1.3));
    expect(a.uniform()).toBe(b.uniform());
  });

  it('the loops that step the Alea state in local variables draw exactly what the same samplers draw through calls', () => {
    // A wrapper without `state` sends every sampler through its generic per-call path.
    const stepped = fresh('local');
    const r = streamFor('samplers-test', 0, 'local');
    const called = makeSamplers(() => r());
    const a = new Float64Array(3_000);
    const b = new Float64Array(3_000);
    for (let k = 0; k < 400; k++) {
      const mean = [0.3, 2, 15.9, 16, 17, 250, 1e5][k % 7] * (1 + k / 400);
      expect(stepped.poisson(mean)).toBe(called.poisson(mean));
      const n = k * 7;
      stepped.fillLognormal(a, n, 9, 1.3);
      called.fillLognormal(b, n, 9, 1.3);
      for (let i = 0; i < n; i++) expect(a[i]).toBe(b[i]);
    }
    expect(stepped.uniform()).toBe(called.uniform());
  });

  it("the hot loops' whole-number Alea step equals seedrandom's floating-point one at the carry's edges", () => {
    // States seedrandom can reach: fractions k·2^-32 and an integer carry below 2091639. Where a
    // wrong carry-out test would show: a carry of 0, and k0 with 2091639·k0 ≡ 2^32 − 1 (mod 2^32),
    // whose low word a carry of 1 wraps exactly to 0. (s1 is ½ so that no state is the
    // multiply-with-carry's fixed point k = 2^32 − 1, c = 2091638, which seedrandom never reaches.)
    const A = 2091639n;
    let inverse = 1n;
    for (let i = 0; i < 5; i++) inverse = (inverse * (2n - A * inverse)) % 2n ** 32n;
    const wrap = Number(((((2n ** 32n - 1n) * inverse) % 2n ** 32n) + 2n ** 32n) % 2n ** 32n);
    expect(Number((A * BigInt(wrap)) % 2n ** 32n)).toBe(2 ** 32 - 1);
    const K = [0, 1, 2 ** 31, wrap, 2 ** 32 - 1].map((k) => k * 2 ** -32);
    for (const c of [0, 1, 2091638])
      for (const s0 of K)
        for (const s2 of K) {
          const state = () => ({ s0, s1: 0.5, s2, c });
          const stepped = makeSamplers(aleaFromState(state()));
          const r = aleaFromState(state());
          const called = makeSamplers(() => r());
          const a = new Float64Array(64);
          const b = new Float64Array(64);
          stepped.fillLognormal(a, 64, 9, 1.3);
          called.fillLognormal(b, 64, 9, 1.3);
          for (let i = 0; i < 64; i++) expect(a[i]).toBe(b[i]);
          const knuth = makeSamplers(aleaFromState(state()));
          const r2 = aleaFromState(state());
          expect(knuth.poisson(12)).toBe(makeSamplers(() => r2()).poisson(12));
          expect(knuth.uniform()).toBe(r2());
          expect(stepped.uniform()).toBe(called.uniform());
        }
  });

  it('fillLognormal matches lognormal calls where exp leaves its main path (|x| < 2^-28, x beyond ±700) and for short fills', () => {
    for (const [mu, sigma] of [
      [0, 1e-8],
      [697, 3],
      [-697, 3],
    ] as const) {
      const a = fresh(`edge ${mu} ${sigma}`);
      const b = fresh(`edge ${mu} ${sigma}`);
      const out = new Float64Array(5_000);
      for (const n of [0, 1, 2, 5_000]) {
        a.fillLognormal(out, n, mu, sigma);
        for (let i = 0; i < n; i++) expect(Object.is(out[i], b.lognormal(mu, sigma))).toBe(true);
      }
      expect(a.uniform()).toBe(b.uniform());
    }
  });
});

describe('samplers match their distributions', () => {
  it('normal (ziggurat): moments, KS against Φ, and the tail beyond 3.44', () => {
    const s = fresh('normal');
    expectMoments(() => s.normal(0, 1), 0, 1, 3);
    const z = moments(() => s.normal(0, 1)).xs.sort();
    let d = 0;
    for (let i = 0; i < z.length; i++) d = Math.max(d, Math.abs(normalCdf(z[i], 0, 1) - (i + 0.5) / z.length));
    expect(kolmogorovQ(Math.sqrt(z.length) * d)).toBeGreaterThan(0.001);
    // P(|Z| > 3.442619855899) = 5.76e-4: the tail algorithm is exercised about 58 times per 100,000.
    const tail = z.filter((x) => Math.abs(x) > 3.442619855899).length;
    const p = 2 * (1 - normalCdf(3.442619855899, 0, 1));
    expect(Math.abs(tail - N * p)).toBeLessThan(4 * Math.sqrt(N * p));
  });

  for (const [k, theta] of [
    [0.3, 2],
    [1, 1],
    [2.5, 100],
    [4e5, 1e-3],
  ])
    it(`gamma(${k}, ${theta})`, () => {
      const s = fresh(`gamma${k}`);
      expectMoments(() => s.gamma(k, theta), k * theta, k * theta * theta, 3 + 6 / k);
    });

  for (const mu of [0.7, 12, 16.5, 3e5])
    it(`poisson(${mu})`, () => {
      const s = fresh(`poisson${mu}`);
      expectMoments(() => s.poisson(mu), mu, mu, 3 + 1 / mu);
    });

  for (const [n, p] of [
    [20, 0.3],
    [1000, 0.01],
    [200_000, 0.07],
    [50, 0.97],
  ])
    it(`binomial(${n}, ${p})`, () => {
      const s = fresh(`binomial${n}`);
      const v = n * p * (1 - p);
      expectMoments(() => s.binomial(n, p), n * p, v, 3 + (1 - 6 * p * (1 - p)) / v);
    });

  for (const [a, b] of [
    [0.5, 0.5],
    [2, 5],
    [3e5, 2e4],
  ])
    it(`beta(${a}, ${b})`, () => {
      const s = fresh(`beta${a}`);
      const mean = a / (a + b);
      const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
      const exKurt = (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
      expectMoments(() => s.beta(a, b), mean, v, 3 + exKurt);
    });

  it('degenerate arguments give constants', () => {
    const s = fresh('degenerate');
    expect(s.binomial(0, 0.5)).toBe(0);
    expect(s.binomial(10, 0)).toBe(0);
    expect(s.binomial(10, 1)).toBe(10);
    expect(s.poisson(0)).toBe(0);
    expect(s.gamma(0, 1)).toBe(0);
    expect(s.beta(3, 0)).toBe(1);
    expect(s.beta(0, 3)).toBe(0);
  });

  it('a gamma sum split by Beta leaves independent gamma parts (the thinning identity)', () => {
    // C ~ Gamma(Kα), B ~ Beta((K−S)α, Sα): C·B must be Gamma((K−S)α). Compared with direct draws by KS.
    const s = fresh('split');
    const alpha = 0.4;
    const K = 30;
    const S = 11;
    const viaSplit = Float64Array.from({ length: 20000 }, () => s.gamma(K * alpha, 1) * s.beta((K - S) * alpha, S * alpha));
    const direct = Float64Array.from({ length: 20000 }, () => s.gamma((K - S) * alpha, 1));
    expect(ks2(viaSplit, direct).p).toBeGreaterThan(0.001);
  });
});
