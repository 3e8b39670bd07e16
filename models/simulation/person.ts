import type { Samplers } from '../random/samplers';
import { persistentRate, worldPriceFactor, type BehaviourWorld, type Cut, type HighCostPlan, type LinePlan, type SegmentYearPlan, type Tally } from './plan';

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
  if (happens.length < nw) ((happens = new Uint8Array(nw)), (returned = new Uint8Array(nw)), (inWorld = new Uint8Array(nw)));
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
        let removedAt = -1;
        for (let ci = 0; ci < lp.nCuts; ci++) if (removedAt < 0 && lp.cuts[ci].rng.uniform() < lp.cuts[ci].f) removedAt = ci;
        if (removedAt >= 0) {
          for (let w = 0; w < nw; w++) if (W[w].reachResponds && keptByWorld(W[w], lp.cuts, lp.nCuts, removedAt)) worldOnly(W[w], lp, l, cost);
          continue;
        }
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
          W[w].tally.scClaims[l] += cost * worldPriceFactor(W[w], lp);
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
      let removedAt = -1;
      if (active) for (let ci = 0; ci < hc.nCuts; ci++) if (removedAt < 0 && hc.cuts[ci].rng.uniform() < hc.cuts[ci].f) removedAt = ci;
      const kept = removedAt < 0;
      if (kept) {
        t.scHcCases += 1;
        t.scHcCost += x;
      }
      for (let w = 0; w < nw; w++) {
        inWorld[w] = kept || (W[w].reachResponds && keptByWorld(W[w], hc.cuts, hc.nCuts, removedAt)) ? 1 : 0;
        if (inWorld[w]) ((W[w].tally.scHcCases += 1), (W[w].tally.scHcCost += x));
      }
      for (let j = 0; j < hc.thresholds.length; j++) {
        const e = Math.max(0, x - hc.thresholds[j]);
        t.cfExcess[j] += e;
        if (kept) t.scExcess[j] += e;
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
/** Per world, for the high-cost case being simulated: the world has it. */
let inWorld = new Uint8Array(4);

/**
 * Whether a world that reaches less keeps a contact (or case) the scenario's cut `at` removed:
 * that cut removes it in the world too with probability q (its reach of the intervention), and
 * each later cut with probability q·f, so in all it is removed at each cut with probability q·f.
 */
function keptByWorld(wd: BehaviourWorld, cuts: Cut[], nCuts: number, at: number): boolean {
  if (wd.rng.uniform() < wd.reach[cuts[at].iv]) return false;
  for (let ci = at + 1; ci < nCuts; ci++) if (wd.rng.uniform() < wd.reach[cuts[ci].iv] * cuts[ci].f) return false;
  return true;
}

/** A contact only the world has: its substitutions (probability f·u each), refill, additions and volume response, drawn from the world's stream. */
function worldOnly(wd: BehaviourWorld, lp: LinePlan, l: number, cost: number): void {
  const rng = wd.rng;
  const wt = wd.tally;
  let stays = true;
  for (let mi = 0; mi < lp.nMoves && stays; mi++) {
    const mv = lp.moves[mi];
    if (rng.uniform() >= mv.f * Math.min(1, wd.uptake[mv.sub])) continue;
    wt.movedOut[l] += 1;
    if (!(rng.uniform() < mv.refill)) stays = false;
    const extra = rng.poisson(mv.additionality);
    wt.movedIn[mv.to] += 1 + extra;
    wt.added[mv.to] += extra;
    wt.scContacts[mv.to] += 1 + extra;
    for (let j = 0; j <= extra; j++) wt.scClaims[mv.to] += oneCost(rng, mv.toMu, mv.toAlpha);
  }
  if (!stays) return;
  const v = wd.volume[l];
  if (v > 0 && rng.uniform() < v) return;
  wt.scContacts[l] += 1;
  wt.scClaims[l] += cost * worldPriceFactor(wd, lp);
}

function oneCost(rng: Samplers, mu: number, alpha: number): number {
  return alpha === Infinity ? mu : rng.gamma(alpha, mu / alpha);
}
