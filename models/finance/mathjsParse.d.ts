// Types of mathjsParse.js: mathjs's factory functions take an object of the functions and classes
// they depend on (by name) and return what they create.
type Factory = (dependencies: Record<string, unknown>) => unknown;
export const createNumber: Factory;
export const createNumeric: Factory;
export const createNode: Factory;
export const createAccessorNode: Factory;
export const createArrayNode: Factory;
export const createAssignmentNode: Factory;
export const createBlockNode: Factory;
export const createConditionalNode: Factory;
export const createConstantNode: Factory;
export const createFunctionAssignmentNode: Factory;
export const createFunctionNode: Factory;
export const createIndexNode: Factory;
export const createObjectNode: Factory;
export const createOperatorNode: Factory;
export const createParenthesisNode: Factory;
export const createRangeNode: Factory;
export const createRelationalNode: Factory;
export const createSymbolNode: Factory;
export const createParse: Factory;
