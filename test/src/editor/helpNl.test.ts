import { describe, expect, it } from 'vitest';
import { HELP_NL } from '../../../src/editor/helpNl';
import { dutchHelpEntry, helpKeyAt, helpKeys, helpText } from '../../../src/editor/schemaHelp';

describe('editor help in Dutch', () => {
  it('has a Dutch text for every help key of the file format (every description at every path the editor can show)', () => {
    const missing = [...helpKeys().keys()].filter((k) => dutchHelpEntry(k) === undefined);
    expect(missing).toEqual([]);
  });

  it('gives each help key one English text, and each Dutch entry stands for one English text', () => {
    const keys = helpKeys();
    expect([...keys].filter(([, en]) => en.size !== 1).map(([k]) => k)).toEqual([]);
    const covered = new Map<string, Set<string>>();
    for (const [k, en] of keys) {
      const entry = dutchHelpEntry(k)!;
      covered.set(entry, new Set([...(covered.get(entry) ?? []), ...en]));
    }
    expect([...covered].filter(([, en]) => en.size !== 1).map(([k, en]) => `${k}: ${[...en].join(' | ')}`)).toEqual([]);
  });

  it('keeps no stale entries for keys the format no longer has', () => {
    const used = new Set([...helpKeys().keys()].map((k) => dutchHelpEntry(k)));
    expect(Object.keys(HELP_NL).filter((k) => !used.has(k))).toEqual([]);
  });

  it('finds the help of a field by its path: a care line, a party, a part of a distribution', () => {
    expect(helpKeyAt(['region', 'segments', 2, 'lines', 'hospital', 'contacts'])).toBe('region.segments[].lines.hospital.contacts');
    expect(helpKeyAt(['substitution', 0, 'maxShift', 'source'])).toMatch(/^(FixedParam|Distribution)\.source$/);
    expect(helpText(['substitution', 0, 'maxShift', 'source'], 'nl')).toBe(HELP_NL['*.source']);
    expect(helpText(['region', 'segments', 1, 'id'], 'nl')).toMatch(/^Vaste code/);
    expect(helpText(['region', 'segments', 1, 'source'], 'nl')).toBe('Waar het aandeel van deze groep vandaan komt.');
  });

  it('shows a parameter range in the chosen language, without the file-format jargon', () => {
    const nl = helpText(['region', 'segments', 0, 'lines', 'hospital', 'contacts'], 'nl')!;
    const en = helpText(['region', 'segments', 0, 'lines', 'hospital', 'contacts'], 'en')!;
    expect(nl).toMatch(/^Contacten \(declaraties\) per persoon per jaar in deze zorgvorm\. Bereik: 0 tot [\d.]+\.$/);
    expect(en).toMatch(/^Contacts \(claims\) per person-year on this line\. Range: 0 to [\d,]+\.$/);
    expect(nl).not.toContain('{value, source}');
  });
});
