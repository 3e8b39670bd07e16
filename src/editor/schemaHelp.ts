import schema from '../../scenarios/scenario.schema.json';
import type { Path } from '../workspace/paths';
import type { Lang } from '../i18n';
import { HELP_NL } from './helpNl';
import { paramNote } from '../../models/scenario/param';

type Node = Record<string, any>;
const root = schema as Node;

function deref(n: Node | undefined): Node | undefined {
  let cur = n;
  for (let i = 0; cur && cur.$ref && i < 20; i++) {
    const name = String(cur.$ref).replace('#/$defs/', '');
    const target = root.$defs?.[name];
    cur = target ? { ...target, ...(cur.description ? { description: cur.description } : {}) } : undefined;
  }
  return cur;
}

function step(n: Node, key: string | number): Node | undefined {
  const d = deref(n);
  if (!d) return undefined;
  if (typeof key === 'number') return d.items ? deref(d.items) : undefined;
  if (d.properties?.[key]) return deref(d.properties[key]);
  if (d.additionalProperties && typeof d.additionalProperties === 'object') return deref(d.additionalProperties);
  if (d.propertyNames && d.additionalProperties) return deref(d.additionalProperties);
  for (const alt of [...(d.anyOf ?? []), ...(d.oneOf ?? [])]) {
    const r = step(alt, key);
    if (r) return r;
  }
  return undefined;
}

/** The JSON Schema node (generated from the zod definition) of the field at `path`. */
export function schemaAt(path: Path): Node | undefined {
  let n: Node | undefined = root;
  for (const k of path) {
    if (!n) return undefined;
    n = step(n, k);
  }
  return deref(n);
}

/** The help text the schema gives for the field at `path` (English; it is the file format's own text). */
export function helpAt(path: Path): string | undefined {
  return schemaAt(path)?.description;
}

/** The limits of the field at `path` as the schema states them (`minimum`/`maximum`), when it has both. */
export function limitsAt(path: Path): { lo: number; hi: number } | undefined {
  const n = schemaAt(path);
  return typeof n?.minimum === 'number' && typeof n?.maximum === 'number' ? { lo: n.minimum, hi: n.maximum } : undefined;
}

/**
 * A schema description split into its text and, for a parameter (`node` the schema node, with
 * its limits), the allowed range: the note the schema adds to a parameter's description is
 * rebuilt from the limits and cut off, never read back.
 */
export function splitHelp(d: string, node?: { minimum?: unknown; maximum?: unknown }): { text: string; lo?: number; hi?: number } {
  const lo = node?.minimum;
  const hi = node?.maximum;
  if (typeof lo !== 'number' || typeof hi !== 'number') return { text: d };
  const note = ` ${paramNote(lo, hi)}`;
  return d.endsWith(note) ? { text: d.slice(0, -note.length), lo, hi } : { text: d };
}

/**
 * The help text for the field at `path` in language `l`: the schema's description (Dutch from
 * HELP_NL), and for a number its allowed range in the language's notation.
 */
export function helpText(path: Path, l: Lang, opts: { percent?: boolean } = {}): string | undefined {
  const n = schemaAt(path);
  const d = n?.description;
  if (typeof d !== 'string' || !d) return undefined;
  const { text, lo, hi } = splitHelp(d, n);
  const shown = l === 'nl' ? (HELP_NL[text] ?? text) : text;
  if (lo === undefined || hi === undefined) return shown;
  const f = new Intl.NumberFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 6 });
  // A share is shown as a percentage in the editor, so its range is too.
  const g = (x: number) => (opts.percent ? `${f.format(Number(`${x}e2`))}%` : f.format(x));
  return `${shown} ${l === 'nl' ? 'Bereik' : 'Range'}: ${g(lo)} ${l === 'nl' ? 'tot' : 'to'} ${g(hi)}.`;
}

/** True when the field is a parameter: a number, {value, source} or a distribution. */
export function isParamField(path: Path): boolean {
  const n = schemaAt(path);
  const alts = [...(n?.anyOf ?? []), ...(n?.oneOf ?? [])];
  return alts.some((a: Node) => a.$ref === '#/$defs/Distribution' || a.$ref === '#/$defs/FixedParam');
}

/** Allowed values when the field is an enumeration (e.g. care lines). */
export function enumAt(path: Path): string[] | undefined {
  const n = schemaAt(path);
  if (Array.isArray(n?.enum)) return n.enum as string[];
  for (const a of [...(n?.anyOf ?? []), ...(n?.oneOf ?? [])]) {
    const d = deref(a);
    if (Array.isArray(d?.enum)) return d.enum as string[];
  }
  return undefined;
}

/** Keys the format allows at `path` (an object) that the scenario does not have yet. */
export function addableKeys(path: Path, present: string[]): string[] {
  const n = schemaAt(path);
  if (!n || n.type !== 'object') return [];
  let keys: string[] = [];
  if (n.properties) keys = Object.keys(n.properties);
  else if (n.propertyNames) keys = (deref(n.propertyNames)?.enum as string[] | undefined) ?? [];
  return keys.filter((k) => !present.includes(k) && k !== '$schema' && k !== 'version' && k !== 'financing');
}

/** A starting value for a new field, built from the schema (parameters start as a fixed number to fill in). */
export function defaultValueAt(path: Path): unknown {
  if (isParamField(path)) {
    const lo = limitsAt(path)?.lo ?? 0;
    return { value: Math.max(0, lo), illustrative: true, source: '' };
  }
  return defaultForNode(schemaAt(path), path, 0);
}

function defaultForNode(n0: Node | undefined, path: Path, depth: number): unknown {
  const n = deref(n0);
  if (!n || depth > 6) return null;
  if (n.default !== undefined) return JSON.parse(JSON.stringify(n.default));
  if (Array.isArray(n.enum)) return n.enum[0];
  if (n.const !== undefined) return n.const;
  const alts = n.anyOf ?? n.oneOf;
  if (alts) return defaultForNode(alts[alts.length > 1 && deref(alts[0])?.type === 'string' ? 0 : 0], path, depth + 1);
  switch (n.type) {
    case 'number':
    case 'integer':
      return typeof n.minimum === 'number' ? Math.max(0, n.minimum) : 0;
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of (n.required as string[] | undefined) ?? []) {
        const child = [...path, k];
        out[k] = isParamField(child) ? defaultValueAt(child) : defaultForNode(n.properties?.[k], child, depth + 1);
      }
      return out;
    }
  }
  return null;
}
