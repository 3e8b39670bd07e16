import { describe, expect, it } from 'vitest';
import { formatInputNumber, formatInputNumberList, numberProblemText, parseLocalNumber, parseLocalNumberList, retypeNumbers } from '../../../src/editor/numbers';

const nl = (s: string, percent = false) => parseLocalNumber(s, 'nl', { percent });
const en = (s: string, percent = false) => parseLocalNumber(s, 'en', { percent });
const ok = (value: number) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe('Dutch number entry', () => {
  it('reads the dot as thousands separator and the comma as decimal sign', () => {
    expect(nl('170.000')).toEqual(ok(170000));
    expect(nl('1.250')).toEqual(ok(1250));
    expect(nl('0,65')).toEqual(ok(0.65));
    expect(nl('1.000.000')).toEqual(ok(1_000_000));
    expect(nl('-1.234,5')).toEqual(ok(-1234.5));
    expect(nl('85000')).toEqual(ok(85000));
    expect(nl(',5')).toEqual(ok(0.5));
  });
  it('accepts a leading euro sign, with or without a space, and a sign around it', () => {
    expect(nl('€ 650')).toEqual(ok(650));
    expect(nl('€650')).toEqual(ok(650));
    expect(nl('€ 1.250,50')).toEqual(ok(1250.5));
    expect(nl('-€ 5')).toEqual(ok(-5));
    expect(nl('€ -5')).toEqual(ok(-5));
    expect(nl('−5')).toEqual(ok(-5)); // the typographic minus
  });
  it('reads a share field as a percentage, with or without the % sign', () => {
    expect(nl('60%', true)).toEqual(ok(0.6));
    expect(nl('60 %', true)).toEqual(ok(0.6));
    expect(nl('60', true)).toEqual(ok(0.6));
    expect(nl('7', true)).toEqual(ok(0.07)); // exactly 0.07, not 7 × 0.01
    expect(nl('3,35', true)).toEqual(ok(0.0335));
    expect(nl('-0,2', true)).toEqual(ok(-0.002));
    expect(nl('0,6', true)).toEqual(ok(0.006));
  });
  it('refuses a % sign outside a share field', () => {
    expect(nl('60%')).toEqual(no('percentHere'));
  });
  it('refuses entries that could be read two ways, never guesses', () => {
    expect(nl('1.5')).toEqual(no('unclear')); // English decimal or a mistyped thousands separator
    expect(nl('0.65')).toEqual(no('unclear'));
    expect(nl('12.34')).toEqual(no('unclear'));
    expect(nl('1.2345')).toEqual(no('unclear'));
    expect(nl('0.650')).toEqual(no('unclear')); // a first group of 0 is no thousands group
    expect(nl('1,2,3')).toEqual(no('unclear'));
    expect(nl('1,234.5')).toEqual(no('unclear')); // separators in the wrong order for Dutch
    expect(nl('1.')).toEqual(no('unclear')); // half-typed 1.000: refused until the group is complete
  });
  it('keeps a half-typed decimal number readable', () => {
    expect(nl('0,')).toEqual(ok(0));
    expect(nl('1,')).toEqual(ok(1));
  });
  it('refuses what is no number at all', () => {
    expect(nl('')).toEqual(no('empty'));
    expect(nl('6o000')).toEqual(no('notNumber'));
    expect(nl('€')).toEqual(no('notNumber'));
    expect(nl('--5')).toEqual(no('notNumber'));
    expect(nl(',')).toEqual(no('notNumber'));
  });
});

describe('English number entry', () => {
  it('reads the comma as thousands separator and the point as decimal sign', () => {
    expect(en('170,000')).toEqual(ok(170000));
    expect(en('1,250')).toEqual(ok(1250));
    expect(en('0.65')).toEqual(ok(0.65));
    expect(en('-1,234.5')).toEqual(ok(-1234.5));
    expect(en('€ 650')).toEqual(ok(650));
    expect(en('€650')).toEqual(ok(650));
    expect(en('60%', true)).toEqual(ok(0.6));
    expect(en('1e6')).toEqual(ok(1e6));
    expect(en('1.')).toEqual(ok(1));
  });
  it('refuses the Dutch forms and other unclear entries', () => {
    expect(en('1,5')).toEqual(no('unclear'));
    expect(en('0,65')).toEqual(no('unclear'));
    expect(en('1.234,5')).toEqual(no('unclear'));
    expect(en('1,2,3')).toEqual(no('unclear'));
    expect(en('1.2.3')).toEqual(no('unclear'));
    expect(en('1,000e3')).toEqual(no('unclear'));
  });
});

describe('numbers shown in an input box', () => {
  it("groups thousands and uses the language's decimal sign", () => {
    expect(formatInputNumber(170000, 'nl')).toBe('170.000');
    expect(formatInputNumber(170000, 'en')).toBe('170,000');
    expect(formatInputNumber(-1234.5, 'nl')).toBe('-1.234,5');
    expect(formatInputNumber(0.65, 'nl')).toBe('0,65');
    expect(formatInputNumber(650, 'nl')).toBe('650');
  });
  it('shows shares as percentages without rounding noise', () => {
    expect(formatInputNumber(0.07, 'nl', { percent: true })).toBe('7');
    expect(formatInputNumber(0.0335, 'nl', { percent: true })).toBe('3,35');
    expect(formatInputNumber(-0.002, 'en', { percent: true })).toBe('-0.2');
    expect(formatInputNumber(0.57, 'en', { percent: true })).toBe('57');
    expect(formatInputNumber(1e-7, 'en', { percent: true })).toBe('0.00001');
  });
  it('parses back to exactly the number shown, in both languages, shares included', () => {
    const xs = [0, 1, 0.1, 0.07, 0.57, 0.0335, 170000, 1250, 1234567.891, -0.002, 123.456, 1e-7, 0.1 + 0.2, 99999.99999];
    for (const lang of ['nl', 'en'] as const)
      for (const percent of [false, true]) for (const x of xs) expect(parseLocalNumber(formatInputNumber(x, lang, { percent }), lang, { percent })).toEqual(ok(x));
  });
});

describe('messages for refused entries', () => {
  it('speak the interface language', () => {
    expect(numberProblemText('unclear', 'nl')).toMatch(/^Onduidelijk getal/);
    expect(numberProblemText('unclear', 'en')).toMatch(/^Unclear number/);
    expect(numberProblemText('notNumber', 'nl')).toMatch(/moet een getal zijn/);
    expect(numberProblemText('notNumber', 'en')).toMatch(/must be a number/);
  });
});

describe('lists of numbers (base-year weights)', () => {
  const nlL = (s: string, percent = true) => parseLocalNumberList(s, 'nl', { percent });
  const enL = (s: string, percent = true) => parseLocalNumberList(s, 'en', { percent });
  it('separates by ";" or by a comma followed by a space, in both languages', () => {
    expect(nlL('10%; 30%; 60%')).toEqual({ ok: true, values: [0.1, 0.3, 0.6] });
    expect(nlL('10;30;60')).toEqual({ ok: true, values: [0.1, 0.3, 0.6] });
    expect(nlL('0,1, 0,3, 0,6', false)).toEqual({ ok: true, values: [0.1, 0.3, 0.6] });
    expect(nlL('12,5; 37,5; 50')).toEqual({ ok: true, values: [0.125, 0.375, 0.5] });
    expect(enL('10, 30, 60')).toEqual({ ok: true, values: [0.1, 0.3, 0.6] });
    expect(enL('12.5; 37.5; 50')).toEqual({ ok: true, values: [0.125, 0.375, 0.5] });
  });
  it('keeps a trailing separator while the next number is typed', () => {
    expect(nlL('10; ')).toEqual({ ok: true, values: [0.1] });
    expect(enL('10, ')).toEqual({ ok: true, values: [0.1] });
  });
  it('names the position of an entry that is no number, never guessing a comma between digits', () => {
    // In Dutch a comma between digits is the decimal sign, so "0,1,0,3" is one unclear number.
    expect(nlL('0,1,0,3', false)).toEqual({ ok: false, position: 1, reason: 'unclear' });
    expect(enL('0.1,0.3', false)).toEqual({ ok: false, position: 1, reason: 'unclear' });
    expect(nlL('10; 1.5; 60')).toEqual({ ok: false, position: 2, reason: 'unclear' });
    expect(enL('10; x; 60')).toEqual({ ok: false, position: 2, reason: 'notNumber' });
    expect(nlL('10;; 60')).toEqual({ ok: false, position: 2, reason: 'empty' });
  });
  it('writes what it reads back to the same numbers', () => {
    for (const xs of [[0.1, 0.3, 0.6], [1 / 3, 1 / 3, 1 / 3], [0.33, 0.33, 0.34], [1]])
      for (const l of ['nl', 'en'] as const) {
        const text = formatInputNumberList(xs, l, { percent: true });
        expect(parseLocalNumberList(text, l, { percent: true }), `${l}: ${text}`).toEqual({ ok: true, values: xs });
      }
    expect(formatInputNumberList([0.1, 0.3, 0.6], 'nl', { percent: true })).toBe('10; 30; 60');
    expect(formatInputNumberList([0.125, 0.875], 'nl', { percent: true })).toBe('12,5; 87,5');
  });
});

describe('typed numbers rewritten when the language changes', () => {
  it('writes each number of a list in the new notation, so it keeps its value', () => {
    expect(retypeNumbers('1.000; 10.000;50.000', 'nl', 'en')).toBe('1,000; 10,000; 50,000');
    expect(retypeNumbers('200,000', 'en', 'nl')).toBe('200.000');
    expect(retypeNumbers('2,5', 'nl', 'en')).toBe('2.5');
    expect(retypeNumbers('12,5%', 'nl', 'en', { percent: true })).toBe('12.5');
    for (const [text, l] of [
      ['1.234,5', 'nl'],
      ['0,05', 'nl'],
      ['1,234.5', 'en'],
    ] as const) {
      const other = l === 'nl' ? 'en' : 'nl';
      expect(parseLocalNumber(retypeNumbers(text, l, other), other)).toEqual(parseLocalNumber(text, l));
    }
  });
  it('leaves what is no number as typed (trimmed), so the field still names the problem', () => {
    expect(retypeNumbers('1.000; abc ; ', 'nl', 'en')).toBe('1,000; abc; ');
    expect(retypeNumbers('', 'nl', 'en')).toBe('');
  });
});
