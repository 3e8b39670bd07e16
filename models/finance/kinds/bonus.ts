import type { ContractKind, ContractOf } from './kind';
import { LIMITS } from '../../scenario/limits';

/**
 * Fee-for-service plus a bonus (per insured, or a fixed pot) in each year the quality threshold
 * and the cost target over the scope are met, split between the providers.
 */
export const bonus: ContractKind<ContractOf<'bonus'>> = {
  paysFeeForService: true,
  register(m, add) {
    add('perInsured', m.perInsured, ...LIMITS.bonusPerInsured);
    add('pot', m.pot, ...LIMITS.amount);
    add('costTarget', m.costTarget, ...LIMITS.costTarget);
  },
  settler(m, r, _i, s) {
    const sc = s.scopeOf(m);
    return {
      year(y) {
        const B = s.sumBench(y, sc);
        const ok = (m.qualityThreshold === undefined || y.quality[y.row] >= m.qualityThreshold) && (r.costTarget < 0 || (B - s.sumClaims(y, sc)) / B >= s.v(y.theta, r.costTarget));
        if (ok) s.toProviders(y, r.pot >= 0 ? s.v(y.theta, r.pot) : s.v(y.theta, r.perInsured) * y.N, m.split);
      },
    };
  },
};
