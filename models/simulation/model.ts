import type { ModelDefinition } from '../define/definition';
import type { FinancingModel } from '../scenario/contracts';
import type { RunBlock } from './columns';
import type { LocalText } from '../scenario/localText';

/**
 * The settlement the simulator calls after each run, so the money is settled on the run's care
 * before the block moves on (and, for the variance split, on its twin). Built from the definition
 * by the finance stage (`settlementOf`); this stage knows only its shape.
 */
export interface Settlement {
  models: { id: string; name: LocalText; kind: FinancingModel['kind']; owner?: { gp: number; hospital: number } }[];
  /** Columns this stage adds: revenue and cost per model (and the status quo) × party, and `paid` per model. */
  columns: string[];
  /** Twin-replicate result columns per model × party (`twinResultColumn`), filled by the simulator. */
  twinColumns: string[];
  /** Per-case thresholds whose high-cost excess the engine must accumulate. */
  excessThresholds: number[];
  /** Fills this stage's columns for run `slot` of block `b` (all years). */
  apply(b: RunBlock, slot: number, theta: Float64Array): void;
}

/** What the simulator runs: the defined model with its settlement. */
export interface Model extends ModelDefinition {
  financing: Settlement;
}
