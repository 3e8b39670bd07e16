import { create, parseDependencies } from 'mathjs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { parse } from '../../models/finance/mathParse';

// The formula parser is built from mathjs's factories with stand-ins for what only evaluation
// needs (models/finance/mathParse.ts). It must give the very tree, or the very error, that the
// parser of the full library gives: compared here on the default scenario's formulas, on typical
// contract terms, and on random strings of the language's tokens (fixed seed), most of them
// invalid, so the error messages and positions are compared too.
const full = create({ parseDependencies }).parse;

/** The tree as JSON (non-finite numbers and bigints spelled out), or the error with its position. */
function outcome(p: (s: string) => unknown, s: string): string {
  try {
    return JSON.stringify(p(s), (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : typeof v === 'bigint' ? `${v}n` : v));
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message} @${(e as { char?: number }).char}`;
  }
}

const TERMS = [
  'savingsRate >= 0.02 and quality >= 68 ? 0.3 * savings : 0',
  'min(savings, 0.3 * benchmark) - max(0, -previous)',
  'claimsHospital * (1 - 0.05) ^ year',
  'not (actual > benchmark) or population < 1e5',
  '1e999',
  'NaN + Infinity',
  '0x1F + 0b101 + 0o17 + 0xFFi8',
  '2 ^ 3 ^ 2',
  '5 cm',
  '"text"',
  'x = 3',
  'f(x) = x',
  'a.b[1]',
  '[1, 2; 3, 4]',
  '{a: 1}',
  '1:3',
  '(1',
  'savings +',
  '',
];

const TOKENS = [
  'savings',
  'benchmark',
  ' ',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
  '?',
  ':',
  'and',
  'or',
  'not',
  '0.3',
  '1e999',
  '2',
  '0x1F',
  '0b101',
  '0xFFi8',
  '1.5e-3',
  'min',
  'max',
  '=',
  '==',
  '!=',
  '<',
  '>=',
  '[',
  ']',
  '{',
  '}',
  '.',
  '%',
  '!',
  "'",
  '"',
  'cm',
  'NaN',
  'Infinity',
  'true',
  'null',
  ';',
  '\n',
  'x.y',
  'end',
];

describe('formula parser built from mathjs factories', () => {
  it('gives the full library’s tree or error for contract terms and edge cases', () => {
    for (const s of TERMS) expect(outcome(parse, s), s).toBe(outcome(full, s));
  });

  it('gives the full library’s tree or error for 20,000 random token strings', () => {
    const u = seedrandom.alea('mathParse');
    let parsed = 0;
    const differing: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const n = 1 + Math.floor(u() * 8);
      for (let k = 0; k < n; k++) s += TOKENS[Math.floor(u() * TOKENS.length)];
      const want = outcome(full, s);
      if (want.startsWith('{')) parsed++;
      if (outcome(parse, s) !== want) differing.push(s);
    }
    expect(differing.slice(0, 5)).toEqual([]);
    // Trees as well as errors are compared: 3,559 of the strings parse with this seed.
    expect(parsed).toBeGreaterThan(2000);
    expect(parsed).toBeLessThan(18_000);
  });
});
