import type { Samplers } from '../random/samplers';
import type { SegmentYearPlan, Tally } from './plan';

/**
 * Person-level reference mode: every person, contact and case drawn one by one. Slow and obvious
 * on purpose; the test suite checks that the aggregate sampler has the same distribution.
 * Thinning here is per contact: each is removed (or moved) with probability f.
 */
export function personSegmentYear(plan: SegmentYearPlan, base: Samplers, t: Tally): void {
  const active = plan.scenarioActive;
  for (let i = 0; i < plan.n; i++) {
    for (let l = 0; l < plan.lines.length; l++) {
      const lp = plan.lines[l];
      if (!lp) continue;
      const rate = lp.k === Infinity ? lp.lambda : base.gamma(lp.k, lp.lambda / lp.k);
      const K = base.poisson(rate);
      for (let c = 0; c < K; c++) {
        const cost = oneCost(base, lp.mu, lp.alpha);
        t.cfContacts[l] += 1;
        t.cfClaims[l] += cost;
        if (!active) {
          t.scContacts[l] += 1;
          t.scClaims[l] += cost;
          continue;
        }
        let removed = false;
        for (let ci = 0; ci < lp.nCuts; ci++) if (!removed && lp.cuts[ci].rng.uniform() < lp.cuts[ci].f) removed = true;
        if (removed) continue;
        let stays = true;
        for (let mi = 0; mi < lp.nMoves; mi++) {
          const mv = lp.moves[mi];
          if (!stays) break;
          if (mv.rng.uniform() >= mv.f) continue;
          t.movedOut[l] += 1;
          if (mv.rng.uniform() < mv.refill) {
            // Refilled: the freed slot is taken by other demand of the same kind and cost.
          } else stays = false;
          const extra = mv.rng.poisson(mv.additionality);
          t.movedIn[mv.to] += 1 + extra;
          t.added[mv.to] += extra;
          t.scContacts[mv.to] += 1 + extra;
          for (let j = 0; j <= extra; j++) t.scClaims[mv.to] += oneCost(mv.rng, mv.toMu, mv.toAlpha);
        }
        if (stays) {
          t.scContacts[l] += 1;
          t.scClaims[l] += cost * lp.priceFactor;
        }
      }
    }
    const hc = plan.highCost;
    if (hc && base.uniform() < hc.rate) {
      const x = base.lognormal(hc.mu, hc.sigma);
      t.cfHcCases += 1;
      t.cfHcCost += x;
      let kept = true;
      if (active) for (let ci = 0; ci < hc.nCuts; ci++) if (kept && hc.cuts[ci].rng.uniform() < hc.cuts[ci].f) kept = false;
      if (kept) {
        t.scHcCases += 1;
        t.scHcCost += x;
      }
      for (let j = 0; j < hc.thresholds.length; j++) {
        const e = Math.max(0, x - hc.thresholds[j]);
        t.cfExcess[j] += e;
        if (kept) t.scExcess[j] += e;
      }
    }
  }
}

function oneCost(rng: Samplers, mu: number, alpha: number): number {
  return alpha === Infinity ? mu : rng.gamma(alpha, mu / alpha);
}
