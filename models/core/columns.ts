import { PARTIES, type Party } from './names';
import { PARTY_FACTS } from './parties';

/**
 * Names of the financing stage's columns in a run block, shared by the stage that fills them
 * (finance), the simulator that makes room for them and the stages that read them (summary,
 * analysis).
 */
export const STATUS_QUO = 'statusQuo';
export const finColumn = (model: string, party: string, what: 'revenue' | 'cost') => `fin.${model}.${party}.${what}`;
export const paidColumn = (model: string) => `fin.${model}.paid`;
/** The parts of a population-based contract's `paid`, which sum to it exactly. */
export const PAID_ITEMS = ['budget', 'stopLoss', 'premium', 'corridor'] as const;
export type PaidItem = (typeof PAID_ITEMS)[number];
/**
 * One part of `paid` under population-based payment: the budget beyond the fee-for-service claims
 * it replaces, the stop-loss reimbursements, the premium (negative: the integrator pays it) and
 * the corridor's net payment from the insurer.
 */
export const paidItemColumn = (model: string, item: PaidItem) => `fin.${model}.paid.${item}`;
/** A party's result (revenue − cost) in the twin replicate of a run (variance split; NaN without a twin). */
export const twinResultColumn = (model: string, party: string) => `twin.fin.${model}.${party}.result`;
/** The parties whose results a model reports: the integrator only under population-based payment. */
export const partiesOf = (kind: string): readonly Party[] => (kind === 'population' ? PARTIES : PARTIES.filter((p) => !PARTY_FACTS[p].populationOnly));
