import type { Ref } from '../../define/definition';
import type { ModelDefinition } from '../../define/definition';
import type { Financing, FinancingModel } from '../../scenario/contracts';
import type { Param } from '../../scenario/schema';
import type { PaidItem } from '../../core/columns';

/** Registers one of a contract's parameters under `key` (its path below the contract). */
export type AddParam = (key: string, node: Param | undefined, lo: number, hi: number) => void;

/** Party indices into the year's money (`PARTIES` order). */
export const P_INS = 0;
export const P_HOSP = 1;
export const P_GP = 2;
export const P_MUN = 3;
export const P_PAT = 4;
export const P_INT = 5;

/**
 * One year of one run being settled: what the shared part of the settlement has worked out, and
 * where a contract writes. One object for the whole plan, refilled each year (nothing is allocated
 * inside the run loop).
 */
export interface Year {
  /** θ of the run. */
  theta: Float64Array;
  /** Contract year (0 = first) and the number of years. */
  t: number;
  years: number;
  /** Row of this year in the block's columns, and of the run's first year. */
  row: number;
  row0: number;
  /** Insured people this year. */
  N: number;
  /** Claims of the world being settled on line l this year. */
  cl(l: number): number;
  /** Money per party this year (`P_*` indices); a contract adds its transfers. */
  rev: Float64Array;
  cost: Float64Array;
  /** Each party's result under this contract last year (0 in the first year). */
  previous: Float64Array;
  /** Fee-for-service claims of the providers this year (hospital at `P_HOSP`, GP group at `P_GP`). */
  ffs: Float64Array;
  /** The insurer's payment beyond fee-for-service this year; a contract adds to it. */
  paid: number;
  /** Columns of the run block for this world. */
  quality: Float64Array;
  bench: Float64Array[];
  movedHospital: Float64Array;
  movedGp: Float64Array;
  /** The high-cost excess column of this contract's stop-loss threshold, or null. */
  excess: Float64Array | null;
  /** This contract's paid-item columns (`PAID_ITEMS` order), when it reports them. */
  paidItems: Float64Array[] | null;
}

/** What the shared part of the settlement offers a contract kind. */
export interface Shared {
  model: ModelDefinition;
  financing: Financing;
  /** θ[r], or `fallback` for an absent parameter. */
  v(theta: Float64Array, r: Ref, fallback?: number): number;
  /** The insurer pays `amount` to party p (`P_HOSP` or `P_GP`). */
  payInsToProvider(y: Year, p: number, amount: number): void;
  /** The insurer pays `amount` to the providers in shares `split`, counted as paid beyond fee-for-service. */
  toProviders(y: Year, amount: number, split: { gp: number; hospital: number }): void;
  /** Benchmark and claims of this year over a list of line indices. */
  sumBench(y: Year, scope: Int32Array): number;
  sumClaims(y: Year, scope: Int32Array): number;
  /** The contract's scope as line indices (its own, or the lines in the default scope). */
  scopeOf(m: FinancingModel): Int32Array;
  /** Party index of the provider paid for line l, or -1 when its providers are paid at cost. */
  providerOf: Int32Array;
  /** The stop-loss thresholds this plan prices, and their expected excess per person by year. */
  thresholds: number[];
  excessByYear: Float64Array[];
}

/** A contract's settlement within one plan: `year` is called for every year of a run, in order. */
export interface Settler {
  /** Before the first year of each run and world. */
  begin?(): void;
  year(y: Year): void;
}

/** One kind of contract: its parameters and how it settles a year. */
export interface ContractKind<M extends { kind: string }> {
  /** The insurer also pays the providers' fee-for-service claims under this kind. */
  paysFeeForService: boolean;
  /** The parts of `paid` it reports as columns of their own, if any. */
  paidItems?: readonly PaidItem[];
  /** Registers the contract's parameters (in a fixed order: it fixes the draws). */
  register(m: M, add: AddParam): void;
  /** Per-case stop-loss thresholds (euros) whose high-cost excess the simulator must accumulate. */
  excessThresholds?(m: M): number[];
  /** Prepares the contract's settlement (once per plan); `r` holds its parameters by key. */
  settler(m: M, r: Record<string, Ref>, index: number, shared: Shared): Settler;
}

/** The scenario entry of one contract kind. */
export type ContractOf<K extends FinancingModel['kind']> = Extract<FinancingModel, { kind: K }>;

/** An implementation for every kind of a union of contracts. */
export type RegistryOf<U extends { kind: string }> = { readonly [K in U['kind']]: ContractKind<Extract<U, { kind: K }>> };

/** Every kind in the schema's union, each with its implementation: a kind without one does not compile. */
export type KindRegistry = RegistryOf<FinancingModel>;
