import { meanSd } from './stats';

/**
 * Splits the variance of an output into random variation and parameter uncertainty by the law of
 * total variance, Var(Y) = E[Var(Y|θ)] + Var(E[Y|θ]). Runs with a twin (a second random replicate
 * with the same θ) give an unbiased estimate of E[Var(Y|θ)] as the mean of (Y₁ − Y₂)²/2.
 */
export interface VarianceSplit {
  total: number;
  random: number;
  parameter: number;
  /** random / total, clamped to [0, 1]. */
  randomShare: number;
  parameterShare: number;
  /** Number of twin pairs behind the random part. */
  pairs: number;
  /** Monte Carlo standard error of randomShare (from the spread of the pairs' (Y₁ − Y₂)²/2; the total's own error is smaller and left out). */
  randomShareSe: number;
}

export function varianceSplit(y: ArrayLike<number>, twin: ArrayLike<number>): VarianceSplit {
  const total = meanSd(y).sd ** 2;
  const half = new Float64Array(y.length).fill(NaN);
  for (let i = 0; i < y.length; i++) {
    const a = y[i];
    const b = twin[i];
    if (a === a && b === b) half[i] = ((a - b) * (a - b)) / 2;
  }
  const h = meanSd(half);
  const pairs = h.n;
  const random = pairs > 0 ? h.mean : NaN;
  const share = total > 0 ? Math.min(1, Math.max(0, random / total)) : NaN;
  const randomShareSe = total > 0 && pairs > 1 ? h.sd / Math.sqrt(pairs) / total : NaN;
  return { total, random, parameter: Math.max(0, total - random), randomShare: share, parameterShare: 1 - share, pairs, randomShareSe };
}
