import type { Samplers } from '../random/samplers';
import { persistentRate, worldPriceFactor, type BehaviourWorld, type HighCostPlan, type LinePlan, type SegmentYearPlan, type Tally } from './plan';

/**
 * Exact aggregate sampling (model.md §2): the segment's contacts and costs are drawn as sums with
 * the same distribution as simulating every person, and interventions act by thinning that draw.
 *
 * - contacts K: Λ ~ Gamma(n·k, λ/k), K ~ Poisson(Λ) (a sum of n negative binomials), or Poisson(nλ);
 * - cost C | K ~ Gamma(K·α, μ/α), a sum of K gamma costs;
 * - removing S ~ Binomial(K, f) contacts leaves cost C·B with B ~ Beta((K−S)α, Sα): a gamma sum
 *   split this way has independent gamma parts, so the split is exact;
 * - high-cost cases M ~ Binomial(n, p), each with its own lognormal cost.
 */
export function aggregateSegmentYear(plan: SegmentYearPlan, base: Samplers, t: Tally): void {
  const { n } = plan;
  const W = plan.worlds;
  const nw = W.length;
  if (retK.length < nw) ((retK = new Float64Array(nw)), (retC = new Float64Array(nw)), (poolK = new Float64Array(nw)), (poolC = new Float64Array(nw)));
  for (let l = 0; l < plan.lines.length; l++) {
    const lp = plan.lines[l];
    if (!lp) continue;
    const mean = n * lp.lambda;
    const K = lp.k === Infinity ? base.poisson(mean) : base.poisson(base.gamma(n * lp.k, lp.lambda / lp.k));
    const C = costOf(base, K, lp.mu, lp.alpha);
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
    if (cutS.length < lp.nCuts) ((cutS = new Float64Array(2 * lp.nCuts)), (cutC = new Float64Array(2 * lp.nCuts)));
    for (let ci = 0; ci < lp.nCuts; ci++) {
      const cut = lp.cuts[ci];
      const S = cut.rng.binomial(k, cut.f);
      const before = c;
      c *= keptShare(cut.rng, k, S, lp.alpha);
      k -= S;
      cutS[ci] = S;
      cutC[ci] = before - c;
    }
    c *= lp.priceFactor;
    for (let w = 0; w < nw; w++) {
      retK[w] = retC[w] = 0;
      if (W[w].reachResponds) handBack(W[w], lp, w);
      else poolK[w] = poolC[w] = 0;
    }
    for (let mi = 0; mi < lp.nMoves; mi++) {
      const mv = lp.moves[mi];
      const S = mv.rng.binomial(k, mv.f);
      if (S === 0) continue;
      const kept = c * keptShare(mv.rng, k, S, lp.alpha);
      const removedCost = c - kept;
      const R = mv.rng.binomial(S, mv.refill);
      // Refilled contacts stay on the sending line with their own (already drawn) cost.
      const refilledShare = keptShare(mv.rng, S, S - R, lp.alpha);
      c = kept + removedCost * refilledShare;
      k = k - S + R;
      const A = mv.rng.poisson(S * mv.additionality);
      const E = costOf(mv.rng, S + A, mv.toMu, mv.toAlpha);
      t.movedOut[l] += S;
      t.movedIn[mv.to] += S + A;
      t.added[mv.to] += A;
      t.scContacts[mv.to] += S + A;
      t.scClaims[mv.to] += E;
      for (let w = 0; w < nw; w++) {
        const u = W[w].uptake[mv.sub];
        const wt = W[w].tally;
        if (u >= 1) {
          wt.movedOut[l] += S;
          wt.movedIn[mv.to] += S + A;
          wt.added[mv.to] += A;
          wt.scContacts[mv.to] += S + A;
          wt.scClaims[mv.to] += E;
          continue;
        }
        // Each move happens with probability u, independently: as many of the refilled and of the
        // other moves happen as two Binomials say; the others stay on the sending line with their
        // share of the moved cost, and the additions go with the moves that happen (given their
        // total they are spread evenly over the moves, a multinomial).
        const rng = W[w].rng;
        const NR = S - R;
        const N1 = rng.binomial(NR, u);
        const S1 = N1 + rng.binomial(R, u);
        retK[w] += NR - N1;
        retC[w] += removedCost * (1 - refilledShare) * keptShare(rng, NR, N1, lp.alpha);
        const A1 = A > 0 ? rng.binomial(A, S1 / S) : 0;
        wt.movedOut[l] += S1;
        wt.movedIn[mv.to] += S1 + A1;
        wt.added[mv.to] += A1;
        wt.scContacts[mv.to] += S1 + A1;
        wt.scClaims[mv.to] += E * (1 - keptShare(rng, S + A, S1 + A1, mv.toAlpha));
      }
    }
    t.scContacts[l] += k;
    t.scClaims[l] += c;
    for (let w = 0; w < nw; w++) {
      const wd = W[w];
      if (poolK[w] > 0) movePool(wd, lp, l, w);
      let kw = k + retK[w] + poolK[w];
      let cw = c + retC[w];
      // The scenario's cost here is priced at its factor; the world's reach prices it at its own.
      if (wd.reachResponds && lp.priceFactor > 0) cw *= worldPriceFactor(wd, lp) / lp.priceFactor;
      cw += poolC[w];
      const v = wd.volume[l];
      if (v > 0 && kw > 0) {
        const V = wd.rng.binomial(kw, v);
        cw *= keptShare(wd.rng, kw, V, lp.alpha);
        kw -= V;
      }
      wd.tally.scContacts[l] += kw;
      wd.tally.scClaims[l] += cw;
    }
  }
  const hc = plan.highCost;
  if (!hc) return;
  const M = hc.persistence > 0 ? persistentCases(base, hc, n) : base.binomial(n, hc.rate);
  let m = M;
  if (cutS.length < hc.nCuts) ((cutS = new Float64Array(2 * hc.nCuts)), (cutC = new Float64Array(2 * hc.nCuts)));
  if (plan.scenarioActive)
    for (let ci = 0; ci < hc.nCuts; ci++) {
      const S = hc.cuts[ci].rng.binomial(m, hc.cuts[ci].f);
      m -= S;
      cutS[ci] = S;
    }
  t.cfHcCases += M;
  t.scHcCases += m;
  for (let w = 0; w < nw; w++) {
    // A world that reaches less keeps some of the cases the scenario prevents (nested thinning, as for contacts).
    poolK[w] = plan.scenarioActive && W[w].reachResponds ? handBackCases(W[w], hc) : 0;
    W[w].tally.scHcCases += m + poolK[w];
  }
  // Cases are exchangeable, so the first m of the M drawn severities are the ones that remain.
  const th = hc.thresholds;
  const nt = th.length;
  const lowest = nt > 0 ? th[0] : Infinity;
  const x = severities(M);
  base.fillLognormal(x, M, hc.mu, hc.sigma);
  // One pass over the cases: their cost, and their excess over each threshold. The thresholds
  // ascend, so a case under one is under every later one. Each sum takes its terms in the order
  // of the cases, as a pass per threshold would, so the sums are the same bits.
  let sc = 0;
  for (let i = 0; i < m; i++) {
    const v = x[i];
    sc += v;
    if (v > lowest)
      for (let j = 0; j < nt && v > th[j]; j++) {
        const e = v - th[j];
        t.cfExcess[j] += e;
        t.scExcess[j] += e;
      }
  }
  let cf = sc;
  for (let i = m; i < M; i++) {
    const v = x[i];
    cf += v;
    if (v > lowest) for (let j = 0; j < nt && v > th[j]; j++) t.cfExcess[j] += v - th[j];
  }
  t.cfHcCost += cf;
  t.scHcCost += sc;
  for (let w = 0; w < nw; w++) {
    const wt = W[w].tally;
    wt.scHcCost += sc;
    // Cases are exchangeable: the world's extra cases are the next ones of the M drawn.
    for (let i = m; i < m + poolK[w]; i++) wt.scHcCost += x[i];
  }
}

/** Per world, the contacts (and their cost) that stay on the line being simulated because their move did not happen. */
let retK = new Float64Array(4);
let retC = new Float64Array(4);
/** Per cut of the line (or of the high-cost cases) being simulated: what the scenario removed, and its cost. */
let cutS = new Float64Array(8);
let cutC = new Float64Array(8);
/**
 * Per world: contacts (or cases) that the scenario's interventions remove but the world's smaller
 * reach does not, and their cost (unpriced until the price factor is applied, then priced).
 */
let poolK = new Float64Array(4);
let poolC = new Float64Array(4);

/**
 * The contacts a world keeps because it reaches less: of the S contacts cut i removes in the
 * scenario, Binomial(S, 1 − q) stay in the world (q its reach of the intervention), with a Beta
 * share of their cost; those kept from earlier cuts face each later cut with probability q·f. So
 * each contact is removed in the world with probability q·f at each cut, independently, as in a
 * scenario whose interventions reach q times as far. The pool's cost is then priced at the
 * world's price factor.
 */
function handBack(wd: BehaviourWorld, lp: LinePlan, w: number): void {
  const rng = wd.rng;
  let P = 0;
  let Pc = 0;
  for (let ci = 0; ci < lp.nCuts; ci++) {
    const cut = lp.cuts[ci];
    const q = wd.reach[cut.iv];
    if (P > 0) {
      const X = rng.binomial(P, q * cut.f);
      Pc *= keptShare(rng, P, X, lp.alpha);
      P -= X;
    }
    const S = cutS[ci];
    if (q < 1 && S > 0) {
      const H = S - rng.binomial(S, q);
      Pc += cutC[ci] * (1 - keptShare(rng, S, H, lp.alpha));
      P += H;
    }
  }
  poolK[w] = P;
  poolC[w] = P > 0 ? Pc * worldPriceFactor(wd, lp) : 0;
}

/** The high-cost cases a world keeps because it reaches less (as `handBack`; the cases' costs are drawn after). */
function handBackCases(wd: BehaviourWorld, hc: HighCostPlan): number {
  let P = 0;
  for (let ci = 0; ci < hc.nCuts; ci++) {
    const q = wd.reach[hc.cuts[ci].iv];
    if (P > 0) P -= wd.rng.binomial(P, q * hc.cuts[ci].f);
    if (q < 1 && cutS[ci] > 0) P += cutS[ci] - wd.rng.binomial(cutS[ci], q);
  }
  return P;
}

/**
 * A world's kept contacts face the line's substitutions as its other contacts would: each moves
 * with probability f·u (u the world's uptake), a moved one is refilled with the refill fraction,
 * and the moves bring their additions and receiving-line cost, all drawn from the world's stream.
 */
function movePool(wd: BehaviourWorld, lp: LinePlan, l: number, w: number): void {
  const rng = wd.rng;
  const wt = wd.tally;
  let P = poolK[w];
  let Pc = poolC[w];
  for (let mi = 0; mi < lp.nMoves && P > 0; mi++) {
    const mv = lp.moves[mi];
    const S = rng.binomial(P, mv.f * Math.min(1, wd.uptake[mv.sub]));
    if (S === 0) continue;
    const kept = Pc * keptShare(rng, P, S, lp.alpha);
    const R = rng.binomial(S, mv.refill);
    const refilledShare = keptShare(rng, S, S - R, lp.alpha);
    Pc = kept + (Pc - kept) * refilledShare;
    P = P - S + R;
    const A = rng.poisson(S * mv.additionality);
    wt.movedOut[l] += S;
    wt.movedIn[mv.to] += S + A;
    wt.added[mv.to] += A;
    wt.scContacts[mv.to] += S + A;
    wt.scClaims[mv.to] += costOf(rng, S + A, mv.toMu, mv.toAlpha);
  }
  poolK[w] = P;
  poolC[w] = Pc;
}

/**
 * This year's counterfactual cases of a segment whose high cost persists: the people who had a
 * case last year keep one with probability rate + ρ(1 − rate) (a Binomial carry-over), the others
 * and this year's newcomers get one with rate(1 − ρ) and rate. Exactly the sum of the person-level
 * chains: people are independent and exchangeable, so only last year's count matters, and when the
 * segment shrinks the cases among those who stay are hypergeometric.
 */
function persistentCases(rng: Samplers, hc: HighCostPlan, n: number): number {
  const { rate, persistence: rho, prevCases, prevN } = hc;
  let M: number;
  if (prevCases < 0) M = rng.binomial(n, rate);
  else {
    const stay = Math.min(n, prevN);
    const had = stay < prevN ? rng.hypergeometric(prevN, prevCases, stay) : prevCases;
    M = rng.binomial(had, persistentRate(rate, rho, true)) + rng.binomial(stay - had, persistentRate(rate, rho, false)) + rng.binomial(n - stay, rate);
  }
  hc.prevCases = M;
  hc.prevN = n;
  return M;
}

let severityBuffer = new Float64Array(4096);
/** A scratch buffer for one segment-year's high-cost severities, grown as needed. */
function severities(n: number): Float64Array {
  if (severityBuffer.length < n) severityBuffer = new Float64Array(Math.max(n, 2 * severityBuffer.length));
  return severityBuffer;
}

/** Cost of K contacts: Gamma(K·α, μ/α), or K·μ when each contact costs exactly μ. */
export function costOf(rng: Samplers, K: number, mu: number, alpha: number): number {
  if (K <= 0) return 0;
  return alpha === Infinity ? K * mu : rng.gamma(K * alpha, mu / alpha);
}

/** Share of a gamma cost sum of K contacts that stays with the K − S contacts not removed. */
function keptShare(rng: Samplers, K: number, S: number, alpha: number): number {
  if (S <= 0) return 1;
  if (S >= K) return 0;
  return alpha === Infinity ? (K - S) / K : rng.beta((K - S) * alpha, S * alpha);
}
