/**
 * The contract designer's vocabulary: which terms of each contract kind are negotiated, in which
 * ranges, who signs, and what each party can accept. Apart from the designer itself (design.ts),
 * so that the page can offer the choices without loading the simulation.
 */
import type { Party } from '../core/names';
import { partiesOf } from '../core/columns';

/** A term of the contract with the range to search: a path inside the contract, e.g. `sharingRate`, `corridor.band`. */
export interface TermRange {
  path: string;
  lo: number;
  hi: number;
}

/** Short names for the terms steering groups name most. */
export const TERM_ALIASES: Record<string, string> = {
  msr: 'minimumSavingsRate.fixed',
  mlr: 'minimumLossRate.fixed',
  share: 'sharingRate',
  lossShare: 'lossSharingRate',
};

/** A negotiable term with its default search range: `share` a fraction shown as a percentage, `euro` euros. */
export type DesignTerm = TermRange & { unit: 'share' | 'euro' };

/**
 * The contract's coverage (the contracting insurer's share of the region; absent it is 100%): a
 * term of every contract kind.
 */
const COVERAGE: DesignTerm = { path: 'coverage', lo: 0.2, hi: 1, unit: 'share' };

/**
 * The terms of each contract kind a steering group negotiates, with the range searched by default.
 * A stop-loss threshold and the coverage change what the simulation records, so each of their
 * values is simulated again on the same draws (slower, and said in the view).
 */
export const DESIGN_TERMS: Record<string, DesignTerm[]> = Object.fromEntries(
  Object.entries({
    sharedSavings: [
      { path: 'sharingRate', lo: 0, hi: 1, unit: 'share' },
      { path: 'lossSharingRate', lo: 0, hi: 1, unit: 'share' },
      { path: 'minimumSavingsRate.fixed', lo: 0, hi: 0.05, unit: 'share' },
      { path: 'savingsCap', lo: 0, hi: 0.2, unit: 'share' },
      { path: 'lossCap', lo: 0, hi: 0.2, unit: 'share' },
    ],
    population: [
      { path: 'discount', lo: -0.05, hi: 0.05, unit: 'share' },
      { path: 'corridor.band', lo: 0, hi: 0.1, unit: 'share' },
      { path: 'corridor.rate', lo: 0, hi: 1, unit: 'share' },
      { path: 'stopLoss.loading', lo: 0, hi: 1, unit: 'share' },
      { path: 'stopLoss.threshold', lo: 25_000, hi: 250_000, unit: 'euro' },
    ],
    hospitalBudget: [
      { path: 'glide', lo: 0, hi: 0.06, unit: 'share' },
      { path: 'band', lo: 0, hi: 0.1, unit: 'share' },
      { path: 'marginal', lo: 0, hi: 1, unit: 'share' },
    ],
    bonus: [
      { path: 'perInsured', lo: 0, hi: 50, unit: 'euro' },
      { path: 'costTarget', lo: 0, hi: 0.05, unit: 'share' },
    ],
  } satisfies Record<string, DesignTerm[]>).map(([kind, terms]) => [kind, [...terms, COVERAGE]]),
);

/** What one party can accept, over the horizon, as the change against the status quo. */
export interface Acceptance {
  party: Party;
  /** Least mean change of its result against the status quo, euros over the horizon (default 0). */
  minMeanGain: number;
  /** Highest chance of being worse off than under the status quo (default 0.5). */
  maxPWorse: number;
  /**
   * Largest mean shortfall against the status quo in the worst 5% (default: none): euros, or with
   * `esUnit: 'revenue'` a fraction of the party's mean revenue under the status quo (over the
   * horizon, or per year with `esOver: 'year'`).
   */
  maxEs?: number;
  esUnit?: 'euro' | 'revenue';
  /** The worst 5% of runs over the whole horizon (default), or of all simulated years (run × year). */
  esOver?: 'horizon' | 'year';
}

/** The parties that sign the contract: the insurer and the providers it pays (the integrator under population-based payment). */
export function signingParties(kind: string): Party[] {
  return partiesOf(kind).filter((p) => p !== 'municipality' && p !== 'patients') as Party[];
}

export function defaultAcceptance(kind: string): Acceptance[] {
  return signingParties(kind).map((party) => ({ party, minMeanGain: 0, maxPWorse: 0.5 }));
}

/** Whether `v` is one of the first grid's values of term `t` (else a refined point's, half-way between two). */
export function onGrid(v: number, t: TermRange, steps: number): boolean {
  const k = ((v - t.lo) / (t.hi - t.lo)) * (steps - 1);
  return Math.abs(k - Math.round(k)) < 1e-6;
}
