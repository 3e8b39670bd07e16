import { describe, expect, it } from 'vitest';
import { fromFormulaLanguage, toFormulaLanguage } from '../../../src/editor/formulaText';
import { compileFormula, VARIABLE_NAMES } from '../../../models/finance/formula';

describe('decimal comma in contract formulas (Dutch)', () => {
  it('reads a comma between two digits as a decimal comma, any other comma as argument separator', () => {
    expect(toFormulaLanguage('savingsRate >= 0,02 ? 0,3 * savings : 0', 'nl')).toBe('savingsRate >= 0.02 ? 0.3 * savings : 0');
    expect(toFormulaLanguage('min(savings, 0,3)', 'nl')).toBe('min(savings, 0.3)');
    expect(toFormulaLanguage('min(0,3 * savings,100000)', 'nl')).toBe('min(0.3 * savings,100000)');
    expect(toFormulaLanguage('max(1, 2)', 'nl')).toBe('max(1, 2)');
    expect(toFormulaLanguage('max(1,2)', 'nl')).toBe('max(1.2)'); // the documented rule: no space, a decimal comma
    expect(toFormulaLanguage('0.3 * savings', 'nl')).toBe('0.3 * savings');
  });
  it('leaves English formulas alone', () => {
    expect(toFormulaLanguage('max(1,2)', 'en')).toBe('max(1,2)');
    expect(fromFormulaLanguage('max(1,2) * 0.5', 'en')).toBe('max(1,2) * 0.5');
  });
  it('shows a stored formula in Dutch so that it reads back to the same formula', () => {
    const stored = ['savingsRate >= 0.02 and quality >= 68 ? 0.3 * savings : 0', 'max(1,2)', 'min(0.5,savings)', 'round(10.25)', 'max(savings, 1.5)'];
    for (const s of stored) {
      const shown = fromFormulaLanguage(s, 'nl');
      expect(shown).not.toMatch(/\d\.\d/);
      // Same formula once read back: compare the values for a few inputs.
      const vars = new Float64Array(VARIABLE_NAMES.length);
      vars[VARIABLE_NAMES.indexOf('savings')] = 123456;
      vars[VARIABLE_NAMES.indexOf('savingsRate')] = 0.025;
      vars[VARIABLE_NAMES.indexOf('quality')] = 70;
      const a = compileFormula(s);
      const b = compileFormula(toFormulaLanguage(shown, 'nl'));
      expect(b(vars)).toBe(a(vars));
    }
    expect(fromFormulaLanguage('max(1,2)', 'nl')).toBe('max(1, 2)');
    expect(fromFormulaLanguage('0.3 * savings', 'nl')).toBe('0,3 * savings');
  });
});
