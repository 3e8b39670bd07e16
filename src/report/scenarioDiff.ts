import type { Path } from '../workspace/paths';
import { isParamField } from '../editor/schemaHelp';
import { bothTexts, isTextPerLanguage } from '../../models/scenario/localText';

export interface Difference {
  path: Path;
  /** The value in each compared scenario, undefined where the scenario lacks the field. */
  values: unknown[];
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A parameter as it enters the model: `{ value: 3, source }` is 3, and sources and the
 * "illustrative" mark are notes, not assumptions (a reworded source is no change).
 */
function paramKey(v: unknown): string {
  if (isObj(v)) {
    const { source: _s, illustrative: _i, ...rest } = v;
    if ('value' in rest && Object.keys(rest).length === 1) return JSON.stringify(rest.value);
    return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))));
  }
  return JSON.stringify(v);
}

/**
 * Every assumption that differs between the scenarios, as a path and its value in each, in the
 * order of the scenario file. Descriptions (`meta`) and attached results are left out.
 */
export function scenarioDifferences(scenarios: unknown[]): Difference[] {
  const out: Difference[] = [];
  const walk = (path: Path, nodes: unknown[]) => {
    if (path.length > 0 && isParamField(path)) {
      const keys = nodes.map(paramKey);
      if (keys.some((k) => k !== keys[0])) out.push({ path, values: nodes });
      return;
    }
    const present = nodes.filter((n) => n !== undefined);
    // A name or description: one value, whether written once or per language ("Gezond" and
    // { "nl": "Gezond" } are the same text).
    if (present.length > 0 && present.some(isTextPerLanguage) && present.every((n) => typeof n === 'string' || isTextPerLanguage(n))) {
      const keys = nodes.map((n) => (n === undefined ? '' : JSON.stringify(bothTexts(n))));
      if (keys.some((k) => k !== keys[0])) out.push({ path, values: nodes });
      return;
    }
    // A number written as { value, source } in one file and plain in another is the same number.
    const plain = (n: unknown) => !isObj(n) || (typeof n.dist !== 'string' && !('value' in n));
    if (present.length > 0 && present.every(isObj) && present.every(plain)) {
      const keys: string[] = [];
      for (const n of present) for (const k of Object.keys(n as object)) if (!keys.includes(k)) keys.push(k);
      for (const k of keys) {
        if (path.length === 0 && (k === 'meta' || k === 'results')) continue;
        walk(
          [...path, k],
          nodes.map((n) => (isObj(n) ? n[k] : undefined)),
        );
      }
      return;
    }
    if (present.length > 0 && present.every(Array.isArray)) {
      const len = Math.max(...present.map((a) => (a as unknown[]).length));
      for (let i = 0; i < len; i++)
        walk(
          [...path, i],
          nodes.map((n) => (Array.isArray(n) ? n[i] : undefined)),
        );
      return;
    }
    const keys = nodes.map(paramKey);
    if (keys.some((k) => k !== keys[0])) out.push({ path, values: nodes });
  };
  walk([], scenarios);
  return out;
}
