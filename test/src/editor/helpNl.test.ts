import { describe, expect, it } from 'vitest';
import schema from '../../../scenarios/scenario.schema.json';
import { HELP_NL } from '../../../src/editor/helpNl';
import { helpText, splitHelp } from '../../../src/editor/schemaHelp';

/** Every description in the published JSON Schema (what the editor's help can show). */
function descriptions(n: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(n)) n.forEach((x) => descriptions(x, out));
  else if (n && typeof n === 'object') {
    const d = (n as { description?: unknown }).description;
    if (typeof d === 'string') out.add(splitHelp(d).text);
    Object.values(n).forEach((x) => descriptions(x, out));
  }
  return out;
}

describe('editor help in Dutch', () => {
  it('has a Dutch text for every description of the file format', () => {
    const missing = [...descriptions(schema)].filter((d) => !(d in HELP_NL));
    expect(missing).toEqual([]);
  });

  it('keeps no stale entries for descriptions the format no longer has', () => {
    const all = descriptions(schema);
    expect(Object.keys(HELP_NL).filter((k) => !all.has(k))).toEqual([]);
  });

  it('shows a parameter range in the chosen language, without the file-format jargon', () => {
    const nl = helpText(['region', 'segments', 0, 'lines', 'hospital', 'contacts'], 'nl')!;
    const en = helpText(['region', 'segments', 0, 'lines', 'hospital', 'contacts'], 'en')!;
    expect(nl).toMatch(/^Contacten \(declaraties\) per persoon per jaar in deze zorgvorm\. Bereik: 0 tot [\d.]+\.$/);
    expect(en).toMatch(/^Contacts \(claims\) per person-year on this line\. Range: 0 to [\d,]+\.$/);
    expect(nl).not.toContain('{value, source}');
  });
});
