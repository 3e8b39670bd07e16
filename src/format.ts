import { lang, type Lang } from './i18n';

const locale = (l: Lang) => (l === 'nl' ? 'nl-NL' : 'en-GB');

const cache = new Map<string, Intl.NumberFormat>();
function nf(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  // 'negative': a value that rounds to zero shows as 0, not -0 (e.g. -0,0 for a tiny loss).
  opts = { signDisplay: 'negative', ...opts } as Intl.NumberFormatOptions;
  const l = lang();
  const key = l + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale(l), opts)));
  return f;
}

const bad = (x: number) => !Number.isFinite(x);

/** Whole euros: € 1.234.567 (nl) or €1,234,567 (en). */
export function euro(x: number): string {
  if (bad(x)) return '–';
  return nf({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(x);
}

/**
 * A change with its sign in front, shown by `fmt` (e.g. euroMln or pct): +€ 3,0 mln, −0,42%.
 * A true minus, and no sign for what `fmt` shows as zero.
 */
export function signed(d: number, fmt: (v: number) => string): string {
  const shown = fmt(Math.abs(d));
  return `${d > 0 && shown !== fmt(0) ? '+' : d < 0 && shown !== fmt(0) ? '−' : ''}${shown}`;
}

/** Euros in millions: € 456,8 mln. `digits` decimals. */
export function euroMln(x: number, digits = 1): string {
  if (bad(x)) return '–';
  const s = nf({ style: 'currency', currency: 'EUR', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x / 1e6);
  return `${s} mln`;
}

/** A fraction as a percentage: 0.0198 → 1,98% (nl). */
export function pct(x: number, digits = 1): string {
  if (bad(x)) return '–';
  return nf({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

export function num(x: number, digits = 0): string {
  if (bad(x)) return '–';
  return nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

/** Seconds, rounded for a progress line. */
export function seconds(ms: number): string {
  if (bad(ms)) return '…';
  return `${num(ms / 1000, ms < 10_000 ? 1 : 0)} s`;
}

/**
 * A value with its Monte Carlo standard error, both shown by `fmt`: "1,98% ± 0,03%". The ± is
 * left out when there is no error to show (a single run, or a summary saved before percentiles
 * carried one).
 */
export function withMcse(x: number, se: number | undefined, fmt: (v: number) => string): string {
  return se !== undefined && Number.isFinite(se) && Number.isFinite(x) ? `${fmt(x)} ± ${fmt(se)}` : fmt(x);
}

/**
 * A number of any size to `digits` significant digits: plainly between 0.001 and a million,
 * otherwise in scientific notation (1,23E-13 in Dutch, 1.23E-13 in English).
 */
export function significant(x: number, digits = 4): string {
  if (bad(x)) return '–';
  const a = Math.abs(x);
  const scientific = a !== 0 && (a < 1e-3 || a >= 1e6);
  return nf({ maximumSignificantDigits: digits, ...(scientific ? { notation: 'scientific' } : {}) }).format(x);
}
