// The factory functions of mathjs's expression parser, imported from their own files. mathjs's
// package entry creates every one of its functions when it is loaded (seconds in Node, where
// nothing is tree-shaken), and its `exports` map offers no deeper entry, hence the paths. mathjs
// is a direct dependency, so npm always installs it at node_modules/mathjs.
export { createNumber } from '../../node_modules/mathjs/lib/esm/type/number.js';
export { createNumeric } from '../../node_modules/mathjs/lib/esm/function/utils/numeric.js';
export { createNode } from '../../node_modules/mathjs/lib/esm/expression/node/Node.js';
export { createAccessorNode } from '../../node_modules/mathjs/lib/esm/expression/node/AccessorNode.js';
export { createArrayNode } from '../../node_modules/mathjs/lib/esm/expression/node/ArrayNode.js';
export { createAssignmentNode } from '../../node_modules/mathjs/lib/esm/expression/node/AssignmentNode.js';
export { createBlockNode } from '../../node_modules/mathjs/lib/esm/expression/node/BlockNode.js';
export { createConditionalNode } from '../../node_modules/mathjs/lib/esm/expression/node/ConditionalNode.js';
export { createConstantNode } from '../../node_modules/mathjs/lib/esm/expression/node/ConstantNode.js';
export { createFunctionAssignmentNode } from '../../node_modules/mathjs/lib/esm/expression/node/FunctionAssignmentNode.js';
export { createFunctionNode } from '../../node_modules/mathjs/lib/esm/expression/node/FunctionNode.js';
export { createIndexNode } from '../../node_modules/mathjs/lib/esm/expression/node/IndexNode.js';
export { createObjectNode } from '../../node_modules/mathjs/lib/esm/expression/node/ObjectNode.js';
export { createOperatorNode } from '../../node_modules/mathjs/lib/esm/expression/node/OperatorNode.js';
export { createParenthesisNode } from '../../node_modules/mathjs/lib/esm/expression/node/ParenthesisNode.js';
export { createRangeNode } from '../../node_modules/mathjs/lib/esm/expression/node/RangeNode.js';
export { createRelationalNode } from '../../node_modules/mathjs/lib/esm/expression/node/RelationalNode.js';
export { createSymbolNode } from '../../node_modules/mathjs/lib/esm/expression/node/SymbolNode.js';
export { createParse } from '../../node_modules/mathjs/lib/esm/expression/parse.js';
