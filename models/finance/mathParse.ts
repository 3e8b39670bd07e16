import type { ParseFunction } from 'mathjs';
import * as f from './mathjsParse.js';

/**
 * mathjs's expression parser on its own, built from its factory functions. Formulas are only
 * parsed here, never evaluated by mathjs (models/finance/formula.ts walks the tree), so what the
 * node classes need only to compile, evaluate or print a tree (the math namespace, matrices,
 * units, subset, size) is an empty stand-in the parser never reaches. The whole library made up
 * half of every worker bundle and took seconds to import in Node. test/finance/mathParse.test.ts
 * compares this parser with the full library's.
 */
const unused = {};

type Signatures = Record<string, (...args: unknown[]) => unknown>;

/**
 * mathjs's dispatch on argument types, reduced to the calls made here: `parse(text)` or
 * `parse(text, options)` and `number(text)` for each number in a formula. typed-function with
 * mathjs's table of all its types was a third of the parser's bytes.
 */
const typed = Object.assign(
  (name: string, signatures: Signatures) =>
    (...args: unknown[]) => {
      const fn = signatures[args.map((a) => (typeof a === 'string' ? 'string' : 'Object')).join(', ')];
      if (!fn) throw new TypeError(`${name}: expected a text`);
      return fn(...args);
    },
  // Conversions and self-references serve the mathjs types (units, matrices) no formula has.
  { addConversion: () => {}, referToSelf: () => unused },
);
const number = f.createNumber({ typed });
const numeric = f.createNumeric({ number });
/** mathjs's default: numbers in formulas are doubles. */
const config = { number: 'number', numberFallback: 'number' };
const Node = f.createNode({ mathWithTransform: unused });
const deps = { Node, math: unused, mathWithTransform: unused, typed, subset: unused, size: unused, matrix: unused, ResultSet: unused, isBounded: unused };
const SymbolNode = f.createSymbolNode(deps);
const nodes = {
  AccessorNode: f.createAccessorNode(deps),
  ArrayNode: f.createArrayNode(deps),
  AssignmentNode: f.createAssignmentNode(deps),
  BlockNode: f.createBlockNode(deps),
  ConditionalNode: f.createConditionalNode(deps),
  ConstantNode: f.createConstantNode(deps),
  FunctionAssignmentNode: f.createFunctionAssignmentNode(deps),
  FunctionNode: f.createFunctionNode({ ...deps, SymbolNode }),
  IndexNode: f.createIndexNode(deps),
  ObjectNode: f.createObjectNode(deps),
  OperatorNode: f.createOperatorNode(deps),
  ParenthesisNode: f.createParenthesisNode(deps),
  RangeNode: f.createRangeNode(deps),
  RelationalNode: f.createRelationalNode(deps),
  SymbolNode,
};

export const parse = f.createParse({ typed, numeric, config, ...nodes }) as ParseFunction;
