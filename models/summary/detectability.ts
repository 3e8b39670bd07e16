import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { pow } from '../random/math';

/**
 * Can a saving be seen? Normal approximation for an evaluator who compares one year's cost per
 * person with a benchmark estimated from P earlier years of the same population (trend known):
 *   observed = (B − A)/B,  SD(observed) ≈ CV·√((1 + 1/P)/N)
 * with CV the regional total's chance CV per √person (`chanceCv`) and N the population. A
 * benchmark that carries no estimation noise (`benchmark.method: "expected"`) is P = ∞.
 */
export interface DetectabilityPoint {
  population: number;
  /** SD of the observed savings rate by chance alone, fraction. */
  sd: number;
  /** Savings rate that chance alone exceeds with probability 10% / 5%. */
  threshold90: number;
  threshold95: number;
  /** Probability that a true saving equal to the target is observed above the 90% / 95% threshold. */
  pDetect90: number;
  pDetect95: number;
}

export function observedSd(cv: number, population: number, preYears: number): number {
  return cv * Math.sqrt((1 + 1 / preYears) / population);
}

export function detectability(cv: number, population: number, preYears: number, target: number): DetectabilityPoint {
  const sd = observedSd(cv, population, preYears);
  const z90 = normalQuantile(0.9, 0, 1);
  const z95 = normalQuantile(0.95, 0, 1);
  return {
    population,
    sd,
    threshold90: z90 * sd,
    threshold95: z95 * sd,
    pDetect90: 1 - normalCdf(z90 * sd, target, sd),
    pDetect95: 1 - normalCdf(z95 * sd, target, sd),
  };
}

/** The curve over a log grid of population sizes (1,000 to 2,000,000) plus the scenario's own. */
export function detectabilityCurve(cv: number, preYears: number, target: number, own: number): DetectabilityPoint[] {
  const grid = Array.from({ length: 25 }, (_, i) => Math.round(1000 * pow(2000, i / 24)));
  return [...new Set([...grid, own])].sort((a, b) => a - b).map((n) => detectability(cv, n, preYears, target));
}
