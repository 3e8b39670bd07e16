/**
 * Problems the engine reports, as data: a code and the numbers and names that go into its text.
 * `IssueParams` is the one list of codes; `ISSUE_EN` renders each in English (what the command
 * line prints; the interface renders Dutch and English from its own catalogue,
 * src/texts/issues.ts, typed against this list, so a new code without a text there fails the
 * type check).
 *
 * A formula problem carries `at`: the 1-based character of the formula where it was found.
 */
export interface IssueParams {
  // ---- a value against the format
  tooSmall: { min: number; inclusive: boolean; unit?: '%' };
  tooBig: { max: number; inclusive: boolean; unit?: '%' };
  /** A distribution's part above another part ("min" above "max"). */
  aboveField: { field: string; value: number };
  tooFewItems: { min: number };
  tooManyItems: { max: number };
  tooShort: { min: number };
  tooLong: { max: number };
  required: { expected?: string };
  wrongType: { expected: string; got: string };
  notFinite: { value?: string };
  unknownFields: { keys: string[] };
  /** The allowed values, each written as JSON (`"gp"`, `2`). */
  oneOf: { values: string[] };
  idForm: Record<string, never>;
  sha256Form: Record<string, never>;
  textForm: { got: string };
  wrongForm: { got: string };
  textLanguage: Record<string, never>;
  /** A schema rule this list does not name (a newer schema library's check): its own English text. */
  otherRule: { text: string };
  // ---- the file as a whole
  notObject: { got: string };
  json: { detail: string };
  unreadable: { detail: string };
  /** The validator itself failed (an engine error); `detail` is its English text. */
  unchecked: { detail: string };
  /** The validator could not be reached (a dead worker, a value that cannot be posted). */
  validatorFailed: { detail: string };
  nestedTooDeep: { max: number; need: number };
  versionMissing: { current: number };
  versionNotWhole: { got: string };
  versionNewer: { version: number; current: number };
  versionRetired: { version: number; current: number };
  // ---- rules across fields
  sharesSum: { segments?: boolean; total?: number };
  duplicateId: { id: string; segment?: boolean };
  unknownSegment: { id: string };
  /** A category or care line in two groups of a region's mapping; `other` is the 1-based group that has it first. */
  mappedTwice: { name: string; category: boolean; other: number };
  shareOutsideGroup: { line: string };
  sameAsFrom: Record<string, never>;
  aboveMedian: Record<string, never>;
  nearZero: { dist: 'gamma' | 'lognormal'; min: number };
  bonusAmount: Record<string, never>;
  tooManyPersons: { persons: number; year: number; preContract: boolean; max: number };
  tooManyCasesYear: { cases: number; year: number; preContract: boolean; max: number };
  tooManyCasesRun: { cases: number; years: number; pre: number; max: number };
  // ---- contract coverage and benchmark rules
  coverageWithRebase: Record<string, never>;
  coverageNeedsEstimated: Record<string, never>;
  weightsCount: { need: number; got: number };
  weightsSum: { sum: number };
  // ---- correlations (need the defined model)
  corrNoParam: { param: string };
  corrFixed: { param: string };
  corrSelf: Record<string, never>;
  corrTwice: Record<string, never>;
  corrNotPositiveDefinite: Record<string, never>;
  // ---- contract formulas (the checker's own, then the parser's)
  formulaTooDeep: { max: number; at?: number };
  formulaTooLong: { length: number; max: number };
  formulaEmpty: Record<string, never>;
  formulaNotFinite: { value: string; at?: number };
  formulaConstant: { got: string; at?: number };
  formulaUnknownName: { name: string; variables: string[]; at?: number };
  formulaOperator: { op: string; at?: number };
  formulaFunction: { name: string; allowed: string[]; at?: number };
  formulaNoArgument: { name: string; at?: number };
  formulaAssignment: { at?: number };
  formulaExpression: { type: string; allowed: string[]; at?: number };
  parseEnd: { at?: number };
  parseParen: { at?: number };
  parseValue: { at?: number };
  parseOperator: { op: string; at?: number };
  parsePart: { part: string; at?: number };
  parseSyntax: { part: string; rest: string; at?: number };
  /** A parse error of a form the list does not name: the parser's English text. */
  parseOther: { text: string; at?: number };
  // ---- a run whose numbers cannot be reported (`run` 1-based, where known)
  runNotFinite: { run: number; output: string; value: string; year: number; cause: RunCause };
  runFormulaValue: { run?: number; formula: string; value: number; year: number; limit?: number };
  // ---- the contract designer's terms (command line `--design`/`--terms`, and its panel)
  designNotTerm: { term: string };
  designTermsForm: { text: string };
  designTermsRange: { text: string };
  designTermsCount: Record<string, never>;
  designNoContract: { id: string; have: string[] };
  /** A variant of the contract that the validator refuses: the terms as JSON and the variant's issues. */
  designInvalidTerms: { terms: string; issues: Issue[] };
}

/** The likely cause of an output that is NaN or ±Infinity (models/simulation/block.ts). */
export type RunCause = 'noPersons' | 'costOverflow' | 'zeroCounterfactual' | 'zeroBenchmark' | 'extreme';

const RUN_CAUSE_EN: Record<RunCause, string> = {
  noPersons: 'the region has 0 persons that year (segment shares of a very small population round to 0 persons)',
  costOverflow: 'a cost overflowed (an extreme high-cost severity, cost per contact or trend)',
  zeroCounterfactual: 'the total cost without the scenario is 0 (every cost or contact rate is 0)',
  zeroBenchmark: 'the benchmark is 0 (no cost in the pre-contract years)',
  extreme: 'an extreme combination of assumptions (check the largest and smallest values in the file)',
};

export type IssueCode = keyof IssueParams;

/** One problem in a scenario, at the JSON path of its field (e.g. `region.segments[2].share`). */
export type Issue = { [C in IssueCode]: { path: string; code: C; params: IssueParams[C] } }[IssueCode];

/** An issue with its English text (kept for the command line and for reading in tests and logs). */
export type FieldError = Issue & { message: string };

const list = (xs: string[]) => xs.join(', ');
const quoted = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(', ');
/** Counts as the command line has always printed them (174,080,000). */
const count = (n: number) => Math.round(n).toLocaleString('en');
const at = (p: { at?: number }) => (p.at === undefined ? '' : ` (at character ${p.at})`);

type Renderers = { [C in IssueCode]: (p: IssueParams[C]) => string };

/** The English text of every issue. */
export const ISSUE_EN: Renderers = {
  tooSmall: (p) => `must be ${p.inclusive ? '≥' : '>'} ${p.min}${p.unit ?? ''}`,
  tooBig: (p) => `must be ${p.inclusive ? '≤' : '<'} ${p.max}${p.unit ?? ''}`,
  aboveField: (p) => `must be ≤ ${p.field} (${p.value})`,
  tooFewItems: (p) => `must have at least ${p.min} item(s)`,
  tooManyItems: (p) => `must have at most ${p.max} item(s)`,
  tooShort: (p) => `must have at least ${p.min} character(s)`,
  tooLong: (p) => `must have at most ${p.max} character(s)`,
  required: (p) => (p.expected ? `is required (${p.expected})` : 'is required'),
  wrongType: (p) => `must be ${p.expected === 'int' ? 'a whole number' : `a ${p.expected}`}, not ${p.got}`,
  notFinite: (p) => (p.value === undefined ? 'must be a finite number' : `must be a finite number, not ${p.value}`),
  unknownFields: (p) => `unknown field(s): ${quoted(p.keys)}`,
  oneOf: (p) => `must be one of ${list(p.values)}`,
  idForm: () => 'must be 1–64 letters, digits, _ or -',
  sha256Form: () => 'must be 64 hexadecimal digits (SHA-256)',
  textForm: (p) => `must be a text, or a text per language {"nl": …, "en": …}, not ${p.got}`,
  wrongForm: (p) => `has the wrong form (got ${p.got})`,
  textLanguage: () => 'give the text in Dutch ("nl"), English ("en") or both',
  otherRule: (p) => p.text,
  notObject: (p) => `must be a JSON object, not ${p.got}`,
  json: (p) => `not valid JSON: ${p.detail}`,
  unreadable: (p) => `could not be read: ${p.detail}`,
  unchecked: (p) => `could not be checked: ${p.detail}`,
  validatorFailed: (p) => p.detail,
  nestedTooDeep: (p) => `is nested more than ${p.max} levels deep; a scenario file needs fewer than ${p.need}`,
  versionMissing: (p) => `is missing: a scenario file must say which format version it uses (this workbench writes version ${p.current})`,
  versionNotWhole: (p) => `must be a whole number, not ${p.got}`,
  versionNewer: (p) => `this file has format version ${p.version}, made by a newer workbench; this one reads up to version ${p.current}. Please update the workbench.`,
  versionRetired: (p) => `format version ${p.version} is no longer supported and cannot be migrated; re-create the scenario in this workbench (version ${p.current})`,
  sharesSum: (p) => `${p.segments ? 'segment ' : ''}shares must sum to 1${p.total === undefined ? '' : ` (now ${p.total})`}`,
  duplicateId: (p) => `duplicate ${p.segment ? 'segment ' : ''}id "${p.id}"`,
  unknownSegment: (p) => `unknown segment "${p.id}"`,
  mappedTwice: (p) => `${p.category ? 'category' : 'care line'} "${p.name}" is already mapped by line group ${p.other}; each may be in one group only`,
  shareOutsideGroup: (p) => `line "${p.line}" is not one of this group's lines`,
  sameAsFrom: () => 'must differ from "from"',
  aboveMedian: () => 'must be greater than the median',
  nearZero: (p) => `a ${p.dist} can be near 0; this field needs ≥ ${p.min}`,
  bonusAmount: () => 'give a bonus per insured or a pot',
  tooManyPersons: (p) => `lets the region reach ${count(p.persons)} insured in ${p.year}${p.preContract ? ' (a pre-contract year)' : ''}; at most ${count(p.max)} are simulated`,
  tooManyCasesYear: (p) =>
    `allows up to ${count(p.cases)} high-cost cases a year in this segment (in ${p.year}${p.preContract ? ', a pre-contract year' : ''}); at most ${count(p.max)} are simulated individually (high-cost cases are for rare, expensive episodes)`,
  tooManyCasesRun: (p) =>
    `allows up to ${count(p.cases)} high-cost cases in one run (${p.years} simulated years, ${p.pre} of them before the contract); at most ${count(p.max)} are simulated individually per run`,
  coverageWithRebase: () => 'coverage below 100% cannot be combined with benchmark.rebase yet',
  coverageNeedsEstimated: () => 'coverage below 100% needs benchmark.method "estimated"',
  weightsCount: (p) => `must have one weight per pre-contract year (${p.need}), has ${p.got}`,
  weightsSum: (p) => `weights must sum to 1 (now ${+p.sum.toFixed(6)})`,
  corrNoParam: (p) => `no parameter at "${p.param}"`,
  corrFixed: (p) => `"${p.param}" is a fixed number; only uncertain parameters (distributions) can be correlated`,
  corrSelf: () => 'a parameter cannot be correlated with itself',
  corrTwice: () => 'this pair is already correlated above',
  corrNotPositiveDefinite: () => 'these correlations cannot all hold at once (the correlation matrix is not positive definite); weaken one of them',
  formulaTooDeep: (p) => `the formula is nested too deeply; at most ${p.max} levels of brackets, signs and chained ? or ^ are allowed${at(p)}`,
  formulaTooLong: (p) => `the formula is ${p.length} characters long; at most ${p.max} are allowed`,
  formulaEmpty: () => 'the formula is empty',
  formulaNotFinite: (p) => `${p.value} is not a finite number; only finite numbers are allowed as constants${at(p)}`,
  formulaConstant: (p) => `only numbers are allowed as constants, not ${p.got}${at(p)}`,
  formulaUnknownName: (p) => `unknown name "${p.name}"; the variables are ${list(p.variables)}${at(p)}`,
  formulaOperator: (p) => `the operator "${p.op}" is not allowed${at(p)}`,
  formulaFunction: (p) => `the function "${p.name}" is not allowed; allowed are ${list(p.allowed)}${at(p)}`,
  formulaNoArgument: (p) => `${p.name}() needs an argument${at(p)}`,
  formulaAssignment: (p) => `assignments and function definitions are not allowed${at(p)}`,
  formulaExpression: (p) => `this kind of expression (${p.type}) is not allowed; use numbers, variables, + − × ÷ ^, comparisons, and/or/not, a ? b : c, and ${list(p.allowed)}${at(p)}`,
  parseEnd: (p) => `Unexpected end of expression${at(p)}`,
  parseParen: (p) => `Parenthesis ) expected${at(p)}`,
  parseValue: (p) => `Value expected${at(p)}`,
  parseOperator: (p) => `Unexpected operator ${p.op}${at(p)}`,
  parsePart: (p) => `Unexpected part "${p.part}"${at(p)}`,
  parseSyntax: (p) => `Syntax error in part "${p.part}"${p.rest}${at(p)}`,
  parseOther: (p) => `${p.text}${at(p)}`,
  runNotFinite: (p) => `run ${p.run}: ${p.output} is ${p.value} in ${p.year}: ${RUN_CAUSE_EN[p.cause]}`,
  designNotTerm: (p) => `term ${p.term}: not a contract term`,
  designTermsForm: (p) => `--terms: "${p.text}" is not name=low:high`,
  designTermsRange: (p) => `--terms: "${p.text}": low must be a number below high`,
  designTermsCount: () => '--terms: one to four terms',
  designNoContract: (p) => `--design: no contract "${p.id}" in the scenario (it has: ${list(p.have)})`,
  designInvalidTerms: (p) => `terms ${p.terms}: ${p.issues.map((i) => `${i.path}: ${issueEn(i)}`).join('\n')}`,
  runFormulaValue: (p) =>
    `${p.run === undefined ? '' : `run ${p.run}: `}${p.formula} gives ${Number.isFinite(p.value) ? p.value.toPrecision(3) : String(p.value)} in ${p.year}${p.limit === undefined ? '' : `, more than the ${p.limit.toExponential(0)} euros a formula may give`} (a division by 0 or an overflow?)`,
};

/** The English text of `issue`. */
export function issueEn(issue: Issue): string {
  return (ISSUE_EN[issue.code] as (p: unknown) => string)(issue.params);
}

/** An issue at `path` with its English text. */
export function fieldError<C extends IssueCode>(path: string, code: C, params: IssueParams[C]): FieldError {
  const i = { path, code, params } as Issue;
  return { ...i, message: issueEn(i) };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(file)' : out;
}

export function formatErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
