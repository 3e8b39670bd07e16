import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { SegmentYearPlan, Tally } from './plan';
import { exp, log } from '../random/math';

/**
 * Expected values instead of random draws: used when random variation is switched off, so that
 * only parameter uncertainty remains (model.md §1).
 */
export function expectedSegmentYear(plan: SegmentYearPlan, _base: unknown, t: Tally): void {
  const { n } = plan;
  for (let l = 0; l < plan.lines.length; l++) {
    const lp = plan.lines[l];
    if (!lp) continue;
    const K = n * lp.lambda;
    const C = K * lp.mu;
    t.cfContacts[l] += K;
    t.cfClaims[l] += C;
    if (!plan.scenarioActive) {
      t.scContacts[l] += K;
      t.scClaims[l] += C;
      continue;
    }
    let k = K;
    let c = C;
    for (let ci = 0; ci < lp.nCuts; ci++) {
      const cut = lp.cuts[ci];
      k *= 1 - cut.f;
      c *= 1 - cut.f;
    }
    c *= lp.priceFactor;
    for (let mi = 0; mi < lp.nMoves; mi++) {
      const mv = lp.moves[mi];
      const S = k * mv.f;
      const R = S * mv.refill;
      c = c * (1 - mv.f) + c * mv.f * mv.refill;
      k = k - S + R;
      const A = S * mv.additionality;
      t.movedOut[l] += S;
      t.movedIn[mv.to] += S + A;
      t.added[mv.to] += A;
      t.scContacts[mv.to] += S + A;
      t.scClaims[mv.to] += (S + A) * mv.toMu;
    }
    t.scContacts[l] += k;
    t.scClaims[l] += c;
  }
  const hc = plan.highCost;
  if (!hc) return;
  const M = n * hc.rate;
  let m = M;
  if (plan.scenarioActive) for (let ci = 0; ci < hc.nCuts; ci++) m *= 1 - hc.cuts[ci].f;
  const mean = exp(hc.mu + (hc.sigma * hc.sigma) / 2);
  t.cfHcCases += M;
  t.scHcCases += m;
  t.cfHcCost += M * mean;
  t.scHcCost += m * mean;
  hc.thresholds.forEach((T, j) => {
    const e = lognormalExcess(hc.mu, hc.sigma, T);
    t.cfExcess[j] += M * e;
    t.scExcess[j] += m * e;
  });
}

/** E[(X − T)+] for X lognormal(mu, sigma). */
export function lognormalExcess(mu: number, sigma: number, T: number): number {
  const mean = exp(mu + (sigma * sigma) / 2);
  if (T <= 0) return mean - T;
  if (sigma === 0) return Math.max(0, exp(mu) - T);
  const d = (mu - log(T)) / sigma;
  return mean * normalCdf(d + sigma, 0, 1) - T * normalCdf(d, 0, 1);
}
