import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import schema from '../../../scenarios/scenario.schema.json';
import { ScenarioSchema } from '../../../models/scenario/schema';
import { parsePath } from '../../../models/scenario/paths';
import { checkScenarioFormat } from '../../../models/scenario/validate';
import { compile } from '../../../models/pipeline/compile';
import { isParamField, limitsAt, schemaAt } from '../../../src/editor/schemaHelp';

/**
 * Each limit is declared once, in the zod schema: the published JSON Schema, the editor's ranges
 * and the clamps of the drawn parameters must all say the same. The fields come from the scenario
 * library (every numeric field those files use), not from a hand list.
 */
const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const scenarios = FILES.map((f) => ({ file: f, raw: JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as unknown }));

type Key = string | number;
/** Every numeric leaf of `v` with its path. */
function numericLeaves(v: unknown, path: Key[] = [], out: Key[][] = []): Key[][] {
  if (typeof v === 'number') out.push(path);
  else if (Array.isArray(v)) v.forEach((x, i) => numericLeaves(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numericLeaves(x, [...path, k], out);
  return out;
}
const withValue = (s: unknown, path: Key[], x: number): unknown => {
  const copy = structuredClone(s) as Record<Key, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<Key, unknown>;
  o[path[path.length - 1]] = x;
  return copy;
};
const same = (a: readonly PropertyKey[], b: readonly Key[]) => a.length === b.length && a.every((k, i) => k === b[i]);

const ajv = new Ajv2020({ strict: false, allErrors: true });
const jsonValidate = ajv.compile(schema);
const jsonFlags = (s: unknown, path: Key[]) =>
  !jsonValidate(s) && (jsonValidate.errors ?? []).some((e) => e.instancePath === `/${path.join('/')}` && /^(exclusiveM|m)(inimum|aximum)$/.test(e.keyword));
const zodFlags = (s: unknown, path: Key[]) => {
  const r = ScenarioSchema.safeParse(s);
  return !r.success && r.error.issues.some((i) => same(i.path, path) && /must be [≥≤<>]|too_(small|big)/.test(`${i.message} ${i.code}`));
};

describe('limits declared once', () => {
  it('the JSON Schema and the zod schema accept and refuse the same values at both ends of every bounded field', () => {
    let checked = 0;
    const disagree: string[] = [];
    for (const { file, raw } of scenarios) {
      for (const path of numericLeaves(raw)) {
        // The parts of a {value} or distribution form are checked against the field's limits by
        // the zod schema only: the JSON Schema shares one definition of those forms for all fields.
        if (path.length > 1 && isParamField(path.slice(0, -1))) continue;
        const n = schemaAt(path);
        const lo = typeof n?.minimum === 'number' ? n.minimum : undefined;
        const hi = typeof n?.maximum === 'number' ? n.maximum : undefined;
        // A limit the zod schema enforces but the JSON Schema does not state shows far outside any limit.
        // (The counts of years are left out here: their cross-field check sizes arrays by them before the bounds stop it.)
        for (const x of /Years$/.test(String(path[path.length - 1])) ? [] : [-1e13, 1e13]) {
          const s = withValue(raw, path, x);
          const z = zodFlags(s, path);
          if (z !== jsonFlags(s, path)) disagree.push(`${file} ${path.join('.')} = ${x}: zod ${z ? 'refuses' : 'accepts'}, JSON Schema ${z ? 'accepts' : 'refuses'}`);
        }
        if (lo === undefined && hi === undefined) continue;
        const step = (x: number) => (n?.type === 'integer' ? 1 : Math.max(1e-9, Math.abs(x) * 1e-9));
        const probes: [number, boolean][] = [];
        if (lo !== undefined) probes.push([lo, false], [lo - step(lo), true]);
        if (hi !== undefined) probes.push([hi, false], [hi + step(hi), true]);
        for (const [x, outside] of probes) {
          const s = withValue(raw, path, x);
          const z = zodFlags(s, path);
          const j = jsonFlags(s, path);
          checked++;
          if (z !== outside || j !== outside) disagree.push(`${file} ${path.join('.')} = ${x}: zod ${z ? 'refuses' : 'accepts'}, JSON Schema ${j ? 'refuses' : 'accepts'}`);
        }
      }
    }
    expect(disagree).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it("every drawn parameter is clamped to its field's limits, which are the editor's range", () => {
    let checked = 0;
    const differ: string[] = [];
    for (const { file, raw } of scenarios) {
      const v = checkScenarioFormat(raw);
      if (!v.ok) throw new Error(`${file}: ${JSON.stringify(v.errors)}`);
      for (const slot of compile(v.scenario).registry.slots) {
        const editor = limitsAt(parsePath(slot.path));
        checked++;
        if (!editor || editor.lo !== slot.lo || editor.hi !== slot.hi) differ.push(`${file} ${slot.path}: clamp ${slot.lo}…${slot.hi}, schema/editor ${editor ? `${editor.lo}…${editor.hi}` : 'none'}`);
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
