import type { FieldError } from '../models/core/issues';

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

export interface UiValidateApi {
  validate(input: unknown, withHash?: boolean): Promise<UiValidation>;
}
