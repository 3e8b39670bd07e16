import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/pipeline/validate';
import { MAX_JSON_DEPTH, shapeErrors } from '../../models/scenario/shape';
import { runOnWorkers, ScenarioError } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { clone, defaultInput } from '../helpers';

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

describe('hostile shapes', () => {
  it('a __proto__ key inside a record (payer shares, effects) is refused like an unknown field, not dropped', () => {
    for (const [where, set] of [
      ['interventions[0].payer', (s: any) => (s.interventions[0].payer = JSON.parse('{"__proto__": 0.5, "insurer": 1}'))],
      ['interventions[0].effects.contacts', (s: any) => (s.interventions[0].effects.contacts = JSON.parse('{"gp": 0.1, "__proto__": {"hospital": 0.9}}'))],
      ['region.segments[0].lines', (s: any) => Object.defineProperty(s.region.segments[0].lines, '__proto__', { value: {}, enumerable: true })],
    ] as const) {
      const s = clone(defaultInput()) as any;
      set(s);
      const r = validateScenario(s);
      expect(r.ok, where).toBe(false);
      expect(r.ok ? [] : r.errors, where).toContainEqual({ path: where, code: 'unknownFields', params: { keys: ['__proto__'] }, message: 'unknown field(s): "__proto__"' });
    }
  });

  it(`JSON nested deeper than ${MAX_JSON_DEPTH} levels gets a message with its path, from the validator and the runner`, async () => {
    const s = clone(defaultInput()) as any;
    s.meta.notes = nested(100_000);
    const r = validateScenario(s);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0].message).toMatch(/is nested more than 40 levels deep/);
    expect(r.ok ? '' : r.errors[0].path).toMatch(/^meta\.notes(\.a)?\[0\]\.a\[0\]/);
    // The runner refuses before copying the value to a worker (a structured clone would overflow).
    expect(() => structuredClone(s)).toThrow(RangeError);
    await expect(runOnWorkers([inProcessWorker()], s, { runs: 1 })).rejects.toBeInstanceOf(ScenarioError);
  });

  it('the default scenario is far from the depth limit', () => {
    expect(shapeErrors(defaultInput())).toEqual([]);
    expect(shapeErrors(nested(MAX_JSON_DEPTH))).toEqual([]);
    expect(shapeErrors(nested(MAX_JSON_DEPTH + 1))).toHaveLength(1);
  });

  it('NaN and ±Infinity (possible from code, not from JSON) are named, not "a number, not number"', () => {
    for (const [x, text] of [
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
    ] as const) {
      const s = clone(defaultInput()) as any;
      s.region.population = x;
      const r = validateScenario(s);
      expect(r.ok ? [] : r.errors).toContainEqual({ path: 'region.population', code: 'notFinite', params: { value: text }, message: `must be a finite number, not ${text}` });
    }
  });
});
