import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError, MAX_FORMULA_DEPTH, VARIABLE_NAMES } from '../../models/finance/formula';
import { exp, log, pow } from '../../models/random/math';
import { fuzzRuns, fuzzSeed } from '../support/fuzzRuns';

/** A formula as a tree, evaluated below by the documented semantics (the slow, obvious way). */
type Expr =
  | { k: 'num'; v: number }
  | { k: 'var'; i: number }
  | { k: 'un'; op: '-' | 'not'; a: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'fn'; f: string; args: Expr[] }
  | { k: 'if'; c: Expr; a: Expr; b: Expr };

const BIN: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => pow(a, b),
  mod: (a, b) => a % b,
  '>': (a, b) => +(a > b),
  '>=': (a, b) => +(a >= b),
  '<': (a, b) => +(a < b),
  '<=': (a, b) => +(a <= b),
  '==': (a, b) => +(a === b),
  '!=': (a, b) => +(a !== b),
  and: (a, b) => +(a !== 0 && b !== 0),
  or: (a, b) => +(a !== 0 || b !== 0),
};
const FN: Record<string, (...a: number[]) => number> = { min: Math.min, max: Math.max, abs: Math.abs, sqrt: Math.sqrt, exp, log, floor: Math.floor, ceil: Math.ceil, round: Math.round };

function evaluate(e: Expr, vars: Float64Array): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'var':
      return vars[e.i];
    case 'un':
      return e.op === '-' ? -evaluate(e.a, vars) : +(evaluate(e.a, vars) === 0);
    case 'bin':
      return BIN[e.op](evaluate(e.a, vars), evaluate(e.b, vars));
    case 'fn':
      return FN[e.f](...e.args.map((a) => evaluate(a, vars)));
    case 'if':
      return evaluate(e.c, vars) !== 0 ? evaluate(e.a, vars) : evaluate(e.b, vars);
  }
}

/** Printed with every compound part in brackets and random spacing. */
function print(e: Expr, sp: () => string): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'var':
      return VARIABLE_NAMES[e.i];
    case 'un':
      return e.op === '-' ? `(${sp()}-${sp()}${print(e.a, sp)})` : `(not ${print(e.a, sp)})`;
    case 'bin':
      return `(${print(e.a, sp)} ${e.op} ${print(e.b, sp)})`;
    case 'fn':
      return `${e.f}(${e.args.map((a) => print(a, sp)).join(`,${sp()}`)})`;
    case 'if':
      return `(${print(e.c, sp)} ? ${print(e.a, sp)} : ${print(e.b, sp)})`;
  }
}

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 100 })).map((v): Expr => ({ k: 'num', v })),
    fc.nat(VARIABLE_NAMES.length - 1).map((i): Expr => ({ k: 'var', i })),
    fc.record({ k: fc.constant('un' as const), op: fc.constantFrom('-' as const, 'not' as const), a: tie('expr') }),
    fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom(...Object.keys(BIN)), a: tie('expr'), b: tie('expr') }),
    fc.oneof(
      fc.record({ k: fc.constant('fn' as const), f: fc.constantFrom('abs', 'sqrt', 'exp', 'log', 'floor', 'ceil', 'round'), args: fc.tuple(tie('expr')) }),
      fc.record({ k: fc.constant('fn' as const), f: fc.constantFrom('min', 'max'), args: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }) }),
    ),
    fc.record({ k: fc.constant('if' as const), c: tie('expr'), a: tie('expr'), b: tie('expr') }),
  ),
}));

const varValues = fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, 1, -1, 0.5)), { minLength: VARIABLE_NAMES.length, maxLength: VARIABLE_NAMES.length });

const depthOf = (e: Expr): number => {
  switch (e.k) {
    case 'num':
    case 'var':
      return 0;
    case 'un':
      return 2 + depthOf(e.a);
    case 'bin':
      return 1 + Math.max(depthOf(e.a), depthOf(e.b));
    case 'fn':
      return 1 + Math.max(...e.args.map(depthOf));
    case 'if':
      return 2 + Math.max(depthOf(e.c), depthOf(e.a), depthOf(e.b));
  }
};

describe('fuzzing the formula language', () => {
  it('any formula of the documented grammar compiles and evaluates exactly as the documented semantics say', () => {
    fc.assert(
      fc.property(expr, varValues, fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 1, maxLength: 8 }), (e, v, spaces) => {
        fc.pre(depthOf(e) <= MAX_FORMULA_DEPTH / 2);
        let k = 0;
        const text = print(e, () => spaces[k++ % spaces.length]);
        fc.pre(text.length <= 2000);
        const vars = Float64Array.from(v);
        expect(Object.is(compileFormula(text)(vars), evaluate(e, vars)) || (Number.isNaN(compileFormula(text)(vars)) && Number.isNaN(evaluate(e, vars))), text).toBe(true);
      }),
      { numRuns: fuzzRuns(1500), seed: fuzzSeed(19) },
    );
  });

  const alphabet = fc.constantFrom(
    ...'()[]{}+-*/^%?:,<>=!~&|.;"\' 0123456789eE_'.split(''),
    'not ',
    'and',
    'or',
    'mod',
    'max(',
    'sqrt(',
    'savings',
    'year',
    'x',
    'Infinity',
    'NaN',
    '1e999',
    '\n',
    '=',
    'f(x)=',
    '[1,2]',
    'true',
    '"s"',
    'a.b',
    '__proto__',
    'constructor',
    'import(',
    'evaluate(',
    '$',
  );
  it('any text is either a formula or a FormulaError with a position inside it, never another error', () => {
    let compiled = 0;
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 120 }).map((a) => a.join('')),
        varValues,
        (text, v) => {
          let f;
          try {
            f = compileFormula(text);
          } catch (e) {
            expect(e, text).toBeInstanceOf(FormulaError);
            const p = (e as FormulaError).position;
            // At the end of the text when the formula stops short.
            if (p !== null) expect(p >= 0 && p <= text.length, `${text} @${p}`).toBe(true);
            return;
          }
          compiled++;
          expect(typeof f(Float64Array.from(v))).toBe('number');
        },
      ),
      { numRuns: fuzzRuns(3000), seed: fuzzSeed(1919) },
    );
    expect(compiled).toBeGreaterThan(0);
  });

  it('nesting of any kind and depth is compiled up to the limit and refused beyond it, never overflowing the stack', () => {
    const wrap = fc.constantFrom(['(', ')'], ['-', ''], ['not ', ''], ['max(1,', ')'], ['(1 ? ', ' : 0)'], ['2 ^ ', ''], ['+', ''], ['abs(', ')']);
    fc.assert(
      fc.property(fc.array(wrap, { maxLength: 700 }), fc.constantFrom('1', 'savings', '0.5'), (ws, core) => {
        const text =
          ws.map((w) => w[0]).join('') +
          core +
          ws
            .map((w) => w[1])
            .reverse()
            .join('');
        fc.pre(text.length <= 2000);
        try {
          compileFormula(text)(new Float64Array(VARIABLE_NAMES.length));
          expect(ws.length).toBeLessThanOrEqual(MAX_FORMULA_DEPTH * 2);
        } catch (e) {
          expect(e, text.slice(0, 80)).toBeInstanceOf(FormulaError);
          expect((e as Error).message).toMatch(/nested too deeply/);
          expect(ws.length).toBeGreaterThan(MAX_FORMULA_DEPTH / 2);
        }
      }),
      { numRuns: fuzzRuns(600), seed: fuzzSeed(7) },
    );
  });
});
