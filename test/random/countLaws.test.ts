import { describe, expect, it } from 'vitest';
import { makeSamplers } from '../../models/random/samplers';
import { streamFor } from '../../models/random/rng';

/**
 * Binomial(n, p) probabilities by the ratio recursion from the mode, normalised: a slow, obvious
 * reference that shares no arithmetic with the rejection sampler.
 */
function pmf(n: number, p: number): Float64Array {
  const f = new Float64Array(n + 1);
  const m = Math.floor((n + 1) * p);
  f[m] = 1;
  for (let k = m; k < n; k++) f[k + 1] = (f[k] * ((n - k) / (k + 1)) * p) / (1 - p);
  for (let k = m; k > 0; k--) f[k - 1] = (f[k] * (k / (n - k + 1)) * (1 - p)) / p;
  let s = 0;
  for (const x of f) s += x;
  return f.map((x) => x / s);
}

/** Equiprobable cells for the χ² test: enough that each expects many draws, few enough for power against smooth distortions. */
const CELLS = 30;

/**
 * Pearson's χ² of `counts` against the pmf f over about CELLS cells of consecutive values, each
 * expecting about 1/CELLS of the draws, and its degrees of freedom.
 * Equiprobable cells keep the test's power against a law that is a few per cent off over a wide
 * range, which one cell per value (thousands of degrees of freedom) lacks.
 */
function chiSquare(counts: Float64Array, f: Float64Array, draws: number): { x2: number; df: number } {
  const cells: { o: number; e: number }[] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k < f.length; k++) {
    o += counts[k];
    e += f[k] * draws;
    if (e >= draws / CELLS) {
      cells.push({ o, e });
      o = e = 0;
    }
  }
  // The tail's remainder is a cell of its own when it expects 20 draws or more, else it joins the last cell.
  if (cells.length === 0 || e >= 20) cells.push({ o, e });
  else {
    cells[cells.length - 1].o += o;
    cells[cells.length - 1].e += e;
  }
  let x2 = 0;
  for (const c of cells) x2 += (c.o - c.e) ** 2 / c.e;
  return { x2, df: cells.length - 1 };
}

/** The χ² quantile for upper tail 1e-6 by Wilson–Hilferty (z = 4.753): a fixed seed then fails only when the law is wrong. */
const chiCritical = (df: number) => df * (1 - 2 / (9 * df) + 4.753 * Math.sqrt(2 / (9 * df))) ** 3;

/**
 * Draws `draws` values and checks them against the exact pmf f (on 0..f.length − 1): every draw
 * a whole number where f is positive, χ² below its 1e-6 quantile, and the mean and the variance
 * within 5 standard errors of the law's (the variance's SE from the law's fourth central moment).
 */
function expectLaw(draw: () => number, f: Float64Array, draws: number): void {
  const counts = new Float64Array(f.length);
  let outside = 0;
  for (let i = 0; i < draws; i++) {
    const k = draw();
    if (Number.isInteger(k) && k >= 0 && k < f.length && f[k] > 0) counts[k]++;
    else outside++;
  }
  expect(outside).toBe(0);
  let mean = 0;
  for (let k = 0; k < f.length; k++) mean += k * f[k];
  let m2 = 0;
  let m4 = 0;
  let sampleMean = 0;
  for (let k = 0; k < f.length; k++) {
    m2 += (k - mean) ** 2 * f[k];
    m4 += (k - mean) ** 4 * f[k];
    sampleMean += (k * counts[k]) / draws;
  }
  let sampleVar = 0;
  for (let k = 0; k < f.length; k++) sampleVar += ((k - sampleMean) ** 2 * counts[k]) / (draws - 1);
  if (m2 === 0) {
    expect(sampleMean).toBe(mean);
    return;
  }
  const { x2, df } = chiSquare(counts, f, draws);
  expect(x2).toBeLessThan(chiCritical(df));
  expect(Math.abs(sampleMean - mean)).toBeLessThan(5 * Math.sqrt(m2 / draws));
  expect(Math.abs(sampleVar - m2)).toBeLessThan(5 * Math.sqrt((m4 - m2 * m2) / draws));
}

describe('binomial by transformed rejection (BTRD) has the binomial law', () => {
  // Enough draws that a law a per cent off over the bulk fails: the quick-acceptance rectangle
  // widened to the whole hat (v_r = 1) fails here, at 200,000 draws it did not.
  const DRAWS = 2_000_000;
  for (const [n, p] of [
    [30, 0.4], // n·p = 12: just inside BTRD's range, recursion near the mode
    [100, 0.1001], // n·p just above 10
    [1000, 0.02],
    [50, 0.5],
    [200, 0.97], // by symmetry
    [100_000, 0.3], // Stirling's series far from the mode
    [1_000_000, 1e-4],
    [40, 0.05], // n·p = 2: inversion
  ] as const)
    it(`Binomial(${n}, ${p}): χ² against the exact probabilities, mean and variance`, () => {
      const s = makeSamplers(streamFor('btrd-test', 0, `${n}:${p}`));
      expectLaw(() => s.binomial(n, p), pmf(n, p), DRAWS);
    });

  it('takes p ∈ {0, 1} and n = 0 exactly', () => {
    const s = makeSamplers(streamFor('btrd-test', 0, 'edges'));
    expect(s.binomial(0, 0.5)).toBe(0);
    expect(s.binomial(10, 0)).toBe(0);
    expect(s.binomial(10, 1)).toBe(10);
  });
});

/**
 * Poisson(μ) probabilities by the ratio recursion from the mode, normalised, on 0..top: as slow and
 * as independent of the sampler as the binomial's.
 */
function poissonPmf(mu: number, top: number): Float64Array {
  const f = new Float64Array(top + 1);
  const m = Math.floor(mu);
  f[m] = 1;
  for (let k = m; k < top; k++) f[k + 1] = (f[k] * mu) / (k + 1);
  for (let k = m; k > 0; k--) f[k - 1] = (f[k] * k) / mu;
  let s = 0;
  for (const x of f) s += x;
  return f.map((x) => x / s);
}

describe('Poisson by transformed rejection (PTRS) has the Poisson law', () => {
  // As for the binomial: PTRS with v_r = 1 or its quick acceptance from |u| ≤ 0.45 fails here.
  const DRAWS = 2_000_000;
  for (const mu of [
    3.5, // Knuth's product of uniforms
    9.99, // the last mean counted by Knuth's product
    10, // PTRS from here
    37.2,
    1000,
    2.5e5, // a segment's contacts in a year
  ])
    it(`Poisson(${mu}): χ² against the exact probabilities, mean and variance`, () => {
      const s = makeSamplers(streamFor('ptrs-test', 0, `${mu}`));
      // Beyond μ + 12√μ + 20 the probabilities are below 1e-30: no draw may land there.
      const top = Math.ceil(mu + 12 * Math.sqrt(mu) + 20);
      expectLaw(() => s.poisson(mu), poissonPmf(mu, top), DRAWS);
    });
});

/** Hypergeometric probabilities by the ratio recursion from the mode, normalised (index = marked items drawn). */
function hypergeometricPmf(total: number, marked: number, draw: number): Float64Array {
  const lo = Math.max(0, draw - (total - marked));
  const hi = Math.min(marked, draw);
  const f = new Float64Array(hi + 1);
  const m = Math.max(lo, Math.min(hi, Math.floor(((draw + 1) * (marked + 1)) / (total + 2))));
  const ratio = (k: number) => ((marked - k) * (draw - k)) / ((k + 1) * (total - marked - draw + k + 1)); // f(k + 1) / f(k)
  f[m] = 1;
  for (let k = m; k < hi; k++) f[k + 1] = f[k] * ratio(k);
  for (let k = m; k > lo; k--) f[k - 1] = f[k] / ratio(k - 1);
  let s = 0;
  for (const x of f) s += x;
  return f.map((x) => x / s);
}

describe('hypergeometric by inversion has the hypergeometric law', () => {
  for (const [total, marked, draw, draws] of [
    [50_000, 250, 2_500, 1_000_000], // a segment's departures and its high-cost cases
    [1_000, 400, 300, 1_000_000],
    [100, 60, 80, 1_000_000], // more than half drawn and marked: by symmetry
    [30, 30, 7, 1_000], // every item marked
    [8_000, 4_000, 3_000, 20_000], // P(0) underflows: item by item
    [20_000_000, 3, 400, 1_000_000], // the Netherlands' population, almost never a case: P(0) ≈ 1
  ] as const)
    it(`Hypergeometric(${total}, ${marked}, ${draw}): χ² against the exact probabilities, mean and variance`, () => {
      const s = makeSamplers(streamFor('hypergeometric-test', 0, `${total}:${marked}:${draw}`));
      expectLaw(() => s.hypergeometric(total, marked, draw), hypergeometricPmf(total, marked, draw), draws);
    });

  it('puts P(0) where the exact law has it, also when it is within 1e-7 of 1 (a handful of cases among millions)', () => {
    // Inversion returns 0 exactly when its uniform is at most P(0): a uniform just below and just
    // above the exact P(0) (the product of (1 − M/(N − i)), accurate to a few ulps) must fall on
    // either side. Four log-factorials of size N·log N put P(0) off by about 1e-8 here.
    for (const [total, marked, draw] of [
      [20_000_000, 1, 1],
      [20_000_000, 3, 50],
      [17_900_000, 40, 900],
      [1_000_000_000, 1, 2],
      [50_000, 250, 2_500],
    ] as const) {
      let p0 = 1;
      for (let i = 0; i < Math.min(marked, draw); i++) p0 *= 1 - Math.max(marked, draw) / (total - i);
      for (const [u, expectZero] of [
        [p0 - 1e-12 * (1 - p0) - 1e-15, true],
        [p0 + 1e-3 * (1 - p0), false],
      ] as const) {
        const s = makeSamplers(() => u);
        expect(s.hypergeometric(total, marked, draw) === 0, `${total}, ${marked}, ${draw}, u = P(0) ${expectZero ? '−' : '+'} ε`).toBe(expectZero);
      }
    }
  });
});
