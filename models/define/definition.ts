import type { Param, Scenario } from '../scenario/schema';
import type { CorrelationPlan, ParamTable } from '../params/registry';
import { log } from '../random/math';

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
  highCost: null | { rate: Ref; kind: 'meanCv' | 'medianP99'; a: Ref; b: Ref; persistence: Ref };
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

/** A number a + b·θ[ref] (b unused when ref is −1): how a contract's incentive follows its parameters. */
export interface Affine {
  a: number;
  b: number;
  ref: Ref;
}

/**
 * One contract whose care responds to its incentives: per line the provider's marginal revenue per
 * contact relative to fee-for-service, per provider its share of a saving it creates, both before
 * dilution by the contract's coverage.
 */
export interface BehaviourWorldModel {
  /** The contract's index in the financing section, and its id. */
  contract: number;
  id: string;
  coverage: number;
  /** Per line. */
  marginal: Affine[];
  /** Per provider in `BEHAVIOUR_PARTIES` order. */
  gain: Affine[];
}

export interface BehaviourDefinition {
  elasticity: Ref;
  holdBack: Ref;
  /** Per line: its discretionary share (−1: the line does not respond). */
  discretionary: Ref[];
  worlds: BehaviourWorldModel[];
  /** Per substitution (model order): the index in `BEHAVIOUR_PARTIES` (define/behaviour.ts) of the party controlling it, or −1. */
  controller: number[];
  /** Per intervention (model order): the same for the party controlling its reach. */
  ivController: number[];
}

/** The parties' parameters that every contract reads. */
export interface ProviderRefs {
  fixed: Ref;
  speed: Ref;
  ratio: Ref;
}

/** The financing section as parameter references, registered by the finance stage's contract kinds. */
export interface ContractsDefinition {
  parties: { hospital: ProviderRefs; gp: ProviderRefs; margin: Ref; deductible: Ref[] };
  /** Per financing model (in the scenario's order), its parameters by name (-1: absent). */
  models: Record<string, Ref>[];
  /** Per-case stop-loss thresholds (euros) the contracts need, ascending. */
  excessThresholds: number[];
  /**
   * Per financing model, its custom formulas as checked expression trees (empty for other kinds),
   * so that the workers that settle runs need no formula parser.
   */
  formulas: { gp?: FormulaExpr; hospital?: FormulaExpr }[];
}

/**
 * A checked contract formula as plain data: a constant, a variable (by its slot in the formula's
 * variables), an operator or function (by name) on its arguments, or `c ? a : b`.
 */
export type FormulaExpr =
  | { k: 'const'; v: number }
  | { k: 'var'; slot: number }
  | { k: 'op'; fn: string; args: FormulaExpr[] }
  | { k: 'call'; fn: string; args: FormulaExpr[] }
  | { k: 'if'; c: FormulaExpr; a: FormulaExpr; b: FormulaExpr };

/** Parses and checks one formula of a financing model (`path` names its field in error messages). */
export type FormulaParser = (text: string, path: string) => FormulaExpr;

/** Registers one parameter and returns its index in θ (-1 when `node` is absent). */
export type RegisterParam = (path: string, node: Param | undefined, block: string, lo: number, hi: number) => Ref;

/**
 * Registers the financing section's parameters (in a fixed order, after the care model's). Passed
 * in by the caller: the contract kinds live in the finance stage, above this one.
 */
export type ContractRegistrar = (s: Scenario, P: RegisterParam) => ContractsDefinition;

/**
 * A scenario defined as parameter references: the "define" stage of the pipeline. Pure data (no
 * functions, no class instances), so it crosses to a worker by structured clone as it is.
 */
export interface ModelDefinition {
  scenario: Scenario;
  registry: ParamTable;
  blocks: Map<string, number[]>;
  /** Gaussian-copula plan for correlated parameters, or null. */
  correlation: CorrelationPlan | null;
  seed: string;
  horizon: number;
  preYears: number;
  /** Weights of the pre-contract years in the benchmark, oldest first; null: equal weights. */
  benchmarkWeights: number[] | null;
  /**
   * The contracts' coverage shares below 1, ascending and distinct: each segment is simulated as
   * nested sub-populations (the first round(n·c) people are covered at level c), so every level's
   * care is a sum of its own pieces. Empty when every contract covers the whole region.
   */
  coverageLevels: number[];
  /** Rebasing after every `every` contract years, removing the share `ratchet` of the gap to realised cost; null: none. */
  rebase: { every: number; ratchet: Ref } | null;
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
  /** The financing section's parameters, which the finance stage settles. */
  contracts: ContractsDefinition;
  /** How contracts' incentives change care, or null: every contract is settled on the scenario's care. */
  behaviour: BehaviourDefinition | null;
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

/**
 * Years' worth of information in the benchmark's base: P for equal weights, 1/Σw² otherwise (the
 * variance of a weighted mean of P independent years is Σw² times one year's).
 */
export function effectiveBaseYears(d: Pick<ModelDefinition, 'preYears' | 'benchmarkWeights'>): number {
  const w = d.benchmarkWeights;
  return w ? 1 / w.reduce((a, x) => a + x * x, 0) : d.preYears;
}

/** θ[ref], or `fallback` for an absent optional parameter. */
export const val = (theta: Float64Array, ref: Ref, fallback = 0): number => (ref < 0 ? fallback : theta[ref]);
