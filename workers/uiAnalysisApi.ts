import type { RunBlock } from '../models/runner/protocol';
import type { GoalSpec } from '../models/analysis/goals';
import type { Evaluation, SeekResult } from '../models/analysis/goalSeek';
import type { KeyErrors, Tolerances } from '../models/analysis/precision';

/** One evaluation of a goal search, as the panel shows it while the search goes on. */
export interface GoalStep {
  step: number;
  x: number;
  value: number;
  se: number;
  n: number;
}

/**
 * The UI's analysis worker (issue 6): the statistics of "what does it take?" and "enough runs?",
 * so the UI thread only moves blocks of runs between the simulation pool and this worker.
 */
export interface UiAnalysisApi {
  /**
   * Goal search: bisection in this worker; `simulate(x)` (a proxy to the UI thread, which runs the
   * scenario at x on the simulation pool, same seed) returns the block of runs; `onStep` reports each
   * evaluation.
   */
  seek(spec: GoalSpec, target: number, simulate: (x: number) => Promise<RunBlock>, onStep: (s: GoalStep) => void): Promise<SeekResult>;
  /** The goal's output in a block of runs, with its Monte Carlo standard error. */
  goalMetric(block: RunBlock, spec: GoalSpec, target: number): Evaluation;
  /** MC standard errors of the headline numbers and whether they meet the tolerances. */
  precision(block: RunBlock, target: number, tolerances: Tolerances): { errors: KeyErrors; precise: boolean };
}
