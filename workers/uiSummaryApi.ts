import type { LoadResult, RunBlock, Summary } from '../models/runner/protocol';
import type { UiExtras } from '../models/summary/histograms';
import type { ModelDefinition } from '../models/define/definition';
import type { Scenario } from '../models/scenario/schema';
import type { Moved } from './remote';

/** A summary and the histograms the views draw. */
export interface SummaryWithExtras {
  summary: Summary;
  extras: UiExtras;
}

/** The UI's summary worker: it keeps copies of the current run's chunks and summarises them. */
export interface UiSummaryApi {
  /** Takes the scenario as the validator defined it (plain data; nothing is checked again). */
  load(def: ModelDefinition): LoadResult;
  /**
   * Keeps a finished chunk of the current run (cleared by `load`), so the UI thread never merges
   * blocks; a chunk sent `moved` is transferred, so the page holds no copy.
   */
  add(block: RunBlock): void;
  /**
   * Summarises runs 0..runs−1 of the kept chunks (merged here). `partial`: a summary shown while the
   * run goes on (without financing, sensitivity analyses and party histograms).
   */
  summarizeKept(runs: number, partial?: boolean): SummaryWithExtras;
  /**
   * A copy of runs 0..runs−1 of the kept chunks (moved to the caller) with the scenario they were
   * simulated for, so other analyses reuse the runs already made; null when fewer have arrived.
   */
  keptRuns(runs: number): { scenario: Scenario; block: Moved<RunBlock> } | null;
}
