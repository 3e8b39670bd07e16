import { LINES } from '../../core/names';
import { DEFAULT_SCOPE, LINE_FACTS } from '../../core/lines';
import { RunValueError } from '../../simulation/errors';
import { evaluator, VARIABLE_NAMES, VARIABLE_SLOT, type CompiledFormula } from '../formulaEval';

export { FormulaPathError } from '../formulaEval';
import { P_GP, P_HOSP, type ContractKind, type ContractOf } from './kind';

/**
 * Largest transfer a custom formula may give, euros per year (a thousand times the Dutch yearly
 * health-care budget of about €100 bn): beyond it the party results it is added to lose every
 * significant digit (1e300 + a hospital's revenue is 1e300).
 */
export const MAX_FORMULA_AMOUNT = 1e14;

const PARTIES = [
  ['gp', P_GP],
  ['hospital', P_HOSP],
] as const;

const DEFAULT_SCOPE_AT = Int32Array.from(DEFAULT_SCOPE.map((l) => LINES.indexOf(l)));
const slot = (name: string): number => {
  const i = VARIABLE_SLOT[name];
  if (i === undefined) throw new Error(`custom contract: no formula variable "${name}"`);
  return i;
};
const V = {
  benchmark: slot('benchmark'),
  actual: slot('actual'),
  savings: slot('savings'),
  savingsRate: slot('savingsRate'),
  quality: slot('quality'),
  population: slot('population'),
  year: slot('year'),
  movedHospital: slot('movedHospital'),
  movedGp: slot('movedGp'),
  previous: slot('previous'),
  claims: Int32Array.from(LINES.map((l) => slot(LINE_FACTS[l].variable.name))),
};

/** Fee-for-service plus a yearly transfer to each provider given by the contract's own formula. */
export const custom: ContractKind<ContractOf<'custom'>> = {
  paysFeeForService: true,
  register() {},
  settler(m, _r, index, s) {
    // The formulas were parsed and checked when the scenario was defined.
    const trees = s.model.contracts.formulas[index];
    const fm: { gp?: CompiledFormula; hospital?: CompiledFormula } = {};
    for (const [party] of PARTIES) {
      const tree = trees[party];
      if (tree !== undefined) fm[party] = evaluator(tree);
    }
    const vars = new Float64Array(VARIABLE_NAMES.length);
    const startYear = s.model.scenario.simulation.startYear;
    return {
      year(y) {
        const { row } = y;
        const B = s.sumBench(y, DEFAULT_SCOPE_AT);
        const A = s.sumClaims(y, DEFAULT_SCOPE_AT);
        vars[V.benchmark] = B;
        vars[V.actual] = A;
        vars[V.savings] = B - A;
        vars[V.savingsRate] = (B - A) / B;
        vars[V.quality] = y.quality[row];
        vars[V.population] = y.N;
        vars[V.year] = y.t;
        for (let l = 0; l < V.claims.length; l++) vars[V.claims[l]] = y.cl(l);
        vars[V.movedHospital] = y.movedHospital[row];
        vars[V.movedGp] = y.movedGp[row];
        for (const [party, p] of PARTIES) {
          const fn = fm[party];
          if (!fn) continue;
          vars[V.previous] = y.previous[p];
          const amount = fn(vars);
          if (!(Math.abs(amount) <= MAX_FORMULA_AMOUNT)) throw formulaValueError(index, party, amount, startYear + y.t);
          s.payInsToProvider(y, p, amount);
          y.paid += amount;
        }
      },
    };
  },
};

function formulaValueError(ri: number, party: string, amount: number, year: number): RunValueError {
  return new RunValueError({
    code: 'runFormulaValue',
    params: { formula: `financing.models[${ri}].formulas.${party}`, value: amount, year, ...(Number.isFinite(amount) ? { limit: MAX_FORMULA_AMOUNT } : {}) },
  });
}
