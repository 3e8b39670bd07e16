import { describe, expect, it } from 'vitest';
import { bothTexts, isBilingual, localText, localTextForEdit, withLocalText } from '../../models/scenario/localText';
import { validateScenario } from '../../models/pipeline/validate';
import { clone, defaultInput } from '../helpers';

describe('text per language (localText)', () => {
  it('shows the asked language, the other when it is missing or empty, and a plain text in both', () => {
    const t = { nl: 'Gezond', en: 'Healthy' };
    expect([localText(t, 'nl'), localText(t, 'en')]).toEqual(['Gezond', 'Healthy']);
    expect([localText({ nl: 'Gezond' }, 'en'), localText({ en: 'Healthy' }, 'nl')]).toEqual(['Gezond', 'Healthy']);
    expect(localText({ nl: 'Gezond', en: '' }, 'en')).toBe('Gezond');
    expect([localText('Gezond', 'nl'), localText('Gezond', 'en')]).toEqual(['Gezond', 'Gezond']);
    expect(bothTexts({ en: 'Healthy' })).toEqual({ nl: 'Healthy', en: 'Healthy' });
  });

  it('never throws on what a draft may hold, and reads only own keys', () => {
    for (const x of [undefined, null, 5, [], ['a'], { nl: 5 }, Object.create({ nl: 'inherited' })]) expect(localText(x, 'nl')).toBe('');
    expect(localText(JSON.parse('{"__proto__": {"nl": "x"}, "en": "Healthy"}'), 'nl')).toBe('Healthy');
    expect(isBilingual('a')).toBe(false);
    expect(isBilingual({ nl: 'a' })).toBe(true);
  });

  it("editing changes the interface language's text and keeps the other; a plain text stays plain", () => {
    expect(withLocalText({ nl: 'Gezond', en: 'Healthy' }, 'en', 'Well')).toEqual({ nl: 'Gezond', en: 'Well' });
    expect(withLocalText({ nl: 'Gezond' }, 'en', 'Healthy')).toEqual({ nl: 'Gezond', en: 'Healthy' });
    expect(withLocalText('Gezond', 'en', 'Healthy')).toBe('Healthy');
    // A cleared language stays empty while typing (the field does not jump to the other text).
    const cleared = withLocalText({ nl: 'Gezond', en: 'Healthy' }, 'en', '');
    expect(localTextForEdit(cleared, 'en')).toBe('');
    expect(localText(cleared, 'en')).toBe('Gezond');
    // A missing language is edited starting from what the views show.
    expect(localTextForEdit({ nl: 'Gezond' }, 'en')).toBe('Gezond');
  });

  it('the format takes a text per language wherever a name, description or source is written', () => {
    const s = clone(defaultInput()) as any;
    const nlEn = (x: string) => ({ nl: `${x} (nl)`, en: `${x} (en)` });
    s.meta.title = nlEn('t');
    s.meta.notes = { en: 'notes' };
    s.region.segments[0].name = nlEn('segment');
    s.region.segments[0].source = nlEn('source');
    s.region.segments[0].lines.gp.contacts = { value: 3, source: nlEn('param source') };
    s.substitution[0].name = nlEn('sub');
    s.substitution[0].description = nlEn('sub description');
    s.interventions[0].name = nlEn('iv');
    s.financing.models[0].name = nlEn('model');
    s.financing.models[0].description = nlEn('model description');
    const r = validateScenario(s);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (r.ok) expect(r.scenario.region.segments[0].name).toEqual(nlEn('segment'));
  });

  it("each language is held to the field's length limit, and a third language is refused at its path", () => {
    const s = clone(defaultInput()) as any;
    s.region.segments[0].name = { nl: 'kort', en: 'x'.repeat(201) };
    s.financing.models[0].name = { nl: 'FFS', fr: "Paiement à l'acte" };
    s.meta.title = 12;
    const r = validateScenario(s);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors).toContain('region.segments[0].name.en: must have at most 200 character(s)');
    expect(errors).toContain('financing.models[0].name: unknown field(s): "fr"');
    expect(errors).toContain('meta.title: must be a text, or a text per language {"nl": …, "en": …}, not number');
  });
});
