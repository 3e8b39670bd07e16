import { randomBeta, randomBinomial, randomGamma, randomPoisson } from 'd3-random';
import type { Rng } from './rng';

/**
 * The samplers the simulation needs, all driven by one seeded generator (d3-random, whose
 * samplers take every uniform from the source they are given).
 * Degenerate arguments (zero counts, zero shapes) return the obvious constant here, once,
 * so the simulation code never has to special-case them.
 */
export interface Samplers {
  /** Gamma with shape and scale (mean shape·scale); 0 when shape is 0. */
  gamma(shape: number, scale: number): number;
  /** Poisson with mean `mean`; 0 when mean is 0. */
  poisson(mean: number): number;
  /** Binomial(n, p); handles p ∈ {0, 1} and n = 0 exactly. */
  binomial(n: number, p: number): number;
  /** Beta(a, b); 1 when b is 0, 0 when a is 0. */
  beta(a: number, b: number): number;
  normal(mean: number, sd: number): number;
  /** Lognormal with log-mean mu and log-sd sigma. */
  lognormal(mu: number, sigma: number): number;
  uniform(): number;
  /**
   * Points these samplers at another generator. Normal samplers keep the second value of each
   * polar pair, so every sampler is rebuilt here: no state crosses from one run to the next.
   */
  use(rng: Rng): void;
}

export function makeSamplers(rng: Rng): Samplers {
  let G = randomGamma.source(rng);
  let P = randomPoisson.source(rng);
  let B = randomBinomial.source(rng);
  let BE = randomBeta.source(rng);
  let U = rng;
  // Standard normal by Marsaglia's polar method. Written out rather than taken from d3 because
  // high-cost cases need tens of thousands of lognormals per run and this is the hot loop.
  let spare = NaN;
  const Z = (): number => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    let x: number;
    let y: number;
    let r: number;
    do {
      x = 2 * U() - 1;
      y = 2 * U() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    spare = x * f;
    return y * f;
  };
  return {
    gamma: (shape, scale) => (shape > 0 && scale > 0 ? G(shape, scale)() : 0),
    poisson: (mean) => (mean > 0 ? P(mean)() : 0),
    binomial: (count, prob) => {
      if (count <= 0 || prob <= 0) return 0;
      if (prob >= 1) return count;
      return B(count, prob)();
    },
    beta: (a, b) => {
      if (b <= 0) return a <= 0 ? 0 : 1;
      if (a <= 0) return 0;
      return BE(a, b)();
    },
    normal: (mean, sd) => (sd > 0 ? mean + sd * Z() : mean),
    lognormal: (mu, sigma) => Math.exp(sigma > 0 ? mu + sigma * Z() : mu),
    uniform: () => U(),
    use: (r) => {
      U = r;
      G = randomGamma.source(r);
      P = randomPoisson.source(r);
      B = randomBinomial.source(r);
      BE = randomBeta.source(r);
      spare = NaN;
    },
  };
}
