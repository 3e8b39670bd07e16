import { define } from '../define/define';
import type { ModelDefinition } from '../define/definition';
import { contractRegistrar } from '../finance/plan';
import { formulaAt } from '../finance/formula';
import type { Model } from '../simulation/model';
import type { Scenario } from '../scenario/schema';
import { runnable } from './runnable';

const registerContracts = contractRegistrar(formulaAt);

/** Defines a scenario (pure data) with the finance stage's contract parameters and checked formulas. */
export const defineScenario = (s: Scenario, opts: { excessThresholds?: number[] } = {}): ModelDefinition => define(s, registerContracts, opts);

/** Scenario → the model the simulator runs (definition, then settlement). */
export const compile = (s: Scenario, opts: { excessThresholds?: number[] } = {}): Model => runnable(defineScenario(s, opts));

export { runnable };
export type { Model, ModelDefinition };
