import type { Samplers } from '../random/samplers';
import { persistentRate, type HighCostPlan, type SegmentYearPlan, type Tally } from './plan';

/**
 * Person-level reference mode: every person, contact and case drawn one by one. Slow and obvious
 * on purpose; the test suite checks that the aggregate sampler has the same distribution.
 * Thinning here is per contact: each is removed (or moved) with probability f.
 */
export function personSegmentYear(plan: SegmentYearPlan, base: Samplers, t: Tally): void {
  const active = plan.scenarioActive;
  const persistent = plan.highCost !== null && plan.highCost.persistence > 0;
  const before = persistent ? startPersistenceYear(plan.highCost!, plan.n) : 0;
  const W = plan.worlds;
  const nw = W.length;
  if (happens.length < nw) ((happens = new Uint8Array(nw)), (returned = new Uint8Array(nw)));
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
          for (let w = 0; w < nw; w++) ((W[w].tally.scContacts[l] += 1), (W[w].tally.scClaims[l] += cost));
          continue;
        }
        let removed = false;
        for (let ci = 0; ci < lp.nCuts; ci++) if (!removed && lp.cuts[ci].rng.uniform() < lp.cuts[ci].f) removed = true;
        if (removed) continue;
        let stays = true;
        if (nw > 0) returned.fill(0);
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
          // Under a contract whose controlling party holds back, the move happens with probability u;
          // one that does not leaves the contact where it was.
          for (let w = 0; w < nw; w++) {
            const u = W[w].uptake[mv.sub];
            happens[w] = u >= 1 || W[w].rng.uniform() < u ? 1 : 0;
            const wt = W[w].tally;
            if (happens[w]) {
              wt.movedOut[l] += 1;
              wt.movedIn[mv.to] += 1 + extra;
              wt.added[mv.to] += extra;
              wt.scContacts[mv.to] += 1 + extra;
            } else if (!stays) returned[w] = 1;
          }
          for (let j = 0; j <= extra; j++) {
            const x = oneCost(mv.rng, mv.toMu, mv.toAlpha);
            t.scClaims[mv.to] += x;
            for (let w = 0; w < nw; w++) if (happens[w]) W[w].tally.scClaims[mv.to] += x;
          }
        }
        if (stays) {
          t.scContacts[l] += 1;
          t.scClaims[l] += cost * lp.priceFactor;
        }
        for (let w = 0; w < nw; w++) {
          if (!stays && !returned[w]) continue;
          const v = W[w].volume[l];
          if (v > 0 && W[w].rng.uniform() < v) continue;
          W[w].tally.scContacts[l] += 1;
          W[w].tally.scClaims[l] += cost * lp.priceFactor;
        }
      }
    }
    const hc = plan.highCost;
    if (hc && base.uniform() < (persistent ? personRate(hc, i, before) : hc.rate)) {
      if (persistent) {
        hc.flags[i] = 2;
        hc.prevCases++;
      }
      const x = base.lognormal(hc.mu, hc.sigma);
      t.cfHcCases += 1;
      t.cfHcCost += x;
      let kept = true;
      if (active) for (let ci = 0; ci < hc.nCuts; ci++) if (kept && hc.cuts[ci].rng.uniform() < hc.cuts[ci].f) kept = false;
      if (kept) {
        t.scHcCases += 1;
        t.scHcCost += x;
        for (let w = 0; w < nw; w++) ((W[w].tally.scHcCases += 1), (W[w].tally.scHcCost += x));
      }
      for (let j = 0; j < hc.thresholds.length; j++) {
        const e = Math.max(0, x - hc.thresholds[j]);
        t.cfExcess[j] += e;
        if (kept) {
          t.scExcess[j] += e;
          for (let w = 0; w < nw; w++) W[w].tally.scExcess[j] += e;
        }
      }
    }
  }
}

/**
 * Persistence person by person: flags[i] is 1 when person i had a case last year. Persons keep
 * their index from year to year; when the segment shrinks the last ones leave, when it grows the
 * newcomers (no history here) have the plain rate. A case this year is marked 2 during the year
 * and becomes 1 at the next year's start.
 */
/** Clears last year's marks, sets the year's state and returns how many persons were there last year. */
function startPersistenceYear(hc: HighCostPlan, n: number): number {
  if (hc.flags.length < n) {
    const f = new Uint8Array(Math.max(n, 2 * hc.flags.length));
    f.set(hc.flags);
    hc.flags = f;
  }
  const f = hc.flags;
  if (hc.prevCases < 0) {
    f.fill(0);
    hc.prevN = 0;
  } else for (let i = 0; i < f.length; i++) f[i] = f[i] === 2 ? 1 : 0;
  const before = hc.prevN;
  hc.prevCases = 0;
  hc.prevN = n;
  return before;
}

function personRate(hc: HighCostPlan, i: number, before: number): number {
  return i < before ? persistentRate(hc.rate, hc.persistence, hc.flags[i] === 1) : hc.rate;
}

/** Per world, for the contact being simulated: its move happens; it stays on its line because its move did not. */
let happens = new Uint8Array(4);
let returned = new Uint8Array(4);

function oneCost(rng: Samplers, mu: number, alpha: number): number {
  return alpha === Infinity ? mu : rng.gamma(alpha, mu / alpha);
}
