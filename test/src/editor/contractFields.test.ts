import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE } from '../../../models/core/lines';
import { addableKeys, defaultValueAt, removableAt } from '../../../src/editor/schemaHelp';
import { defaultInput } from '../../helpers';

type Model = Record<string, unknown>;
const models = (defaultInput().financing?.models ?? []) as unknown as Model[];
const at = (kind: string) => models.findIndex((m) => m.kind === kind);

// A contract is one of several forms told apart by its kind: the editor offers the optional
// fields of the contract's own form, and a scope starts as today's scope.
describe("a contract's optional fields in the editor", () => {
  it('offers each kind exactly the optional fields its form has and the file leaves out', () => {
    const want: Record<string, string[]> = {
      ffs: ['description', 'coverage', 'behaviour'],
      bonus: ['description', 'coverage', 'behaviour', 'pot', 'scope'],
      sharedSavings: ['description', 'coverage', 'behaviour', 'scope', 'minimumLossRate', 'lossSharingRate', 'lossCap'],
      population: ['description', 'coverage', 'behaviour', 'scope'],
      hospitalBudget: ['description', 'coverage', 'behaviour'],
      custom: ['description', 'coverage', 'behaviour'],
    };
    for (const [kind, keys] of Object.entries(want)) {
      const i = at(kind);
      expect(i, kind).toBeGreaterThanOrEqual(0);
      const m = models[i];
      expect(addableKeys(['financing', 'models', i], Object.keys(m), m), kind).toEqual(keys);
    }
  });
  it('offers nothing when the kind names no form (the kind field shows the problem)', () => {
    expect(addableKeys(['financing', 'models', 0], ['id', 'name', 'kind'], { id: 'x', name: 'x', kind: 'nonsense' })).toEqual([]);
  });
  it("a new scope is today's scope: GP, 1.5-line care, hospital and pharmacy", () => {
    for (const kind of ['bonus', 'sharedSavings', 'population']) expect(defaultValueAt(['financing', 'models', at(kind), 'scope']), kind).toEqual([...DEFAULT_SCOPE]);
    expect([...DEFAULT_SCOPE]).toEqual(['gp', 'intermediate', 'hospital', 'pharmacy']);
  });
  it('an added scope can be removed again; a required field cannot', () => {
    const i = at('sharedSavings');
    const m = { ...models[i], scope: [...DEFAULT_SCOPE] };
    expect(removableAt(['financing', 'models', i, 'scope'], m)).toBe(true);
    expect(removableAt(['financing', 'models', i, 'sharingRate'], m)).toBe(false);
    expect(removableAt(['financing', 'models', i, 'kind'], m)).toBe(false);
  });
});
