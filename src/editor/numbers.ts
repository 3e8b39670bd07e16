import type { Lang } from '../i18n';

/** Parses a typed number; accepts a decimal comma (Dutch) and a decimal point. NaN when not a number. */
export function parseNumber(text: string): number {
  let s = text.trim().replace(/\s|\u00a0/g, '');
  if (s === '') return NaN;
  if (s.includes(',')) s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

/** A number as typed in the chosen language (decimal comma in Dutch, no thousands separators). */
export function showNumber(x: unknown, lang: Lang): string {
  if (typeof x !== 'number') return x === undefined || x === null ? '' : String(x);
  const s = String(x);
  return lang === 'nl' ? s.replace('.', ',') : s;
}
