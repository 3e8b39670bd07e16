/**
 * The published figures of the test suite's checks against outside references and closed forms
 * (written by the tests, embedded by the build, shown on the page "How do we know it is right?").
 */

/** How a row's result is judged. */
export type Criterion =
  /** |result − reference| ≤ tolerance (tolerance: a stated number of Monte Carlo SEs). */
  | { kind: 'within'; tolerance: number; ses?: number }
  /** Two-sample Kolmogorov–Smirnov test: p-value above alpha. */
  | { kind: 'ks'; p: number; alpha: number; d: number }
  /** The result must equal the reference exactly (counts of differing numbers, bit for bit). */
  | { kind: 'equal' }
  /** |result − reference| ≤ tolerance × max(1, |reference|) in every compared number. */
  | { kind: 'relative'; tolerance: number };

/** What the numbers of a row are: how to show them. */
export type Unit = 'euro' | 'fraction' | 'count' | 'number';

export interface CheckRow {
  /** A short label in both languages (numbers in it are plain digits). */
  label: { nl: string; en: string };
  unit: Unit;
  reference: number;
  result: number;
  /** Monte Carlo standard error of the result (null when there is none: exact checks). */
  mcse: number | null;
  criterion: Criterion;
  pass: boolean;
}

export interface CheckRecord {
  id: string;
  /** The test file and test name that made the check. */
  test: string;
  rows: CheckRow[];
  verdict: 'pass' | 'fail';
  /** The commit of the code the check ran on; `dirty` when the worktree had uncommitted changes. */
  commit: string;
  dirty: boolean;
  measuredAt: string;
  /** Where it ran: Node's version, or the browser's. */
  environment: string;
}

/** What the build embeds: the build's own commit and the checks found (none: not yet measured). */
export interface VerificationReport {
  buildCommit: string;
  buildDirty: boolean;
  builtAt: string;
  checks: CheckRecord[];
}

/** The checks the page describes, in the order it shows them. */
export const CHECK_IDS = ['aggregate-vs-person', 'compound-moments', 'chance-alone', 'conservation', 'workers-bit-identity', 'node-browser-bit-identity'] as const;
