import type { z } from 'zod';
import { ScenarioSchema, SCENARIO_VERSION, type Scenario } from './schema';
import { migrate } from './migrate';
import { shapeErrors } from './shape';
import { formatPath, type FieldError } from '../core/issues';

export type ValidationResult = { ok: true; scenario: Scenario; migratedFrom?: number } | { ok: false; errors: FieldError[] };

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${min} item(s)`;
      if (issue.origin === 'string') return `must have at least ${min} character(s)`;
      return `must be ${issue.inclusive ? '≥' : '>'} ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${max} item(s)`;
      if (issue.origin === 'string') return `must have at most ${max} character(s)`;
      return `must be ${issue.inclusive ? '≤' : '<'} ${max}`;
    }
    case 'invalid_type':
      if (input === undefined) return `is required (${issue.expected})`;
      // NaN and ±Infinity are numbers to JavaScript but not to the schema (a file can carry them
      // only from code, never from JSON).
      if (typeof input === 'number' && !Number.isFinite(input)) return `must be a finite number, not ${String(input)}`;
      return `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, not ${typeName(input)}`;
    case 'unrecognized_keys':
      return `unknown field(s): ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p as string) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

/**
 * Flattens zod issues into one message per field. For a union (a parameter may be a number, a
 * {value} or a distribution) only the branch that matches the shape the user wrote is reported.
 */
function collect(issues: readonly z.core.$ZodIssue[], root: unknown, prefix: readonly PropertyKey[], out: FieldError[]) {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const v = valueAt(root, path);
      const branches = issue.errors;
      // A branch that failed only on its own type does not match what the user wrote.
      const matching = branches.filter((b) => !b.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (matching.length === 0) {
        // A text field (localTextSchema): one text, or a text per language.
        const expected = new Set(branches.map((b) => (b[0]?.code === 'invalid_type' ? b[0].expected : '')));
        const text = expected.size === 2 && expected.has('string') && expected.has('object');
        out.push({
          path: formatPath(path),
          code: 'invalid_union',
          message: v === undefined ? 'is required' : text ? `must be a text, or a text per language {"nl": …, "en": …}, not ${typeName(v)}` : `has the wrong form (got ${typeName(v)})`,
        });
        continue;
      }
      // Prefer the branch the user evidently meant: one that does not call the user's own keys
      // unknown (a {dist: …} object is not a {value: …} object) and has the fewest complaints.
      const hasDist = v !== null && typeof v === 'object' && 'dist' in (v as object);
      const score = (b: readonly z.core.$ZodIssue[]) => b.length + 10 * b.filter((i) => i.code === 'unrecognized_keys').length + (hasDist ? 0 : 5 * b.filter((i) => i.path[0] === 'dist').length);
      const chosen = [...matching].sort((a, b) => score(a) - score(b));
      collect(chosen[0], root, path, out);
      continue;
    }
    out.push({ path: formatPath(path), code: issue.code, message: describe(issue, valueAt(root, path)) });
  }
}

/**
 * The checks of the file format alone: shape, migration of an older version, every field against
 * the schema. Rules that need the defined model (correlations name parameters by path, contract
 * formulas must parse) are added by `validateScenario` in `pipeline/validate.ts`.
 */
export function checkScenarioFormat(input: unknown): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, errors: [{ path: '(file)', code: 'invalid_type', message: `must be a JSON object, not ${typeName(input)}` }] };
  const shape = shapeErrors(input);
  if (shape.length > 0) return { ok: false, errors: shape };
  const m = migrate(input as Record<string, unknown>);
  if (!m.ok) return { ok: false, errors: [{ path: 'version', code: 'version', message: m.message }] };
  const r = ScenarioSchema.safeParse(m.value);
  if (r.success) return { ok: true, scenario: r.data, ...(m.from !== undefined ? { migratedFrom: m.from } : {}) };
  const errors: FieldError[] = [];
  collect(r.error.issues, m.value, [], errors);
  const seen = new Set<string>();
  return { ok: false, errors: errors.filter((e) => (seen.has(e.path + e.message) ? false : (seen.add(e.path + e.message), true))) };
}

/** Reads scenario file text as JSON; a syntax error is reported with its position. */
export function readScenarioJson(text: string): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', code: 'json', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

export { SCENARIO_VERSION };
