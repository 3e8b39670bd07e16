import type { FieldError } from '../models/core/issues';
import type { Prepared } from '../models/pipeline/validate';

export interface UiValidation {
  ok: boolean;
  /** Every problem with its JSON path; empty when ok. */
  errors: FieldError[];
  /** Runs the scenario asks for (defaults filled in); when ok. */
  runs?: number;
  /** The validated scenario with defaults filled in; when ok. */
  scenario?: unknown;
  /** The file's version when it was migrated from an older one. */
  migratedFrom?: number;
  /** SHA-256 of the validated scenario's canonical JSON, when asked for and available. */
  hash?: string;
}

/** A scenario validated and defined for a run (the workers get `prepared`), or why not. */
export type UiPrepared = { ok: true; prepared: Prepared; hash?: string } | { ok: false; errors: FieldError[] };

export interface UiValidateApi {
  validate(input: unknown, withHash?: boolean): Promise<UiValidation>;
  /** Validates and defines a scenario once for a run: the simulation and summary workers take the definition as it is. */
  prepare(input: unknown, withHash?: boolean): Promise<UiPrepared>;
}
