import { define } from '../define/define';
import type { ModelDefinition } from '../define/definition';
import { registerContracts, settlementOf } from '../finance/plan';
import type { Model } from '../simulation/model';
import type { Scenario } from '../scenario/schema';

/** Defines a scenario (pure data) with the finance stage's contract parameters. */
export const defineScenario = (s: Scenario, opts: { excessThresholds?: number[] } = {}): ModelDefinition => define(s, registerContracts, opts);

/** A defined model made runnable: the finance stage's settlement built from its contracts. */
export const runnable = (def: ModelDefinition): Model => ({ ...def, financing: settlementOf(def) });

/** Scenario → the model the simulator runs (definition, then settlement). */
export const compile = (s: Scenario, opts: { excessThresholds?: number[] } = {}): Model => runnable(defineScenario(s, opts));

export type { Model, ModelDefinition };
