import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { worldPriceFactor, type SegmentYearPlan, type Tally } from './plan';
import { exp, log } from '../random/math';

/**
 * Expected values instead of random draws: used when random variation is switched off, so that
 * only parameter uncertainty remains (model.md §1).
 */
export function expectedSegmentYear(plan: SegmentYearPlan, _base: unknown, t: Tally): void {
  const { n } = plan;
  const W = plan.worlds;
  const nw = W.length;
  if (back.length < nw) ((back = new Float64Array(nw)), (backCost = new Float64Array(nw)));
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
      for (let w = 0; w < nw; w++) ((W[w].tally.scContacts[l] += K), (W[w].tally.scClaims[l] += C));
      continue;
    }
    let k = K;
    let c = C;
    let k0 = K;
    for (let ci = 0; ci < lp.nCuts; ci++) k0 *= 1 - lp.cuts[ci].f;
    for (let ci = 0; ci < lp.nCuts; ci++) {
      const cut = lp.cuts[ci];
      k *= 1 - cut.f;
      c *= 1 - cut.f;
    }
    c *= lp.priceFactor;
    for (let w = 0; w < nw; w++) back[w] = backCost[w] = 0;
    for (let mi = 0; mi < lp.nMoves; mi++) {
      const mv = lp.moves[mi];
      const S = k * mv.f;
      const R = S * mv.refill;
      const gone = c * mv.f * (1 - mv.refill);
      c = c * (1 - mv.f) + c * mv.f * mv.refill;
      k = k - S + R;
      const A = S * mv.additionality;
      addMove(t, l, mv.to, S, A, (S + A) * mv.toMu);
      for (let w = 0; w < nw; w++) {
        const u = W[w].uptake[mv.sub];
        const wt = W[w].tally;
        if (u < 1) {
          back[w] += (S - R) * (1 - u);
          backCost[w] += gone * (1 - u);
        }
        wt.movedOut[l] += S * Math.min(1, u);
        wt.movedIn[mv.to] += (S + A) * Math.min(1, u);
        wt.added[mv.to] += A * Math.min(1, u);
        wt.scContacts[mv.to] += (S + A) * Math.min(1, u);
        wt.scClaims[mv.to] += (S + A) * mv.toMu * Math.min(1, u);
      }
    }
    t.scContacts[l] += k;
    t.scClaims[l] += c;
    for (let w = 0; w < nw; w++) {
      const v = W[w].volume[l];
      if (W[w].reachResponds) {
        // Contacts the scenario's interventions remove but the world's smaller reach keeps: at
        // each cut a contact goes with probability q·f instead of f; they then move as the
        // world's other contacts do (probability f·u per substitution).
        let kw = K;
        for (let ci = 0; ci < lp.nCuts; ci++) kw *= 1 - W[w].reach[lp.cuts[ci].iv] * lp.cuts[ci].f;
        let extra = kw - k0;
        let extraCost = extra * lp.mu * worldPriceFactor(W[w], lp);
        const wt = W[w].tally;
        for (let mi = 0; mi < lp.nMoves; mi++) {
          const mv = lp.moves[mi];
          const S = extra * mv.f * Math.min(1, W[w].uptake[mv.sub]);
          const A = S * mv.additionality;
          addMove(wt, l, mv.to, S, A, (S + A) * mv.toMu);
          extraCost *= 1 - mv.f * Math.min(1, W[w].uptake[mv.sub]) * (1 - mv.refill);
          extra -= S * (1 - mv.refill);
        }
        const ratio = lp.priceFactor > 0 ? worldPriceFactor(W[w], lp) / lp.priceFactor : 1;
        wt.scContacts[l] += (k + back[w] + extra) * (1 - v);
        wt.scClaims[l] += ((c + backCost[w]) * ratio + extraCost) * (1 - v);
        continue;
      }
      W[w].tally.scContacts[l] += (k + back[w]) * (1 - v);
      W[w].tally.scClaims[l] += (c + backCost[w]) * (1 - v);
    }
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
  for (let w = 0; w < nw; w++) {
    let mw = m;
    if (plan.scenarioActive && W[w].reachResponds) {
      mw = M;
      for (let ci = 0; ci < hc.nCuts; ci++) mw *= 1 - W[w].reach[hc.cuts[ci].iv] * hc.cuts[ci].f;
    }
    W[w].tally.scHcCases += mw;
    W[w].tally.scHcCost += mw * mean;
  }
  hc.thresholds.forEach((T, j) => {
    const e = lognormalExcess(hc.mu, hc.sigma, T);
    t.cfExcess[j] += M * e;
    t.scExcess[j] += m * e;
  });
}

/** Per world, the contacts (and their cost) that stay on the line because their move did not happen. */
let back = new Float64Array(4);
let backCost = new Float64Array(4);
/** Adds S contacts moved from line `from` to `to`, with A added there and the receiving cost, to a tally. */
function addMove(t: Tally, from: number, to: number, S: number, A: number, cost: number): void {
  t.movedOut[from] += S;
  t.movedIn[to] += S + A;
  t.added[to] += A;
  t.scContacts[to] += S + A;
  t.scClaims[to] += cost;
}

/** E[(X − T)+] for X lognormal(mu, sigma). */
export function lognormalExcess(mu: number, sigma: number, T: number): number {
  const mean = exp(mu + (sigma * sigma) / 2);
  if (T <= 0) return mean - T;
  if (sigma === 0) return Math.max(0, exp(mu) - T);
  const d = (mu - log(T)) / sigma;
  return mean * normalCdf(d + sigma, 0, 1) - T * normalCdf(d, 0, 1);
}
