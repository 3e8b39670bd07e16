import type { LoadResult, RunBlock, Summary } from '../models/runner/protocol';

/** Counts in equal-width bins from `lo` to `hi` (tails folded into the end bins). */
export interface Histogram {
  lo: number;
  hi: number;
  counts: number[];
  n: number;
}

/** Statistics the views need beyond the engine's Summary. */
export interface UiExtras {
  /** Reduction (fraction) in the last year, over runs. */
  reductionHistLastYear: Histogram;
  /**
   * Minimum savings rate (fraction) over population size, z·CV/√N with the scenario's per-person CV
   * and confidence: what chance alone can produce in a region of that size (detectability).
   */
  msrCurve: { population: number[]; msr: number[]; confidence: number };
}

export interface UiSummaryApi {
  load(input: unknown): LoadResult;
  summarize(block: RunBlock): { summary: Summary; extras: UiExtras };
}
