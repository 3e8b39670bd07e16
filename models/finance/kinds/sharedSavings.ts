import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { chanceCv } from '../../define/personCost';
import type { ContractKind, ContractOf } from './kind';
import { LIMITS } from '../../scenario/limits';

/**
 * Shared savings (one- or two-sided): per settlement period, savings against the benchmark over
 * the scope beyond the minimum savings rate are shared with the providers (up to a cap); under
 * two-sided contracts losses beyond the minimum loss rate are paid back (up to a cap).
 */
export const sharedSavings: ContractKind<ContractOf<'sharedSavings'>> = {
  paysFeeForService: true,
  register(m, add) {
    add('sharingRate', m.sharingRate, ...LIMITS.share);
    add('lossSharingRate', m.lossSharingRate, ...LIMITS.share);
    add('savingsCap', m.savingsCap, ...LIMITS.share);
    add('lossCap', m.lossCap, ...LIMITS.share);
    if ('fixed' in m.minimumSavingsRate) add('minimumSavingsRate.fixed', m.minimumSavingsRate.fixed, ...LIMITS.share);
    if ('fixed' in m.minimumLossRate) add('minimumLossRate.fixed', m.minimumLossRate.fixed, ...LIMITS.share);
  },
  settler(m, r, _i, s) {
    const sc = s.scopeOf(m);
    // Chance spread of the contract's own scope, for thresholds set from a confidence level.
    const scopeCv = chanceCv(s.model, Array.from(sc));
    const zMsr = !('fixed' in m.minimumSavingsRate) ? normalQuantile(m.minimumSavingsRate.confidence, 0, 1) : 0;
    const zMlr = !('fixed' in m.minimumLossRate) ? normalQuantile(m.minimumLossRate.confidence, 0, 1) : 0;
    // A multi-year settlement accumulates over the period.
    let accS = 0;
    let accB = 0;
    let accQ = 0;
    let accN = 0;
    return {
      begin() {
        accS = accB = accQ = accN = 0;
      },
      year(y) {
        const { theta, N } = y;
        const bench = s.sumBench(y, sc);
        accS += bench - s.sumClaims(y, sc);
        accB += bench;
        accQ += y.quality[y.row];
        accN++;
        if (accN === m.settlementYears || y.t === y.years - 1) {
          const rate = accS / accB;
          const msr = 'fixed' in m.minimumSavingsRate ? s.v(theta, r['minimumSavingsRate.fixed']) : (zMsr * scopeCv) / Math.sqrt(N * accN);
          const mlr = 'fixed' in m.minimumLossRate ? s.v(theta, r['minimumLossRate.fixed']) : (zMlr * scopeCv) / Math.sqrt(N * accN);
          const gateOk = m.qualityGate === undefined || accQ / accN >= m.qualityGate;
          if (rate >= msr && gateOk && accS > 0) {
            const base = m.firstEuro ? accS : accS - msr * accB;
            s.toProviders(y, Math.min(s.v(theta, r.sharingRate) * base, s.v(theta, r.savingsCap) * accB), m.split);
          } else if (m.sided === 'two' && rate <= -mlr && accS < 0) {
            const base = m.firstEuro ? -accS : -accS - mlr * accB;
            s.toProviders(y, -Math.min(s.v(theta, r.lossSharingRate) * base, s.v(theta, r.lossCap) * accB), m.split);
          }
          accS = accB = accQ = accN = 0;
        }
      },
    };
  },
};
