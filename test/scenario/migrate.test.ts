import { describe, expect, it } from 'vitest';
import { migrate } from '../../models/scenario/migrate';
import { SCENARIO_VERSION } from '../../models/scenario/schema';
import { validateScenario } from '../../models/pipeline/validate';
import { clone, defaultInput } from '../helpers';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { expectedPerCapita } from '../../models/finance/expected';

/** A file as version 2 could write it: no use, trend or deductible of the two lines version 3 added. */
function withoutNewLines(s: any): any {
  for (const seg of s.region.segments) for (const l of ['mentalHealth', 'otherZvw']) delete seg.lines[l];
  for (const l of ['mentalHealth', 'otherZvw']) {
    delete s.lines?.[l];
    delete s.financing?.parties?.deductibleShare?.[l];
  }
  for (const m of s.financing?.models ?? []) if (Array.isArray(m.scope)) m.scope = m.scope.filter((l: string) => l !== 'mentalHealth' && l !== 'otherZvw');
  return s;
}

/** The default scenario as a version-1 file wrote it: every text a plain string. */
function versionOne(): any {
  const s = clone(defaultInput()) as any;
  s.version = 1;
  s.meta.title = 'Regio';
  s.meta.question = 'Daalt de zorgkost?\n\nDoes care cost fall?';
  s.meta.headline = 'Ja, een beetje.\n \nYes, a little.';
  s.meta.description = 'Eerste alinea.\n\nTweede alinea.';
  s.meta.notes = 'Notitie één.\n\nNotitie twee.';
  return s;
}

describe('format migration', () => {
  it('this workbench writes version 3', () => expect(SCENARIO_VERSION).toBe(3));

  it('version 1 → 2: question and headline of two paragraphs become a text per language; nothing else changes', () => {
    const v1 = versionOne();
    const before = JSON.stringify(v1);
    const m = migrate(v1);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.from).toBe(1);
    expect(JSON.stringify(v1)).toBe(before); // the input is not changed in place
    const v = m.value as any;
    expect(v.version).toBe(SCENARIO_VERSION);
    expect(v.meta.question).toEqual({ nl: 'Daalt de zorgkost?', en: 'Does care cost fall?' });
    expect(v.meta.headline).toEqual({ nl: 'Ja, een beetje.', en: 'Yes, a little.' });
    // A description or notes of two paragraphs may be two Dutch paragraphs: kept whole.
    expect(v.meta.description).toBe(v1.meta.description);
    expect(v.meta.notes).toBe(v1.meta.notes);
    const rest = (x: any) => JSON.stringify({ ...x, version: 0, meta: { ...x.meta, question: 0, headline: 0 } });
    expect(rest(v)).toBe(rest(v1));
  });

  it('version 2 → 3: only the version changes; a file without the new lines has no cost on them', () => {
    const v2 = withoutNewLines(clone(defaultInput()));
    v2.version = 2;
    const m = migrate(v2);
    expect(m.ok && m.from).toBe(2);
    if (!m.ok) return;
    expect(JSON.stringify({ ...m.value, version: 2 })).toBe(JSON.stringify(v2));
    const r = validateScenario(v2);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    const model = compile(r.scenario);
    const block = simulateBlock(model, 0, 20);
    for (const l of ['mentalHealth', 'otherZvw'] as const) {
      const cols = block.names.flatMap((n, i) => (n.includes(l) ? [block.cols[i]] : []));
      expect(cols.length, l).toBeGreaterThan(0);
      for (const c of cols) expect(c.every((x) => x === 0)).toBe(true);
    }
    expect(expectedPerCapita(model, []).lines.slice(5)).toEqual(new Float64Array([0, 0]));
  });

  it('a question of one paragraph, or of three, stays a plain text', () => {
    const v1 = versionOne();
    v1.meta.question = 'Eén alinea.';
    v1.meta.headline = 'Een.\n\nTwee.\n\nDrie.';
    const m = migrate(v1);
    expect(m.ok && (m.value as any).meta.question).toBe('Eén alinea.');
    expect(m.ok && (m.value as any).meta.headline).toBe('Een.\n\nTwee.\n\nDrie.');
  });

  it('a version-1 file validates, says it was migrated, and a version-3 file is taken as it is', () => {
    const r = validateScenario(versionOne());
    expect(r.ok && r.migratedFrom).toBe(1);
    const r2 = validateScenario(clone(defaultInput()));
    expect(r2.ok).toBe(true);
    expect(r2.ok && r2.migratedFrom).toBeUndefined();
  });

  it('a version-1 file that already carried a text per language is read too (nothing is refused for it)', () => {
    const v1 = versionOne();
    v1.region.segments[0].name = { nl: 'Gezond', en: 'Healthy' };
    const r = validateScenario(v1);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
