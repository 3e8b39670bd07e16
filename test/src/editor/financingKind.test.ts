import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../models/pipeline/validate';
import { changeKind, FINANCING_KINDS, KIND_LABELS, KIND_TEMPLATES, kindNamed, renameOffer } from '../../../src/editor/financingKind';
import { clone, defaultInput } from '../../helpers';

const errorsOf = (input: unknown) => {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('changing the kind of a financing model (editor)', () => {
  const base = defaultInput() as any;
  const models = base.financing.models as Record<string, unknown>[];

  it("the default scenario has a model of every kind the editor offers, and the list is the schema's", () => {
    expect(new Set(models.map((m) => m.kind))).toEqual(new Set(FINANCING_KINDS));
    expect(Object.keys(KIND_TEMPLATES).sort()).toEqual([...FINANCING_KINDS].sort());
  });

  for (const withExamples of [true, false]) {
    it(`every model turned into every other kind keeps the scenario valid (${withExamples ? "from the default scenario's models" : 'built-in templates'})`, () => {
      for (let i = 0; i < models.length; i++) {
        for (const kind of FINANCING_KINDS) {
          const s = clone(base);
          const old = s.financing.models[i];
          const changed = changeKind(old, kind, withExamples ? models : []);
          s.financing.models[i] = changed;
          expect(errorsOf(s), `${old.kind} → ${kind}`).toEqual([]);
          expect(changed.kind).toBe(kind);
          expect([changed.id, changed.name]).toEqual([old.id, old.name]);
          expect(Object.keys(changed).slice(0, 3)).toEqual(['id', 'name', 'kind']);
        }
      }
    });
  }

  it('leaves no field of the old kind behind, carries scope and split across, and restores the earlier fields', () => {
    const bonus = models.find((m) => m.kind === 'bonus')!;
    const budget = changeKind(bonus, 'hospitalBudget', models);
    expect(Object.keys(budget).sort()).toEqual(['band', 'glide', 'id', 'kind', 'marginal', 'name']);
    const ss = changeKind({ ...clone(bonus), scope: ['hospital'] }, 'sharedSavings', models);
    expect(ss.split).toEqual(bonus.split);
    expect(ss.scope).toEqual(['hospital']);
    expect(ss).not.toHaveProperty('perInsured');
    // Back to the earlier kind with the model as it was: its own values, with the current name.
    const back = changeKind({ ...budget, name: 'renamed' }, 'bonus', models, bonus);
    expect(back).toEqual({ ...clone(bonus), name: 'renamed' });
  });

  it("a name that speaks of the old kind is offered the new kind's name, in both languages; the user's own name is not", () => {
    const population = { nl: KIND_LABELS.population.nl, en: KIND_LABELS.population.en };
    expect(renameOffer('Fee-for-service (met scenario)', 'ffs', 'population')).toEqual(population);
    expect(renameOffer({ nl: 'Shared savings, eenzijdig (50%)', en: 'Shared savings, one-sided (50%)' }, 'sharedSavings', 'population')).toEqual(population);
    expect(renameOffer(KIND_LABELS.bonus.en, 'bonus', 'ffs')).toEqual({ nl: KIND_LABELS.ffs.nl, en: KIND_LABELS.ffs.en });
    // "FFS + prestatieopslag" names the bonus (the longest match), not fee-for-service.
    expect(kindNamed('FFS + prestatieopslag')).toBe('bonus');
    expect(renameOffer('FFS + prestatieopslag', 'bonus', 'sharedSavings')).toBeDefined();
    expect(renameOffer('FFS + prestatieopslag', 'ffs', 'sharedSavings')).toBeUndefined();
    expect(renameOffer('Afspraak Zuid-Limburg 2027', 'ffs', 'population')).toBeUndefined();
    expect(renameOffer('Fee-for-service', 'ffs', 'ffs')).toBeUndefined();
    // Every model of the default scenario is recognised by its own kind.
    for (const m of models) expect(kindNamed(m.name), JSON.stringify(m.name)).toBe(m.kind);
  });
});
