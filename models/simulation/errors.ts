import { issueEn, type Issue } from '../core/issues';

/**
 * A run whose numbers cannot be reported: an output that is NaN or ±Infinity, or a contract
 * formula whose value is not a usable amount. The message names the output, the year and the run.
 */
export class RunValueError extends Error {
  /** The problem as data (absent when the error was rebuilt from a worker's message, which carries only the text). */
  readonly issue: Omit<Issue, 'path'> | undefined;
  constructor(problem: Omit<Issue, 'path'> | string) {
    super(typeof problem === 'string' ? problem : issueEn({ path: '', ...problem } as Issue));
    this.issue = typeof problem === 'string' ? undefined : problem;
    this.name = 'RunValueError';
  }
}
