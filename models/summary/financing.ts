import { PARTIES, type Party } from '../core/names';
import type { LocalText } from '../scenario/localText';
import { column, worldPrefix, type RunBlock } from '../simulation/columns';
import { expectedShortfallMcse, meanSd, probAtLeast, proportion, quantilesAndSmallest, quantilesOf, stat, statAndSmallest, yearSlice, type Prob, type Stat } from './stats';
import { smallestSorted } from './orderStats';
import { finColumn, PAID_ITEMS, paidColumn, paidItemColumn, STATUS_QUO, type PaidItem } from '../core/columns';
import type { FinancingPlan } from '../finance/plan';
import { memoised, type SummaryMemo } from './memo';

/**
 * Risk of each party under each financing model. "Result" = revenue − cost, euros (per year, or
 * summed over the horizon). Losses are positive in VaR and ES.
 */
export interface PartyRisk {
  /** Mean revenue and cost, euros. */
  revenue: number;
  cost: number;
  result: Stat;
  /** P(result < 0). */
  pLoss: Prob;
  /** Value at risk 95%: the loss exceeded in 5% of runs (−5th percentile of the result). */
  var95: number;
  /** Monte Carlo standard error of var95 (order statistics). */
  var95Mcse: number;
  /** Expected shortfall 95%: the mean loss in the worst 5% of runs. */
  es95: number;
  /** Monte Carlo standard error of es95 (Manistre & Hancock 2005). */
  es95Mcse: number;
  /** Mean result as a fraction of mean revenue (NaN without revenue). */
  resultShareOfRevenue: number;
  /**
   * Result minus the status quo's result (FFS, no interventions) in the same run: mean, its MC SE,
   * and the 5th and 95th percentiles over runs (who gains and loses, with its range).
   */
  changeVsStatusQuo: { mean: number; sd: number; mcse: number; p5: number; p95: number };
  /** P(result < status quo result). */
  pWorseOff: Prob;
  /**
   * The mean shortfall against the status quo in the worst 5% of runs (positive = worse off than
   * the status quo), with its Monte Carlo SE: the "bad case" of the change, for the summary band.
   */
  changeEs95: number;
  changeEs95Mcse: number;
  /** Share of the sum of all parties' result variances that this party carries. */
  varianceShare: number;
}

export interface ModelRisk {
  id: string;
  name: LocalText;
  kind: string;
  /**
   * Payments beyond fee-for-service claims (bonus, shared savings, budget margin; under
   * population-based payment the budget beyond the claims it replaces plus stop-loss and corridor,
   * less the premium), euros over the horizon: the insurer's result under fee-for-service minus
   * its result under this model. `items` (population-based payment only) are the mean parts,
   * which sum to `mean`.
   */
  paid: { mean: number; pPaid: Prob; items?: Record<PaidItem, number> };
  horizon: Record<Party, PartyRisk>;
  years: Record<Party, PartyRisk>[];
  /**
   * The cost reduction of the care this contract is settled on, per year, and P(reduction ≥ the
   * scenario's target): its own care when its incentives change it (`ownCare`), else the scenario's.
   */
  care: { ownCare: boolean; target: number; years: { reduction: Stat; pReachTarget: Prob }[] };
  /**
   * Population-based payment only: the owners' results with their share of the integrator's
   * result added (GP group and hospital as consolidated groups), over the horizon.
   */
  owners?: { gp: OwnerRisk; hospital: OwnerRisk };
}

export interface OwnerRisk {
  /** Share of the integrator owned. */
  share: number;
  result: Stat;
  pLoss: Prob;
  var95: number;
  es95: number;
}

export interface FinancingSummary {
  parties: readonly Party[];
  statusQuo: { horizon: Record<Party, Stat>; years: Record<Party, Stat>[] };
  /**
   * The status quo's own risks (fee-for-service on the counterfactual), in the same form as a
   * model's: the reference row of the parties × contracts table (its change is 0 by definition).
   */
  statusQuoRisk: { horizon: Record<Party, PartyRisk>; years: Record<Party, PartyRisk>[] };
  models: ModelRisk[];
}

/** Each run's result (revenue − cost) and revenue of a party under a model, in one year or summed over the horizon. */
export function resultsOf(b: RunBlock, model: string, party: Party, year: number | 'horizon') {
  const from = year === 'horizon' ? 0 : year;
  return rowSums(column(b, finColumn(model, party, 'revenue')), column(b, finColumn(model, party, 'cost')), b.runs, b.years, from, year === 'horizon' ? b.years : from + 1);
}

/**
 * Per run, the sums of revenue − cost and of revenue over the years [from, to). Kept apart from
 * `resultsOf`, whose year may be a word, so that the loop sees numbers only: with a comparison
 * with text in the loop Chromium's compiler leaves it slow (a fifth of a summary there).
 */
function rowSums(rev: Float64Array, cost: Float64Array, runs: number, years: number, from: number, to: number) {
  const result = new Float64Array(runs);
  const revenue = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    let r = 0;
    let v = 0;
    for (let row = i * years + from; row < i * years + to; row++) {
      r += rev[row] - cost[row];
      v += rev[row];
    }
    result[i] = r;
    revenue[i] = v;
  }
  return { result, revenue };
}

/**
 * The parties' results of one block, each summed once: a summary reads a party's result under a
 * contract for its risks, its variance split and its sensitivity, and the status quo's for every
 * contract. The arrays are shared, so their readers must not change them.
 */
export class PartyResults {
  private kept = new Map<string, { result: Float64Array; revenue: Float64Array }>();
  constructor(private readonly b: RunBlock) {}

  of(model: string, party: Party, year: number | 'horizon'): { result: Float64Array; revenue: Float64Array } {
    const key = `${model}\u0000${party}\u0000${year}`;
    let r = this.kept.get(key);
    if (!r) this.kept.set(key, (r = resultsOf(this.b, model, party, year)));
    return r;
  }
}

/** How many runs of n make the worst 5% (at least one). */
const tailOf = (n: number) => Math.max(1, Math.floor(0.05 * n));

/** The worst 5% of results (at least one): their sum (in ascending order), count and SD. */
function worstTail(a: Float64Array): { es: number; tail: number; tailSd: number } {
  const tail = tailOf(a.length);
  if (a.length === 0) return { es: NaN, tail, tailSd: NaN };
  return tailFrom(smallestSorted(a, tail));
}

/** The sum (in ascending order), count and SD of the worst results, ascending. */
function tailFrom(worst: Float64Array): { es: number; tail: number; tailSd: number } {
  let es = 0;
  for (let i = 0; i < worst.length; i++) es += worst[i];
  return { es, tail: worst.length, tailSd: meanSd(worst).sd };
}

/**
 * `stat(a)` and `worstTail(a)`, from one pass of order statistics when `a` holds numbers only (as
 * the runs' outputs do: they are checked finite). `meanSd` counts the values that are not NaN.
 */
function statAndTail(a: Float64Array): { result: Stat; w: { es: number; tail: number; tailSd: number } } {
  const m = meanSd(a);
  if (a.length === 0 || m.n < a.length) return { result: stat(a), w: worstTail(a) };
  const r = statAndSmallest(a, tailOf(a.length), m);
  return { result: r.stat, w: tailFrom(r.smallest) };
}

/**
 * The 5th and 95th percentiles of `a` and `worstTail(a)`, from one pass of order statistics when
 * `a` holds numbers only (`numbers`: the caller has counted them).
 */
function percentilesAndTail(a: Float64Array, numbers: boolean): { p5: number; p95: number; w: { es: number; tail: number; tailSd: number } } {
  if (a.length === 0 || !numbers) {
    const [p5, p95] = quantilesOf(a, [0.05, 0.95]);
    return { p5, p95, w: worstTail(a) };
  }
  const r = quantilesAndSmallest(a, [0.05, 0.95], tailOf(a.length));
  return { p5: r.q[0], p95: r.q[1], w: tailFrom(r.smallest) };
}

const esMcse = (w: { es: number; tail: number; tailSd: number }, var95: number, n: number) => expectedShortfallMcse(w.tailSd, -w.es / w.tail, var95, n, 0.05);

/**
 * A party's results over runs against its status-quo results in the same runs: the change's mean,
 * spread and percentiles, P(worse off) and the mean shortfall in the worst 5% of runs.
 */
export function changeRisk(result: Float64Array, sq: Float64Array): Pick<PartyRisk, 'changeVsStatusQuo' | 'pWorseOff' | 'changeEs95' | 'changeEs95Mcse'> {
  const n = result.length;
  const diff = new Float64Array(n);
  let worse = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = result[i] - sq[i];
    if (diff[i] < 0) worse++;
  }
  const d = meanSd(diff);
  const { p5, p95, w: dw } = percentilesAndTail(diff, d.n === n);
  return {
    changeVsStatusQuo: { mean: d.mean, sd: d.sd, mcse: d.n > 0 ? d.sd / Math.sqrt(d.n) : NaN, p5, p95 },
    pWorseOff: proportion(worse, n),
    changeEs95: -dw.es / dw.tail,
    changeEs95Mcse: esMcse(dw, -p5, n),
  };
}

/** Each run's result (revenue − cost) of a party under a model, summed over the horizon. */
export const horizonResults = (b: RunBlock, model: string, party: Party): Float64Array => resultsOf(b, model, party, 'horizon').result;

function partyRisks(results: PartyResults, model: string, year: number | 'horizon'): Record<Party, PartyRisk> {
  return risksOf(PARTIES.map((p) => ({ p, ...results.of(model, p, year), sq: results.of(STATUS_QUO, p, year).result })));
}

function risksOf(per: { p: Party; result: Float64Array; revenue: Float64Array; sq: Float64Array }[]): Record<Party, PartyRisk> {
  const risks = per.map((x): PartyRisk => {
    const n = x.result.length;
    const { result, w } = statAndTail(x.result);
    const revenue = meanSd(x.revenue).mean;
    let losses = 0;
    for (let i = 0; i < n; i++) if (x.result[i] < 0) losses++;
    return {
      revenue,
      cost: revenue - result.mean,
      result,
      pLoss: proportion(losses, n),
      var95: -result.p5,
      var95Mcse: result.p5Mcse,
      es95: -w.es / w.tail,
      es95Mcse: esMcse(w, -result.p5, n),
      resultShareOfRevenue: revenue !== 0 ? result.mean / revenue : NaN,
      ...changeRisk(x.result, x.sq),
      varianceShare: 0,
    };
  });
  const totalVar = risks.reduce((a, r) => a + r.result.sd ** 2, 0);
  for (const r of risks) r.varianceShare = totalVar > 0 ? r.result.sd ** 2 / totalVar : 0;
  return Object.fromEntries(per.map((x, k) => [x.p, risks[k]])) as Record<Party, PartyRisk>;
}

/** The columns a contract's part of the summary reads (besides the status quo's): its parties' money, what it paid, its care's reduction. */
function modelColumns(b: RunBlock, m: FinancingPlan['models'][number]): Float64Array[] {
  const names = [...partyColumnNames(m.id), paidColumn(m.id), ...(m.kind === 'population' ? PAID_ITEMS.map((k) => paidItemColumn(m.id, k)) : []), careReduction(b, m.id)];
  return names.map((n) => column(b, n));
}

/** The reduction of the care a contract is settled on: its own when its incentives change care, else the scenario's. */
function careReduction(b: RunBlock, id: string): string {
  const own = `${worldPrefix(id)}reduction`;
  return b.names.includes(own) ? own : 'reduction';
}

const partyColumnNames = (id: string) => PARTIES.flatMap((p) => [finColumn(id, p, 'revenue'), finColumn(id, p, 'cost')]);

/**
 * `target`: the reduction whose chance each contract's care reaches is reported (NaN: not reported).
 * With a memo, the status quo's part and each contract's part are kept whole with the columns they
 * read: after an edit of one contract's terms only that contract's columns differ, and the others'
 * parts come back without building their results per party and period again.
 */
export function summarizeFinancing(plan: FinancingPlan, b: RunBlock, target = NaN, memo?: SummaryMemo, results = new PartyResults(b)): FinancingSummary {
  const yearsIdx = Array.from({ length: b.years }, (_, t) => t);
  const sqColumns = partyColumnNames(STATUS_QUO).map((n) => column(b, n));
  const sq = (year: number | 'horizon') => Object.fromEntries(PARTIES.map((p) => [p, stat(results.of(STATUS_QUO, p, year).result)])) as Record<Party, Stat>;
  const statusQuo = memoised(memo, `financing.statusQuo\u0000${b.years}`, sqColumns, () => ({
    statusQuo: { horizon: sq('horizon'), years: yearsIdx.map(sq) },
    statusQuoRisk: { horizon: partyRisks(results, STATUS_QUO, 'horizon'), years: yearsIdx.map((t) => partyRisks(results, STATUS_QUO, t)) },
  }));
  return {
    parties: PARTIES,
    ...statusQuo,
    models: plan.models.map((m) =>
      memoised(memo, `financing.model\u0000${b.years}\u0000${target}\u0000${JSON.stringify(m)}`, [...sqColumns, ...modelColumns(b, m)], () => modelRisk(b, m, target, yearsIdx, results)),
    ),
  };
}

/** One contract's part of the financing summary (`modelColumns` lists what it reads). */
function modelRisk(b: RunBlock, m: FinancingPlan['models'][number], target: number, yearsIdx: number[], results: PartyResults): ModelRisk {
  const paidCol = b.cols[b.names.indexOf(paidColumn(m.id))];
  const paid = new Float64Array(b.runs);
  let paidRuns = 0;
  for (let i = 0; i < b.runs; i++) {
    for (let t = 0; t < b.years; t++) paid[i] += paidCol[i * b.years + t];
    if (paid[i] > 0) paidRuns++;
  }
  const owners = m.owner
    ? (Object.fromEntries(
        (['gp', 'hospital'] as const).map((p) => {
          const own = results.of(m.id, p, 'horizon').result;
          const integ = results.of(m.id, 'integrator', 'horizon').result;
          const share = m.owner![p];
          const x = new Float64Array(own.length);
          let losses = 0;
          for (let i = 0; i < x.length; i++) if ((x[i] = own[i] + share * integ[i]) < 0) losses++;
          const {
            result,
            w: { es, tail },
          } = statAndTail(x);
          return [p, { share, result, pLoss: proportion(losses, x.length), var95: -result.p5, es95: -es / tail }];
        }),
      ) as { gp: OwnerRisk; hospital: OwnerRisk })
    : undefined;
  const items =
    m.kind === 'population'
      ? (Object.fromEntries(
          PAID_ITEMS.map((k) => {
            const col = b.cols[b.names.indexOf(paidItemColumn(m.id, k))];
            let sum = 0;
            for (let i = 0; i < col.length; i++) sum += col[i];
            return [k, b.runs > 0 ? sum / b.runs : NaN];
          }),
        ) as Record<PaidItem, number>)
      : undefined;
  const reduction = careReduction(b, m.id);
  const red = column(b, reduction);
  const care = {
    ownCare: reduction !== 'reduction',
    target,
    years: yearsIdx.map((t) => {
      const x = yearSlice(red, b.years, t);
      return { reduction: stat(x), pReachTarget: probAtLeast(x, target) };
    }),
  };
  return {
    ...m,
    ...(owners ? { owners } : {}),
    care,
    paid: { mean: meanSd(paid).mean, pPaid: proportion(paidRuns, b.runs), ...(items ? { items } : {}) },
    horizon: partyRisks(results, m.id, 'horizon'),
    years: yearsIdx.map((t) => partyRisks(results, m.id, t)),
  };
}
