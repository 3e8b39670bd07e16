import type { Lang } from '../i18n';

/**
 * Contract formulas are stored in the file in the formula language (decimal point, comma between
 * arguments), whatever the interface's language, so a file reads the same everywhere. In Dutch the
 * editor shows and accepts the decimal comma, by one rule:
 *
 *   a comma with a digit directly on both sides is a decimal comma (`0,3` = 0.3);
 *   any other comma separates arguments (`min(savings, 0,3)` = min(savings, 0.3)).
 *
 * So in Dutch, arguments that are both numbers are written with a space after the comma:
 * `max(1, 2)`; `max(1,2)` would be max(1.2). A decimal point is accepted in Dutch too (formulas
 * have no thousands separators). Replacing a comma by a point keeps every character in place, so
 * the positions in error messages point at the text as typed.
 */
export function toFormulaLanguage(text: string, lang: Lang): string {
  return lang === 'nl' ? text.replace(/(?<=\d),(?=\d)/g, '.') : text;
}

/** A stored formula as the editor shows it: in Dutch with decimal commas, digit arguments spaced. */
export function fromFormulaLanguage(text: string, lang: Lang): string {
  if (lang !== 'nl') return text;
  return text.replace(/(?<=\d),(?=\d)/g, ', ').replace(/(?<=\d)\.(?=\d)/g, ',');
}
