import type { ModelDefinition } from '../define/definition';
import { settlementOf } from '../finance/plan';
import type { Model } from '../simulation/model';

/**
 * A defined model made runnable: the finance stage's settlement built from its contracts. All a
 * simulation worker needs of the pipeline (no schema library, no formula parser).
 */
export const runnable = (def: ModelDefinition): Model => ({ ...def, financing: settlementOf(def) });
