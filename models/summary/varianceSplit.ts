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
}

export function varianceSplit(y: ArrayLike<number>, twin: ArrayLike<number>): VarianceSplit {
  const total = meanSd(y).sd ** 2;
  let pairs = 0;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const a = y[i];
    const b = twin[i];
    if (a !== a || b !== b) continue;
    pairs++;
    s += ((a - b) * (a - b)) / 2;
  }
  const random = pairs > 0 ? s / pairs : NaN;
  const share = total > 0 ? Math.min(1, Math.max(0, random / total)) : NaN;
  return { total, random, parameter: Math.max(0, total - random), randomShare: share, parameterShare: 1 - share, pairs };
}
