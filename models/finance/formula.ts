import type { MathNode } from 'mathjs';
import type { FormulaExpr, FormulaParser } from '../define/definition';
import { parse } from './mathParse';
import { evaluator, FormulaError, FormulaPathError, FUNCTIONS, OPERATORS, UNARY, VARIABLE_NAMES, type CompiledFormula, type FormulaIssue, type FormulaVariable } from './formulaEval';

export { FORMULA_VARIABLES, FormulaError, VARIABLE_NAMES, VARIABLE_SLOT, type CompiledFormula, type FormulaVariable } from './formulaEval';

/**
 * Custom contract formulas from their text: parsed once with mathjs and checked against a short
 * list of node types, operators, functions and documented variables, giving the plain expression
 * tree that `formulaEval.ts` evaluates.
 */

export const MAX_FORMULA_LENGTH = 2000;
/**
 * Deepest nesting a formula may have: brackets, chained prefix operators (`- - x`, `not not x`),
 * and the right-nested `a ? b : c ? …` and `a ^ b ^ …` chains, which the parser and the evaluator
 * follow recursively. Far beyond any contract term; it keeps a crafted formula from overflowing
 * the stack (about 260 brackets or 2,000 minus signs did).
 */
export const MAX_FORMULA_DEPTH = 50;

/**
 * The issue for one of mathjs's parse errors (its messages are its only record of what went
 * wrong): the common ones by name, any other with the parser's English text.
 */
function parseIssue(message: string): FormulaIssue {
  let m: RegExpExecArray | null;
  if (message === 'Unexpected end of expression') return { code: 'parseEnd', params: {} };
  if (message === 'Parenthesis ) expected') return { code: 'parseParen', params: {} };
  if (message === 'Value expected') return { code: 'parseValue', params: {} };
  if ((m = /^Unexpected operator (.+)$/.exec(message))) return { code: 'parseOperator', params: { op: m[1] } };
  if ((m = /^Unexpected part "(.+)"$/.exec(message))) return { code: 'parsePart', params: { part: m[1] } };
  if ((m = /^Syntax error in part "(.+)"(.*)$/.exec(message))) return { code: 'parseSyntax', params: { part: m[1], rest: m[2] } };
  return { code: 'parseOther', params: { text: message } };
}

const where = (text: string, token: string): number | null => {
  const m = new RegExp(`(^|[^A-Za-z0-9_])${token.replace(/[^A-Za-z0-9_]/g, '\\$&')}(?![A-Za-z0-9_])`).exec(text);
  return m ? m.index + m[1].length : null;
};

/**
 * The first character at which the formula's nesting exceeds MAX_FORMULA_DEPTH, or null. A
 * lexical bound on the parser's recursion, checked before parsing: each bracket level counts one
 * (plus the prefix operators and chained `?`/`^` before it), each `?` and `^` within a level one,
 * and each prefix operator in a row one.
 */
export function tooDeepAt(text: string): number | null {
  const saved: number[] = [];
  let base = 0;
  let extra = 0;
  let run = 0;
  // Whether the next token stands where an operand is expected (so + - ~ not are prefix operators).
  let operandNext = true;
  const over = () => base + extra + run > MAX_FORMULA_DEPTH;
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
    if (word) {
      const w = word[0];
      if (w === 'not' && operandNext) {
        run++;
        if (over()) return i;
      } else if (w === 'and' || w === 'or' || w === 'xor' || w === 'mod' || w === 'to' || w === 'in') operandNext = true;
      else {
        run = 0;
        operandNext = false;
      }
      i += w.length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) {
      run = 0;
      operandNext = false;
      i += num[0].length;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      saved.push(base, extra);
      base = base + extra + run + 1;
      extra = 0;
      run = 0;
      operandNext = true;
      if (base > MAX_FORMULA_DEPTH) return i;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (saved.length > 0) {
        extra = saved.pop()!;
        base = saved.pop()!;
      }
      run = 0;
      operandNext = false;
    } else if ((ch === '-' || ch === '+' || ch === '~') && operandNext) {
      run++;
      if (over()) return i;
    } else if (ch === '?' || ch === '^') {
      extra++;
      run = 0;
      operandNext = true;
      if (over()) return i;
    } else if (ch === "'" || ch === '!') {
      operandNext = false;
    } else operandNext = true;
    i++;
  }
  return null;
}

const tooDeep = (position: number | null) => new FormulaError({ code: 'formulaTooDeep', params: { max: MAX_FORMULA_DEPTH } }, position);

/** The checked expression tree of a formula's text; a FormulaError (with the character position where known) otherwise. */
export function parseFormula(text: string): FormulaExpr {
  if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError({ code: 'formulaTooLong', params: { length: text.length, max: MAX_FORMULA_LENGTH } }, null);
  if (text.trim() === '') throw new FormulaError({ code: 'formulaEmpty', params: {} }, null);
  const deep = tooDeepAt(text);
  if (deep !== null) throw tooDeep(deep);
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(null);
    const char = (e as { char?: number }).char;
    throw new FormulaError(parseIssue(String((e as Error).message).replace(/ \(char \d+\)$/, '')), typeof char === 'number' ? Math.max(0, char - 1) : null);
  }
  try {
    return build(node, text);
  } catch (e) {
    // The lexical bound should make this unreachable; a stack overflow must still name the formula.
    if (e instanceof RangeError) throw tooDeep(null);
    throw e;
  }
}

/** A formula's text as the function that evaluates it (parse, check, evaluate). */
export const compileFormula = (text: string): CompiledFormula => evaluator(parseFormula(text));

function build(node: MathNode, text: string): FormulaExpr {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number' && Number.isFinite(v)) return { k: 'const', v };
      if (typeof v === 'boolean') return { k: 'const', v: v ? 1 : 0 };
      if (typeof v === 'number') {
        // mathjs reads Infinity and NaN as constants, and 1e999 as Infinity.
        const at = where(text, String(v)) ?? /\d[\d.]*e\+?\d{3,}/i.exec(text)?.index ?? null;
        throw new FormulaError({ code: 'formulaNotFinite', params: { value: String(v) } }, at);
      }
      throw new FormulaError({ code: 'formulaConstant', params: { got: typeof v === 'string' ? 'text' : JSON.stringify(v) } }, where(text, String(v)));
    }
    case 'SymbolNode': {
      const name = String(n.name);
      const i = VARIABLE_NAMES.indexOf(name as FormulaVariable);
      if (i < 0) throw new FormulaError({ code: 'formulaUnknownName', params: { name, variables: [...VARIABLE_NAMES] } }, where(text, name));
      return { k: 'var', slot: i };
    }
    case 'ParenthesisNode':
      return build(n.content as MathNode, text);
    case 'ConditionalNode': {
      return { k: 'if', c: build(n.condition as MathNode, text), a: build(n.trueExpr as MathNode, text), b: build(n.falseExpr as MathNode, text) };
    }
    case 'OperatorNode': {
      const fn = String(n.fn);
      const args = (n.args as MathNode[]).map((a) => build(a, text));
      if ((args.length === 1 && Object.hasOwn(UNARY, fn)) || (args.length === 2 && Object.hasOwn(OPERATORS, fn))) return { k: 'op', fn, args };
      throw new FormulaError({ code: 'formulaOperator', params: { op: String(n.op) } }, where(text, String(n.op)));
    }
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === 'SymbolNode' ? String(fnNode.name) : '';
      const f = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!f) throw new FormulaError({ code: 'formulaFunction', params: { name: name || 'expression', allowed: Object.keys(FUNCTIONS) } }, where(text, name || '('));
      const args = (n.args as MathNode[]).map((a) => build(a, text));
      if (args.length === 0) throw new FormulaError({ code: 'formulaNoArgument', params: { name } }, where(text, name));
      return { k: 'call', fn: name, args };
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new FormulaError({ code: 'formulaAssignment', params: {} }, where(text, '='));
    default:
      throw new FormulaError({ code: 'formulaExpression', params: { type: node.type, allowed: Object.keys(FUNCTIONS) } }, null);
  }
}

/** `parseFormula` for the define stage: an error names the formula's field (`path`). */
export const formulaAt: FormulaParser = (text, path) => {
  try {
    return parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaError) throw new FormulaPathError(path, e);
    throw e;
  }
};
