import type { RunBlock } from '../models/runner/protocol';
import type { GoalSpec } from '../models/analysis/goals';
import type { SeekResult } from '../models/analysis/goalSeek';
import type { KeyErrors, Tolerances } from '../models/analysis/precision';
import type { Moved } from './remote';

/** One evaluation of a goal search, as the panel shows it while the search goes on. */
export interface GoalStep {
  step: number;
  x: number;
  value: number;
  se: number;
  n: number;
}

/**
 * The UI's analysis worker: the statistics of "what does it take?" and "enough runs?", so the UI
 * thread only moves blocks of runs between the simulation pool and this worker.
 */
export interface UiAnalysisApi {
  /**
   * Goal search: bisection in this worker; `simulate(x)` (called back on the UI thread, which runs
   * the scenario at x on the simulation pool, same seed) hands over the block of runs; `onStep`
   * reports each evaluation.
   */
  seek(spec: GoalSpec, target: number, simulate: (x: number) => Promise<Moved<RunBlock>>, onStep: (s: GoalStep) => void): Promise<SeekResult>;
  /**
   * MC standard errors of the headline numbers and whether they meet the tolerances. A block of
   * `KEY_ERROR_COLUMNS` alone will do (`pickColumns`), so the caller keeps its own.
   */
  precision(block: Moved<RunBlock>, target: number, tolerances: Tolerances): { errors: KeyErrors; precise: boolean };
}
