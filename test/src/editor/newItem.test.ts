import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../models/pipeline/validate';
import { neutralItem } from '../../../src/editor/newItem';
import { clone, defaultInput } from '../../helpers';

const errorsOf = (input: unknown) => {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('"+ Toevoegen" adds a neutral item', () => {
  const base = defaultInput() as any;
  const lists: [string, (s: any) => any[]][] = [
    ['segments', (s) => s.region.segments],
    ['substitution', (s) => s.substitution],
    ['interventions', (s) => s.interventions],
    ['models', (s) => s.financing.models],
  ];
  for (const [key, at] of lists) {
    for (const lang of ['nl', 'en'] as const) {
      it(`${key} (${lang}): valid, a fresh id and plain name, never a copy`, () => {
        const s = clone(base);
        const list = at(s);
        const item = neutralItem(key, list[0], list, lang) as any;
        list.push(item);
        expect(errorsOf(s)).toEqual([]);
        expect(list.filter((x: any) => x.id === item.id)).toHaveLength(1);
        expect(item.name).not.toMatch(/kopi|copy/i);
        expect(item.name).toMatch(lang === 'nl' ? /^Nieuwe? / : /^New /);
        expect(item.name).not.toBe(list[0].name);
        // A second one gets another id and name.
        const again = neutralItem(key, list[0], list, lang) as any;
        expect(again.id).not.toBe(item.id);
        expect(again.name).not.toBe(item.name);
      });
    }
  }
  it('changes nothing until filled in: no share, nothing eligible, no reach, effect or cost', () => {
    const s = clone(base);
    const seg = neutralItem('segments', s.region.segments[0], s.region.segments, 'nl') as any;
    expect(seg.share).toBe(0);
    const sub = neutralItem('substitution', s.substitution[0], s.substitution, 'nl') as any;
    expect(sub.eligible.value).toBe(0);
    const iv = neutralItem('interventions', s.interventions[0], s.interventions, 'nl') as any;
    expect(iv.reach.max.value).toBe(0);
    expect(iv.cost.oneOff.value + iv.cost.perYear.value + iv.cost.perParticipant.value).toBe(0);
    expect(JSON.stringify(iv.effects)).not.toMatch(/"value":(?!0[,}])/);
    const m = neutralItem('models', s.financing.models[0], s.financing.models, 'en') as any;
    expect(m.kind).toBe('ffs');
  });
});
