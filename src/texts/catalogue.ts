import { textFormat, type Lang, type TextFormat } from './format';

/** The values a text is filled in from. */
export type Vars = Record<string, string | number>;

/**
 * One text of the interface in one language: a string with `{name}` placeholders, or a function
 * of the values and the language's formats, for plurals (`f.plural`, `f.count`) and numbers in
 * the language's notation (`f.num`).
 */
export type Text = string | ((v: Vars, f: TextFormat) => string);

/** One entry of a catalogue: the same text in Dutch and English (a missing language fails the type check). */
export type Entry = Record<Lang, Text>;

/**
 * An entry of a label table: plain text in both languages, no placeholders or plurals, so that
 * it can also be copied into a scenario (a model's name) or compared as data. Read it with `render`.
 */
export type Label = Record<Lang, string>;

/** `text` with its `{name}` placeholders filled in from `vars`. */
export function fill(text: string, vars?: Vars): string {
  let s = text;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** The entry's text in language `l`, filled in from `vars`. */
export function render(entry: Entry, l: Lang, vars?: Vars): string {
  const t = entry[l];
  return typeof t === 'function' ? t(vars ?? {}, textFormat(l)) : fill(t, vars);
}

/**
 * The lookup for one table of the catalogue: the text for `key` in the language `current()`
 * gives (or in `l`), filled in from `vars`. Every area's table is read through this.
 */
export function translator<K extends string>(table: Record<K, Entry>, current: () => Lang): { get: (key: K, vars?: Vars) => string; inLang: (key: K, l: Lang, vars?: Vars) => string } {
  return { get: (key, vars) => render(table[key], current(), vars), inLang: (key, l, vars) => render(table[key], l, vars) };
}
