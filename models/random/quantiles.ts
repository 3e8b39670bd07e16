import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Distribution } from '../scenario/schema';
import { exp, log } from './math';

/**
 * Inverse CDF of a parameter distribution. Parameters are drawn as quantile(u) with one uniform
 * each, so a draw can later be driven by correlated uniforms (rank correlation) without
 * changing the marginals.
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.dist) {
    case 'uniform':
      return d.min + (d.max - d.min) * u;
    case 'triangular':
      return triangularQuantile(d.min, d.mode, d.max, u);
    case 'pert': {
      const [a, b] = pertShapes(d.min, d.mode, d.max, d.lambda ?? 4);
      return d.max === d.min ? d.min : d.min + (d.max - d.min) * betaQuantile(u, a, b);
    }
    case 'normal':
      return normalQuantile(u, d.mean, d.sd);
    case 'lognormal': {
      const { mu, sigma } = lognormalFromMeanSd(d.mean, d.sd);
      return exp(normalQuantile(u, mu, sigma));
    }
    case 'beta': {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      return lo + (hi - lo) * betaQuantile(u, d.alpha, d.beta);
    }
    case 'gamma':
      return gammaQuantile(u, d.shape, 1 / d.scale);
  }
}

/** The mean of a distribution: the value used when parameter uncertainty is switched off. */
export function distributionMean(d: Distribution): number {
  switch (d.dist) {
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'pert': {
      const l = d.lambda ?? 4;
      return (d.min + l * d.mode + d.max) / (l + 2);
    }
    case 'normal':
    case 'lognormal':
      return d.mean;
    case 'beta': {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      return lo + ((hi - lo) * d.alpha) / (d.alpha + d.beta);
    }
    case 'gamma':
      return d.shape * d.scale;
  }
}

export function pertShapes(min: number, mode: number, max: number, lambda: number): [number, number] {
  if (max === min) return [1, 1];
  return [1 + (lambda * (mode - min)) / (max - min), 1 + (lambda * (max - mode)) / (max - min)];
}

export function triangularQuantile(min: number, mode: number, max: number, u: number): number {
  if (max === min) return min;
  const fc = (mode - min) / (max - min);
  return u < fc ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Log-scale parameters of a lognormal with the given mean and standard deviation (of the value). */
export function lognormalFromMeanSd(mean: number, sd: number): { mu: number; sigma: number } {
  const s2 = log(1 + (sd * sd) / (mean * mean));
  return { mu: log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}
