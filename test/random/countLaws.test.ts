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

/**
 * Pearson's χ² of `draws` against the pmf, cells merged from the tails inwards until each expects at
 * least 20, and its degrees of freedom.
 */
function chiSquare(counts: Float64Array, f: Float64Array, draws: number): { x2: number; df: number } {
  let x2 = 0;
  let cells = 0;
  let o = 0;
  let e = 0;
  for (let k = 0; k < f.length; k++) {
    o += counts[k];
    e += f[k] * draws;
    if (e >= 20) {
      x2 += (o - e) ** 2 / e;
      cells++;
      o = e = 0;
    }
  }
  // The last cells' remainder joins the final cell's test as one more cell when it is not empty.
  if (e > 0) {
    x2 += (o - e) ** 2 / Math.max(e, 1e-300);
    cells++;
  }
  return { x2, df: cells - 1 };
}

/** The χ² quantile for upper tail 1e-6 by Wilson–Hilferty (z = 4.753): a fixed seed then fails only when the law is wrong. */
const chiCritical = (df: number) => df * (1 - 2 / (9 * df) + 4.753 * Math.sqrt(2 / (9 * df))) ** 3;

describe('binomial by transformed rejection (BTRD) has the binomial law', () => {
  const DRAWS = 200_000;
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
    it(`Binomial(${n}, ${p}): χ² against the exact probabilities, and its mean within 4 standard errors`, () => {
      const s = makeSamplers(streamFor('btrd-test', 0, `${n}:${p}`));
      const counts = new Float64Array(n + 1);
      let sum = 0;
      let outside = 0;
      for (let i = 0; i < DRAWS; i++) {
        const k = s.binomial(n, p);
        if (Number.isInteger(k) && k >= 0 && k <= n) counts[k]++;
        else outside++;
        sum += k;
      }
      expect(outside).toBe(0);
      const { x2, df } = chiSquare(counts, pmf(n, p), DRAWS);
      expect(x2).toBeLessThan(chiCritical(df));
      expect(Math.abs(sum / DRAWS - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / DRAWS));
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
  const DRAWS = 200_000;
  for (const mu of [
    3.5, // Knuth's product of uniforms
    9.99, // the last mean counted by Knuth's product
    10, // PTRS from here
    37.2,
    1000,
    2.5e5, // a segment's contacts in a year
  ])
    it(`Poisson(${mu}): χ² against the exact probabilities, and its mean within 4 standard errors`, () => {
      const s = makeSamplers(streamFor('ptrs-test', 0, `${mu}`));
      // Beyond μ + 12√μ + 20 the probabilities are below 1e-30: no draw may land there.
      const top = Math.ceil(mu + 12 * Math.sqrt(mu) + 20);
      const counts = new Float64Array(top + 1);
      let sum = 0;
      let outside = 0;
      for (let i = 0; i < DRAWS; i++) {
        const k = s.poisson(mu);
        if (Number.isInteger(k) && k >= 0 && k <= top) counts[k]++;
        else outside++;
        sum += k;
      }
      expect(outside).toBe(0);
      const { x2, df } = chiSquare(counts, poissonPmf(mu, top), DRAWS);
      expect(x2).toBeLessThan(chiCritical(df));
      expect(Math.abs(sum / DRAWS - mu)).toBeLessThan(4 * Math.sqrt(mu / DRAWS));
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
    [50_000, 250, 2_500, 200_000], // a segment's departures and its high-cost cases
    [1_000, 400, 300, 200_000],
    [100, 60, 80, 200_000], // more than half drawn and marked: by symmetry
    [30, 30, 7, 1_000], // every item marked
    [8_000, 4_000, 3_000, 20_000], // P(0) underflows: item by item
  ] as const)
    it(`Hypergeometric(${total}, ${marked}, ${draw}): χ² against the exact probabilities, and its mean within 4 standard errors`, () => {
      const s = makeSamplers(streamFor('hypergeometric-test', 0, `${total}:${marked}:${draw}`));
      const f = hypergeometricPmf(total, marked, draw);
      const counts = new Float64Array(f.length);
      let sum = 0;
      let outside = 0;
      for (let i = 0; i < draws; i++) {
        const k = s.hypergeometric(total, marked, draw);
        if (Number.isInteger(k) && k >= 0 && k < f.length && f[k] > 0) counts[k]++;
        else outside++;
        sum += k;
      }
      expect(outside).toBe(0);
      const mean = (draw * marked) / total;
      const variance = (mean * (1 - marked / total) * (total - draw)) / Math.max(1, total - 1);
      if (variance === 0) expect(sum / draws).toBe(mean);
      else {
        const { x2, df } = chiSquare(counts, f, draws);
        expect(x2).toBeLessThan(chiCritical(df));
        expect(Math.abs(sum / draws - mean)).toBeLessThan(4 * Math.sqrt(variance / draws));
      }
    });
});
