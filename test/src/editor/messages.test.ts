import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../models/pipeline/validate';
import { ISSUE_EN, fieldError, issueEn, type Issue, type IssueCode } from '../../../models/core/issues';
import { ISSUE_TEXTS, issueText, inPercent } from '../../../src/texts/issues';

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
  ['high-cost cases above the limit a year', (s) => ((s.region.population = 20_000_000), (s.region.segments[0].highCost.rate = 0.02))],
  ['a shrinking region, largest before the contract', (s) => ((s.benchmark.preContractYears = 10), s.region.segments.forEach((g: any) => (g.growth = -0.5)))],
  [
    'high-cost cases above the limit per run',
    (s) => ((s.region.population = 19_000_000), (s.simulation.horizonYears = 15), s.region.segments.forEach((g: any) => (g.highCost = { rate: 0.016, severity: { mean: 30000, cv: 1 } }))),
  ],
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

/** English words of the engine's texts that a Dutch message must not contain. */
const ENGLISH =
  /\b(must|is required|unknown|duplicate|not valid|shares|allows|simulated|insured|cases|formula|correlated|nested|finite|allowed|version|number|expected|null|the|needs|at character|Unexpected)\b/;

/** Codes whose English text in the interface has plural forms or numbers in English notation. */
const OWN_ENGLISH = new Set<IssueCode>([
  'tooSmall',
  'tooBig',
  'aboveField',
  'tooFewItems',
  'tooManyItems',
  'tooShort',
  'tooLong',
  'unknownFields',
  'sharesSum',
  'nearZero',
  'nestedTooDeep',
  'tooManyPersons',
  'tooManyCasesYear',
  'tooManyCasesRun',
  'formulaTooDeep',
  'formulaTooLong',
]);

describe('validation messages in Dutch', () => {
  for (const [name, breakIt] of faults) {
    it(`${name}: every issue the validator gives has a Dutch text and an English one`, () => {
      const s = base();
      breakIt(s);
      const r = validateScenario(s);
      expect(r.ok).toBe(false);
      const errors = r.ok ? [] : r.errors;
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        const nl = issueText(e, 'nl');
        expect(nl, `${e.path}: ${e.message}`).not.toBe(e.message);
        expect(nl, `${e.path}: ${e.message}`).not.toMatch(ENGLISH);
        // The interface's English is the command line's, except where it writes plurals or numbers in English notation.
        const en = issueText(e, 'en');
        if (!OWN_ENGLISH.has(e.code)) expect(en).toBe(e.message);
        else expect(en).not.toMatch(/\b(moet|ontbreekt|onbekende?|niet|zijn)\b/);
      }
    });
  }

  it('numbers in Dutch notation, field names and quoted values untouched', () => {
    const nl = (e: ReturnType<typeof fieldError>) => issueText(e, 'nl');
    expect(nl(fieldError('x', 'tooSmall', { min: 0.5, inclusive: true }))).toBe('moet ≥ 0,5 zijn');
    expect(nl(fieldError('x', 'tooSmall', { min: 1000, inclusive: true }))).toBe('moet ≥ 1.000 zijn');
    expect(nl(fieldError('x', 'aboveField', { field: 'max', value: 0.25 }))).toBe('moet ≤ max (0,25) zijn');
    expect(nl(fieldError('x', 'wrongType', { expected: 'number', got: 'string' }))).toBe('moet een getal zijn, geen tekst');
    expect(nl(fieldError('x', 'oneOf', { values: ['"gp"', '"hospital"'] }))).toBe('moet een van deze zijn: "gp", "hospital"');
    expect(nl(fieldError('x', 'sharesSum', { segments: true, total: 0.95 }))).toBe('de aandelen moeten samen 1 zijn (nu 0,95)');
    expect(issueText(fieldError('x', 'tooManyPersons', { persons: 174_080_000, year: 2031, preContract: false, max: 50_000_000 }), 'en')).toBe(
      'lets the region reach 174,080,000 insured in 2031; at most 50,000,000 are simulated',
    );
    expect(nl(fieldError('x', 'tooManyPersons', { persons: 174_080_000, year: 2031, preContract: false, max: 50_000_000 }))).toBe(
      'laat de regio groeien tot 174.080.000 verzekerden in 2031; hoogstens 50.000.000 worden gesimuleerd',
    );
  });

  it('a share field shows its bounds in percent, in both languages', () => {
    const e = fieldError('x', 'tooBig', { max: 1, inclusive: true });
    expect(issueText(inPercent(e), 'nl')).toBe('moet ≤ 100% zijn');
    expect(issueText(inPercent(e), 'en')).toBe('must be ≤ 100%');
    expect(issueText(inPercent(fieldError('x', 'tooSmall', { min: 0.005, inclusive: false })), 'nl')).toBe('moet > 0,5% zijn');
  });

  it('plural forms: one and many, in both languages', () => {
    const t = (code: 'tooShort' | 'tooLong' | 'tooFewItems', n: number, l: 'nl' | 'en') => issueText(fieldError('x', code, (code === 'tooLong' ? { max: n } : { min: n }) as never), l);
    expect(t('tooShort', 1, 'nl')).toBe('moet minstens 1 teken lang zijn');
    expect(t('tooShort', 2, 'nl')).toBe('moet minstens 2 tekens lang zijn');
    expect(t('tooLong', 1200, 'nl')).toBe('mag hoogstens 1.200 tekens lang zijn');
    expect(t('tooFewItems', 1, 'nl')).toBe('moet minstens 1 onderdeel hebben');
    expect(t('tooFewItems', 3, 'nl')).toBe('moet minstens 3 onderdelen hebben');
    expect(t('tooFewItems', 1, 'en')).toBe('must have at least 1 item');
    expect(t('tooLong', 1200, 'en')).toBe('must have at most 1,200 characters');
    expect(issueText(fieldError('x', 'unknownFields', { keys: ['a'] }), 'nl')).toBe('onbekend veld: "a"');
    expect(issueText(fieldError('x', 'unknownFields', { keys: ['a', 'b'] }), 'nl')).toBe('onbekende velden: "a", "b"');
    expect(issueText(fieldError('x', 'unknownFields', { keys: ['a'] }), 'en')).toBe('unknown field: "a"');
    expect(issueText(fieldError('x', 'unknownFields', { keys: ['a', 'b'] }), 'en')).toBe('unknown fields: "a", "b"');
  });

  it('every code the engine has (ISSUE_EN) has a Dutch and an English text in the catalogue, and no other', () => {
    const codes = Object.keys(ISSUE_EN) as IssueCode[];
    expect(Object.keys(ISSUE_TEXTS).sort()).toEqual([...codes].sort());
    for (const c of codes) {
      expect(typeof ISSUE_TEXTS[c].nl, c).toBe('function');
      expect(typeof ISSUE_TEXTS[c].en, c).toBe('function');
    }
  });
});

describe('contract formula messages in Dutch', () => {
  const formulas = ['savings *', 'min(savings', 'foo + 1', 'x = 1', 'savings , 2', '0,3 * savings', 'sin(1)', 'min()', '"a"', 'a.b', '', 'savings +* 2', '1 2'];
  for (const f of formulas) {
    it(`${JSON.stringify(f)}: the checker's issue has a Dutch text, with its place`, () => {
      const s = base();
      s.financing.models[6].formulas.gp = f;
      const r = validateScenario(s);
      expect(r.ok).toBe(false);
      for (const e of r.ok ? [] : r.errors) {
        expect(e.code, e.message).toMatch(/^(formula|parse)/);
        expect(e.code, e.message).not.toBe('parseOther');
        const nl = issueText(e, 'nl');
        expect(nl, e.message).not.toBe(e.message);
        expect(nl, e.message).not.toMatch(/\b(the|is not allowed|expected|Unexpected|needs|at character)\b/);
        const at = / \(at character (\d+)\)$/.exec(e.message);
        if (at) expect(nl.endsWith(`(bij teken ${at[1]})`)).toBe(true);
        expect(issueText(e, 'en')).toBe(e.message);
      }
    });
  }
});

describe('run and designer issues in both languages', () => {
  it('a stopped run names the output, the year and the cause in Dutch; English is what the command line prints', () => {
    const e = { path: '', code: 'runNotFinite', params: { run: 3, output: 'cf.total', value: 'NaN', year: 2027, cause: 'zeroBenchmark' } } as const;
    expect(issueText(e, 'nl')).toBe('run 3: cf.total is geen getal (NaN) in 2027: de benchmark is 0 (geen kosten in de jaren vóór het contract)');
    expect(issueText(e, 'en')).toBe(ISSUE_EN.runNotFinite(e.params));
    const f = { path: '', code: 'runFormulaValue', params: { run: 1, formula: 'financing.models[1].formulas.gp', value: 2.5e15, year: 2028, limit: 1e14 } } as const;
    expect(issueText(f, 'nl')).toBe(
      'run 1: financing.models[1].formulas.gp geeft 2.500.000.000.000.000 in 2028, meer dan de 100.000.000.000.000 euro die een formule mag geven (een deling door 0 of een overloop?)',
    );
    expect(issueText(f, 'en')).toBe('run 1: financing.models[1].formulas.gp gives 2.50e+15 in 2028, more than the 1e+14 euros a formula may give (a division by 0 or an overflow?)');
  });

  it("a refused contract variant lists the variant's own issues in the interface language", () => {
    const inner = fieldError('financing.models[1].sharingRate', 'tooBig', { max: 1, inclusive: true });
    const e: Issue = { path: '', code: 'designInvalidTerms', params: { terms: '{"sharingRate":2}', issues: [inner] } };
    expect(issueText(e, 'nl')).toBe('voorwaarden {"sharingRate":2}: financing.models[1].sharingRate: moet ≤ 1 zijn');
    expect(issueEn(e)).toBe('terms {"sharingRate":2}: financing.models[1].sharingRate: must be ≤ 1');
  });
});
