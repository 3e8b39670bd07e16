import { describe, expect, it } from 'vitest';
import { localText } from '../../../models/scenario/localText';
import { paramLabel, wrapLabel } from '../../../src/charts/paramLabel';
import { defaultInput } from '../../helpers';

describe('readable parameter names for the tornado', () => {
  const s = defaultInput() as any;
  it('uses the scenario item names and field labels, in both languages', () => {
    const sub = paramLabel('substitution[0].maxShift', s, 'nl');
    expect(sub.label).toBe(`${localText(s.substitution[0].name, 'nl')}: deel dat verschuift bij volledige invoering`);
    expect(sub.group).toBe('Substitutie');
    // The library names items in both languages: the English label carries the English name.
    expect(localText(s.substitution[0].name, 'en')).not.toBe(localText(s.substitution[0].name, 'nl'));
    expect(paramLabel('substitution[0].maxShift', s, 'en').label).toBe(`${localText(s.substitution[0].name, 'en')}: share moved at full uptake`);
    expect(paramLabel('interventions[1].effects.contacts.hospital', s, 'nl').label).toBe(`${localText(s.interventions[1].name, 'nl')}: effect op contacten, ziekenhuis (2e lijn)`);
    expect(paramLabel('interventions[1].reach.max', s, 'en').label).toBe(`${localText(s.interventions[1].name, 'en')}: maximum reach`);
    expect(paramLabel('lines.hospital.trend', s, 'nl').label).toBe('Ziekenhuis (2e lijn): kostengroei per contact');
    expect(paramLabel('financing.parties.hospital.adjustment', s, 'en').label).toBe('Hospital (party): capacity adjustment per year');
    expect(paramLabel('substitution[0].uptake.midpointYears', s, 'nl').label).toBe(`${localText(s.substitution[0].name, 'nl')}: jaren tot halve invoering`);
  });
  it('falls back to the path for paths it cannot read', () => {
    expect(paramLabel('not a [path', s, 'nl').label).toBe('not a [path');
  });
  it('wraps at spaces into at most two lines and marks what was cut', () => {
    expect(wrapLabel('een twee drie', 20)).toEqual(['een twee drie']);
    expect(wrapLabel('een twee drie vier', 9)).toEqual(['een twee', 'drie vier']);
    const w = wrapLabel('een twee drie vier vijf zes zeven', 9);
    expect(w).toHaveLength(2);
    expect(w[1].endsWith('…')).toBe(true);
    expect(w.every((l) => l.length <= 9)).toBe(true);
    expect(wrapLabel('supercalifragilistic', 8)[0].length).toBeLessThanOrEqual(8);
  });
});
