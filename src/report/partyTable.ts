import type { FinancingLike, PartyRiskLike } from '../charts/financeShape';

/** A party takes part in a contract when money moves for it (the rule FinanceView uses). */
export const inContract = (r: PartyRiskLike | undefined): r is PartyRiskLike => !!r && (r.revenue !== 0 || r.cost !== 0);

/** Parties that take part in at least one of the contracts, in the summary's order. */
export function partiesInAny(fin: FinancingLike): string[] {
  return fin.parties.filter((p) => fin.models.some((m) => inContract(m.horizon[p])));
}
