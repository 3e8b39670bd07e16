import { describe, expect, it } from 'vitest';
import { paramLabel, wrapLabel } from '../../src/charts/paramLabel';
import { defaultInput } from '../helpers';

describe('readable parameter names for the tornado', () => {
  const s = defaultInput() as any;
  it('uses the scenario item names and field labels, in both languages', () => {
    const sub = paramLabel('substitution[0].maxShift', s, 'nl');
    expect(sub.label).toBe(`${s.substitution[0].name}: deel dat verschuift bij volledige invoering`);
    expect(sub.group).toBe('Substitutie');
    expect(paramLabel('substitution[0].maxShift', s, 'en').label).toBe(`${s.substitution[0].name}: share moved at full uptake`);
    expect(paramLabel('interventions[1].effects.contacts.hospital', s, 'nl').label).toBe(`${s.interventions[1].name}: effect op contacten, ziekenhuis (2e lijn)`);
    expect(paramLabel('interventions[1].reach.max', s, 'en').label).toBe(`${s.interventions[1].name}: maximum reach`);
    expect(paramLabel('lines.hospital.trend', s, 'nl').label).toBe('Ziekenhuis (2e lijn): kostengroei per contact');
    expect(paramLabel('financing.parties.hospital.adjustment', s, 'en').label).toBe('Hospital (party): capacity adjustment per year');
    expect(paramLabel('substitution[0].uptake.midpointYears', s, 'nl').label).toBe(`${s.substitution[0].name}: jaren tot halve invoering`);
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
