import { checkScenarioFormat, readScenarioJson, type ValidationResult } from '../scenario/validate';
import { CompileError } from '../define/define';
import type { ModelDefinition } from '../define/definition';
import type { Scenario } from '../scenario/schema';
import type { FieldError } from '../core/issues';
import { FormulaPathError } from '../finance/formulaEval';
import { defineScenario } from './compile';

/** A scenario checked and defined: what a worker needs to run it is `definition` (plain data). */
export type Prepared = { ok: true; scenario: Scenario; definition: ModelDefinition; migratedFrom?: number };
export type PreparedResult = Prepared | { ok: false; errors: FieldError[] };

/** The definition, or the errors of the rules that need it (correlations by path, custom formulas). */
function defined(s: Scenario): { ok: true; definition: ModelDefinition } | { ok: false; errors: FieldError[] } {
  try {
    return { ok: true, definition: defineScenario(s) };
  } catch (e) {
    if (e instanceof CompileError) return { ok: false, errors: e.errors };
    if (e instanceof FormulaPathError) return { ok: false, errors: [{ path: e.path, ...e.formulaError.issue, message: e.formulaError.message } as FieldError] };
    throw e;
  }
}

/**
 * Validates a parsed JSON value and defines it, once: the file format first, then the rules that
 * need the defined model (correlations name parameters by path; custom contract formulas are parsed
 * and checked, so a bad formula stops the run before it starts).
 */
export function prepareScenario(input: unknown): PreparedResult {
  const r = checkScenarioFormat(input);
  if (!r.ok) return r;
  const d = defined(r.scenario);
  return d.ok ? { ...r, definition: d.definition } : d;
}

/** Validates a parsed JSON value (as `prepareScenario`, defining it only where a rule needs the definition). */
export function validateScenario(input: unknown): ValidationResult {
  const r = checkScenarioFormat(input);
  if (!r.ok) return r;
  if (r.scenario.correlations.length > 0 || r.scenario.financing?.models.some((x) => x.kind === 'custom')) {
    const d = defined(r.scenario);
    if (!d.ok) return d;
  }
  return r;
}

/** Parses and validates scenario file text; a JSON syntax error is reported with its position. */
export function parseScenarioText(text: string): ValidationResult {
  const j = readScenarioJson(text);
  return j.ok ? validateScenario(j.value) : j;
}
