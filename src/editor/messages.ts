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
  [/^a (gamma|lognormal) can be near 0; this field needs ≥ (.+)$/, (m) => `een ${m[1] === 'gamma' ? 'gamma' : 'lognormale'}verdeling kan bijna 0 zijn; dit veld moet ≥ ${nlNumbers(m[2])} zijn`],
];

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
  [/^this kind of expression \((.+)\) is not allowed; use numbers, variables, \+ − × ÷ \^, comparisons, and\/or\/not, a \? b : c, and (.+)$/, (m) => `dit soort uitdrukking (${m[1]}) is niet toegestaan; gebruik getallen, variabelen, + − × ÷ ^, vergelijkingen, and/or/not, a ? b : c en ${m[2]}`],
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
  return message;
}
