import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError, MAX_FORMULA_DEPTH } from '../../models/finance/formula';
import { validateScenario } from '../../models/pipeline/validate';
import { flatRegion, PARTIES_DEFAULT } from './helpers';

const failure = (text: string): FormulaError => {
  try {
    compileFormula(text);
  } catch (e) {
    return e as FormulaError;
  }
  throw new Error(`compiled: ${text}`);
};

describe('formula nesting and constants', () => {
  for (const [name, text, at] of [
    ['1,984 unary minuses', `${'-'.repeat(1984)}1`, MAX_FORMULA_DEPTH],
    ['261 parentheses', `${'('.repeat(261)}1${')'.repeat(261)}`, MAX_FORMULA_DEPTH],
    ['300 nested calls', `${'max('.repeat(300)}1${')'.repeat(300)}`, 4 * MAX_FORMULA_DEPTH + 3],
    ['400 nots', `${'not '.repeat(400)}1`, 4 * MAX_FORMULA_DEPTH],
    ['a long chain of ?:', `${'1?'.repeat(400)}1${':1'.repeat(400)}`, 2 * MAX_FORMULA_DEPTH + 1],
    ['a long chain of ^', `${'2^'.repeat(600)}1`, 2 * MAX_FORMULA_DEPTH + 1],
  ] as const) {
    it(`${name}: refused with the stated limit and the position, not a stack overflow`, () => {
      const e = failure(text);
      expect(e).toBeInstanceOf(FormulaError);
      expect(e.message).toMatch(new RegExp(`nested too deeply; at most ${MAX_FORMULA_DEPTH} levels`));
      expect(e.position).toBe(at);
    });
  }

  it('nesting up to the limit still compiles and evaluates', () => {
    const vars = new Float64Array(15);
    expect(compileFormula(`${'('.repeat(MAX_FORMULA_DEPTH)}1${')'.repeat(MAX_FORMULA_DEPTH)}`)(vars)).toBe(1);
    expect(compileFormula(`${'-'.repeat(MAX_FORMULA_DEPTH)}1`)(vars)).toBe(1);
    // Long flat chains are not nesting: 1 + 1 + … (the parser loops over them).
    expect(compileFormula(Array(900).fill('1').join('+'))(vars)).toBe(900);
    expect(compileFormula(Array(300).fill('-1').join(' - '))(vars)).toBe(-1 + 299);
  });

  it('Infinity, NaN and 1e999 are refused as not finite (not as "not null")', () => {
    for (const [text, shown, at] of [
      ['Infinity', 'Infinity', 0],
      ['2 * NaN', 'NaN', 4],
      ['savings + 1e999', 'Infinity', 10],
    ] as const) {
      const e = failure(text);
      expect(e.message).toBe(`${shown} is not a finite number; only finite numbers are allowed as constants (at character ${at + 1})`);
    }
  });

  it('the validator names the field of a too deep formula', () => {
    const s = flatRegion(100, 'f', { parties: PARTIES_DEFAULT, models: [{ id: 'c', name: 'c', kind: 'custom', formulas: { hospital: `${'-'.repeat(1984)}1` } }] });
    const r = validateScenario(s);
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'financing.models[0].formulas.hospital', code: 'formulaTooDeep', params: { max: MAX_FORMULA_DEPTH, at: 51 }, message: expect.stringMatching(/nested too deeply.*\(at character 51\)$/) },
    ]);
  });
});
