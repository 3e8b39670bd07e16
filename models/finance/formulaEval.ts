import type { FormulaExpr } from '../define/definition';
import { exp, log, pow } from '../random/math';
import { LINES } from '../core/names';
import { LINE_FACTS } from '../core/lines';
import { issueEn, type Issue, type IssueCode, type IssueParams } from '../core/issues';

/**
 * Custom contract formulas at run time: a checked expression tree (`formula.ts` makes it from the
 * text) evaluated by a small tree walker of our own, so a formula can reach nothing but its
 * variables and the page needs no `eval` (strict CSP). No parser here: the workers that settle
 * runs get the trees with the model definition.
 */
export const FORMULA_VARIABLES: Readonly<Record<string, string>> = {
  benchmark: 'benchmark over the contract scope, euros per year',
  actual: 'actual claims over the scope, euros per year',
  savings: 'benchmark − actual, euros',
  savingsRate: 'savings / benchmark, fraction',
  quality: 'quality score this year, 0–100',
  population: 'insured people this year',
  year: 'contract year, 0 for the first',
  // One per care line, from the line table.
  ...Object.fromEntries(LINES.map((l) => [LINE_FACTS[l].variable.name, LINE_FACTS[l].variable.about])),
  movedHospital: 'contacts moved away from the hospital this year',
  movedGp: 'contacts moved away from the GP this year',
  previous: "this party's result under this contract last year (0 in the first year), euros",
};
export type FormulaVariable = string;
export const VARIABLE_NAMES: readonly FormulaVariable[] = Object.keys(FORMULA_VARIABLES);
/** Each variable's place in the values a compiled formula reads, by name. */
export const VARIABLE_SLOT: Readonly<Record<string, number>> = Object.fromEntries(VARIABLE_NAMES.map((n, i) => [n, i]));

export const FUNCTIONS: Record<string, (...a: number[]) => number> = {
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: exp,
  log: log,
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
};

export const OPERATORS: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => pow(a, b),
  mod: (a, b) => a % b,
  larger: (a, b) => +(a > b),
  largerEq: (a, b) => +(a >= b),
  smaller: (a, b) => +(a < b),
  smallerEq: (a, b) => +(a <= b),
  equal: (a, b) => +(a === b),
  unequal: (a, b) => +(a !== b),
  and: (a, b) => +(a !== 0 && b !== 0),
  or: (a, b) => +(a !== 0 || b !== 0),
};
export const UNARY: Record<string, (a: number) => number> = { unaryMinus: (a) => -a, unaryPlus: (a) => a, not: (a) => +(a === 0) };

/** The issue codes a formula can fail with. */
type FormulaCode = Extract<IssueCode, `formula${string}` | `parse${string}`>;
export type FormulaIssue = { [C in FormulaCode]: { code: C; params: Omit<IssueParams[C], 'at'> } }[FormulaCode];

export class FormulaError extends Error {
  /** The problem as data, with `at` (1-based) when the place is known. */
  readonly issue: Omit<Issue, 'path'>;
  constructor(
    problem: FormulaIssue,
    /** 0-based character position in the formula, when known. */
    readonly position: number | null,
  ) {
    const issue = { code: problem.code, params: position === null ? problem.params : { ...problem.params, at: position + 1 } } as Omit<Issue, 'path'>;
    super(issueEn({ path: '', ...issue } as Issue));
    this.issue = issue;
    this.name = 'FormulaError';
  }
}

/** A formula error with the field it sits in, for the validator. */
export class FormulaPathError extends Error {
  constructor(
    readonly path: string,
    readonly formulaError: FormulaError,
  ) {
    super(`${path}: ${formulaError.message}`);
    this.name = 'FormulaPathError';
  }
}

/** A checked formula: evaluate with each variable's value at its `VARIABLE_SLOT`. */
export type CompiledFormula = (vars: Float64Array) => number;

/** The closure that evaluates a checked expression tree. */
export function evaluator(e: FormulaExpr): CompiledFormula {
  switch (e.k) {
    case 'const': {
      const v = e.v;
      return () => v;
    }
    case 'var': {
      const i = e.slot;
      return (vars) => vars[i];
    }
    case 'if': {
      const c = evaluator(e.c);
      const a = evaluator(e.a);
      const b = evaluator(e.b);
      return (vars) => (c(vars) !== 0 ? a(vars) : b(vars));
    }
    case 'op': {
      const args = e.args.map(evaluator);
      if (args.length === 1) {
        const f = UNARY[e.fn];
        const [a] = args;
        return (vars) => f(a(vars));
      }
      const f = OPERATORS[e.fn];
      const [a, b] = args;
      return (vars) => f(a(vars), b(vars));
    }
    case 'call': {
      const f = FUNCTIONS[e.fn];
      const args = e.args.map(evaluator);
      return (vars) => f(...args.map((a) => a(vars)));
    }
  }
}
