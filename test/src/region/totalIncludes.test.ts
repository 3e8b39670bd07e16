import { describe, expect, it } from 'vitest';
import { LINES, type Line } from '../../../models/core/names';
import { totalIncludes, totalShort } from '../../../src/region/totalIncludes';

type Year = Parameters<typeof totalIncludes>[0];
/** A year whose counterfactual has cost on exactly these lines. */
const year = (lines: Line[]) => {
  const claims = Object.fromEntries(LINES.map((l) => [l, { mean: lines.includes(l) ? 1e6 : 0 }]));
  return { cf: { claims }, sc: { claims } } as unknown as Year;
};

// The headline's total says what it adds up, in both languages: a total over some lines only
// makes the 2% target look easier than it is.
describe('what the total care cost includes', () => {
  it('all Zvw care when mental health and the other Zvw care are in it, each line by name', () => {
    const y = year([...LINES]);
    expect(totalShort(y, 'nl')).toBe('totaal: alle Zvw-zorg en zelfzorg');
    expect(totalShort(y, 'en')).toBe('total: all Zvw care and self-care');
    expect(totalIncludes(y, 'nl')).toMatch(/^Totale zorgkosten: .*GGZ.*overige Zvw-zorg.*\(alle Zvw-zorg\)\.$/);
    expect(totalIncludes(y, 'en')).toMatch(/^Total care cost: .*mental health care.*other Zvw care.*\(all Zvw care\)\.$/);
  });

  it('says "not all Zvw care" for a file of the five lines it had before', () => {
    const y = year(['selfcare', 'gp', 'intermediate', 'hospital', 'pharmacy']);
    expect(totalShort(y, 'nl')).toBe('totaal: 5 zorglijnen, niet alle Zvw-zorg');
    expect(totalShort(y, 'en')).toBe('total: 5 care lines, not all Zvw care');
    expect(totalIncludes(y, 'nl')).toContain('(niet alle Zvw-zorg)');
    expect(totalIncludes(y, 'en')).toContain('(not all Zvw care)');
    expect(totalIncludes(y, 'en')).not.toMatch(/mental health/);
  });
});
