/** The languages a scenario's text may be written in (the interface's languages). */
export const TEXT_LANGS = ['nl', 'en'] as const;
export type TextLang = (typeof TEXT_LANGS)[number];

/**
 * A free-text field of a scenario file: one text for every language, or the text per language
 * (`{ "nl": "…", "en": "…" }`, at least one of them). A missing or empty language shows the other.
 */
export type LocalText = string | { nl?: string; en?: string };

/*
 * No zod here: the page shows these texts without loading the schema library; the schema of the
 * field is in localTextSchema.ts.
 */
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The text of language `l` of a field as the file writes it; the other language when `l`'s is missing or empty. */
export function localText(t: unknown, l: TextLang): string {
  if (typeof t === 'string') return t;
  if (t === null || typeof t !== 'object' || Array.isArray(t)) return '';
  const pick = (k: TextLang): string => {
    const v = own(t, k) ? (t as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' ? v : '';
  };
  const other: TextLang = l === 'nl' ? 'en' : 'nl';
  return pick(l) || pick(other);
}

/** True for `{ "nl": …, "en": … }` (one or both, nothing else): a text per language, not a group of fields. */
export function isTextPerLanguage(t: unknown): t is { nl?: string; en?: string } {
  if (t === null || typeof t !== 'object' || Array.isArray(t)) return false;
  const keys = Object.keys(t);
  return keys.length > 0 && keys.every((k) => (k === 'nl' || k === 'en') && typeof (t as Record<string, unknown>)[k] === 'string');
}

/** True when the field carries a text per language (the editor then edits one language of it). */
export function isBilingual(t: unknown): t is { nl?: string; en?: string } {
  return t !== null && typeof t === 'object' && !Array.isArray(t);
}

/**
 * The text the editor shows for language `l`: that language's own text when the field has it
 * (even empty, so clearing the field while typing does not bring the other language back),
 * otherwise what the views show.
 */
export function localTextForEdit(t: unknown, l: TextLang): string {
  if (isBilingual(t) && own(t, l)) {
    const v = (t as Record<string, unknown>)[l];
    if (typeof v === 'string') return v;
  }
  return localText(t, l);
}

/**
 * The field after the user typed `value` in language `l`: a plain text stays plain (it is the
 * text of every language); a bilingual field changes in `l` only and keeps the other language.
 */
export function withLocalText(t: unknown, l: TextLang, value: string): LocalText {
  if (!isBilingual(t)) return value;
  const out: { nl?: string; en?: string } = {};
  for (const k of TEXT_LANGS) {
    const v = own(t, k) ? (t as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string') out[k] = v;
  }
  out[l] = value;
  return out;
}

/** Both languages' texts of a field (the same text twice for a plain one), e.g. to search or compare. */
export function bothTexts(t: unknown): Record<TextLang, string> {
  return { nl: localText(t, 'nl'), en: localText(t, 'en') };
}
