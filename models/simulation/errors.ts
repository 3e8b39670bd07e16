/**
 * A run whose numbers cannot be reported: an output that is NaN or ±Infinity, or a contract
 * formula whose value is not a usable amount. The message names the output, the year and the run.
 */
export class RunValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunValueError';
  }
}
