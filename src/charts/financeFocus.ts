import { createSignal } from 'solid-js';

/**
 * The party the per-party chart shows, shared by the financing view and the summary band (whose
 * party columns open that chart on their party). `null`: the party the scenario is about.
 */
const [picked, setPicked] = createSignal<string | null>(null);
export const pickedParty = picked;
export const pickParty = (p: string | null) => setPicked(p);

interface ModelLike {
  kind?: unknown;
  split?: { gp?: unknown; hospital?: unknown };
  formulas?: { gp?: unknown; hospital?: unknown };
}

/**
 * The party a scenario's contracts are about: each contract other than fee-for-service votes for
 * the party it pays (population payment: the integrator; a hospital budget: the hospital; bonus
 * and shared savings: the provider with the larger share of the split; a custom formula: the party
 * it pays, the GP group first); the most votes win, a tie goes to the earliest contract. Without
 * such contracts: the hospital, the party substitution hurts under fee-for-service.
 */
export function scenarioParty(input: unknown): string {
  const models = ((input as { financing?: { models?: unknown } } | undefined)?.financing?.models ?? []) as ModelLike[];
  const votes = new Map<string, { n: number; first: number }>();
  models.forEach((m, i) => {
    const p = partyOf(m);
    if (!p) return;
    const v = votes.get(p) ?? { n: 0, first: i };
    v.n++;
    votes.set(p, v);
  });
  let best: string | null = null;
  for (const [p, v] of votes) {
    const b = best ? votes.get(best)! : null;
    if (!b || v.n > b.n || (v.n === b.n && v.first < b.first)) best = p;
  }
  return best ?? 'hospital';
}

function partyOf(m: ModelLike): string | null {
  switch (m.kind) {
    case 'population':
      return 'integrator';
    case 'hospitalBudget':
      return 'hospital';
    case 'bonus':
    case 'sharedSavings': {
      const gp = Number(m.split?.gp ?? 1);
      const hosp = Number(m.split?.hospital ?? 0);
      return hosp > gp ? 'hospital' : 'gp';
    }
    case 'custom':
      return m.formulas?.gp ? 'gp' : m.formulas?.hospital ? 'hospital' : null;
    default:
      return null;
  }
}
