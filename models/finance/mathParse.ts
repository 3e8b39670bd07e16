import { create, parseDependencies } from 'mathjs';

/**
 * mathjs's expression parser on its own. The full mathjs instance builds some 600 typed functions
 * when imported (about a second of start-up in Node and in every worker) and doubles each bundle;
 * the parser needs a few of them. Formulas are only parsed here, never evaluated by mathjs.
 */
export const { parse } = create({ parseDependencies });
