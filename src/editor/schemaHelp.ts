import schema from '../../scenarios/scenario.schema.json';
import type { Path } from '../workspace/paths';
import type { Lang } from '../i18n';
import { HELP_NL } from './helpNl';
import { paramNote } from '../../models/scenario/limits';

type Node = Record<string, any>;
const root = schema as Node;

/** A schema node and its help key: the field path pattern (`region.segments[].share`) or the definition's name. */
interface At {
  node: Node;
  key: string;
}

/** Definitions the format names itself (zod `.meta({ id })`): their parts are keyed by that name, wherever they are used. */
const named = (ref: string) => !ref.startsWith('__');

function derefAt(a: At | undefined): At | undefined {
  let cur = a;
  for (let i = 0; cur && cur.node.$ref && i < 20; i++) {
    const name = String(cur.node.$ref).replace('#/$defs/', '');
    const target = root.$defs?.[name];
    if (!target) return undefined;
    const own = cur.node.description;
    // A default written beside the reference applies to the field (zod puts `.default()` there).
    const dflt = cur.node.default !== undefined ? { default: cur.node.default } : {};
    cur = { node: { ...target, ...(own ? { description: own } : {}), ...dflt }, key: own || !named(name) ? cur.key : name };
  }
  return cur;
}

const deref = (n: Node | undefined): Node | undefined => (n ? derefAt({ node: n, key: '' })?.node : undefined);

const join = (key: string, part: string) => (key === '' ? part : `${key}.${part}`);

function stepAt(a: At, k: string | number): At | undefined {
  const d = derefAt(a);
  if (!d) return undefined;
  const n = d.node;
  if (typeof k === 'number') return n.items ? derefAt({ node: n.items, key: `${d.key}[]` }) : undefined;
  if (n.properties?.[k]) return derefAt({ node: n.properties[k], key: join(d.key, k) });
  if (n.additionalProperties && typeof n.additionalProperties === 'object') return derefAt({ node: n.additionalProperties, key: join(d.key, '*') });
  for (const alt of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) {
    const r = stepAt({ node: alt, key: d.key }, k);
    if (r) return r;
  }
  return undefined;
}

function schemaAtKeyed(path: Path): At | undefined {
  let a: At | undefined = { node: root, key: '' };
  for (const k of path) {
    if (!a) return undefined;
    a = stepAt(a, k);
  }
  return derefAt(a);
}

/** The JSON Schema node (generated from the zod definition) of the field at `path`. */
export function schemaAt(path: Path): Node | undefined {
  return schemaAtKeyed(path)?.node;
}

/** The help text the schema gives for the field at `path` (English; it is the file format's own text). */
export function helpAt(path: Path): string | undefined {
  return schemaAt(path)?.description;
}

/** The help key of the field at `path`: its path pattern, or the named definition its description sits in. */
export function helpKeyAt(path: Path): string | undefined {
  const a = schemaAtKeyed(path);
  return a?.node.description ? a.key : undefined;
}

/**
 * Every help key of the file format with its English description: each description in the
 * schema at each path pattern it can be reached by (what the editor's help can show).
 */
export function helpKeys(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (a: At | undefined, depth: number) => {
    const d = derefAt(a);
    if (!d || depth > 40) return;
    const n = d.node;
    if (typeof n.description === 'string') out.set(d.key, (out.get(d.key) ?? new Set()).add(splitHelp(n.description, n).text));
    for (const [k, c] of Object.entries((n.properties ?? {}) as Record<string, Node>)) walk({ node: c, key: join(d.key, k) }, depth + 1);
    if (n.items) walk({ node: n.items, key: `${d.key}[]` }, depth + 1);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') walk({ node: n.additionalProperties, key: join(d.key, '*') }, depth + 1);
    for (const alt of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) {
      const a = derefAt({ node: alt, key: d.key });
      // A form of a union field with a description of its own (a text per language) describes the
      // form, wherever it is used: keyed by the form's fields.
      const own = a && a.key === d.key && typeof a.node.description === 'string' && a.node.properties;
      walk(own ? { node: a.node, key: `{${Object.keys(a.node.properties).sort().join(',')}}` } : a, depth + 1);
    }
  };
  walk({ node: root, key: '' }, 0);
  return out;
}

const patterns = new Map<string, RegExp>();
/** `*` matches one part of a help key, `**` one or more (parts are separated by dots). */
function matcher(entry: string): RegExp {
  let re = patterns.get(entry);
  if (!re) {
    const parts = entry.split('.').map((x) => (x === '**' ? '[^.]+(?:\\.[^.]+)*' : x === '*' ? '[^.]+' : x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    patterns.set(entry, (re = new RegExp(`^${parts.join('\\.')}$`)));
  }
  return re;
}
/** How general an entry is: a `**` counts more than any number of `*`. */
const generality = (entry: string) => entry.split('.').reduce((a, x) => a + (x === '**' ? 1000 : x === '*' ? 1 : 0), 0);

/**
 * The Dutch help entry for a help key: the entry of that key, or else the most specific entry
 * whose pattern matches it.
 */
export function dutchHelpEntry(key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(HELP_NL, key)) return key;
  let best: string | undefined;
  for (const k of Object.keys(HELP_NL)) if (matcher(k).test(key) && (best === undefined || generality(k) < generality(best))) best = k;
  return best;
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
 * HELP_NL, by the field's help key), and for a number its allowed range in the language's notation.
 */
export function helpText(path: Path, l: Lang, opts: { percent?: boolean } = {}): string | undefined {
  const n = schemaAt(path);
  const d = n?.description;
  if (typeof d !== 'string' || !d) return undefined;
  const { text, lo, hi } = splitHelp(d, n);
  const key = helpKeyAt(path);
  const entry = l === 'nl' && key !== undefined ? dutchHelpEntry(key) : undefined;
  const shown = entry !== undefined ? HELP_NL[entry] : text;
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

/**
 * The object form of the node at `path` that fits `value`: the node itself, or for a union (a
 * contract, whose fields depend on its kind) the form whose fixed values (`kind`) the value has.
 */
function objectFormAt(path: Path, value?: unknown): Node | undefined {
  const n = schemaAt(path);
  if (!n) return undefined;
  if (n.type === 'object') return n;
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  for (const a of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) {
    const d = deref(a);
    if (d?.type !== 'object' || !d.properties) continue;
    const fixed = Object.entries(d.properties as Record<string, Node>).filter(([, p]) => p.const !== undefined);
    if (fixed.length > 0 && fixed.every(([k, p]) => v[k] === p.const)) return d;
  }
  return undefined;
}

/** Keys the format allows at `path` (an object, or the form of a union that `value` has) that the scenario does not have yet. */
export function addableKeys(path: Path, present: string[], value?: unknown): string[] {
  const n = objectFormAt(path, value);
  if (!n) return [];
  let keys: string[] = [];
  if (n.properties) keys = Object.keys(n.properties);
  else if (n.propertyNames) keys = (deref(n.propertyNames)?.enum as string[] | undefined) ?? [];
  return keys.filter((k) => !present.includes(k) && k !== '$schema' && k !== 'version' && k !== 'financing');
}

/** True when the format lets the field at `path` be left out of its object (`parent` what the scenario has there). */
export function removableAt(path: Path, parent: unknown): boolean {
  const k = path[path.length - 1];
  const p = objectFormAt(path.slice(0, -1), parent);
  return typeof k === 'string' && !!p && !(p.required as string[] | undefined)?.includes(k) && path.length > 1 && k !== 'meta';
}

/**
 * Starting values where the schema's own would not do: a contract's coverage starts at 100% (as
 * if absent; the schema's lower bound 0 is excluded), an agreement period at 3 years (the
 * shortest Medicare Shared Savings Program agreement), base-year weights equal in whole percents
 * with the rest on the newest year (one per pre-contract year, so the field starts valid).
 */
function startValueAt(path: Path, scenario: unknown): unknown {
  const k = path[path.length - 1];
  if (k === 'coverage' && path[0] === 'financing') return 1;
  // A contract's behaviour switch starts as if absent (on), so adding it changes nothing until it is switched.
  if (k === 'behaviour' && path[0] === 'financing' && path[1] === 'models') return true;
  if (k === 'everyYears' && path[path.length - 2] === 'rebase') return 3;
  if (k === 'weights' && path[0] === 'benchmark') {
    const pre = (scenario as { benchmark?: { preContractYears?: unknown } } | undefined)?.benchmark?.preContractYears;
    const n = typeof pre === 'number' && Number.isInteger(pre) && pre >= 1 && pre <= 10 ? pre : 3;
    const each = Math.floor(100 / n);
    return Array.from({ length: n }, (_, i) => (i === n - 1 ? 100 - each * (n - 1) : each) / 100);
  }
  return undefined;
}

/** A starting value for a new field, built from the schema (parameters start as a fixed number to fill in); `value` is the object it is added to, `scenario` the whole. */
export function defaultValueAt(path: Path, value?: unknown, scenario?: unknown): unknown {
  const start = startValueAt(path, scenario);
  if (start !== undefined) return start;
  if (isParamField(path)) {
    const lo = limitsAt(path)?.lo ?? 0;
    return { value: Math.max(0, lo), illustrative: true, source: '' };
  }
  const form = value === undefined ? undefined : objectFormAt(path.slice(0, -1), value);
  const k = path[path.length - 1];
  const node = form && typeof k === 'string' ? form.properties?.[k] : schemaAt(path);
  return defaultForNode(node, path, 0);
}

function defaultForNode(n0: Node | undefined, path: Path, depth: number): unknown {
  const n = deref(n0);
  if (!n || depth > 6) return null;
  // A default written beside a reference is the field's own (the referenced type's may differ).
  const dflt = n0?.default !== undefined ? n0.default : n.default;
  if (dflt !== undefined) return JSON.parse(JSON.stringify(dflt));
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
        out[k] = startValueAt(child, undefined) ?? (isParamField(child) ? defaultValueAt(child) : defaultForNode(n.properties?.[k], child, depth + 1));
      }
      return out;
    }
  }
  return null;
}
