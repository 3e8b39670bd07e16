import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/scenario/validate';
import { localMessage } from '../../src/editor/messages';

const base = () => JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8'));

/** Broken copies of the default scenario, one fault each, as a user could type or a file could hold. */
const faults: [string, (s: any) => void][] = [
  ['negative population', (s) => (s.region.population = -5)],
  ['text in a number', (s) => (s.region.population = '12x')],
  ['fraction for a whole number', (s) => (s.simulation.runs = 10.5)],
  ['missing field', (s) => delete s.region.population],
  ['unknown field', (s) => (s.extraField = true)],
  ['not one of the choices', (s) => (s.substitution[0].to = 'moon')],
  ['shares not summing to 1', (s) => (s.region.segments[0].share = 0.9)],
  ['duplicate segment id', (s) => (s.region.segments[1].id = s.region.segments[0].id)],
  ['PERT min above max', (s) => (s.substitution[0].maxShift = { dist: 'pert', min: 0.5, mode: 0.3, max: 0.2 })],
  ['wrong id form', (s) => (s.region.segments[0].id = 'a b')],
  ['share above 1', (s) => (s.region.segments[0].share = 2)],
];

describe('validation messages in Dutch', () => {
  for (const [name, breakIt] of faults) {
    it(`${name}: every message the validator gives is put into Dutch`, () => {
      const s = base();
      breakIt(s);
      const r = validateScenario(s);
      expect(r.ok).toBe(false);
      const errors = r.ok ? [] : r.errors;
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        const nl = localMessage(e.message, 'nl');
        expect(nl, `${e.path}: ${e.message}`).not.toBe(e.message);
        expect(nl, `${e.path}: ${e.message}`).not.toMatch(/\b(must|is required|unknown|duplicate|not valid|shares)\b/);
        // English stays as the engine wrote it.
        expect(localMessage(e.message, 'en')).toBe(e.message);
      }
    });
  }

  it('numbers in Dutch notation, field names and quoted values untouched', () => {
    expect(localMessage('must be ≥ 0.5', 'nl')).toBe('moet ≥ 0,5 zijn');
    expect(localMessage('must be ≥ 1000', 'nl')).toBe('moet ≥ 1.000 zijn');
    expect(localMessage('must be ≤ max (0.25)', 'nl')).toBe('moet ≤ max (0,25) zijn');
    expect(localMessage('must be a number, not string', 'nl')).toBe('moet een getal zijn, geen tekst');
    expect(localMessage('must be one of "gp", "hospital"', 'nl')).toBe('moet een van deze zijn: "gp", "hospital"');
    expect(localMessage('segment shares must sum to 1 (now 0.95)', 'nl')).toBe('de aandelen moeten samen 1 zijn (nu 0,95)');
  });
});

describe('contract formula messages in Dutch', () => {
  const formulas = ['savings *', 'min(savings', 'foo + 1', 'x = 1', 'savings , 2', '0,3 * savings', 'sin(1)', 'min()', '"a"', 'a.b', '', 'savings +* 2', '1 2'];
  for (const f of formulas) {
    it(`${JSON.stringify(f)}: the checker's message is put into Dutch, with its place`, () => {
      const s = base();
      s.financing.models[6].formulas.gp = f;
      const r = validateScenario(s);
      expect(r.ok).toBe(false);
      for (const e of r.ok ? [] : r.errors) {
        const nl = localMessage(e.message, 'nl');
        expect(nl, e.message).not.toBe(e.message);
        expect(nl, e.message).not.toMatch(/\b(the|is not allowed|expected|Unexpected|needs|at character)\b/);
        const at = / \(at character (\d+)\)$/.exec(e.message);
        if (at) expect(nl.endsWith(`(bij teken ${at[1]})`)).toBe(true);
      }
    });
  }
});
