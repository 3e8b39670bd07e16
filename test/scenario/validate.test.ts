import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../models/pipeline/validate';
import { SCENARIO_VERSION } from '../../models/scenario/schema';
import { jsonSchema } from '../../scenarios/jsonSchema';
import { clone, defaultInput } from '../helpers';

const errorsOf = (input: unknown) => {
  const r = validateScenario(input);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('scenario validation', () => {
  it('accepts the default scenario and fills defaults', () => {
    const r = validateScenario(defaultInput());
    expect(r.ok).toBe(true);
  });

  it('lists every error with its JSON path', () => {
    const s = clone(defaultInput()) as any;
    s.region.segments[2].lines.hospital.contacts = -1;
    s.region.segments[0].share = 'many';
    s.simulation.horizonYears = 40;
    s.substitution[0].eligible = { dist: 'pert', min: 0.1, mode: 0.05, max: 1.5 };
    s.interventions[1].payer = 'nobody';
    s.region.segments[1].lines.gp.costCV = { dist: 'normal', mean: 1 };
    s.surprise = true;
    const errors = errorsOf(s);
    expect(errors).toContain('region.segments[2].lines.hospital.contacts: must be ≥ 0');
    expect(errors).toContain('region.segments[0].share: must be a number, not string');
    expect(errors).toContain('simulation.horizonYears: must be ≤ 15');
    expect(errors).toContain('substitution[0].eligible.min: must be ≤ mode (0.05)');
    expect(errors).toContain('substitution[0].eligible.max: must be ≤ 1');
    expect(errors.some((e) => e.startsWith('interventions[1].payer'))).toBe(true);
    expect(errors).toContain('region.segments[1].lines.gp.costCV.sd: is required (number)');
    expect(errors).toContain('(file): unknown field(s): "surprise"');
  });

  it('checks cross-field rules: shares, ids, payer splits', () => {
    const s = clone(defaultInput()) as any;
    s.region.segments[0].share = 0.5;
    s.interventions[0].segments = ['nope'];
    s.interventions[2].payer = { gp: 0.5, insurer: 0.4 };
    s.interventions[1].id = s.interventions[0].id;
    const errors = errorsOf(s);
    expect(errors.some((e) => e.startsWith('region.segments: segment shares must sum to 1'))).toBe(true);
    expect(errors).toContain('interventions[0].segments[0]: unknown segment "nope"');
    expect(errors.some((e) => e.startsWith('interventions[2].payer: shares must sum to 1'))).toBe(true);
    expect(errors.some((e) => e.startsWith('interventions[1].id: duplicate id'))).toBe(true);
  });

  it('refuses a population whose high-cost cases cannot be simulated one by one', () => {
    const s = clone(defaultInput()) as any;
    s.region.population = 20_000_000;
    s.region.segments[3].highCost.rate = 0.9;
    expect(errorsOf(s).some((e) => e.startsWith('region.segments[3].highCost.rate: allows up to'))).toBe(true);
  });

  it('reports JSON syntax errors and non-objects', () => {
    const r = parseScenarioText('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/not valid JSON/);
    expect(errorsOf([1, 2])[0]).toBe('(file): must be a JSON object, not array');
  });

  it('refuses missing, future and unknown old versions with a clear message', () => {
    const s = clone(defaultInput()) as any;
    delete s.version;
    expect(errorsOf(s)[0]).toMatch(/^version: is missing/);
    s.version = SCENARIO_VERSION + 1;
    expect(errorsOf(s)[0]).toMatch(/newer workbench/);
    s.version = 0;
    expect(errorsOf(s)[0]).toMatch(/no longer supported/);
  });

  it('ignores prototype tricks: __proto__ is an unknown field, not a prototype', () => {
    const text = readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8').replace('"version": 3,', '"version": 3, "__proto__": {"polluted": true},');
    expect(text).toContain('__proto__');
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the published JSON Schema is generated from the same definition', () => {
    const published = JSON.parse(readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(jsonSchema())));
  });
});

// Contract terms the steering group sets (thresholds, splits, periods) are choices, not estimates.
const CONTRACT_SETTING = /^financing\.models\[\d+\]\.(qualityThreshold|qualityGate|split\.\w+|owner\.\w+|stopLoss\.threshold|minimum(Savings|Loss)Rate\.confidence|settlementYears)$/;

describe('the default scenario', () => {
  it('gives every number a source or marks it illustrative (every scenario file in the library)', () => {
    const missing: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
      if (!v || typeof v !== 'object') {
        if (typeof v === 'number' && !/^(version|simulation|region\.population|benchmark\.preContractYears)|startYear$|\.payer/.test(path) && !CONTRACT_SETTING.test(path)) missing.push(path);
        return;
      }
      const o = v as Record<string, unknown>;
      if ('value' in o || 'dist' in o || 'share' in o) {
        if (typeof o.source !== 'string' || (o.source.toLowerCase().startsWith('illustrative') && o.illustrative !== true)) missing.push(path);
        if ('value' in o || 'dist' in o) return;
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'share') walk(x, path ? `${path}.${k}` : k);
    };
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'scenario.schema.json')) {
      missing.length = 0;
      walk(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), '');
      expect(missing, f).toEqual([]);
    }
  });

  it('is Maastricht-Heuvelland (its 191,412 insured-years, test/region/defaultRegion.test.ts) with substitution under uncertainty and at least three pilot interventions', () => {
    const s = defaultInput() as any;
    expect(s.region.population).toBe(191412);
    expect(s.substitution.some((x: any) => typeof x.maxShift === 'object' && 'dist' in x.maxShift)).toBe(true);
    expect(s.interventions.filter((x: any) => x.pilot).length).toBeGreaterThanOrEqual(3);
  });
});
