import { LINES, type Line } from '../core/names';
import type { Model } from '../simulation/model';
import { column, thetaColumns, type RunBlock } from '../simulation/columns';
import { minimumSavingsRate } from '../define/closedForm';
import { chanceCv, personCostMoments } from '../define/personCost';
import { benchmarkDrift, type BenchmarkDrift } from '../define/benchmarkDrift';
import { effectiveBaseYears } from '../define/definition';
import { drawParams } from '../params/registry';
import { probAtLeast, quantileMcse, quantileSorted, yearSlice, type Prob, type Stat } from './stats';
import { varianceSplit, type VarianceSplit } from './varianceSplit';
import { prepareInputsOf, sensitivityOf, type Importance, type SensitivityInputs } from './sensitivity';
import { memoised, statWith, type SummaryMemo } from './memo';
import { partiesOf, twinResultColumn } from '../core/columns';
import { detectabilityCurve, type DetectabilityPoint } from './detectability';
import { PartyResults, summarizeFinancing, type FinancingSummary } from './financing';

type PerLine = Record<Line, Stat>;

export interface SideSummary {
  /** Total regional cost, euros per year (all lines, all payers; scenario includes intervention costs). */
  total: Stat;
  /** Claims per line, euros per year (hospital includes high-cost cases). */
  claims: PerLine;
  /** Contacts per line per year. */
  contacts: PerLine;
  highCostCases: Stat;
  /** Quality score 0–100. */
  quality: Stat;
  /** (benchmark − actual) / benchmark, fraction. */
  observedSavings: Stat;
}

export interface YearSummary {
  /** Calendar year. */
  year: number;
  population: Stat;
  benchmark: Stat;
  cf: SideSummary;
  sc: SideSummary;
  /** Contacts moved away from each line, moved into each line (incl. additional), and additional only. */
  moved: { out: PerLine; in: PerLine; added: PerLine };
  /** Intervention costs, euros per year. */
  interventionCost: Stat;
  /** 1 − scenario / counterfactual, fraction. */
  reduction: Stat;
  /** P(reduction ≥ target). */
  pReachTarget: Prob;
  /** P(an evaluator observes savings ≥ target against the estimated benchmark), scenario. */
  pObserveTarget: Prob;
  /** The same under the counterfactual: the chance of "seeing" the target with no real change. */
  pObserveTargetByChance: Prob;
  /** Variance of the reduction split into random variation and parameter uncertainty. */
  reductionVariance: VarianceSplit;
}

export interface Summary {
  runs: number;
  horizonYears: number;
  startYear: number;
  /** Target reduction, fraction. */
  target: number;
  confidence: number;
  years: YearSummary[];
  /**
   * Per-person yearly cost in the start year from the closed forms (parameters at their means);
   * `cv` is the mixture CV of one random person, between-segment spread included (descriptive).
   */
  personCost: { mean: number; sd: number; cv: number };
  minimumSavingsRate: {
    /**
     * The CV behind z·CV/√N: the regional total's chance spread per √person with segment sizes
     * fixed, √(Σ w_s Var_s)/Σ w_s m_s over all lines (`chanceCv`).
     */
    cv: number;
    /** z·CV/√N at the configured confidence: what chance alone can produce (CMS logic, domain.md). */
    closedForm: number;
    /** The same at 90% and 95% confidence. */
    at90: number;
    at95: number;
    /**
     * What chance alone can produce when the benchmark is itself estimated from `benchmarkYears`
     * earlier years of the same population: closedForm·√(1 + 1/P), the threshold of the
     * detectability curve at this population. The number the workbench shows as "the smallest
     * saving not due to chance". With `benchmark.method: "expected"` the benchmark carries no
     * estimation noise and this equals closedForm.
     */
    withBenchmark: number;
    benchmarkYears: number;
    /** Empirical: the confidence-quantile of the counterfactual's observed savings in the last year (chance + benchmark error + trend risk). */
    empiricalLastYear: number;
    /** Monte Carlo standard error of `empiricalLastYear` (order statistics, distribution-free). */
    empiricalLastYearMcse: number;
    population: number;
  };
  /**
   * Can the target be seen? Over population sizes: the savings rate chance alone exceeds at 90% and
   * 95% confidence (benchmark from the pre-contract years unless `benchmarkEstimated` is false), and the probability that a true saving
   * equal to the target is observed above it. Normal approximation; the scenario's population is
   * one of the points.
   */
  detectability: { cv: number; preYears: number; benchmarkEstimated: boolean; scenarioPopulation: number; points: DetectabilityPoint[] };
  /**
   * How far the contract's benchmark drifts from the expected cost without any change, because
   * the trend it assumes differs from the scenario's own expected cost growth (closed forms,
   * parameters at their means); null with `benchmark.method: "expected"`.
   */
  benchmarkDrift: BenchmarkDrift | null;
  /** Parties' results under each financing model (and the status quo). */
  financing: FinancingSummary;
  /**
   * Which uncertain parameters drive the reduction in the last year, and each party's result over
   * the horizon under each financing model (rank-based; model.md §6). Top 10 per output.
   */
  sensitivity: { reductionLastYear: Importance[]; results: { model: string; party: string; drivers: Importance[] }[] };
  /**
   * Chance versus not knowing for the key outputs: each variance split by the law of total variance
   * into random variation (shrinks with population size) and parameter uncertainty (does not),
   * from the runs with a twin replicate (same θ, own random streams). Party results are revenue −
   * cost, summed over the horizon and in the first contract year.
   */
  varianceSplit: {
    reductionLastYear: VarianceSplit;
    totalCostLastYear: { cf: VarianceSplit; sc: VarianceSplit };
    parties: { model: string; party: string; horizon: VarianceSplit; firstYear: VarianceSplit }[];
  };
}

function side(b: RunBlock, p: 'cf' | 'sc', y: number, st: (x: Float64Array) => Stat): SideSummary {
  const s = (name: string) => st(yearSlice(column(b, name), b.years, y));
  return {
    total: s(`${p}.total`),
    claims: Object.fromEntries(LINES.map((l) => [l, s(`${p}.claims.${l}`)])) as PerLine,
    contacts: Object.fromEntries(LINES.map((l) => [l, s(`${p}.contacts.${l}`)])) as PerLine,
    highCostCases: s(`${p}.highCost.cases`),
    quality: s(`${p}.quality`),
    observedSavings: s(`${p}.observedSavings`),
  };
}

/** What to leave out of a summary. */
export interface SummarizeOptions {
  /**
   * False skips the sensitivity analyses (empty lists): for the partial summaries shown while a
   * run goes on, which do not show them and are made every few hundred milliseconds.
   */
  analyses?: boolean;
  /**
   * False leaves out the parties' results under the financing models (no parties, no models):
   * also for partial summaries, where they were most of the work and of the message size.
   */
  financing?: boolean;
  /** The statistics of earlier summaries, for those whose numbers have not changed (the summary worker's). */
  memo?: SummaryMemo;
}

/** Summaries of a merged block (model.md §6). Runs in workers or in Node, never on the UI thread. */
export function summarize(model: Model, b: RunBlock, opts: SummarizeOptions = {}): Summary {
  const sim = model.scenario.simulation;
  const target = sim.targetReduction;
  const memo = opts.memo;
  memo?.begin();
  // Each party's result under each contract, summed once for its risks, variance split and sensitivity.
  const sums = new PartyResults(b);
  const st = statWith(memo);
  const ys = (name: string, y: number) => yearSlice(column(b, name), b.years, y);
  const years: YearSummary[] = [];
  for (let y = 0; y < b.years; y++) {
    const perLine = (prefix: string) => Object.fromEntries(LINES.map((l) => [l, st(ys(`${prefix}.${l}`, y))])) as PerLine;
    const reduction = ys('reduction', y);
    years.push({
      year: sim.startYear + y,
      population: st(ys('population', y)),
      benchmark: st(ys('benchmark', y)),
      cf: side(b, 'cf', y, st),
      sc: side(b, 'sc', y, st),
      moved: { out: perLine('moved.out'), in: perLine('moved.in'), added: perLine('moved.added') },
      interventionCost: st(ys('sc.interventionCost', y)),
      reduction: st(reduction),
      pReachTarget: probAtLeast(reduction, target),
      pObserveTarget: probAtLeast(ys('sc.observedSavings', y), target),
      pObserveTargetByChance: probAtLeast(ys('cf.observedSavings', y), target),
      reductionVariance: varianceSplit(reduction, ys('twin.reduction', y)),
    });
  }
  const person = personCostMoments(model);
  const cv = chanceCv(model);
  const estimated = model.scenario.benchmark.method !== 'expected';
  const N = model.population;
  const lastCf = ys('cf.observedSavings', b.years - 1).sort();
  const results: Summary['sensitivity']['results'] = [];
  let drivers: Importance[] = [];
  if (opts.analyses !== false) {
    const uncertain = model.registry.slots.map((x, i) => (x.uncertain && model.scenario.simulation.parameterUncertainty ? i : -1)).filter((i) => i >= 0);
    const paths = uncertain.map((i) => model.registry.slots[i].path);
    const theta = thetaColumns(b, uncertain);
    let prepared: SensitivityInputs | null = null;
    // θ's ranks and regression are the same in every summary of the same runs' parameters: after an edit of contract terms or care they are kept.
    const top = (y: Float64Array) => sensitivityOf((prepared ??= memoised(memo, 'sensitivityInputs', theta, () => prepareInputsOf(theta))), paths, y).slice(0, 10);
    const drive = (y: Float64Array) => memoised(memo, `sensitivity\u0000${paths.join('\u0000')}`, [...theta, y], () => top(y));
    drivers = drive(ys('reduction', b.years - 1));
    for (const fm of model.financing.models) for (const party of partiesOf(fm.kind)) results.push({ model: fm.id, party, drivers: drive(sums.of(fm.id, party, 'horizon').result) });
  }
  const last = b.years - 1;
  const horizonSum = (col: Float64Array) => {
    const out = new Float64Array(b.runs);
    for (let r = 0; r < b.runs; r++) for (let t = 0; t < b.years; t++) out[r] += col[r * b.years + t];
    return out;
  };
  const splits: Summary['varianceSplit'] = {
    reductionLastYear: years[last].reductionVariance,
    totalCostLastYear: {
      cf: varianceSplit(ys('cf.total', last), ys('twin.cf.total', last)),
      sc: varianceSplit(ys('sc.total', last), ys('twin.sc.total', last)),
    },
    // Party splits are an analysis: partial summaries during a run leave them out.
    parties:
      opts.analyses === false || opts.financing === false
        ? []
        : model.financing.models.flatMap((fm) =>
            partiesOf(fm.kind).map((party) => {
              const tw = column(b, twinResultColumn(fm.id, party));
              return {
                model: fm.id,
                party,
                horizon: varianceSplit(sums.of(fm.id, party, 'horizon').result, horizonSum(tw)),
                firstYear: varianceSplit(sums.of(fm.id, party, 0).result, yearSlice(tw, b.years, 0)),
              };
            }),
          ),
  };
  const means = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const drift = estimated
    ? benchmarkDrift(
        { segments: model.segments, trend: model.trend, population: N, preYears: model.preYears, weights: model.benchmarkWeights, horizon: model.horizon, value: (r) => means[r] },
        means[model.benchmarkTrend],
      )
    : null;
  return {
    benchmarkDrift: drift,
    varianceSplit: splits,
    runs: b.runs,
    horizonYears: b.years,
    startYear: sim.startYear,
    target,
    confidence: sim.confidence,
    years,
    personCost: person,
    minimumSavingsRate: {
      cv,
      closedForm: minimumSavingsRate(cv, N, sim.confidence),
      at90: minimumSavingsRate(cv, N, 0.9),
      at95: minimumSavingsRate(cv, N, 0.95),
      withBenchmark: minimumSavingsRate(cv, N, sim.confidence) * (estimated ? Math.sqrt(1 + 1 / effectiveBaseYears(model)) : 1),
      benchmarkYears: model.preYears,
      empiricalLastYear: quantileSorted(lastCf, sim.confidence),
      empiricalLastYearMcse: quantileMcse(lastCf, sim.confidence),
      population: N,
    },
    detectability: { cv, preYears: model.preYears, benchmarkEstimated: estimated, scenarioPopulation: N, points: detectabilityCurve(cv, estimated ? effectiveBaseYears(model) : Infinity, target, N) },
    financing:
      opts.financing === false
        ? {
            parties: [],
            statusQuo: { horizon: {} as FinancingSummary['statusQuo']['horizon'], years: [] },
            statusQuoRisk: { horizon: {} as FinancingSummary['statusQuoRisk']['horizon'], years: [] },
            models: [],
          }
        : summarizeFinancing(model.financing, b, target, memo, sums),
    sensitivity: { reductionLastYear: drivers, results },
  };
}
