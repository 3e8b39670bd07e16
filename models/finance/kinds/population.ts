import { LINES } from '../../core/names';
import { LINE_FACTS } from '../../core/lines';
import { PAID_ITEMS } from '../../core/columns';
import { P_GP, P_HOSP, P_INS, P_INT, type ContractKind, type ContractOf } from './kind';
import { LIMITS } from '../../scenario/limits';

const HOSPITAL = LINES.indexOf('hospital');
/** Lines whose providers are paid at cost by the insurer: in scope, the integrator pays them instead. */
const AT_COST = Int32Array.from(LINES.flatMap((l, i) => (LINE_FACTS[l].provider === null && LINE_FACTS[l].payer === 'insurer' ? [i] : [])));

/**
 * Population-based payment: an integrator, owned by the providers, receives a budget (benchmark
 * over the scope less a discount) and pays the claims in scope; optionally a stop-loss on
 * high-cost cases (the insurer pays the excess for a premium) and a risk corridor.
 */
export const population: ContractKind<ContractOf<'population'>> = {
  paysFeeForService: false,
  paidItems: PAID_ITEMS,
  register(m, add) {
    add('discount', m.discount, ...LIMITS.yearlyChange);
    if (m.stopLoss) add('stopLoss.loading', m.stopLoss.loading, ...LIMITS.loading);
    if (m.corridor) {
      add('corridor.band', m.corridor.band, ...LIMITS.share);
      add('corridor.rate', m.corridor.rate, ...LIMITS.share);
    }
  },
  excessThresholds: (m) => (m.stopLoss ? [m.stopLoss.threshold] : []),
  settler(m, r, _i, s) {
    const sc = s.scopeOf(m);
    const ins = LINES.map((_, l) => sc.includes(l));
    const atCost = AT_COST.filter((l) => ins[l]);
    const stopLossAt = m.stopLoss ? s.thresholds.indexOf(m.stopLoss.threshold) : -1;
    /** Claims in scope of the lines provider p is paid for. */
    const providedPart = (y: Parameters<typeof s.sumClaims>[0], p: number) => {
      let x = 0;
      for (let l = 0; l < LINES.length; l++) if (ins[l] && s.providerOf[l] === p) x += y.cl(l);
      return x;
    };
    return {
      year(y) {
        const { theta, rev, cost, row, N, t } = y;
        const budget = s.sumBench(y, sc) * (1 - s.v(theta, r.discount));
        rev[P_INT] += budget;
        cost[P_INS] += budget;
        // The integrator pays the providers' claims in scope; the insurer those outside it.
        const hospPart = providedPart(y, P_HOSP);
        const gpPart = providedPart(y, P_GP);
        const ffsH = y.ffs[P_HOSP];
        const ffsG = y.ffs[P_GP];
        rev[P_HOSP] += ffsH;
        rev[P_GP] += ffsG;
        cost[P_INT] += hospPart + gpPart;
        cost[P_INS] += ffsH - hospPart + (ffsG - gpPart);
        let atCostPart = 0;
        for (let i = 0; i < atCost.length; i++) {
          const x = y.cl(atCost[i]);
          cost[P_INT] += x;
          cost[P_INS] -= x;
          atCostPart += x;
        }
        // paid = what the insurer pays beyond fee-for-service: the budget less the claims it
        // replaces, plus stop-loss reimbursements and the corridor, less the premium it receives.
        let slPaid = 0;
        let slPremium = 0;
        let corridor = 0;
        if (m.stopLoss && ins[HOSPITAL]) {
          // The engine's threshold list may hold more than this stage's (options of tests).
          const excess = y.excess![row];
          const premium = s.excessByYear[stopLossAt][t] * N * (1 + s.v(theta, r['stopLoss.loading']));
          rev[P_INT] += excess;
          cost[P_INS] += excess;
          cost[P_INT] += premium;
          rev[P_INS] += premium;
          slPaid = excess;
          slPremium = -premium;
        }
        if (m.corridor) {
          const result = rev[P_INT] - cost[P_INT];
          const band = s.v(theta, r['corridor.band']) * budget;
          const rate = s.v(theta, r['corridor.rate']);
          if (result > band) {
            cost[P_INT] += rate * (result - band);
            rev[P_INS] += rate * (result - band);
            corridor = -rate * (result - band);
          } else if (result < -band) {
            rev[P_INT] += rate * (-band - result);
            cost[P_INS] += rate * (-band - result);
            corridor = rate * (-band - result);
          }
        }
        const budgetPaid = budget - (hospPart + gpPart + atCostPart);
        y.paid = budgetPaid + slPaid + slPremium + corridor;
        const items = y.paidItems!;
        items[0][row] = budgetPaid;
        items[1][row] = slPaid;
        items[2][row] = slPremium;
        items[3][row] = corridor;
      },
    };
  },
};
