import type { LoadResult, RunBlock, Summary } from '../models/runner/protocol';

/** Counts in equal-width bins from `lo` to `hi` (tails folded into the end bins). */
export interface Histogram {
  lo: number;
  hi: number;
  /** Runs per equal-width bin of [lo, hi]. */
  counts: number[];
  /** Runs below lo and above hi (the outer 0.5% tails), not in any bin. */
  below: number;
  above: number;
  n: number;
}

/** Counts of one model's runs in the party's shared bins, and the runs outside them. */
export interface ModelHist {
  counts: number[];
  below: number;
  above: number;
  n: number;
}

/**
 * One party's result (revenue − cost, euros, summed over the horizon) over runs, under each
 * financing model, in equal-width bins from `lo` to `hi` shared by all models. `hists[i]` belongs
 * to `models[i]` (the summary's model order); null where the party has no money flows.
 */
export interface PartyResultHist {
  party: string;
  lo: number;
  hi: number;
  models: string[];
  hists: (ModelHist | null)[];
}

/** Statistics the views need beyond the engine's Summary. */
export interface UiExtras {
  /** Reduction (fraction) in the last year, over runs. */
  reductionHistLastYear: Histogram;
  /** Per party with money flows: its horizon result under each financing model (empty without financing). */
  partyResults: PartyResultHist[];
}

export interface UiSummaryApi {
  load(input: unknown): LoadResult;
  /** `partial`: a summary shown while the run goes on (without financing, sensitivity analyses and party histograms). */
  summarize(block: RunBlock, partial?: boolean): { summary: Summary; extras: UiExtras };
  /** Keeps a finished chunk of the current run (cleared by `load`), so the UI thread never merges blocks. */
  add(block: RunBlock): void;
  /** Summarises runs 0..runs−1 of the kept chunks (merged here). */
  summarizeKept(runs: number, partial?: boolean): { summary: Summary; extras: UiExtras };
}
