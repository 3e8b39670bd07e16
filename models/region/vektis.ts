/**
 * Reader for Vektis's "Open Databestand Zorgverzekeringswet" (gemeente or postcode-3 file): one
 * row per sex × age class × area with insured-years and Zvw cost per cost column, semicolons.
 * Column names differ between vintages (upper-case full names in older years, lower-case names
 * cut at 32 characters since, mental-health columns renamed three times, innovatiegelden only
 * from 2022), so names are normalised and mapped to care categories by rules, and a column no
 * rule knows is counted as other Zvw care and reported.
 */

import { CATEGORIES, type Category } from '../core/names';

export { CATEGORIES, type Category };

/** One rule of the mapping from cost columns to care categories. */
export interface ColumnRule {
  match: string;
  kind: 'exact' | 'prefix' | 'contains';
  category: Category;
}

/** Which cost columns make up each category: first matching rule wins; names normalised (lower case, cut at 32). */
export const DEFAULT_COLUMN_RULES: ColumnRule[] = [
  { match: 'kosten_medisch_specialistische_z', kind: 'exact', category: 'hospital' },
  { match: 'kosten_farmacie', kind: 'exact', category: 'pharmacy' },
  { match: 'kosten_huisarts_', kind: 'prefix', category: 'gp' },
  // 2011–13: eerstelijns psychologische zorg, tweedelijns GGZ; 2014–19: generalistische basis-GGZ,
  // specialistische GGZ, langdurige GGZ; 2020 on: consulten, intramuraal verblijf, overige
  // prestaties; innovatiegelden from 2022.
  { match: 'ggz', kind: 'contains', category: 'mentalHealth' },
  { match: 'kosten_eerstelijns_psychologisch', kind: 'prefix', category: 'mentalHealth' },
  { match: 'kosten_verpleging_en_verzorging', kind: 'exact', category: 'nursing' },
  { match: 'kosten_geriatrische_revalidatie', kind: 'prefix', category: 'nursing' },
  { match: 'kosten_eerstelijnsverblijf', kind: 'exact', category: 'nursing' },
  { match: 'kosten_hulpmiddelen', kind: 'exact', category: 'devices' },
  { match: 'kosten_paramedische_zorg', kind: 'prefix', category: 'paramedical' },
  { match: 'kosten_ziekenvervoer', kind: 'prefix', category: 'transport' },
  { match: 'kosten_mondzorg', kind: 'exact', category: 'dental' },
  { match: 'kosten_kraamzorg', kind: 'exact', category: 'maternity' },
  { match: 'kosten_verloskundige_zorg', kind: 'exact', category: 'maternity' },
  { match: 'kosten_integrale_geboortezorg', kind: 'exact', category: 'maternity' },
  { match: 'kosten_grensoverschrijdende_zorg', kind: 'exact', category: 'other' },
  { match: 'kosten_eerstelijns_ondersteuning', kind: 'exact', category: 'other' },
  { match: 'kosten_gzsp', kind: 'exact', category: 'other' },
  { match: 'kosten_overig', kind: 'exact', category: 'other' },
  // Anything else is other Zvw care too, and reported, so that a new column is never lost.
  { match: 'kosten_', kind: 'prefix', category: 'other' },
];

/** A problem with the file, at a 1-based row (1 = the header) and a column name where it has one. */
export class VektisError extends Error {
  constructor(
    readonly code: 'separator' | 'missingColumn' | 'fieldCount' | 'number' | 'empty' | 'unknownArea' | 'noCostColumns',
    readonly row: number,
    readonly column: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** An age class as [lowest age, highest age] (highest Infinity for "90+"). */
export type AgeClass = [number, number];

export interface VektisRow {
  /** 1-based row in the file. */
  row: number;
  sex: 'M' | 'V' | '';
  age: AgeClass | null;
  /** Area as written (municipality name or postcode-3), '' in the rest category. */
  area: string;
  persons: number;
  insuredYears: number;
  /** Cost per category in euros. */
  cost: Record<Category, number>;
}

export interface VektisFile {
  areaKind: 'gemeente' | 'postcode3';
  /** Normalised cost columns in file order, with their category. */
  costColumns: { column: string; category: Category }[];
  /** Cost columns no rule named specifically, counted as other Zvw care. */
  unmappedColumns: string[];
  rows: VektisRow[];
  /** Rows without an area (groups too small to show, pooled by Vektis): counted apart. */
  rest: VektisRow[];
  /** A leading national total row (older files), left out of every sum. */
  totalRow: VektisRow | null;
}

export const normaliseColumn = (name: string) => name.trim().replace(/^"|"$/g, '').toLowerCase().slice(0, 32);

export function categoryOf(column: string, rules: readonly ColumnRule[] = DEFAULT_COLUMN_RULES): Category | null {
  for (const r of rules) {
    if (r.kind === 'exact' ? column === r.match : r.kind === 'prefix' ? column.startsWith(r.match) : column.includes(r.match)) return r.category;
  }
  return null;
}

/**
 * "0 t/m  4 jaar", "5 t/m 9 jaar", "90+", "90 jaar en ouder", or an older file's lower bound "85";
 * null when empty (rest category, total row), undefined when it is no age class.
 */
export function parseAgeClass(text: string): AgeClass | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  let m = /^(\d+)\s*t\/m\s*(\d+)(\s*jaar)?$/.exec(t);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(\d+)\s*(\+|jaar en ouder|en ouder)$/.exec(t);
  if (m) return [Number(m[1]), Infinity];
  m = /^(\d+)$/.exec(t);
  if (m) return Number(m[1]) >= 90 ? [Number(m[1]), Infinity] : [Number(m[1]), Number(m[1]) + 4];
  return undefined;
}

/** Parses a Vektis number: plain or with a decimal point or comma; empty means 0 (Vektis leaves empty what is absent). */
function parseNumber(text: string): number {
  const t = text.trim().replace(/^"|"$/g, '');
  if (t === '') return 0;
  const n = Number(/^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t);
  return Number.isFinite(n) ? n : NaN;
}

/** Splits one line on semicolons, honouring double quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export interface ParseOptions {
  rules?: readonly ColumnRule[];
  /** Called every 10,000 rows with the share of the text read (0–1), for a progress bar. */
  onProgress?: (share: number) => void;
}

export function parseVektis(text: string, opts: ParseOptions = {}): VektisFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new VektisError('empty', 1, undefined, 'the file is empty');
  const head = lines[0];
  if (!head.includes(';')) {
    const sep = head.includes(',') ? 'commas' : head.includes('\t') ? 'tabs' : 'no separator';
    throw new VektisError('separator', 1, undefined, `row 1: the columns are separated by ${sep}; Vektis files use semicolons (;)`);
  }
  const names = fields(head).map(normaliseColumn);
  const need = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new VektisError('missingColumn', 1, name, `row 1: column "${name}" is missing`);
    return i;
  };
  const iSex = need('geslacht');
  const iAge = need('leeftijdsklasse');
  const gem = names.indexOf('gemeentenaam');
  const pc = names.indexOf('postcode_3');
  if (gem < 0 && pc < 0) throw new VektisError('missingColumn', 1, 'gemeentenaam', 'row 1: neither "gemeentenaam" nor "postcode_3" is there: is this a Vektis gemeente or postcode-3 file?');
  const iArea = gem >= 0 ? gem : pc;
  const iPersons = names.indexOf('aantal_bsn');
  const iYears = need('aantal_verzekerdejaren');
  const rules = opts.rules ?? DEFAULT_COLUMN_RULES;
  const costColumns: VektisFile['costColumns'] = [];
  const costIndex: number[] = [];
  const unmapped: string[] = [];
  names.forEach((n, i) => {
    if (!n.startsWith('kosten_')) return;
    const category = categoryOf(n, rules) ?? 'other';
    const generic = rules.findIndex((r) => r.kind === 'prefix' && r.match === 'kosten_');
    if (
      category === 'other' &&
      categoryOf(
        n,
        rules.filter((_, k) => k !== generic),
      ) === null
    )
      unmapped.push(n);
    costColumns.push({ column: n, category });
    costIndex.push(i);
  });
  if (costColumns.length === 0) throw new VektisError('noCostColumns', 1, undefined, 'row 1: no cost columns (kosten_…)');

  const rows: VektisRow[] = [];
  const rest: VektisRow[] = [];
  let totalRow: VektisRow | null = null;
  for (let li = 1; li < lines.length; li++) {
    if (lines[li].trim() === '') continue;
    if (opts.onProgress && li % 10_000 === 0) opts.onProgress(li / lines.length);
    const f = fields(lines[li]);
    const rowNo = li + 1;
    if (f.length !== names.length) throw new VektisError('fieldCount', rowNo, undefined, `row ${rowNo}: ${f.length} fields where the header has ${names.length}`);
    const num = (i: number) => {
      const v = parseNumber(f[i]);
      if (Number.isNaN(v)) throw new VektisError('number', rowNo, names[i], `row ${rowNo}, column "${names[i]}": "${f[i].trim()}" is not a number`);
      return v;
    };
    const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    costIndex.forEach((i, k) => (cost[costColumns[k].category] += num(i)));
    const sexText = f[iSex].trim().toUpperCase();
    const ageText = f[iAge];
    const age = parseAgeClass(ageText);
    if (age === undefined) throw new VektisError('number', rowNo, 'leeftijdsklasse', `row ${rowNo}, column "leeftijdsklasse": "${ageText.trim()}" is not an age class`);
    const r: VektisRow = {
      row: rowNo,
      sex: sexText === 'M' ? 'M' : sexText === 'V' ? 'V' : '',
      age,
      area: f[iArea].trim().replace(/^"|"$/g, ''),
      persons: iPersons >= 0 ? num(iPersons) : NaN,
      insuredYears: num(iYears),
      cost,
    };
    if (r.area === '' && r.sex === '' && r.age === null && rows.length === 0 && rest.length === 0 && totalRow === null) totalRow = r;
    else if (r.area === '' || r.area.toUpperCase() === 'ONBEKEND' || r.area.toUpperCase() === 'OVERIG') rest.push(r);
    else rows.push(r);
  }
  opts.onProgress?.(1);
  return { areaKind: gem >= 0 ? 'gemeente' : 'postcode3', costColumns, unmappedColumns: unmapped, rows, rest, totalRow };
}

/** Area names compared as Vektis writes them: upper case, no accents, single spaces. */
export const areaKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
