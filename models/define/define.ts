import { LINES, PAYERS, lineIndex } from '../core/names';
import type { Param, Scenario } from '../scenario/schema';
import { paramValue, ParamRegistry } from '../params/registry';
import { expectedGrowth } from './benchmarkDrift';
import { NON_NEGATIVE_MAX } from '../scenario/param';
import { log } from '../random/math';
import { correlationPlan, type CorrelationPlan } from '../params/correlation';
import type { FieldError } from '../scenario/validate';
import { prepareFinancing, type FinancingPlan } from '../finance/plan';

/** Index of a parameter in θ, or -1 when absent. */
export type Ref = number;

export interface LineUseModel {
  contacts: Ref;
  dispersion: Ref;
  cost: Ref;
  cv: Ref;
}

export interface SegmentModel {
  id: string;
  share: number;
  growth: Ref;
  lines: (LineUseModel | null)[];
  highCost: null | { rate: Ref; kind: 'meanCv' | 'medianP99'; a: Ref; b: Ref };
}

export interface SubstitutionModel {
  id: string;
  /** Stream block name; derived from the id so that list order does not matter. */
  block: string;
  from: number;
  to: number;
  segments: boolean[];
  eligible: Ref;
  maxShift: Ref;
  startYear: number;
  midpoint: Ref;
  steepness: Ref;
  cost: Ref;
  cv: Ref;
  additionality: Ref;
  refill: Ref;
}

export interface InterventionModel {
  id: string;
  block: string;
  segments: boolean[];
  startYear: number;
  reachMax: Ref;
  rampYears: Ref;
  lagYears: Ref;
  contacts: Ref[];
  price: Ref[];
  highCostRate: Ref;
  quality: Ref;
  oneOff: Ref;
  perYear: Ref;
  perParticipant: Ref;
  /** Share paid by each of PAYERS. */
  payer: number[];
}

/** A scenario compiled to parameter references: the "define" stage of the pipeline. */
export interface Model {
  scenario: Scenario;
  registry: ParamRegistry;
  blocks: Map<string, number[]>;
  /** Gaussian-copula plan for correlated parameters, or null. */
  correlation: CorrelationPlan | null;
  seed: string;
  horizon: number;
  preYears: number;
  population: number;
  segments: SegmentModel[];
  trend: Ref[];
  benchmarkTrend: Ref;
  qualityBaseline: Ref;
  qualityNoise: Ref;
  substitutions: SubstitutionModel[];
  interventions: InterventionModel[];
  /** Per-case thresholds (euros) for which the excess of high-cost cases is accumulated (stop-loss). */
  excessThresholds: number[];
  /** The financing stage: parties' money under each financing model. */
  financing: FinancingPlan;
}

/** A scenario that passed the schema but cannot be compiled (e.g. impossible correlations). */
export class CompileError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    this.name = 'CompileError';
  }
}

export const BASE_BLOCK = 'base';
export const subBlock = (id: string) => `substitution:${id}`;
export const ivBlock = (id: string) => `intervention:${id}`;

export function compile(s: Scenario, opts: { excessThresholds?: number[] } = {}): Model {
  const reg = new ParamRegistry();
  const P = (path: string, node: Param | undefined, block: string, lo: number, hi: number): Ref =>
    node === undefined ? -1 : reg.add(path, node, block, lo, hi);
  // The documented upper limit of every nonNegative field: unbounded distributions are clamped to it.
  const nonneg = NON_NEGATIVE_MAX;

  const segIds = s.region.segments.map((g) => g.id);
  const mask = (ids: string[]) => segIds.map((id) => ids.length === 0 || ids.includes(id));

  const segments: SegmentModel[] = s.region.segments.map((g, i) => {
    const at = `region.segments[${i}]`;
    const lines = LINES.map((l) => {
      const u = g.lines[l];
      if (!u) return null;
      const lp = `${at}.lines.${l}`;
      return {
        contacts: P(`${lp}.contacts`, u.contacts, BASE_BLOCK, 0, nonneg),
        dispersion: P(`${lp}.dispersion`, u.dispersion, BASE_BLOCK, 1e-6, 1e6),
        cost: P(`${lp}.costPerContact`, u.costPerContact, BASE_BLOCK, 0, nonneg),
        cv: P(`${lp}.costCV`, u.costCV, BASE_BLOCK, 0, 50),
      };
    });
    let highCost: SegmentModel['highCost'] = null;
    if (g.highCost) {
      const hp = `${at}.highCost`;
      const sev = g.highCost.severity;
      highCost =
        'mean' in sev
          ? { rate: P(`${hp}.rate`, g.highCost.rate, BASE_BLOCK, 0, 1), kind: 'meanCv', a: P(`${hp}.severity.mean`, sev.mean, BASE_BLOCK, 0, nonneg), b: P(`${hp}.severity.cv`, sev.cv, BASE_BLOCK, 0.01, 50) }
          : { rate: P(`${hp}.rate`, g.highCost.rate, BASE_BLOCK, 0, 1), kind: 'medianP99', a: P(`${hp}.severity.median`, sev.median, BASE_BLOCK, 0, nonneg), b: P(`${hp}.severity.p99`, sev.p99, BASE_BLOCK, 0, nonneg) };
    }
    return { id: g.id, share: g.share, growth: P(`${at}.growth`, g.growth, BASE_BLOCK, -0.5, 0.5), lines, highCost };
  });

  const trend = LINES.map((l) => P(`lines.${l}.trend`, s.lines[l]?.trend, BASE_BLOCK, -0.5, 0.5));
  // A contract that states no trend assumes the scenario's own expected cost growth (closed
  // form, parameters at their means); a fixed default would let a region without any change
  // "save" or "lose" by the drift between the two.
  const benchmarkTrend = P(
    'benchmark.trend',
    s.benchmark.trend ??
      expectedGrowth({ segments, trend, population: s.region.population, preYears: s.benchmark.preContractYears, horizon: s.simulation.horizonYears, value: (r) => paramValue(reg.slots[r], 0.5, false) }),
    BASE_BLOCK,
    -0.5,
    0.5,
  );
  const qualityBaseline = P('quality.baseline', s.quality.baseline, BASE_BLOCK, 0, 100);
  const qualityNoise = P('quality.noiseSD', s.quality.noiseSD, BASE_BLOCK, 0, 50);

  const substitutions: SubstitutionModel[] = s.substitution.map((x, i) => {
    const b = subBlock(x.id);
    const at = `substitution[${i}]`;
    return {
      id: x.id,
      block: b,
      from: lineIndex(x.from),
      to: lineIndex(x.to),
      segments: mask(x.segments),
      eligible: P(`${at}.eligible`, x.eligible, b, 0, 1),
      maxShift: P(`${at}.maxShift`, x.maxShift, b, 0, 1),
      startYear: x.uptake.startYear,
      midpoint: P(`${at}.uptake.midpointYears`, x.uptake.midpointYears, b, 0, 15),
      steepness: P(`${at}.uptake.steepness`, x.uptake.steepness, b, 0.01, 20),
      cost: P(`${at}.costPerContact`, x.costPerContact, b, 0, nonneg),
      cv: P(`${at}.costCV`, x.costCV, b, 0, 50),
      additionality: P(`${at}.additionality`, x.additionality, b, 0, 20),
      refill: P(`${at}.refill`, x.refill, b, 0, 1),
    };
  });

  const interventions: InterventionModel[] = s.interventions.map((x, i) => {
    const b = ivBlock(x.id);
    const at = `interventions[${i}]`;
    const payer = PAYERS.map((p) => (typeof x.payer === 'string' ? (x.payer === p ? 1 : 0) : (x.payer[p] ?? 0)));
    return {
      id: x.id,
      block: b,
      segments: mask(x.segments),
      startYear: x.startYear,
      reachMax: P(`${at}.reach.max`, x.reach.max, b, 0, 1),
      rampYears: P(`${at}.reach.rampYears`, x.reach.rampYears, b, 0, 15),
      lagYears: P(`${at}.lagYears`, x.lagYears, b, 0, 10),
      contacts: LINES.map((l) => P(`${at}.effects.contacts.${l}`, x.effects.contacts?.[l], b, 0, 1)),
      price: LINES.map((l) => P(`${at}.effects.price.${l}`, x.effects.price?.[l], b, 0, 1)),
      highCostRate: P(`${at}.effects.highCostRate`, x.effects.highCostRate, b, 0, 1),
      quality: P(`${at}.effects.quality`, x.effects.quality, b, -100, 100),
      oneOff: P(`${at}.cost.oneOff`, x.cost.oneOff, b, 0, nonneg),
      perYear: P(`${at}.cost.perYear`, x.cost.perYear, b, 0, nonneg),
      perParticipant: P(`${at}.cost.perParticipant`, x.cost.perParticipant, b, 0, nonneg),
      payer,
    };
  });

  const fin = prepareFinancing(s, (path, node, block, lo, hi) => P(path, node as Param | undefined, block, lo, hi));
  const corr = correlationPlan(reg, s.correlations);
  if (corr.errors.length > 0) throw new CompileError(corr.errors);

  const model: Model = {
    scenario: s,
    registry: reg,
    blocks: reg.blocks(),
    correlation: corr.plan,
    seed: s.simulation.seed,
    horizon: s.simulation.horizonYears,
    preYears: s.benchmark.preContractYears,
    population: s.region.population,
    segments,
    trend,
    benchmarkTrend,
    qualityBaseline,
    qualityNoise,
    substitutions,
    interventions,
    excessThresholds: [...new Set([...(opts.excessThresholds ?? []), ...fin.excessThresholds])].sort((a, b) => a - b),
    financing: null as unknown as FinancingPlan,
  };
  model.financing = fin.finish(model);
  return model;
}

const Z99 = 2.3263478740408408;

/** Log-scale parameters of a segment's high-cost episode cost (lognormal) in the start year. */
export function severityLogParams(theta: Float64Array, hc: NonNullable<SegmentModel['highCost']>): { mu: number; sigma: number } {
  if (hc.kind === 'meanCv') {
    const cv = val(theta, hc.b);
    const sigma = Math.sqrt(log(1 + cv * cv));
    return { mu: log(val(theta, hc.a)) - (sigma * sigma) / 2, sigma };
  }
  const mu = log(val(theta, hc.a));
  return { mu, sigma: Math.max(0, (log(val(theta, hc.b)) - mu) / Z99) };
}

/** θ[ref], or `fallback` for an absent optional parameter. */
export const val = (theta: Float64Array, ref: Ref, fallback = 0): number => (ref < 0 ? fallback : theta[ref]);
