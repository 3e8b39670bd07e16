import { ISSUE_EN, type Issue, type IssueCode, type IssueParams, type RunCause } from '../../models/core/issues';
import { textFormat, type Lang, type TextFormat } from './format';

/**
 * The interface's text for every issue the engine reports, in Dutch and English. Typed against
 * the engine's list of codes (models/core/issues.ts): a code without both texts fails the type
 * check. English follows the command line's wording (ISSUE_EN) with numbers in English notation.
 */
type Render<C extends IssueCode> = (p: IssueParams[C], f: TextFormat) => string;
export type IssueTexts = { [C in IssueCode]: Record<Lang, Render<C>> };

/** The engine's English text as it is (no numbers in it that need another notation). */
const asEngine =
  <C extends IssueCode>(c: C): Render<C> =>
  (p) =>
    ISSUE_EN[c](p);

/** The type names the schema library and the validator use, as a Dutch reader says them. */
const TYPE_NL: Record<string, string> = {
  string: 'tekst',
  number: 'getal',
  int: 'geheel getal',
  boolean: 'ja/nee-waarde',
  null: 'leeg',
  object: 'groep velden',
  array: 'lijst',
  undefined: 'niets',
  text: 'tekst',
};
const typeNl = (t: string) => TYPE_NL[t] ?? t;
const NON_FINITE_NL: Record<string, string> = { NaN: 'geen getal (NaN)', Infinity: 'oneindig', '-Infinity': 'min oneindig' };
/** The likely causes a stopped run names. */
const RUN_CAUSE_NL: Record<RunCause, string> = {
  noPersons: 'de regio heeft dat jaar 0 personen (de aandelen van een heel kleine populatie worden afgerond op 0 personen)',
  costOverflow: 'een bedrag liep over (een extreme ernst van dure episodes, kosten per contact of trend)',
  zeroCounterfactual: 'de totale kosten zonder het scenario zijn 0 (alle kosten of contactfrequenties zijn 0)',
  zeroBenchmark: 'de benchmark is 0 (geen kosten in de jaren vóór het contract)',
  extreme: 'een extreme combinatie van aannames (kijk naar de grootste en kleinste waarden in het bestand)',
};
const quoted = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(', ');
const list = (xs: string[]) => xs.join(', ');
/** Where in a formula, 1-based. */
const atNl = (p: { at?: number }) => (p.at === undefined ? '' : ` (bij teken ${p.at})`);
const atEn = (p: { at?: number }) => (p.at === undefined ? '' : ` (at character ${p.at})`);
const bound = (x: number, unit: '%' | undefined, f: TextFormat) => `${f.num(x)}${unit ?? ''}`;

export const ISSUE_TEXTS: IssueTexts = {
  tooSmall: {
    nl: (p, f) => `moet ${p.inclusive ? '≥' : '>'} ${bound(p.min, p.unit, f)} zijn`,
    en: (p, f) => `must be ${p.inclusive ? '≥' : '>'} ${bound(p.min, p.unit, f)}`,
  },
  tooBig: {
    nl: (p, f) => `moet ${p.inclusive ? '≤' : '<'} ${bound(p.max, p.unit, f)} zijn`,
    en: (p, f) => `must be ${p.inclusive ? '≤' : '<'} ${bound(p.max, p.unit, f)}`,
  },
  aboveField: { nl: (p, f) => `moet ≤ ${p.field} (${f.num(p.value)}) zijn`, en: (p, f) => `must be ≤ ${p.field} (${f.num(p.value)})` },
  tooFewItems: {
    nl: (p, f) => `moet minstens ${f.count(p.min, { one: 'onderdeel', other: 'onderdelen' })} hebben`,
    en: (p, f) => `must have at least ${f.count(p.min, { one: 'item', other: 'items' })}`,
  },
  tooManyItems: {
    nl: (p, f) => `mag hoogstens ${f.count(p.max, { one: 'onderdeel', other: 'onderdelen' })} hebben`,
    en: (p, f) => `must have at most ${f.count(p.max, { one: 'item', other: 'items' })}`,
  },
  tooShort: {
    nl: (p, f) => `moet minstens ${f.count(p.min, { one: 'teken', other: 'tekens' })} lang zijn`,
    en: (p, f) => `must have at least ${f.count(p.min, { one: 'character', other: 'characters' })}`,
  },
  tooLong: {
    nl: (p, f) => `mag hoogstens ${f.count(p.max, { one: 'teken', other: 'tekens' })} lang zijn`,
    en: (p, f) => `must have at most ${f.count(p.max, { one: 'character', other: 'characters' })}`,
  },
  required: { nl: (p) => (p.expected ? `ontbreekt (${typeNl(p.expected)})` : 'ontbreekt'), en: asEngine('required') },
  wrongType: {
    nl: (p) => (p.expected === 'int' && p.got === 'number' ? 'moet een geheel getal zijn' : `moet een ${typeNl(p.expected)} zijn, geen ${typeNl(p.got)}`),
    en: asEngine('wrongType'),
  },
  notFinite: { nl: (p) => (p.value === undefined ? 'moet een eindig getal zijn' : `moet een eindig getal zijn, niet ${NON_FINITE_NL[p.value] ?? p.value}`), en: asEngine('notFinite') },
  unknownFields: {
    nl: (p, f) => `${f.plural(p.keys.length, { one: 'onbekend veld', other: 'onbekende velden' })}: ${quoted(p.keys)}`,
    en: (p, f) => `${f.plural(p.keys.length, { one: 'unknown field', other: 'unknown fields' })}: ${quoted(p.keys)}`,
  },
  oneOf: { nl: (p) => `moet een van deze zijn: ${list(p.values)}`, en: asEngine('oneOf') },
  idForm: { nl: () => 'moet 1–64 letters, cijfers, _ of - zijn', en: asEngine('idForm') },
  sha256Form: { nl: () => 'moet 64 hexadecimale cijfers zijn (SHA-256)', en: asEngine('sha256Form') },
  textForm: { nl: (p) => `moet een tekst zijn, of een tekst per taal {"nl": …, "en": …}, geen ${typeNl(p.got)}`, en: asEngine('textForm') },
  wrongForm: { nl: (p) => `heeft niet de goede vorm (nu ${typeNl(p.got)})`, en: asEngine('wrongForm') },
  textLanguage: { nl: () => 'geef de tekst in het Nederlands ("nl"), het Engels ("en") of allebei', en: asEngine('textLanguage') },
  otherRule: { nl: (p) => `voldoet niet aan het bestandsformaat (${p.text})`, en: asEngine('otherRule') },
  notObject: { nl: (p) => `moet een JSON-object zijn, geen ${typeNl(p.got)}`, en: asEngine('notObject') },
  json: { nl: (p) => `geen geldige JSON: ${p.detail}`, en: asEngine('json') },
  unreadable: { nl: (p) => `kon niet worden gelezen: ${p.detail}`, en: asEngine('unreadable') },
  unchecked: { nl: (p) => `kon niet worden gecontroleerd: ${p.detail}`, en: asEngine('unchecked') },
  validatorFailed: { nl: (p) => `de controle is mislukt: ${p.detail}`, en: asEngine('validatorFailed') },
  nestedTooDeep: {
    nl: (p, f) => `is meer dan ${f.num(p.max)} niveaus diep genest; een scenariobestand heeft er minder dan ${f.num(p.need)} nodig`,
    en: (p, f) => `is nested more than ${f.num(p.max)} levels deep; a scenario file needs fewer than ${f.num(p.need)}`,
  },
  versionMissing: { nl: (p) => `ontbreekt: een scenariobestand moet zeggen welke formaatversie het gebruikt (deze werkbank schrijft versie ${p.current})`, en: asEngine('versionMissing') },
  versionNotWhole: { nl: (p) => `moet een geheel getal zijn, geen ${p.got}`, en: asEngine('versionNotWhole') },
  versionNewer: {
    nl: (p) => `dit bestand heeft formaatversie ${p.version}, gemaakt door een nieuwere werkbank; deze leest tot en met versie ${p.current}. Werk de werkbank bij.`,
    en: asEngine('versionNewer'),
  },
  versionRetired: {
    nl: (p) => `formaatversie ${p.version} wordt niet meer ondersteund en kan niet worden omgezet; maak het scenario opnieuw in deze werkbank (versie ${p.current})`,
    en: asEngine('versionRetired'),
  },
  sharesSum: {
    nl: (p, f) => `de aandelen moeten samen 1 zijn${p.total === undefined ? '' : ` (nu ${f.num(p.total)})`}`,
    en: (p, f) => `${p.segments ? 'segment ' : ''}shares must sum to 1${p.total === undefined ? '' : ` (now ${f.num(p.total)})`}`,
  },
  duplicateId: { nl: (p) => `id "${p.id}" komt twee keer voor`, en: asEngine('duplicateId') },
  unknownSegment: { nl: (p) => `onbekende groep "${p.id}"`, en: asEngine('unknownSegment') },
  mappedTwice: {
    nl: (p) => `${p.category ? 'categorie' : 'zorglijn'} "${p.name}" staat al in zorglijngroep ${p.other}; elk mag in één groep staan`,
    en: asEngine('mappedTwice'),
  },
  shareOutsideGroup: { nl: (p) => `zorglijn "${p.line}" hoort niet bij deze groep`, en: asEngine('shareOutsideGroup') },
  sameAsFrom: { nl: () => 'moet anders zijn dan "van"', en: asEngine('sameAsFrom') },
  aboveMedian: { nl: () => 'moet groter zijn dan de mediaan', en: asEngine('aboveMedian') },
  nearZero: {
    nl: (p, f) => `een ${p.dist === 'gamma' ? 'gamma' : 'lognormale '}verdeling kan bijna 0 zijn; dit veld moet ≥ ${f.num(p.min)} zijn`,
    en: (p, f) => `a ${p.dist} can be near 0; this field needs ≥ ${f.num(p.min)}`,
  },
  bonusAmount: { nl: () => 'geef een bonus per verzekerde of een pot', en: asEngine('bonusAmount') },
  tooManyPersons: {
    nl: (p, f) => `laat de regio groeien tot ${f.num(p.persons)} verzekerden in ${p.year}${p.preContract ? ' (een jaar vóór het contract)' : ''}; hoogstens ${f.num(p.max)} worden gesimuleerd`,
    en: (p, f) => `lets the region reach ${f.num(p.persons)} insured in ${p.year}${p.preContract ? ' (a pre-contract year)' : ''}; at most ${f.num(p.max)} are simulated`,
  },
  tooManyCasesYear: {
    nl: (p, f) =>
      `staat tot ${f.num(p.cases)} dure episodes per jaar toe in deze groep (in ${p.year}${p.preContract ? ', een jaar vóór het contract' : ''}); hoogstens ${f.num(p.max)} worden één voor één gesimuleerd (dure episodes zijn bedoeld voor zeldzame, kostbare gebeurtenissen)`,
    en: (p, f) =>
      `allows up to ${f.num(p.cases)} high-cost cases a year in this segment (in ${p.year}${p.preContract ? ', a pre-contract year' : ''}); at most ${f.num(p.max)} are simulated individually (high-cost cases are for rare, expensive episodes)`,
  },
  tooManyCasesRun: {
    nl: (p, f) =>
      `staat tot ${f.num(p.cases)} dure episodes in één run toe (${p.years} gesimuleerde jaren, waarvan ${p.pre} vóór het contract); hoogstens ${f.num(p.max)} per run worden één voor één gesimuleerd`,
    en: (p, f) =>
      `allows up to ${f.num(p.cases)} high-cost cases in one run (${p.years} simulated years, ${p.pre} of them before the contract); at most ${f.num(p.max)} are simulated individually per run`,
  },
  coverageWithRebase: {
    nl: () => 'een dekking onder 100% kan (nog) niet samen met het opnieuw vaststellen van de benchmark',
    en: () => 'a coverage below 100% cannot (yet) be combined with rebasing the benchmark',
  },
  coverageNeedsEstimated: { nl: () => 'een dekking onder 100% vraagt een geschatte benchmark (methode "estimated")', en: asEngine('coverageNeedsEstimated') },
  weightsCount: { nl: (p) => `moet één gewicht per jaar vóór het contract hebben (${p.need}), heeft er ${p.got}`, en: asEngine('weightsCount') },
  weightsSum: { nl: (p, f) => `de gewichten moeten samen 1 zijn (nu ${f.num(+p.sum.toFixed(6))})`, en: (p, f) => `weights must sum to 1 (now ${f.num(+p.sum.toFixed(6))})` },
  corrNoParam: { nl: (p) => `er is geen parameter op "${p.param}"`, en: asEngine('corrNoParam') },
  corrFixed: { nl: (p) => `"${p.param}" is een vast getal; alleen onzekere parameters (verdelingen) kunnen gecorreleerd zijn`, en: asEngine('corrFixed') },
  corrSelf: { nl: () => 'een parameter kan niet met zichzelf gecorreleerd zijn', en: asEngine('corrSelf') },
  corrTwice: { nl: () => 'dit paar is hierboven al gecorreleerd', en: asEngine('corrTwice') },
  corrNotPositiveDefinite: {
    nl: () => 'deze correlaties kunnen niet allemaal tegelijk gelden (de correlatiematrix is niet positief definiet); maak er een zwakker',
    en: asEngine('corrNotPositiveDefinite'),
  },
  formulaTooDeep: {
    nl: (p, f) => `de formule is te diep genest; hoogstens ${f.num(p.max)} niveaus van haakjes, tekens en ketens van ? of ^ zijn toegestaan${atNl(p)}`,
    en: (p, f) => `the formula is nested too deeply; at most ${f.num(p.max)} levels of brackets, signs and chained ? or ^ are allowed${atEn(p)}`,
  },
  formulaTooLong: {
    nl: (p, f) => `de formule is ${f.num(p.length)} tekens lang; hoogstens ${f.num(p.max)} zijn toegestaan`,
    en: (p, f) => `the formula is ${f.num(p.length)} characters long; at most ${f.num(p.max)} are allowed`,
  },
  formulaEmpty: { nl: () => 'de formule is leeg', en: asEngine('formulaEmpty') },
  formulaNotFinite: { nl: (p) => `${p.value} is geen eindig getal; alleen eindige getallen zijn toegestaan als constante${atNl(p)}`, en: asEngine('formulaNotFinite') },
  formulaConstant: { nl: (p) => `alleen getallen zijn toegestaan als vaste waarde, niet ${typeNl(p.got)}${atNl(p)}`, en: asEngine('formulaConstant') },
  formulaUnknownName: { nl: (p) => `onbekende naam "${p.name}"; de variabelen zijn ${list(p.variables)}${atNl(p)}`, en: asEngine('formulaUnknownName') },
  formulaOperator: { nl: (p) => `de bewerking "${p.op}" is niet toegestaan${atNl(p)}`, en: asEngine('formulaOperator') },
  formulaFunction: {
    nl: (p) => `de functie "${p.name === 'expression' ? 'uitdrukking' : p.name}" is niet toegestaan; wel toegestaan zijn ${list(p.allowed)}${atNl(p)}`,
    en: asEngine('formulaFunction'),
  },
  formulaNoArgument: { nl: (p) => `${p.name}() heeft een argument nodig${atNl(p)}`, en: asEngine('formulaNoArgument') },
  formulaAssignment: { nl: (p) => `toekenningen (=) en eigen functies zijn niet toegestaan${atNl(p)}`, en: asEngine('formulaAssignment') },
  formulaExpression: {
    nl: (p) => `dit soort uitdrukking (${p.type}) is niet toegestaan; gebruik getallen, variabelen, + − × ÷ ^, vergelijkingen, and/or/not, a ? b : c en ${list(p.allowed)}${atNl(p)}`,
    en: asEngine('formulaExpression'),
  },
  parseEnd: { nl: (p) => `de formule houdt onverwacht op (er ontbreekt iets aan het eind)${atNl(p)}`, en: asEngine('parseEnd') },
  parseParen: { nl: (p) => `hier ontbreekt een sluithaakje )${atNl(p)}`, en: asEngine('parseParen') },
  parseValue: { nl: (p) => `hier hoort een getal of variabele${atNl(p)}`, en: asEngine('parseValue') },
  parseOperator: {
    nl: (p) => (p.op === ',' ? 'onverwachte komma (decimalen: een komma tussen twee cijfers, zoals 0,3; tussen argumenten een komma met spatie)' : `onverwachte bewerking ${p.op}`) + atNl(p),
    en: asEngine('parseOperator'),
  },
  parsePart: { nl: (p) => `onverwacht deel "${p.part}" (ontbreekt er een bewerking zoals + of *?)${atNl(p)}`, en: asEngine('parsePart') },
  parseSyntax: { nl: (p) => `fout in het deel "${p.part}"${p.rest}${atNl(p)}`, en: asEngine('parseSyntax') },
  parseOther: { nl: (p) => `de formule kan niet worden gelezen (${p.text})${atNl(p)}`, en: asEngine('parseOther') },
  designNotTerm: { nl: (p) => `term ${p.term}: geen voorwaarde van het contract`, en: asEngine('designNotTerm') },
  designTermsForm: { nl: (p) => `--terms: "${p.text}" heeft niet de vorm naam=laag:hoog`, en: asEngine('designTermsForm') },
  designTermsRange: { nl: (p) => `--terms: "${p.text}": laag moet een getal onder hoog zijn`, en: asEngine('designTermsRange') },
  designTermsCount: { nl: () => '--terms: één tot vier voorwaarden', en: asEngine('designTermsCount') },
  designNoContract: { nl: (p) => `--design: het scenario heeft geen contract "${p.id}" (wel: ${list(p.have)})`, en: asEngine('designNoContract') },
  designInvalidTerms: {
    nl: (p) => `voorwaarden ${p.terms}: ${p.issues.map((i) => `${i.path}: ${issueText(i, 'nl')}`).join('; ')}`,
    en: (p) => `terms ${p.terms}: ${p.issues.map((i) => `${i.path}: ${issueText(i, 'en')}`).join('; ')}`,
  },
  runNotFinite: {
    nl: (p) => `run ${p.run}: ${p.output} is ${NON_FINITE_NL[p.value] ?? p.value} in ${p.year}: ${RUN_CAUSE_NL[p.cause]}`,
    en: asEngine('runNotFinite'),
  },
  runFormulaValue: {
    nl: (p, f) =>
      `${p.run === undefined ? '' : `run ${p.run}: `}${p.formula} geeft ${Number.isFinite(p.value) ? f.num(Number(p.value.toPrecision(3))) : (NON_FINITE_NL[String(p.value)] ?? String(p.value))} in ${p.year}${p.limit === undefined ? '' : `, meer dan de ${f.num(p.limit)} euro die een formule mag geven`} (een deling door 0 of een overloop?)`,
    en: asEngine('runFormulaValue'),
  },
};

/** The text of `issue` in language `l`. */
export function issueText(issue: Issue, l: Lang): string {
  return (ISSUE_TEXTS[issue.code][l] as (p: unknown, f: TextFormat) => string)(issue.params, textFormat(l));
}

/** The issue with a share's bounds in percent, as the editor shows the field (≤ 1 → ≤ 100%). */
export function inPercent(issue: Issue): Issue {
  const pct = (x: number) => Number(`${x}e2`);
  if (issue.code === 'tooSmall' && issue.params.unit === undefined) return { ...issue, params: { ...issue.params, min: pct(issue.params.min), unit: '%' } };
  if (issue.code === 'tooBig' && issue.params.unit === undefined) return { ...issue, params: { ...issue.params, max: pct(issue.params.max), unit: '%' } };
  return issue;
}
