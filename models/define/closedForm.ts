import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Closed forms for one person-year of care on one line: contacts K ~ NegBin(mean λ, dispersion k)
 * (Poisson when k = ∞), each costing Gamma(mean μ, CV c). For the compound sum
 *   E[X] = λμ,  Var[X] = E[K]·Var[cost] + Var[K]·μ² = λμ²c² + (λ + λ²/k)μ².
 */
export function compoundMoments(lambda: number, k: number, mu: number, cv: number): { mean: number; variance: number } {
  const varK = lambda + (k === Infinity ? 0 : (lambda * lambda) / k);
  return { mean: lambda * mu, variance: lambda * mu * mu * cv * cv + varK * mu * mu };
}

/** One high-cost episode with probability p and lognormal cost (mean m, CV c): a Bernoulli–lognormal. */
export function highCostMoments(p: number, mean: number, cv: number): { mean: number; variance: number } {
  const ex2 = mean * mean * (1 + cv * cv);
  return { mean: p * mean, variance: p * ex2 - p * p * mean * mean };
}

/** Mean and variance of one person's yearly cost in a mixture of segments (weights sum to 1). */
export function mixtureMoments(parts: { weight: number; mean: number; variance: number }[]): { mean: number; variance: number } {
  let mean = 0;
  let second = 0;
  for (const p of parts) {
    mean += p.weight * p.mean;
    second += p.weight * (p.variance + p.mean * p.mean);
  }
  return { mean, variance: second - mean * mean };
}

/**
 * Minimum savings rate at confidence level `conf` for a population of n people whose yearly cost
 * per person has coefficient of variation `cv`: the one-sided normal bound on the relative
 * deviation of a population mean that arises by chance alone (the logic of the Medicare MSR,
 * CMS-1345-P; domain.md).
 */
export function minimumSavingsRate(cv: number, n: number, conf: number): number {
  return (normalQuantile(conf, 0, 1) * cv) / Math.sqrt(n);
}
