import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { LINES, PARTIES, PAYERS, type Line } from '../core/names';
import { finColumn, PAID_ITEMS, paidColumn, paidItemColumn, partiesOf, STATUS_QUO, twinResultColumn } from '../core/columns';
import type { Param, Scenario } from '../scenario/schema';
import type { Financing, FinancingModel } from '../scenario/contracts';
import type { RunBlock } from '../simulation/columns';
import type { ContractRegistrar, ContractsDefinition, ModelDefinition, ProviderRefs, Ref } from '../define/definition';
import type { Settlement } from '../simulation/model';
import { chanceCv } from '../define/personCost';
import { expectedExcessByYear, expectedPerCapita } from './expected';
import { RunValueError } from '../simulation/errors';
import { compileFormula, FormulaError, VARIABLE_NAMES, type CompiledFormula } from './formula';
import { ipow } from '../random/math';

/**
 * Financing stage (model.md §4–5): for every run and year, the money each party receives and
 * spends under each financing model, on the same simulated care (common random numbers).
 *
 * Money flows. The insurer's income is fixed ex ante (expected baseline claims net of the
 * deductible, plus a margin, per insured); the municipality's budget likewise covers expected
 * self-care. Providers have a production cost: fixed part F plus variable part, where F moves
 * toward the current volume by the capacity-adjustment share each year. Patients pay the
 * deductible share of hospital, 1.5-line and pharmacy claims to the insurer. Pharmacies and
 * self-care providers are paid at cost (outside the parties). Every contract only changes
 * transfers between parties, so the sum of all results is the same under every model.
 */
export const FIN_PARTIES = PARTIES;
const P_INS = 0;
const P_HOSP = 1;
const P_GP = 2;
const P_MUN = 3;
const P_PAT = 4;
const P_INT = 5;
const L = Object.fromEntries(LINES.map((l, i) => [l, i])) as Record<Line, number>;
const NL = LINES.length;
const DEFAULT_SCOPE: Line[] = ['gp', 'intermediate', 'hospital', 'pharmacy'];

export type FinancingPlan = Settlement;


/** The scenario's financing section, or fee-for-service with default parties. */
export function financingOf(s: Scenario): Financing {
  return (
    s.financing ?? {
      parties: {
        intermediateProvider: 'gp',
        hospital: { fixedShare: 0.8, adjustment: 0.2, costRatio: 1 },
        gp: { fixedShare: 0.5, adjustment: 0.5, costRatio: 1 },
        insurerMargin: 0.01,
        deductibleShare: { hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 },
      },
      models: [{ id: 'ffs', name: 'Fee-for-service', kind: 'ffs' }],
    }
  );
}

/** Registers the financing parameters (the define stage calls it) and names the stop-loss thresholds. */
export const registerContracts: ContractRegistrar = (s, P) => {
  const f = financingOf(s);
  const pb = 'financing';
  const at = 'financing.parties';
  const provider = (p: 'hospital' | 'gp') => ({
    fixed: P(`${at}.${p}.fixedShare`, f.parties[p].fixedShare, pb, 0, 1),
    speed: P(`${at}.${p}.adjustment`, f.parties[p].adjustment, pb, 0, 1),
    ratio: P(`${at}.${p}.costRatio`, f.parties[p].costRatio, pb, 0.5, 1.5),
  });
  const parties = {
    hospital: provider('hospital'),
    gp: provider('gp'),
    margin: P(`${at}.insurerMargin`, f.parties.insurerMargin, pb, -0.2, 0.2),
    deductible: LINES.map((l) =>
      l === 'hospital' || l === 'intermediate' || l === 'pharmacy' ? P(`${at}.deductibleShare.${l}`, f.parties.deductibleShare[l], pb, 0, 1) : -1,
    ),
  };
  const refs = f.models.map((m, i) => {
    const b = `financing:${m.id}`;
    const p = `financing.models[${i}]`;
    const r: Record<string, Ref> = {};
    const add = (k: string, node: Param | undefined, lo: number, hi: number) => (r[k] = node === undefined ? -1 : P(`${p}.${k}`, node, b, lo, hi));
    switch (m.kind) {
      case 'bonus':
        add('perInsured', m.perInsured, 0, 1e4);
        add('pot', m.pot, 0, 1e12);
        add('costTarget', m.costTarget, -1, 1);
        break;
      case 'sharedSavings':
        add('sharingRate', m.sharingRate, 0, 1);
        add('lossSharingRate', m.lossSharingRate, 0, 1);
        add('savingsCap', m.savingsCap, 0, 1);
        add('lossCap', m.lossCap, 0, 1);
        if ('fixed' in m.minimumSavingsRate) add('minimumSavingsRate.fixed', m.minimumSavingsRate.fixed, 0, 1);
        if ('fixed' in m.minimumLossRate) add('minimumLossRate.fixed', m.minimumLossRate.fixed, 0, 1);
        break;
      case 'population':
        add('discount', m.discount, -0.5, 0.5);
        if (m.stopLoss) add('stopLoss.loading', m.stopLoss.loading, 0, 2);
        if (m.corridor) {
          add('corridor.band', m.corridor.band, 0, 1);
          add('corridor.rate', m.corridor.rate, 0, 1);
        }
        break;
      case 'hospitalBudget':
        add('glide', m.glide, -0.5, 0.5);
        add('band', m.band, 0, 1);
        add('marginal', m.marginal, 0, 1);
        break;
    }
    return r;
  });
  const excessThresholds = [...new Set(f.models.flatMap((m) => (m.kind === 'population' && m.stopLoss ? [m.stopLoss.threshold] : [])))].sort((a, b) => a - b);
  return { parties, models: refs, excessThresholds };
};

/** The custom contracts' formulas, compiled; a formula that does not parse throws with its field. */
function compileFormulas(f: Financing): Map<string, { gp?: CompiledFormula; hospital?: CompiledFormula }> {
  const formulas = new Map<string, { gp?: CompiledFormula; hospital?: CompiledFormula }>();
  f.models.forEach((m, i) => {
    if (m.kind !== 'custom') return;
    const c: { gp?: CompiledFormula; hospital?: CompiledFormula } = {};
    for (const party of ['gp', 'hospital'] as const) {
      const text = m.formulas[party];
      if (text === undefined) continue;
      try {
        c[party] = compileFormula(text);
      } catch (e) {
        if (e instanceof FormulaError) throw new FormulaPathError(`financing.models[${i}].formulas.${party}`, e);
        throw e;
      }
    }
    formulas.set(m.id, c);
  });
  return formulas;
}

/** The settlement of a defined model: parties' money under each financing model, run by run. */
export function settlementOf(model: ModelDefinition): FinancingPlan {
  const f = financingOf(model.scenario);
  const c: ContractsDefinition = model.contracts;
  return buildPlan(model, f, c.parties, c.models, compileFormulas(f), c.excessThresholds);
}

/** A formula error with the field it sits in, for the validator. */
export class FormulaPathError extends Error {
  constructor(
    readonly path: string,
    readonly formulaError: FormulaError,
  ) {
    super(`${path}: ${formulaError.message}`);
    this.name = 'FormulaPathError';
  }
}

function buildPlan(
  model: ModelDefinition,
  f: Financing,
  parties: { hospital: ProviderRefs; gp: ProviderRefs; margin: Ref; deductible: Ref[] },
  refs: Record<string, Ref>[],
  formulas: Map<string, { gp?: CompiledFormula; hospital?: CompiledFormula }>,
  thresholds: number[],
): FinancingPlan {
  const expected = expectedPerCapita(model, thresholds);
  const v = (theta: Float64Array, r: Ref, fallback = 0) => (r < 0 ? fallback : theta[r]);
  const columns: string[] = [];
  const ids = [STATUS_QUO, ...f.models.map((m) => m.id)];
  for (const id of ids) {
    for (const p of FIN_PARTIES) columns.push(finColumn(id, p, 'revenue'), finColumn(id, p, 'cost'));
    if (id !== STATUS_QUO) columns.push(paidColumn(id));
  }
  for (const m of f.models) if (m.kind === 'population') for (const k of PAID_ITEMS) columns.push(paidItemColumn(m.id, k));
  const intermediateTo = f.parties.intermediateProvider === 'hospital' ? P_HOSP : P_GP;
  const H = model.horizon;
  const excessByYear = expectedExcessByYear(model, thresholds, H);
  // Per-run state, reused: claims per line and year for the two worlds (0 = counterfactual,
  // 1 = scenario), provider costs, the year's money per party. The apply below and `settle` read
  // it; nothing is allocated per run (closures and arrays made per run were most of this stage's
  // cost inside the run loop).
  const claims = [new Float64Array(H * NL), new Float64Array(H * NL)];
  const provCost = [new Float64Array(H * 2), new Float64Array(H * 2)];
  // (1 + the contract's trend)^t of the run being settled: the trend may be a distribution, drawn per run.
  const growth = new Float64Array(H);
  const rev = new Float64Array(6);
  const cost = new Float64Array(6);
  const previous = new Float64Array(6);
  const vars = new Float64Array(VARIABLE_NAMES.length);
  const PREVIOUS = VARIABLE_NAMES.indexOf('previous');
  const ded = new Float64Array(NL);
  const deflator = new Float64Array(NL);
  const scopes = f.models.map((m) => Int32Array.from(('scope' in m && m.scope ? m.scope : DEFAULT_SCOPE).map((l) => L[l])));
  const inScope = scopes.map((sc) => LINES.map((_, l) => sc.includes(l)));
  const defaultScope = Int32Array.from(DEFAULT_SCOPE.map((l) => L[l]));
  const stopLossAt = f.models.map((m) => (m.kind === 'population' && m.stopLoss ? thresholds.indexOf(m.stopLoss.threshold) : -1));
  const stopLossEngineAt = f.models.map((m) => (m.kind === 'population' && m.stopLoss ? model.excessThresholds.indexOf(m.stopLoss.threshold) : -1));
  const zOf = (c: number) => normalQuantile(c, 0, 1);
  // Chance spread of each contract's own scope, for thresholds set from a confidence level.
  const scopeCv = scopes.map((sc) => chanceCv(model, Array.from(sc)));
  const zMsr = f.models.map((m) => (m.kind === 'sharedSavings' && !('fixed' in m.minimumSavingsRate) ? zOf(m.minimumSavingsRate.confidence) : 0));
  const zMlr = f.models.map((m) => (m.kind === 'sharedSavings' && !('fixed' in m.minimumLossRate) ? zOf(m.minimumLossRate.confidence) : 0));

  /** Column arrays of one block, looked up by name once per block. */
  interface Cols {
    block: RunBlock;
    pop: Float64Array;
    claims: Float64Array[][];
    ivBy: Float64Array[];
    quality: Float64Array[];
    movedH: Float64Array;
    movedG: Float64Array;
    bench: Float64Array[];
    excess: Float64Array[][];
    rev: Float64Array[][];
    cost: Float64Array[][];
    paid: Float64Array[];
    /** Per model: the paid items' columns (population-based payment), else null. */
    paidItems: (Float64Array[] | null)[];
  }
  let R: Cols | null = null;
  // The simulator alternates between its block and a one-run scratch block (variance-split twins).
  const resolved = new WeakMap<RunBlock, Cols>();
  const resolve = (b: RunBlock): Cols => {
    const I = new Map(b.names.map((n, i) => [n, i]));
    const c = (name: string) => {
      const i = I.get(name);
      if (i === undefined) throw new Error(`financing: block has no column ${name}`);
      return b.cols[i];
    };
    const worlds = ['cf', 'sc'] as const;
    return {
      block: b,
      pop: c('population'),
      claims: worlds.map((w) => LINES.map((l) => c(`${w}.claims.${l}`))),
      ivBy: PAYERS.map((p) => c(`sc.interventionCost.${p}`)),
      quality: worlds.map((w) => c(`${w}.quality`)),
      movedH: c('moved.out.hospital'),
      movedG: c('moved.out.gp'),
      bench: LINES.map((l) => c(`benchmark.${l}`)),
      excess: worlds.map((w) => model.excessThresholds.map((_, j) => c(`${w}.excess.${j}`))),
      rev: ids.map((id) => FIN_PARTIES.map((p) => c(finColumn(id, p, 'revenue')))),
      cost: ids.map((id) => FIN_PARTIES.map((p) => c(finColumn(id, p, 'cost')))),
      paid: ids.map((id) => (id === STATUS_QUO ? new Float64Array(0) : c(paidColumn(id)))),
      paidItems: [null, ...f.models.map((m) => (m.kind === 'population' ? PAID_ITEMS.map((k) => c(paidItemColumn(m.id, k))) : null))],
    };
  };

  // Set by apply for the run being settled.
  let theta: Float64Array = new Float64Array(0);
  let row0 = 0;
  let margin = 0;
  let netExpected = 0;

  /** Real (start-year price) volume of world w on line l in year t. */
  const real = (w: number, l: number, t: number) => claims[w][t * NL + l] / ipow(1 + deflator[l], t);
  const volume = (w: number, p: number, t: number) =>
    (p === P_HOSP ? real(w, L.hospital, t) : real(w, L.gp, t)) + (intermediateTo === p ? real(w, L.intermediate, t) : 0);
  const providerCosts = (k: number, p: number, r: ProviderRefs) => {
    const phi = v(theta, r.fixed);
    const kappa = v(theta, r.speed);
    const ratio = v(theta, r.ratio, 1);
    const price = deflator[p === P_HOSP ? L.hospital : L.gp];
    for (let w = 0; w < 2; w++) {
      let F = phi * ratio * volume(0, p, 0);
      for (let t = 0; t < H; t++) {
        const V = volume(w, p, t);
        if (t > 0) F += kappa * (phi * ratio * V - F);
        provCost[w][t * 2 + k] = (F + (1 - phi) * ratio * V) * ipow(1 + price, t);
      }
    }
  };
  const payInsToProvider = (p: number, amount: number) => {
    rev[p] += amount;
    cost[P_INS] += amount;
  };
  const sumBench = (sc: Int32Array, row: number) => {
    let x = 0;
    for (let i = 0; i < sc.length; i++) x += R!.bench[sc[i]][row];
    return x;
  };
  const sumClaims = (c: Float64Array, sc: Int32Array, t: number) => {
    let x = 0;
    for (let i = 0; i < sc.length; i++) x += c[t * NL + sc[i]];
    return x;
  };

  /**
   * All years of one financing model (ri ≥ 0; −1 is the status quo: fee-for-service on the
   * counterfactual) in world w, written to the model's columns.
   */
  // The year being settled, read by `cl` (one closure for the whole plan, not one per year).
  let c = claims[0];
  let t = 0;
  const cl = (l: number) => c[t * NL + l];
  const settle = (m: FinancingModel | null, w: number, ri: number) => {
    const C = R!;
    c = claims[w];
    const quality = C.quality[w];
    const r = refs[ri] ?? {};
    const mi = ri + 1;
    previous.fill(0);
    const excessCol = ri >= 0 && stopLossEngineAt[ri] >= 0 ? C.excess[w][stopLossEngineAt[ri]] : null;
    // Multi-year shared-savings settlement accumulates over the period.
    let accS = 0;
    let accB = 0;
    let accQ = 0;
    let accN = 0;
    let paid = 0;
    const toProviders = (amount: number, split: { gp: number; hospital: number }) => {
      payInsToProvider(P_GP, amount * split.gp);
      payInsToProvider(P_HOSP, amount * split.hospital);
      paid += amount;
    };
    for (t = 0; t < H; t++) {
      const row = row0 + t;
      const N = C.pop[row];
      rev.fill(0);
      cost.fill(0);
      // Baseline money, the same under every contract.
      rev[P_INS] += (1 + margin) * N * netExpected * growth[t];
      rev[P_MUN] += N * expected.lines[L.selfcare] * growth[t];
      cost[P_MUN] += cl(L.selfcare);
      let deductible = 0;
      for (let l = 0; l < NL; l++) deductible += ded[l] * cl(l);
      rev[P_INS] += deductible;
      cost[P_PAT] += deductible;
      cost[P_INS] += cl(L.pharmacy);
      cost[P_HOSP] += provCost[w][t * 2];
      cost[P_GP] += provCost[w][t * 2 + 1];
      if (w === 1) {
        cost[P_INS] += C.ivBy[0][row];
        cost[P_HOSP] += C.ivBy[1][row];
        cost[P_GP] += C.ivBy[2][row];
        cost[P_MUN] += C.ivBy[3][row];
        cost[P_PAT] += C.ivBy[4][row];
      }
      // Fee-for-service claims of the providers, paid by the insurer unless a contract says otherwise.
      const ffsH = cl(L.hospital) + (intermediateTo === P_HOSP ? cl(L.intermediate) : 0);
      const ffsG = cl(L.gp) + (intermediateTo === P_GP ? cl(L.intermediate) : 0);
      paid = 0;
      if (!m || m.kind === 'ffs' || m.kind === 'bonus' || m.kind === 'sharedSavings' || m.kind === 'custom') {
        payInsToProvider(P_HOSP, ffsH);
        payInsToProvider(P_GP, ffsG);
      }
      if (m?.kind === 'bonus') {
        const sc = scopes[ri];
        const B = sumBench(sc, row);
        const ok = (m.qualityThreshold === undefined || quality[row] >= m.qualityThreshold) && (r.costTarget < 0 || (B - sumClaims(c, sc, t)) / B >= v(theta, r.costTarget));
        if (ok) toProviders(r.pot >= 0 ? v(theta, r.pot) : v(theta, r.perInsured) * N, m.split);
      } else if (m?.kind === 'sharedSavings') {
        const sc = scopes[ri];
        accS += sumBench(sc, row) - sumClaims(c, sc, t);
        accB += sumBench(sc, row);
        accQ += quality[row];
        accN++;
        if (accN === m.settlementYears || t === H - 1) {
          const rate = accS / accB;
          const msr = 'fixed' in m.minimumSavingsRate ? v(theta, r['minimumSavingsRate.fixed']) : (zMsr[ri] * scopeCv[ri]) / Math.sqrt(N * accN);
          const mlr = 'fixed' in m.minimumLossRate ? v(theta, r['minimumLossRate.fixed']) : (zMlr[ri] * scopeCv[ri]) / Math.sqrt(N * accN);
          const gateOk = m.qualityGate === undefined || accQ / accN >= m.qualityGate;
          if (rate >= msr && gateOk && accS > 0) {
            const base = m.firstEuro ? accS : accS - msr * accB;
            toProviders(Math.min(v(theta, r.sharingRate) * base, v(theta, r.savingsCap) * accB), m.split);
          } else if (m.sided === 'two' && rate <= -mlr && accS < 0) {
            const base = m.firstEuro ? -accS : -accS - mlr * accB;
            toProviders(-Math.min(v(theta, r.lossSharingRate) * base, v(theta, r.lossCap) * accB), m.split);
          }
          accS = accB = accQ = accN = 0;
        }
      } else if (m?.kind === 'population') {
        const sc = scopes[ri];
        const ins = inScope[ri];
        const budget = sumBench(sc, row) * (1 - v(theta, r.discount));
        rev[P_INT] += budget;
        cost[P_INS] += budget;
        // The integrator pays the providers' claims in scope; the insurer those outside it.
        const hospPart = (ins[L.hospital] ? cl(L.hospital) : 0) + (intermediateTo === P_HOSP && ins[L.intermediate] ? cl(L.intermediate) : 0);
        const gpPart = (ins[L.gp] ? cl(L.gp) : 0) + (intermediateTo === P_GP && ins[L.intermediate] ? cl(L.intermediate) : 0);
        rev[P_HOSP] += ffsH;
        rev[P_GP] += ffsG;
        cost[P_INT] += hospPart + gpPart;
        cost[P_INS] += ffsH - hospPart + (ffsG - gpPart);
        if (ins[L.pharmacy]) {
          cost[P_INT] += cl(L.pharmacy);
          cost[P_INS] -= cl(L.pharmacy);
        }
        // paid = what the insurer pays beyond fee-for-service: the budget less the claims it
        // replaces, plus stop-loss reimbursements and the corridor, less the premium it receives.
        let slPaid = 0;
        let slPremium = 0;
        let corridor = 0;
        if (m.stopLoss && ins[L.hospital]) {
          // The engine's threshold list may hold more than this stage's (options of tests).
          const excess = excessCol![row];
          const premium = excessByYear[stopLossAt[ri]][t] * N * (1 + v(theta, r['stopLoss.loading']));
          rev[P_INT] += excess;
          cost[P_INS] += excess;
          cost[P_INT] += premium;
          rev[P_INS] += premium;
          slPaid = excess;
          slPremium = -premium;
        }
        if (m.corridor) {
          const result = rev[P_INT] - cost[P_INT];
          const band = v(theta, r['corridor.band']) * budget;
          const rate = v(theta, r['corridor.rate']);
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
        const budgetPaid = budget - (hospPart + gpPart + (ins[L.pharmacy] ? cl(L.pharmacy) : 0));
        paid = budgetPaid + slPaid + slPremium + corridor;
        const items = C.paidItems[mi]!;
        items[0][row] = budgetPaid;
        items[1][row] = slPaid;
        items[2][row] = slPremium;
        items[3][row] = corridor;
      } else if (m?.kind === 'hospitalBudget') {
        const budget = C.bench[L.hospital][row0] * ipow(1 + v(theta, r.glide), t);
        const A = cl(L.hospital);
        const band = v(theta, r.band);
        const mg = v(theta, r.marginal);
        let revenue = budget;
        if (A > budget * (1 + band)) revenue += mg * (A - budget * (1 + band));
        else if (A < budget * (1 - band)) revenue -= mg * (budget * (1 - band) - A);
        const intermediate = intermediateTo === P_HOSP ? cl(L.intermediate) : 0;
        payInsToProvider(P_HOSP, revenue + intermediate);
        payInsToProvider(P_GP, ffsG);
        paid = revenue - A;
      } else if (m?.kind === 'custom') {
        const fm = formulas.get(m.id)!;
        const B = sumBench(defaultScope, row);
        const A = sumClaims(c, defaultScope, t);
        vars[0] = B;
        vars[1] = A;
        vars[2] = B - A;
        vars[3] = (B - A) / B;
        vars[4] = quality[row];
        vars[5] = N;
        vars[6] = t;
        vars[7] = cl(L.selfcare);
        vars[8] = cl(L.gp);
        vars[9] = cl(L.intermediate);
        vars[10] = cl(L.hospital);
        vars[11] = cl(L.pharmacy);
        vars[12] = C.movedH[row];
        vars[13] = C.movedG[row];
        for (const [party, p] of CUSTOM_PARTIES) {
          const fn = fm[party];
          if (!fn) continue;
          vars[PREVIOUS] = previous[p];
          const amount = fn(vars);
          if (!(Math.abs(amount) <= MAX_FORMULA_AMOUNT)) throw formulaValueError(ri, party, amount, model.scenario.simulation.startYear + t);
          payInsToProvider(p, amount);
          paid += amount;
        }
      }
      for (let p = 0; p < 6; p++) {
        C.rev[mi][p][row] = rev[p];
        C.cost[mi][p][row] = cost[p];
        previous[p] = rev[p] - cost[p];
      }
      if (mi > 0) C.paid[mi][row] = paid;
    }
  };

  return {
    models: f.models.map((m) => ({ id: m.id, name: m.name, kind: m.kind, ...(m.kind === 'population' ? { owner: m.owner } : {}) })),
    columns,
    twinColumns: f.models.flatMap((m) => partiesOf(m.kind).map((p) => twinResultColumn(m.id, p))),
    excessThresholds: thresholds,
    apply(b, slot, th) {
      if (R?.block !== b) {
        R = resolved.get(b) ?? resolve(b);
        resolved.set(b, R);
      }
      theta = th;
      row0 = slot * b.years;
      margin = v(theta, parties.margin);
      const g = v(theta, model.benchmarkTrend);
      for (let t = 0; t < H; t++) growth[t] = ipow(1 + g, t);
      for (let l = 0; l < NL; l++) {
        ded[l] = v(theta, parties.deductible[l]);
        deflator[l] = v(theta, model.trend[l]);
      }
      for (let w = 0; w < 2; w++)
        for (let l = 0; l < NL; l++) {
          const col = R.claims[w][l];
          for (let t = 0; t < H; t++) claims[w][t * NL + l] = col[row0 + t];
        }
      // Provider production costs per world, in start-year prices: claims are deflated by each
      // line's own price trend, the fixed part moves toward current real volume by the capacity
      // adjustment share per year, and the cost is re-inflated with the provider's main line.
      providerCosts(0, P_HOSP, parties.hospital);
      providerCosts(1, P_GP, parties.gp);
      netExpected = 0;
      for (let l = 0; l < NL; l++) if (LINES[l] !== 'selfcare') netExpected += expected.lines[l] * (1 - ded[l]);
      settle(null, 0, -1);
      for (let i = 0; i < f.models.length; i++) settle(f.models[i], 1, i);
    },
  };
}

/**
 * Largest transfer a custom formula may give, euros per year (a thousand times the Dutch yearly
 * health-care budget of about €100 bn): beyond it the party results it is added to lose every
 * significant digit (1e300 + a hospital's revenue is 1e300).
 */
export const MAX_FORMULA_AMOUNT = 1e14;

function formulaValueError(ri: number, party: string, amount: number, year: number): RunValueError {
  const beyond = Number.isFinite(amount) ? `, more than the ${MAX_FORMULA_AMOUNT.toExponential(0)} euros a formula may give` : '';
  return new RunValueError(`financing.models[${ri}].formulas.${party} gives ${Number.isFinite(amount) ? amount.toPrecision(3) : String(amount)} in ${year}${beyond} (a division by 0 or an overflow?)`);
}

const CUSTOM_PARTIES = [
  ['gp', P_GP],
  ['hospital', P_HOSP],
] as const;
