import { checkScenarioFormat, readScenarioJson, type ValidationResult } from '../scenario/validate';
import { CompileError } from '../define/define';
import { FormulaPathError } from '../finance/kinds/custom';
import { compile } from './compile';
import type { FieldError } from '../core/issues';

/**
 * Validates a parsed JSON value: the file format first, then the rules that need the defined
 * model (correlations name parameters by path; custom contract formulas are parsed and checked
 * once, so a bad formula stops the run before it starts).
 */
export function validateScenario(input: unknown): ValidationResult {
  const r = checkScenarioFormat(input);
  if (!r.ok) return r;
  if (r.scenario.correlations.length > 0 || r.scenario.financing?.models.some((x) => x.kind === 'custom')) {
    try {
      compile(r.scenario);
    } catch (e) {
      if (e instanceof CompileError) return { ok: false, errors: e.errors };
      if (e instanceof FormulaPathError) return { ok: false, errors: [{ path: e.path, ...e.formulaError.issue, message: e.formulaError.message } as FieldError] };
      throw e;
    }
  }
  return r;
}

/** Parses and validates scenario file text; a JSON syntax error is reported with its position. */
export function parseScenarioText(text: string): ValidationResult {
  const j = readScenarioJson(text);
  return j.ok ? validateScenario(j.value) : j;
}
