/** The interface languages. */
export type Lang = 'nl' | 'en';

/** The locale whose notation a language's numbers are written in. */
export const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural forms of a word (or phrase); `other` is required, the rest where the language has them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** What a text in the catalogue is given to write numbers, counts and lists in its language. */
export interface TextFormat {
  lang: Lang;
  /** A number in the language's notation (0,5 and 170.000 in Dutch; 0.5 and 170,000 in English). */
  num(x: number): string;
  /** The form of `forms` that goes with the number `n` (Intl.PluralRules of the language). */
  plural(n: number, forms: PluralForms): string;
  /** `n` in the language's notation followed by its word in the right form ("1 teken", "2 tekens"). */
  count(n: number, forms: PluralForms): string;
}

export function textFormat(lang: Lang): TextFormat {
  const key = `${lang}`;
  let nf = numberFormats.get(key);
  if (!nf) numberFormats.set(key, (nf = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 10 })));
  let pr = pluralRules.get(lang);
  if (!pr) pluralRules.set(lang, (pr = new Intl.PluralRules(LOCALE[lang])));
  const num = (x: number) => (Number.isFinite(x) ? nf.format(x) : String(x));
  const plural = (n: number, forms: PluralForms) => forms[pr.select(n)] ?? forms.other;
  return { lang, num, plural, count: (n, forms) => `${num(n)} ${plural(n, forms)}` };
}
