import type { KindRegistry } from './kind';
import { ffs } from './ffs';
import { bonus } from './bonus';
import { sharedSavings } from './sharedSavings';
import { population } from './population';
import { hospitalBudget } from './hospitalBudget';
import { custom } from './custom';

/**
 * Every contract kind of the schema's union (`FinancingModelSchema` in `scenario/contracts.ts`)
 * with its implementation. A kind added to the union without an entry here is a type error.
 */
export const KINDS: KindRegistry = { ffs, bonus, sharedSavings, population, hospitalBudget, custom };
