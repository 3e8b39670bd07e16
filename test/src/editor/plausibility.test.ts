import { describe, expect, it } from 'vitest';
import { plausibilityNotes } from '../../../src/editor/plausibility';
import { pathString } from '../../../src/workspace/paths';
import { clone, defaultInput } from '../../helpers';

const notesOf = (s: unknown, l: 'nl' | 'en' = 'nl') => plausibilityNotes(s, l).map((n) => pathString(n.path));

describe('plausibility notes (never blocking)', () => {
  it('the default scenario has none', () => {
    expect(notesOf(defaultInput())).toEqual([]);
    expect(notesOf(defaultInput(), 'en')).toEqual([]);
  });
  it('population under 1,000 or over 20 million, with the likely intended number', () => {
    const s = clone(defaultInput()) as any;
    s.region.population = 999;
    expect(plausibilityNotes(s, 'nl')[0].text).toMatch(/Bedoelde u 999\.000\?/);
    s.region.population = 1000;
    expect(notesOf(s)).toEqual([]);
    s.region.population = 20_000_001;
    expect(notesOf(s, 'en')).toEqual(['region.population']);
    s.region.population = 20_000_000;
    expect(notesOf(s)).toEqual([]);
  });
  it('fewer than 200 runs', () => {
    const s = clone(defaultInput()) as any;
    s.simulation.runs = 199;
    expect(notesOf(s)).toEqual(['simulation.runs']);
    s.simulation.runs = 200;
    expect(notesOf(s)).toEqual([]);
  });
  it('names a source that begins with its own "Bron:" once (the Vektis-derived costs do)', () => {
    const s = clone(defaultInput()) as any;
    s.region.segments[0].lines.hospital.costPerContact.value *= 20;
    const nl = plausibilityNotes(s, 'nl')[0].text;
    expect(nl).toMatch(/\(bron: Vektis/);
    expect(nl).not.toMatch(/bron: Bron/i);
    expect(plausibilityNotes(s, 'en')[0].text).toMatch(/\(source: Vektis/);
  });
  it("a cost per contact more than 10 times off the default scenario's, either way", () => {
    const s = clone(defaultInput()) as any;
    const base = s.region.segments[0].lines.gp.costPerContact.value as number;
    s.region.segments[0].lines.gp.costPerContact.value = base * 10;
    expect(notesOf(s)).toEqual([]);
    s.region.segments[0].lines.gp.costPerContact.value = base * 10.5;
    expect(notesOf(s)).toEqual(['region.segments[0].lines.gp.costPerContact']);
    s.region.segments[0].lines.gp.costPerContact.value = base / 10.5;
    expect(plausibilityNotes(s, 'nl')[0].text).toMatch(/keer lager/);
    s.region.segments[0].lines.gp.costPerContact = { dist: 'pert', min: base * 20, mode: base * 30, max: base * 40 };
    expect(notesOf(s)).toEqual(['region.segments[0].lines.gp.costPerContact']);
  });
  it('a share over 100% only where the format allows it', () => {
    const s = clone(defaultInput()) as any;
    const loading = s.financing.models.find((m: any) => m.kind === 'population').stopLoss;
    loading.loading.value = 1.5; // allowed up to 200%
    expect(notesOf(s)).toHaveLength(1);
    expect(notesOf(s)[0]).toMatch(/stopLoss\.loading$/);
    loading.loading.value = 0.1;
    s.simulation.targetReduction = 1.5; // refused by the format already: no second message
    expect(notesOf(s)).toEqual([]);
  });
});
