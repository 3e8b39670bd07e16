import { PARTIES } from '../../models/core/names';
import { finColumn, paidColumn } from '../../models/core/columns';
import type { RunBlock } from '../../models/simulation/columns';
import { column } from '../../models/simulation/columns';

/** Result (revenue − cost) of a party under a model, per run-year row. */
export function result(b: RunBlock, model: string, party: string): Float64Array {
  const r = column(b, finColumn(model, party, 'revenue'));
  const c = column(b, finColumn(model, party, 'cost'));
  return Float64Array.from(r, (x, i) => x - c[i]);
}

export function totalResult(b: RunBlock, model: string): Float64Array {
  const out = new Float64Array(b.runs * b.years);
  for (const p of PARTIES) result(b, model, p).forEach((x, i) => (out[i] += x));
  return out;
}

export const paid = (b: RunBlock, model: string) => column(b, paidColumn(model));

/** Sum over the scope lines of a run-year row. */
export function scopeSum(b: RunBlock, prefix: string, lines: string[], row: number): number {
  return lines.reduce((a, l) => a + column(b, `${prefix}.${l}`)[row], 0);
}

/** One segment of n people, all numbers fixed, flat (no trends, no growth): per-person cost CV = 2. */
export function flatRegion(n: number, seed: string, financing: unknown, runs = 1000) {
  return {
    version: 3,
    meta: { title: 'flat region' },
    simulation: { runs, horizonYears: 3, startYear: 2027, seed, varianceSplitRuns: 0 },
    region: {
      population: n,
      segments: [
        {
          id: 's',
          name: 's',
          share: 1,
          // λ = 1, k = 1 (Var K = 2), cost CV √2: CV² of a person's cost = c² + 1 + λ/k = 4.
          lines: { hospital: { contacts: 1, dispersion: 1, costPerContact: 2000, costCV: Math.SQRT2 } },
        },
      ],
    },
    benchmark: { preContractYears: 3, trend: 0 },
    financing,
  };
}

export const PARTIES_DEFAULT = {
  intermediateProvider: 'gp',
  hospital: { fixedShare: 0.8, adjustment: 0.1, costRatio: 1 },
  gp: { fixedShare: 0.5, adjustment: 0.5, costRatio: 1 },
  insurerMargin: 0.01,
  deductibleShare: { hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 },
};

/** Parties whose hospital adjusts 20% of its cost to volume, as the engine's fallback financing has them (PARTIES_DEFAULT: 10%). */
export const PARTIES_FIXED = {
  intermediateProvider: 'gp',
  hospital: { fixedShare: 0.8, adjustment: 0.2, costRatio: 1 },
  gp: { fixedShare: 0.5, adjustment: 0.5, costRatio: 1 },
  insurerMargin: 0.01,
  deductibleShare: { hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 },
};

/** A two-sided shared-savings contract with 2% thresholds, half shared each way, all of it to the hospital. */
export const TWO_SIDED = {
  id: 'ss',
  name: 'two-sided',
  kind: 'sharedSavings',
  sided: 'two',
  minimumSavingsRate: { fixed: 0.02 },
  minimumLossRate: { fixed: 0.02 },
  sharingRate: 0.5,
  lossSharingRate: 0.5,
  split: { gp: 0, hospital: 1 },
};
