import type { Lang } from '../i18n';

/**
 * Validation messages in the interface's language. The engine (shared with the command line)
 * writes them in English; here the common forms are put into Dutch, numbers in Dutch notation.
 * A message of another form is shown as the engine wrote it.
 */
const TYPE_NL: Record<string, string> = {
  string: 'tekst',
  number: 'getal',
  boolean: 'ja/nee-waarde',
  null: 'leeg',
  object: 'groep velden',
  array: 'lijst',
  undefined: 'niets',
};

/** 0.5 → 0,5 and 170000 → 170.000 in Dutch; other text unchanged. */
const nlNumbers = (s: string) =>
  s.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, (m) => {
    const v = Number(m);
    return Number.isFinite(v) ? new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 10 }).format(v) : m;
  });

type Rule = [RegExp, (m: RegExpMatchArray) => string];

/** 174,080,000 (as the engine writes counts) → 174.080.000. */
const nlCount = (s: string) => s.replace(/,/g, '.');
/** NaN and ±Infinity as a reader says them. */
const NON_FINITE_NL: Record<string, string> = { NaN: 'geen getal (NaN)', Infinity: 'oneindig', '-Infinity': 'min oneindig' };

/** The formula checker's own messages, and the parser's most common ones. */
const FORMULA_NL: Rule[] = [
  [
    /^the formula is nested too deeply; at most (\d+) levels of brackets, signs and chained \? or \^ are allowed$/,
    (m) => `de formule is te diep genest; hoogstens ${m[1]} niveaus van haakjes, tekens en ketens van ? of ^ zijn toegestaan`,
  ],
  [/^the formula is (\d+) characters long; at most (\d+) are allowed$/, (m) => `de formule is ${nlNumbers(m[1])} tekens lang; hoogstens ${nlNumbers(m[2])} zijn toegestaan`],
  [/^the formula is empty$/, () => 'de formule is leeg'],
  [/^(NaN|-?Infinity) is not a finite number; only finite numbers are allowed as constants$/, (m) => `${m[1]} is geen eindig getal; alleen eindige getallen zijn toegestaan als constante`],
  [/^only numbers are allowed as constants, not (.+)$/, (m) => `alleen getallen zijn toegestaan als constante, geen ${m[1] === 'text' ? 'tekst' : m[1]}`],
  [/^unknown name "(.+)"; the variables are (.+)$/, (m) => `onbekende naam "${m[1]}"; de variabelen zijn ${m[2]}`],
  [/^the operator "(.+)" is not allowed$/, (m) => `de bewerking "${m[1]}" is niet toegestaan`],
  [/^the function "(.+)" is not allowed; allowed are (.+)$/, (m) => `de functie "${m[1]}" is niet toegestaan; toegestaan zijn ${m[2]}`],
  [/^(.+)\(\) needs an argument$/, (m) => `${m[1]}() heeft een argument nodig`],
  [/^assignments and function definitions are not allowed$/, () => 'toekenningen en functiedefinities zijn niet toegestaan'],
  [
    /^this kind of expression \((.+)\) is not allowed; use (.+)$/,
    (m) => `dit soort uitdrukking (${m[1]}) is niet toegestaan; gebruik getallen, variabelen, + − × ÷ ^, vergelijkingen, and/or/not, a ? b : c en ${m[2].replace(/^.*a \? b : c, and /, '')}`,
  ],
  [/^Unexpected end of expression$/, () => 'de formule houdt onverwacht op'],
  [/^Parenthesis \) expected$/, () => 'hier ontbreekt een sluithaakje )'],
  [/^Value expected$/, () => 'hier wordt een getal of variabele verwacht'],
  [/^Unexpected operator (.+)$/, (m) => `onverwachte bewerking ${m[1]}`],
  [/^Syntax error in part "(.+)"(.*)$/, (m) => `fout in het deel "${m[1]}"${m[2]}`],
];

const NL: Rule[] = [
  [/^must be (≥|>|≤|<) ([^ ]+) \((.+)\)$/, (m) => `moet ${m[1]} ${m[2]} (${nlNumbers(m[3])}) zijn`],
  [/^must be (≥|>|≤|<) (.+)$/, (m) => `moet ${m[1]} ${nlNumbers(m[2])} zijn`],
  [/^must be a whole number, not (.+)$/, (m) => (m[1] === 'number' ? 'moet een geheel getal zijn' : `moet een geheel getal zijn, geen ${TYPE_NL[m[1]] ?? m[1]}`)],
  [/^must be a ([a-z]+), not (.+)$/, (m) => `moet een ${TYPE_NL[m[1]] ?? m[1]} zijn, geen ${TYPE_NL[m[2]] ?? m[2]}`],
  [/^must be a finite number$/, () => 'moet een eindig getal zijn'],
  [/^is required(?: \((.+)\))?$/, (m) => (m[1] ? `ontbreekt (${TYPE_NL[m[1]] ?? m[1]})` : 'ontbreekt')],
  [/^must be one of (.+)$/, (m) => `moet een van deze zijn: ${m[1]}`],
  [/^must have at least (\d+) item\(s\)$/, (m) => `moet minstens ${m[1]} onderdeel/onderdelen hebben`],
  [/^must have at most (\d+) item\(s\)$/, (m) => `mag hoogstens ${m[1]} onderdeel/onderdelen hebben`],
  [/^must have at least (\d+) character\(s\)$/, (m) => `moet minstens ${m[1]} teken(s) lang zijn`],
  [/^must have at most (\d+) character\(s\)$/, (m) => `mag hoogstens ${m[1]} teken(s) lang zijn`],
  [/^unknown field\(s\): (.+)$/, (m) => `onbekend(e) veld(en): ${m[1]}`],
  [/^must be greater than the median$/, () => 'moet groter zijn dan de mediaan'],
  [/^(segment )?shares must sum to 1(?: \(now (.+)\))?$/, (m) => `de aandelen moeten samen 1 zijn${m[2] ? ` (nu ${nlNumbers(m[2])})` : ''}`],
  [/^duplicate (segment )?id "(.+)"$/, (m) => `id "${m[2]}" komt twee keer voor`],
  [/^unknown segment "(.+)"$/, (m) => `onbekende groep "${m[1]}"`],
  [/^must differ from "from"$/, () => 'moet anders zijn dan "van"'],
  [/^must be 1–64 letters, digits, _ or -$/, () => 'moet 1–64 letters, cijfers, _ of - zijn'],
  [/^must be a JSON object, not (.+)$/, (m) => `moet een JSON-object zijn, geen ${TYPE_NL[m[1]] ?? m[1]}`],
  [/^not valid JSON: (.+)$/, (m) => `geen geldige JSON: ${m[1]}`],
  [/^has the wrong form \(got (.+)\)$/, (m) => `heeft niet de goede vorm (nu ${TYPE_NL[m[1]] ?? m[1]})`],
  [/^must be a text, or a text per language \{"nl": …, "en": …\}, not (.+)$/, (m) => `moet een tekst zijn, of een tekst per taal {"nl": …, "en": …}, geen ${TYPE_NL[m[1]] ?? m[1]}`],
  [/^give the text in Dutch \("nl"\), English \("en"\) or both$/, () => 'geef de tekst in het Nederlands ("nl"), het Engels ("en") of allebei'],
  [/^a (gamma|lognormal) can be near 0; this field needs ≥ (.+)$/, (m) => `een ${m[1] === 'gamma' ? 'gamma' : 'lognormale'}verdeling kan bijna 0 zijn; dit veld moet ≥ ${nlNumbers(m[2])} zijn`],
  [/^must be a finite number, not (NaN|-?Infinity)$/, (m) => `moet een eindig getal zijn, niet ${NON_FINITE_NL[m[1]]}`],
  [/^is nested more than (\d+) levels deep; a scenario file needs fewer than (\d+)$/, (m) => `is meer dan ${m[1]} niveaus diep genest; een scenariobestand heeft er minder dan ${m[2]} nodig`],
  [
    /^lets the region reach ([\d,]+) insured in (\d{4})( \(a pre-contract year\))?; at most ([\d,]+) are simulated$/,
    (m) => `laat de regio groeien tot ${nlCount(m[1])} verzekerden in ${m[2]}${m[3] ? ' (een jaar vóór het contract)' : ''}; hoogstens ${nlCount(m[4])} worden gesimuleerd`,
  ],
  [
    /^allows up to ([\d,]+) high-cost cases a year in this segment(?: \(in (\d{4})(, a pre-contract year)?\))?; at most ([\d,]+) are simulated individually \(high-cost cases are for rare, expensive episodes\)$/,
    (m) =>
      `staat tot ${nlCount(m[1])} dure episodes per jaar toe in deze groep${m[2] ? ` (in ${m[2]}${m[3] ? ', een jaar vóór het contract' : ''})` : ''}; hoogstens ${nlCount(m[4])} worden één voor één gesimuleerd (dure episodes zijn bedoeld voor zeldzame, kostbare gebeurtenissen)`,
  ],
  [
    /^allows up to ([\d,]+) high-cost cases in one run \((\d+) simulated years, (\d+) of them before the contract\); at most ([\d,]+) are simulated individually per run$/,
    (m) =>
      `staat tot ${nlCount(m[1])} dure episodes in één run toe (${m[2]} gesimuleerde jaren, waarvan ${m[3]} vóór het contract); hoogstens ${nlCount(m[4])} per run worden één voor één gesimuleerd`,
  ],
  [/^no parameter at "(.*)"$/, (m) => `er is geen parameter op "${m[1]}"`],
  [
    /^"(.*)" is a fixed number; only uncertain parameters \(distributions\) can be correlated$/,
    (m) => `"${m[1]}" is een vast getal; alleen onzekere parameters (verdelingen) kunnen gecorreleerd zijn`,
  ],
  [/^a parameter cannot be correlated with itself$/, () => 'een parameter kan niet met zichzelf gecorreleerd zijn'],
  [/^this pair is already correlated above$/, () => 'dit paar is hierboven al gecorreleerd'],
  [
    /^these correlations cannot all hold at once \(the correlation matrix is not positive definite\); weaken one of them$/,
    () => 'deze correlaties kunnen niet allemaal tegelijk gelden (de correlatiematrix is niet positief definiet); maak er een zwakker',
  ],
  [
    /^is missing: a scenario file must say which format version it uses \(this workbench writes version (\d+)\)$/,
    (m) => `ontbreekt: een scenariobestand moet zeggen welke formaatversie het gebruikt (deze werkbank schrijft versie ${m[1]})`,
  ],
  [
    /^this file has format version (\d+), made by a newer workbench; this one reads up to version (\d+)\. Please update the workbench\.$/,
    (m) => `dit bestand heeft formaatversie ${m[1]}, gemaakt door een nieuwere werkbank; deze leest tot en met versie ${m[2]}. Werk de werkbank bij.`,
  ],
  [
    /^format version (\d+) is no longer supported and cannot be migrated; re-create the scenario in this workbench \(version (\d+)\)$/,
    (m) => `formaatversie ${m[1]} wordt niet meer ondersteund en kan niet worden omgezet; maak het scenario opnieuw in deze werkbank (versie ${m[2]})`,
  ],
  [/^give a bonus per insured or a pot$/, () => 'geef een bonus per verzekerde of een pot'],
  [/^must be 64 hexadecimal digits \(SHA-256\)$/, () => 'moet 64 hexadecimale cijfers zijn (SHA-256)'],
  [/^could not be checked: (.+)$/, (m) => `kon niet worden gecontroleerd: ${m[1]}`],
  [/^run (\d+): (.+) is (NaN|-?Infinity) in (\d{4}): (.+)$/, (m) => `run ${m[1]}: ${m[2]} is ${NON_FINITE_NL[m[3]]} in ${m[4]}: ${CAUSE_NL[m[5]] ?? m[5]}`],
  [
    /^run (\d+): (financing\.models\[\d+\]\.formulas\.[a-z]+) gives (\S+) in (\d{4})(, more than the (\S+) euros a formula may give)? \(a division by 0 or an overflow\?\)$/,
    (m) => `run ${m[1]}: ${m[2]} geeft ${NON_FINITE_NL[m[3]] ?? m[3]} in ${m[4]}${m[5] ? `, meer dan de ${m[6]} euro die een formule mag geven` : ''} (een deling door 0 of een overloop?)`,
  ],
];

/** The likely causes a stopped run names (models/simulation/block.ts). */
const CAUSE_NL: Record<string, string> = {
  'the region has 0 persons that year (segment shares of a very small population round to 0 persons)':
    'de regio heeft dat jaar 0 personen (de aandelen van een heel kleine populatie worden afgerond op 0 personen)',
  'a cost overflowed (an extreme high-cost severity, cost per contact or trend)': 'een bedrag liep over (een extreme ernst van dure episodes, kosten per contact of trend)',
  'the total cost without the scenario is 0 (every cost or contact rate is 0)': 'de totale kosten zonder het scenario zijn 0 (alle kosten of contactfrequenties zijn 0)',
  'the benchmark is 0 (no cost in the pre-contract years)': 'de benchmark is 0 (geen kosten in de jaren vóór het contract)',
  'an extreme combination of assumptions (check the largest and smallest values in the file)': 'een extreme combinatie van aannames (kijk naar de grootste en kleinste waarden in het bestand)',
};

/** Contract formulas: the formula checker's messages (and mathjs's parse errors it passes on). */
const NL_FORMULA: Rule[] = [
  [/^the formula is empty$/, () => 'de formule is leeg'],
  [/^the formula is (\d+) characters long; at most (\d+) are allowed$/, (m) => `de formule is ${nlNumbers(m[1])} tekens lang; hoogstens ${nlNumbers(m[2])} zijn toegestaan`],
  [/^only numbers are allowed as constants, not (.+)$/, (m) => `alleen getallen zijn toegestaan als vaste waarde, niet ${m[1]}`],
  [/^unknown name "(.+)"; the variables are (.+)$/, (m) => `onbekende naam "${m[1]}"; de variabelen zijn ${m[2]}`],
  [/^the operator "(.+)" is not allowed$/, (m) => `de bewerking "${m[1]}" is niet toegestaan`],
  [/^the function "(.+)" is not allowed; allowed are (.+)$/, (m) => `de functie "${m[1]}" is niet toegestaan; wel toegestaan zijn ${m[2]}`],
  [/^(\w+)\(\) needs an argument$/, (m) => `${m[1]}() heeft een argument nodig`],
  [/^assignments and function definitions are not allowed$/, () => 'toekenningen (=) en eigen functies zijn niet toegestaan'],
  [
    /^this kind of expression \((.+)\) is not allowed; use numbers, variables, \+ − × ÷ \^, comparisons, and\/or\/not, a \? b : c, and (.+)$/,
    (m) => `dit soort uitdrukking (${m[1]}) is niet toegestaan; gebruik getallen, variabelen, + − × ÷ ^, vergelijkingen, and/or/not, a ? b : c en ${m[2]}`,
  ],
  [/^Unexpected end of expression$/, () => 'de formule houdt onverwacht op (er ontbreekt iets aan het eind)'],
  [/^Parenthesis \) expected$/, () => 'hier ontbreekt een sluithaakje )'],
  [/^Value expected$/, () => 'hier hoort een getal of variabele'],
  [/^Unexpected operator ,$/, () => 'onverwachte komma (decimalen: een komma tussen twee cijfers, zoals 0,3; tussen argumenten een komma met spatie)'],
  [/^Unexpected operator (.+)$/, (m) => `onverwachte bewerking ${m[1]}`],
  [/^Unexpected part "(.+)"$/, (m) => `onverwacht deel "${m[1]}" (ontbreekt er een bewerking zoals + of *?)`],
];

export function localMessage(message: string, lang: Lang): string {
  if (lang !== 'nl') return message;
  // A formula message ends with the place of the problem; the rest is put into Dutch.
  const at = / \(at character (\d+)\)$/.exec(message);
  if (at) return `${localMessage(message.slice(0, at.index), lang)} (bij teken ${at[1]})`;
  for (const [re, f] of NL_FORMULA) {
    const m = message.match(re);
    if (m) return f(m);
  }
  for (const [re, f] of NL) {
    const m = message.match(re);
    if (m) return f(m);
  }
  for (const [re, f] of FORMULA_NL) {
    const m = message.match(re);
    if (m) return f(m);
  }
  return message;
}
