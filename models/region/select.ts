import { CATEGORIES, VektisError, areaKey, type AgeClass, type Category, type VektisFile, type VektisRow } from './vektis';

/** An age band of the region's segments, ages lo..hi inclusive (hi Infinity for the last). */
export interface AgeBand {
  lo: number;
  hi: number;
  label: string;
}

export const DEFAULT_BANDS = '0-17,18-44,45-64,65-74,75+';

/** "0-17,18-44,45-64,65-74,75+": contiguous from 0, the last one open. */
export function parseBands(text: string): AgeBand[] {
  const bands = text.split(',').map((part): AgeBand => {
    const t = part.trim();
    let m = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t);
    if (m) return { lo: Number(m[1]), hi: Number(m[2]), label: `${m[1]}–${m[2]}` };
    m = /^(\d+)\s*\+$/.exec(t);
    if (m) return { lo: Number(m[1]), hi: Infinity, label: `${m[1]}+` };
    throw new RangeError(`age band "${t}": write it as 18-44, or 75+ for the last band`);
  });
  let next = 0;
  for (const b of bands) {
    if (b.lo !== next) throw new RangeError(`age bands must follow on from age 0 without gaps: ${b.label} should start at ${next}`);
    if (b.hi < b.lo) throw new RangeError(`age band ${b.label} ends before it starts`);
    next = b.hi + 1;
  }
  if (bands.at(-1)!.hi !== Infinity) throw new RangeError(`the last age band must be open (e.g. 75+), not ${bands.at(-1)!.label}`);
  return bands;
}

/**
 * Share of an age class in a band. The open data give five-year classes, so a band boundary
 * inside a class (18 in 15–19) splits it by the ages on each side: people are taken as spread
 * evenly over the ages of their class. The open class (90+) falls wholly in the band holding 90.
 */
export function classShare(c: AgeClass, b: AgeBand): number {
  if (c[1] === Infinity) return c[0] >= b.lo && c[0] <= b.hi ? 1 : 0;
  const lo = Math.max(c[0], b.lo);
  const hi = Math.min(c[1], b.hi);
  return hi < lo ? 0 : (hi - lo + 1) / (c[1] - c[0] + 1);
}

const zero = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

export interface BandTotals {
  band: AgeBand;
  insuredYears: number;
  /** Distinct insured people (aantal_bsn); NaN when the file has no such column. */
  persons: number;
  cost: Record<Category, number>;
  costPerInsuredYear: Record<Category, number>;
}

export interface Region {
  /** The areas as the file writes them. */
  areas: string[];
  areaKind: VektisFile['areaKind'];
  insuredYears: number;
  persons: number;
  cost: Record<Category, number>;
  costPerInsuredYear: Record<Category, number>;
  bands: BandTotals[];
  /** Age–sex standardised cost ratio: actual cost ÷ the cost at national rates for the same age–sex mix. */
  standardised: { actual: number; expected: number; ratio: number } | null;
}

/** National cost per insured-year by sex and age class (key `${sex}|${lo}`). */
export type NationalRates = Map<string, number>;
const rateKey = (sex: string, age: AgeClass) => `${sex}|${age[0]}`;

/** National rates from a file that covers the whole country (every area summed). */
export function nationalRatesFromFile(file: VektisFile): NationalRates {
  const cost = new Map<string, number>();
  const years = new Map<string, number>();
  for (const r of file.rows) {
    if (!r.age || !r.sex) continue;
    const k = rateKey(r.sex, r.age);
    cost.set(k, (cost.get(k) ?? 0) + CATEGORIES.reduce((s, c) => s + r.cost[c], 0));
    years.set(k, (years.get(k) ?? 0) + r.insuredYears);
  }
  return new Map([...cost].map(([k, v]) => [k, v / years.get(k)!]));
}

/** The region of the given areas (names or postcode-3 as in the file, any case or accents). */
export function selectRegion(file: VektisFile, areas: string[], bands: AgeBand[], rates?: NationalRates): Region {
  const byKey = new Map<string, string>();
  for (const r of file.rows) byKey.set(areaKey(r.area), r.area);
  const wanted = new Set<string>();
  for (const a of areas) {
    const k = areaKey(a);
    if (!byKey.has(k)) {
      const near = [...byKey.keys()].filter((x) => x.includes(k.slice(0, 4))).slice(0, 3);
      throw new VektisError(
        'unknownArea',
        1,
        file.areaKind === 'gemeente' ? 'gemeentenaam' : 'postcode_3',
        `"${a}" is not in the file (it holds ${byKey.size} areas${near.length ? `; similar: ${near.map((n) => byKey.get(n)).join(', ')}` : ''})`,
      );
    }
    wanted.add(k);
  }
  const rows = file.rows.filter((r) => wanted.has(areaKey(r.area)));
  const bandTotals: BandTotals[] = bands.map((band) => ({ band, insuredYears: 0, persons: 0, cost: zero(), costPerInsuredYear: zero() }));
  const cost = zero();
  let insuredYears = 0;
  let persons = 0;
  let expected = 0;
  let unassigned: VektisRow | null = null;
  for (const r of rows) {
    insuredYears += r.insuredYears;
    persons += r.persons;
    for (const c of CATEGORIES) cost[c] += r.cost[c];
    if (!r.age) {
      unassigned = r;
      continue;
    }
    for (const t of bandTotals) {
      const w = classShare(r.age, t.band);
      if (w === 0) continue;
      t.insuredYears += w * r.insuredYears;
      t.persons += w * r.persons;
      for (const c of CATEGORIES) t.cost[c] += w * r.cost[c];
    }
    if (rates && r.sex) expected += r.insuredYears * (rates.get(rateKey(r.sex, r.age)) ?? NaN);
  }
  if (unassigned) throw new VektisError('number', unassigned.row, 'leeftijdsklasse', `row ${unassigned.row}: an area row without an age class`);
  for (const t of bandTotals) for (const c of CATEGORIES) t.costPerInsuredYear[c] = t.insuredYears > 0 ? t.cost[c] / t.insuredYears : 0;
  const perYear = zero();
  for (const c of CATEGORIES) perYear[c] = cost[c] / insuredYears;
  const actual = CATEGORIES.reduce((s, c) => s + cost[c], 0);
  return {
    areas: [...wanted].map((k) => byKey.get(k)!),
    areaKind: file.areaKind,
    insuredYears,
    persons,
    cost,
    costPerInsuredYear: perYear,
    bands: bandTotals,
    standardised: rates ? { actual, expected, ratio: actual / expected } : null,
  };
}

/**
 * What every number derived from a region of a file cites: the file's name, year and hash, and the areas.
 */
export function regionSource(file: { name: string; year: number | string; sha256: string }, region: Pick<Region, 'areaKind' | 'areas'>): string {
  return `Bron: Vektis, Open Databestand Zvw ${file.year} (${file.name}, sha256 ${file.sha256.slice(0, 12)}), ${region.areaKind === 'gemeente' ? 'gemeenten' : 'postcode-3'}: ${region.areas.join(', ')}`;
}

/** The areas a file holds, sorted, with their insured-years: for a picker. */
export function areasOf(file: VektisFile): { area: string; insuredYears: number }[] {
  const m = new Map<string, number>();
  for (const r of file.rows) m.set(r.area, (m.get(r.area) ?? 0) + r.insuredYears);
  return [...m].map(([area, insuredYears]) => ({ area, insuredYears })).sort((a, b) => a.area.localeCompare(b.area, 'nl'));
}
