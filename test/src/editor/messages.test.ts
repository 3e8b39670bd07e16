import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../models/pipeline/validate';
import { localMessage } from '../../../src/editor/messages';

const base = () => JSON.parse(readFileSync(new URL('../../../scenarios/default.json', import.meta.url), 'utf8'));

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
  ['high-cost cases above the limit a year', (s) => (s.region.population = 20_000_000)],
  ['a shrinking region, largest before the contract', (s) => ((s.benchmark.preContractYears = 10), s.region.segments.forEach((g: any) => (g.growth = -0.5)))],
  ['high-cost cases above the limit per run', (s) => ((s.region.population = 19_000_000), s.region.segments.forEach((g: any) => (g.highCost = { rate: 0.005, severity: { mean: 30000, cv: 1 } })))],
  ['a correlation with no parameter at its path', (s) => (s.correlations = [{ between: ['substitution[0].nothing', 'substitution[0].refill'], rank: 0.3 }])],
  ['a correlation of a fixed number', (s) => (s.correlations = [{ between: ['region.population', 'substitution[0].refill'], rank: 0.3 }])],
  ['a parameter correlated with itself', (s) => (s.correlations = [{ between: ['substitution[0].maxShift', 'substitution[0].maxShift'], rank: 0.3 }])],
  ['a pair correlated twice', (s) => (s.correlations = [0.3, 0.4].map((rank) => ({ between: ['substitution[0].maxShift', 'substitution[0].refill'], rank })))],
  [
    'correlations that cannot hold together',
    (s) =>
      (s.correlations = [
        { between: ['substitution[0].maxShift', 'substitution[0].refill'], rank: 0.9 },
        { between: ['substitution[0].maxShift', 'substitution[0].eligible'], rank: 0.9 },
        { between: ['substitution[0].refill', 'substitution[0].eligible'], rank: -0.9 },
      ]),
  ],
  ['no version', (s) => delete s.version],
  ['a newer version', (s) => (s.version = 7)],
  ['a version as text', (s) => (s.version = '1')],
  ['NaN in a number (from code)', (s) => (s.region.population = NaN)],
  ['Infinity in a number (from code)', (s) => (s.region.segments[0].share = Infinity)],
  ['Infinity in a formula', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { gp: 'savings * Infinity' } }])],
  ['NaN in a formula', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { gp: 'NaN' } }])],
  ['a formula nested too deeply', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { gp: `${'-'.repeat(1984)}1` } }])],
  ['an unknown name in a formula', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { hospital: 'savings * rate' } }])],
  ['a formula cut short', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { hospital: '0.5 * (savings' } }])],
  ['a function not allowed', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { hospital: 'sin(savings)' } }])],
  ['an empty formula', (s) => (s.financing.models = [{ id: 'c', name: 'c', kind: 'custom', formulas: { hospital: ' ' } }])],
  ['a bonus without amount', (s) => (s.financing.models = [{ id: 'b', name: 'b', kind: 'bonus', split: { gp: 1, hospital: 0 } }])],
  ['__proto__ in payer shares', (s) => (s.interventions[0].payer = JSON.parse('{"__proto__": 0.5, "insurer": 1}'))],
  ['JSON nested too deeply', (s) => (s.meta.notes = JSON.parse(`${'['.repeat(60)}1${']'.repeat(60)}`))],
  ['a name as a number', (s) => (s.region.segments[0].name = 5)],
  ['a name per language with neither language', (s) => (s.region.segments[0].name = {})],
  ['a name in a third language', (s) => (s.financing.models[0].name = { de: 'Einzelleistung' })],
  ['a name per language that is no text', (s) => (s.meta.title = { nl: 'Titel', en: 7 })],
  ['a description per language too long', (s) => (s.substitution[0].description = { nl: 'x'.repeat(4001), en: 'y' })],
  ['__proto__ in a text per language', (s) => (s.region.segments[0].name = JSON.parse('{"__proto__": "x", "nl": "Gezond"}'))],
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
        expect(nl, `${e.path}: ${e.message}`).not.toMatch(
          /\b(must|is required|unknown|duplicate|not valid|shares|allows|simulated|insured|cases|formula|correlated|nested|finite|allowed|version|number|expected|null)\b/,
        );
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
