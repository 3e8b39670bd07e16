import type { z } from 'zod';
import { ScenarioSchema, SCENARIO_VERSION, type Scenario } from './schema';
import { migrate } from './migrate';
import { shapeErrors } from './shape';
import { fieldError, formatPath, issueEn, type FieldError, type Issue } from '../core/issues';
import { carriedIssue, ID_PATTERN, SHA256_PATTERN } from './issue';

export type ValidationResult = { ok: true; scenario: Scenario; migratedFrom?: number } | { ok: false; errors: FieldError[] };

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** The issue a zod issue stands for, read from its code and what the user wrote. */
function describe(issue: z.core.$ZodIssue, input: unknown): Omit<Issue, 'path'> {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return { code: 'tooFewItems', params: { min } };
      if (issue.origin === 'string') return { code: 'tooShort', params: { min } };
      return { code: 'tooSmall', params: { min, inclusive: issue.inclusive === true } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return { code: 'tooManyItems', params: { max } };
      if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
      return { code: 'tooBig', params: { max, inclusive: issue.inclusive === true } };
    }
    case 'invalid_type':
      if (input === undefined) return { code: 'required', params: { expected: issue.expected } };
      // NaN and ±Infinity are numbers to JavaScript but not to the schema (a file can carry them
      // only from code, never from JSON).
      if (typeof input === 'number' && !Number.isFinite(input)) return { code: 'notFinite', params: { value: String(input) } };
      return { code: 'wrongType', params: { expected: issue.expected, got: typeName(input) } };
    case 'unrecognized_keys':
      return { code: 'unknownFields', params: { keys: issue.keys } };
    case 'invalid_value':
      return { code: 'oneOf', params: { values: issue.values.map((v) => JSON.stringify(v)) } };
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue && issue.pattern === String(ID_PATTERN)) return { code: 'idForm', params: {} };
      if (issue.format === 'regex' && 'pattern' in issue && issue.pattern === String(SHA256_PATTERN)) return { code: 'sha256Form', params: {} };
      return { code: 'otherRule', params: { text: issue.message } };
    case 'custom':
      return carriedIssue(issue.params) ?? { code: 'otherRule', params: { text: issue.message } };
    default:
      return { code: 'otherRule', params: { text: issue.message } };
  }
}

const at = (path: readonly PropertyKey[], i: Omit<Issue, 'path'>): FieldError => {
  const full = { path: formatPath(path), ...i } as Issue;
  return { ...full, message: issueEn(full) };
};

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
        out.push(at(path, v === undefined ? { code: 'required', params: {} } : text ? { code: 'textForm', params: { got: typeName(v) } } : { code: 'wrongForm', params: { got: typeName(v) } }));
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
    out.push(at(path, describe(issue, valueAt(root, path))));
  }
}

/**
 * The checks of the file format alone: shape, migration of an older version, every field against
 * the schema. Rules that need the defined model (correlations name parameters by path, contract
 * formulas must parse) are added by `validateScenario` in `pipeline/validate.ts`.
 */
export function checkScenarioFormat(input: unknown): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: [fieldError('(file)', 'notObject', { got: typeName(input) })] };
  const shape = shapeErrors(input);
  if (shape.length > 0) return { ok: false, errors: shape };
  const m = migrate(input as Record<string, unknown>);
  if (!m.ok) return { ok: false, errors: [at(['version'], m.issue)] };
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
    return { ok: false, errors: [fieldError('(file)', 'json', { detail: (e as Error).message })] };
  }
}

export { SCENARIO_VERSION };
