/**
 * Elementary pieces of the parameter distributions' quantiles (the table of kinds,
 * models/scenario/distributions.ts, puts them together).
 */
import { log } from './math';

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
