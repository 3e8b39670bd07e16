import type { DecisionValue } from '../models/analysis/decisionValue';
import type { ScenarioShapley } from '../models/analysis/shapley';

export interface FairApi {
  /** Who created the saving: the Shapley split of `input` (validated here) on `runs` runs. */
  shapley(input: unknown, opts: { runs: number }, onProgress: (done: number, planned: number) => void): Promise<{ ok: true; result: ScenarioShapley } | { ok: false; message: string }>;
  /** The uncertain parameters of `input` (validated here), in the order the value of information lists them: what a group is picked from. */
  parameters(input: unknown): Promise<{ ok: true; result: string[] } | { ok: false; message: string }>;
  /** What knowing more is worth to the scenario's decisions, on `runs` runs. */
  voi(
    input: unknown,
    opts: { runs: number; group?: string[]; pilot?: { sizes: number[]; fixedCost: number; costPerPerson: number } },
    onProgress: (done: number, planned: number) => void,
  ): Promise<{ ok: true; result: DecisionValue } | { ok: false; message: string }>;
}
