import type { Lang } from '../i18n';

/**
 * Numbers as people type them in the interface's language. Dutch writes `170.000` and `0,65`,
 * English `170,000` and `0.65`. A separator that could be read two ways is never guessed: the
 * entry is refused with a reason, and the field keeps the text.
 *
 * The rules, for both languages (dec = the decimal sign, grp = the thousands separator):
 * - at most one decimal sign; only digits after it;
 * - a thousands separator only in the whole part, in groups of exactly three digits after a
 *   first group of 1–3 digits that does not start with 0 (`1.250`, `170.000`; not `1.5`,
 *   `12.34`, `0.650` in Dutch);
 * - a leading `€` (with or without a space), a sign before or after it (`-€ 5`, `€ -5`, `−5`);
 * - a trailing `%` only in a share field; a share field reads the number as a percentage
 *   whether or not the `%` is typed (`60` and `60%` both give 0.6);
 * - an exponent (`1e6`) only on a plain number without thousands separators;
 * - a trailing decimal sign is allowed (`0,` while typing `0,5`).
 */
export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: 'empty' | 'unclear' | 'notNumber' | 'percentHere' };

const SEP: Record<Lang, { dec: string; grp: string }> = { nl: { dec: ',', grp: '.' }, en: { dec: '.', grp: ',' } };

export function parseLocalNumber(text: string, lang: Lang, opts: { percent?: boolean } = {}): ParsedNumber {
  let s = text.trim().replace(/[\u2212\u2012\u2013]/g, '-');
  if (s === '') return { ok: false, reason: 'empty' };
  let pct = false;
  if (s.endsWith('%')) {
    if (!opts.percent) return { ok: false, reason: 'percentHere' };
    pct = true;
    s = s.slice(0, -1).trimEnd();
  }
  let sign = '';
  const takeSign = () => {
    if (!sign && (s[0] === '-' || s[0] === '+')) {
      sign = s[0] === '-' ? '-' : '';
      s = s.slice(1).trimStart();
      return true;
    }
    return false;
  };
  const hadSign = takeSign();
  if (s[0] === '€') s = s.slice(1).trimStart();
  if (!hadSign) takeSign();
  let exp = '';
  const e = /^(.*?)[eE]([-+]?\d+)$/.exec(s);
  if (e) {
    s = e[1];
    exp = e[2];
  }
  if (s === '' || !/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'notNumber' };
  const { dec, grp } = SEP[lang];
  const parts = s.split(dec);
  if (parts.length > 2) return { ok: false, reason: 'unclear' };
  let [whole, frac = ''] = parts;
  if (frac.includes(grp)) return { ok: false, reason: 'unclear' };
  if (whole.includes(grp)) {
    if (exp || !new RegExp(`^[1-9]\\d{0,2}(\\${grp}\\d{3})+$`).test(whole)) return { ok: false, reason: 'unclear' };
    whole = whole.split(grp).join('');
  }
  const plain = `${sign}${whole || '0'}${frac ? `.${frac}` : ''}`;
  // The decimal point is shifted in the text, so 7% is exactly 0.07 (7 / 100 would be too).
  const shift = (exp ? Number(exp) : 0) - (opts.percent || pct ? 2 : 0);
  const value = Number(shift === 0 ? plain : `${plain}e${shift}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'notNumber' };
}

/**
 * A number for an input box in the interface's language: thousands grouped, decimal sign of the
 * language, all digits kept (what is shown parses back to exactly the same number). A share field
 * shows the percentage.
 */
export function formatInputNumber(x: number, lang: Lang, opts: { percent?: boolean } = {}): string {
  if (!Number.isFinite(x)) return String(x);
  let v = x;
  if (opts.percent) {
    const shifted = Number(`${x}e2`);
    v = Number.isFinite(shifted) ? shifted : x * 100;
    // Values such as 1e-7 have no plain decimal form to shift; the product is rounded instead.
    if (!Number.isFinite(shifted)) v = Number(v.toPrecision(15));
  }
  const s = String(v);
  if (/e/i.test(s)) return lang === 'nl' ? s.replace('.', ',') : s;
  const { dec, grp } = SEP[lang];
  const neg = s.startsWith('-');
  const [whole, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, grp);
  return `${neg ? '-' : ''}${grouped}${frac ? dec + frac : ''}`;
}

/** Why an entry was refused, in the interface's language. */
export function numberProblemText(reason: Exclude<ParsedNumber, { ok: true }>['reason'], lang: Lang, opts: { percent?: boolean } = {}): string {
  const pct = opts.percent;
  if (lang === 'nl') {
    switch (reason) {
      case 'unclear':
        return 'Onduidelijk getal: in het Nederlands scheidt de punt duizendtallen (170.000, altijd per drie cijfers) en is de komma het decimaalteken (0,65). Typ het getal zo, dan wordt niets geraden.';
      case 'percentHere':
        return 'Een %-teken past alleen bij een aandeel; typ hier het getal zelf.';
      case 'empty':
        return 'Vul een getal in.';
      default:
        return `Dit moet een getal zijn, bijvoorbeeld ${pct ? '60 of 60%' : '170.000 of 0,65'}.`;
    }
  }
  switch (reason) {
    case 'unclear':
      return 'Unclear number: in English the comma separates thousands (170,000, always in threes) and the point is the decimal sign (0.65). Type the number that way, so nothing is guessed.';
    case 'percentHere':
      return 'A % sign only fits a share; type the number itself here.';
    case 'empty':
      return 'Enter a number.';
    default:
      return `This must be a number, for example ${pct ? '60 or 60%' : '170,000 or 0.65'}.`;
  }
}

/** A number as typed in the chosen language (decimal comma in Dutch, no thousands separators). */
export function showNumber(x: unknown, lang: Lang): string {
  if (typeof x !== 'number') return x === undefined || x === null ? '' : String(x);
  const s = String(x);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

export type ParsedList = { ok: true; values: number[] } | { ok: false; position: number; reason: Exclude<ParsedNumber, { ok: true }>['reason'] };

/**
 * A list of numbers as typed in the interface's language (base-year weights: `10%; 30%; 60%`).
 * Numbers are separated by `;` or by a comma followed by a space, in both languages: a comma
 * between two digits is the Dutch decimal comma (`0,1, 0,3, 0,6`) and the English thousands
 * separator, as in a single number. `position` counts from 1.
 */
export function parseLocalNumberList(text: string, lang: Lang, opts: { percent?: boolean } = {}): ParsedList {
  const parts = text.split(/;|,\s+/).map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const values: number[] = [];
  for (const [i, p] of parts.entries()) {
    const r = parseLocalNumber(p, lang, opts);
    if (!r.ok) return { ok: false, position: i + 1, reason: r.reason };
    values.push(r.value);
  }
  return { ok: true, values };
}

/** A list of numbers for an input box: each as `formatInputNumber` writes it, separated by `; `. */
export function formatInputNumberList(xs: readonly number[], lang: Lang, opts: { percent?: boolean } = {}): string {
  return xs.map((x) => formatInputNumber(x, lang, opts)).join('; ');
}

/**
 * Text typed in language `from`, written again in the notation of `to`: each number between `;`
 * as `formatInputNumber` writes it, the rest as typed. Kept as typed, "5.000" people in Dutch
 * would read as 5 in English.
 */
export function retypeNumbers(text: string, from: Lang, to: Lang, opts: { percent?: boolean } = {}): string {
  return text
    .split(';')
    .map((part) => {
      const v = parseLocalNumber(part, from, opts);
      return v.ok ? formatInputNumber(v.value, to, opts) : part.trim();
    })
    .join('; ');
}
