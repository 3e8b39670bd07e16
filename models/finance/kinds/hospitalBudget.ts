import { ipow } from '../../random/math';
import { LINES } from '../../core/names';
import { P_GP, P_HOSP, type ContractKind, type ContractOf } from './kind';
import { LIMITS } from '../../scenario/limits';

const HOSPITAL = LINES.indexOf('hospital');

/**
 * A multi-year hospital budget along a glide path: hospital claims within ± the band are not
 * settled, volume outside it is paid at the marginal rate; other lines stay fee-for-service.
 */
export const hospitalBudget: ContractKind<ContractOf<'hospitalBudget'>> = {
  paysFeeForService: false,
  register(m, add) {
    add('glide', m.glide, ...LIMITS.yearlyChange);
    add('band', m.band, ...LIMITS.share);
    add('marginal', m.marginal, ...LIMITS.share);
  },
  settler(_m, r, _i, s) {
    // The hospital's other lines (1.5-line care when it provides it), paid fee-for-service.
    const others = Int32Array.from(LINES.flatMap((_, l) => (l !== HOSPITAL && s.providerOf[l] === P_HOSP ? [l] : [])));
    return {
      year(y) {
        const { theta, t } = y;
        const budget = y.bench[HOSPITAL][y.row0] * ipow(1 + s.v(theta, r.glide), t);
        const A = y.cl(HOSPITAL);
        const band = s.v(theta, r.band);
        const mg = s.v(theta, r.marginal);
        let revenue = budget;
        if (A > budget * (1 + band)) revenue += mg * (A - budget * (1 + band));
        else if (A < budget * (1 - band)) revenue -= mg * (budget * (1 - band) - A);
        let other = 0;
        for (let i = 0; i < others.length; i++) other += y.cl(others[i]);
        s.payInsToProvider(y, P_HOSP, revenue + other);
        s.payInsToProvider(y, P_GP, y.ffs[P_GP]);
        y.paid = revenue - A;
      },
    };
  },
};
