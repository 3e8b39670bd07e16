import type { Samplers } from '../random/samplers';

/**
 * What happens to one segment in one year, with every parameter already resolved to a number.
 * The aggregate, person-level and expected-value simulators all consume the same plan, so they
 * differ only in how they sample, never in what they compute.
 */
export interface SegmentYearPlan {
  /** Persons in the segment this year. */
  n: number;
  lines: (LinePlan | null)[];
  highCost: HighCostPlan | null;
  /** False in pre-contract years: the scenario equals the counterfactual. */
  scenarioActive: boolean;
  /** Contracts whose care responds to their incentives, each thinning the scenario's draws (empty: none). */
  worlds: BehaviourWorld[];
}

/**
 * The care under one contract whose incentives change it, drawn from the scenario's: a share of
 * each substitution's moves does not happen (the contacts stay where they were), and a share of
 * each line's remaining contacts is not supplied. Where nothing changes no draw is made, so a
 * neutral contract's care is the scenario's, bit for bit.
 */
export interface BehaviourWorld {
  /** Per line: fraction of the line's remaining contacts not supplied. */
  volume: Float64Array;
  /** Per substitution (model order): fraction of its moves that happen. */
  uptake: Float64Array;
  /** Per intervention (model order): fraction of its reach that happens (1: the scenario's). */
  reach: Float64Array;
  /** False when every `reach` is 1, so the intervention paths can be skipped. */
  reachResponds: boolean;
  rng: Samplers;
  /** The world's care (scenario side only; the counterfactual fields are unused). */
  tally: Tally;
}

export interface LinePlan {
  /** Contacts per person-year. */
  lambda: number;
  /** Negative-binomial dispersion; Infinity for Poisson. */
  k: number;
  /** Mean cost per contact this year, euros. */
  mu: number;
  /** Gamma shape of one contact's cost (1/CV²); Infinity for a fixed cost. */
  alpha: number;
  /** Contact reductions by interventions, applied in order: the first `nCuts` entries. */
  cuts: Cut[];
  nCuts: number;
  /** Relative price factor after interventions (1 = unchanged). */
  priceFactor: number;
  /** Per intervention (model order): its price reduction on this line this year (0: none); `priceFactor` is the product of 1 − each. */
  priceCut: Float64Array;
  /**
   * Substitutions moving contacts away from this line, applied in order after the cuts: the first
   * `nMoves` entries. (Counts rather than emptying the arrays each segment-year, which made V8
   * drop and reallocate their storage.)
   */
  moves: Move[];
  nMoves: number;
}

/** Remove a fraction f of contacts, with draws from the intervention's own stream. */
export interface Cut {
  f: number;
  rng: Samplers;
  /** The intervention's index (model order). */
  iv: number;
}

/**
 * A world's price factor on a line: the scenario's, or with each intervention's price reduction
 * scaled by the world's reach of it (the same product, in the same order, as `priceFactor`).
 */
export function worldPriceFactor(w: BehaviourWorld, lp: LinePlan): number {
  if (!w.reachResponds) return lp.priceFactor;
  let f = 1;
  for (let i = 0; i < lp.priceCut.length; i++) if (lp.priceCut[i] > 0) f *= 1 - w.reach[i] * lp.priceCut[i];
  return f;
}

export interface Move {
  f: number;
  rng: Samplers;
  to: number;
  /** Mean cost and gamma shape of a moved contact on the receiving line. */
  toMu: number;
  toAlpha: number;
  /** New receiving-line contacts per moved contact. */
  additionality: number;
  /** Fraction of moved contacts refilled on the sending line. */
  refill: number;
  /** The substitution's index (model order). */
  sub: number;
}

export interface HighCostPlan {
  rate: number;
  /** Lognormal log-mean and log-sd of one episode's cost this year. */
  mu: number;
  sigma: number;
  /** High-cost rate reductions: the first `nCuts` entries. */
  cuts: Cut[];
  nCuts: number;
  /** Sorted per-case thresholds for the stop-loss excess. */
  thresholds: number[];
  /**
   * Lag-1 correlation ρ of a person's yearly high-cost indicator (0: years independent). With
   * ρ > 0 a person with a case last year has one with probability rate + ρ(1 − rate), one without
   * with rate(1 − ρ): the rate stays stationary. What follows is the chain's state, carried from
   * one year to the next of a replicate and cleared (`prevCases` −1) at its first year.
   */
  persistence: number;
  /** The segment's counterfactual cases last year, or −1 in a replicate's first year. */
  prevCases: number;
  /** The segment's size last year. */
  prevN: number;
  /** Person mode: who had a case last year (index = person; 1 = yes), grown as needed. */
  flags: Uint8Array;
}

/** Chance of a high-cost case this year for a person with (`had`) or without one last year. */
export function persistentRate(rate: number, rho: number, had: boolean): number {
  return had ? rate + rho * (1 - rate) : rate * (1 - rho);
}

/** Per-segment-year sums, added into the year's totals. Index by line where an array. */
export interface Tally {
  cfContacts: Float64Array;
  cfClaims: Float64Array;
  scContacts: Float64Array;
  scClaims: Float64Array;
  movedOut: Float64Array;
  movedIn: Float64Array;
  added: Float64Array;
  cfHcCases: number;
  cfHcCost: number;
  scHcCases: number;
  scHcCost: number;
  /**
   * Per stop-loss threshold, the high-cost cases' excess over it. Left at 0 in a behaviour world's
   * tally: every contract is settled on the scenario's excess (finance/plan.ts).
   */
  cfExcess: Float64Array;
  scExcess: Float64Array;
}

export function newTally(nLines: number, nThresholds: number): Tally {
  return {
    cfContacts: new Float64Array(nLines),
    cfClaims: new Float64Array(nLines),
    scContacts: new Float64Array(nLines),
    scClaims: new Float64Array(nLines),
    movedOut: new Float64Array(nLines),
    movedIn: new Float64Array(nLines),
    added: new Float64Array(nLines),
    cfHcCases: 0,
    cfHcCost: 0,
    scHcCases: 0,
    scHcCost: 0,
    cfExcess: new Float64Array(nThresholds),
    scExcess: new Float64Array(nThresholds),
  };
}

/** Adds tally `b` into `a`. */
export function addTally(a: Tally, b: Tally): void {
  for (let l = 0; l < a.cfContacts.length; l++) {
    a.cfContacts[l] += b.cfContacts[l];
    a.cfClaims[l] += b.cfClaims[l];
    a.scContacts[l] += b.scContacts[l];
    a.scClaims[l] += b.scClaims[l];
    a.movedOut[l] += b.movedOut[l];
    a.movedIn[l] += b.movedIn[l];
    a.added[l] += b.added[l];
  }
  a.cfHcCases += b.cfHcCases;
  a.cfHcCost += b.cfHcCost;
  a.scHcCases += b.scHcCases;
  a.scHcCost += b.scHcCost;
  for (let j = 0; j < a.cfExcess.length; j++) {
    a.cfExcess[j] += b.cfExcess[j];
    a.scExcess[j] += b.scExcess[j];
  }
}

export function resetTally(t: Tally): void {
  t.cfContacts.fill(0);
  t.cfClaims.fill(0);
  t.scContacts.fill(0);
  t.scClaims.fill(0);
  t.movedOut.fill(0);
  t.movedIn.fill(0);
  t.added.fill(0);
  t.cfHcCases = t.cfHcCost = t.scHcCases = t.scHcCost = 0;
  t.cfExcess.fill(0);
  t.scExcess.fill(0);
}

/** Simulates one segment-year into the tally (adds, never resets). */
export type SegmentYearSimulator = (plan: SegmentYearPlan, base: Samplers, tally: Tally) => void;
