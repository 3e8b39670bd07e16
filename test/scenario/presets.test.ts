import { describe, expect, it } from 'vitest';
import { addPreset, PresetLibrarySchema } from '../../models/scenario/presets';
import { validateScenario } from '../../models/pipeline/validate';
import { defaultInput, readJson, smallInput } from '../helpers';

describe('intervention and substitution presets', () => {
  const lib = PresetLibrarySchema.parse(readJson('scenarios/presets/library.json'));

  it('every preset carries a source or is marked illustrative for each number', () => {
    const unsourced: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'number' && !/startYear/.test(path) && !/payer/.test(path)) unsourced.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('value' in o || 'dist' in o) {
          if (!o.source && !o.illustrative) unsourced.push(path);
          return;
        }
        for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
      }
    };
    walk(lib.interventions, 'interventions');
    walk(lib.substitutions, 'substitutions');
    expect(unsourced).toEqual([]);
  });

  it('each preset can be added to the default scenario and to a scenario with other segments', () => {
    for (const base of [defaultInput(), smallInput()]) {
      let s = base;
      for (const item of lib.interventions) s = addPreset(s, { kind: 'intervention', item });
      for (const item of lib.substitutions) s = addPreset(s, { kind: 'substitution', item });
      const r = validateScenario(s);
      expect(r.ok, r.ok ? '' : JSON.stringify(r.errors.slice(0, 3))).toBe(true);
    }
  });
});

describe('the mental-health preset', () => {
  it('POH-GGZ in the GP practice (Samen Sterker in Zorg) lowers mental-health (GGZ) claims, not hospital claims', async () => {
    const { compile } = await import('../../models/pipeline/compile');
    const { simulateBlock } = await import('../../models/simulation/block');
    const { summarize } = await import('../../models/summary/summarize');
    const lib = PresetLibrarySchema.parse(readJson('scenarios/presets/library.json'));
    const item = lib.interventions.find((x) => x.id === 'samen-sterker-ggz')!;
    // Without chance and with every parameter at its mean, the two runs differ only by the preset.
    const base = defaultInput() as any;
    base.simulation = { ...base.simulation, runs: 1, randomVariation: false, parameterUncertainty: false, varianceSplitRuns: 0 };
    const lastYear = (input: unknown) => {
      const r = validateScenario(input);
      if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
      const model = compile(r.scenario);
      const s = summarize(model, simulateBlock(model, 0, 1));
      return s.years[s.years.length - 1].sc.claims;
    };
    const without = lastYear(base);
    const withPreset = lastYear(addPreset(base, { kind: 'intervention', item }));
    expect(withPreset.mentalHealth.mean).toBeLessThan(without.mentalHealth.mean * (1 - 1e-3));
    expect(withPreset.hospital.mean).toBe(without.hospital.mean);
  });
});
