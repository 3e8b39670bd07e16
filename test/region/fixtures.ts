import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { CATEGORIES, categoryOf, normaliseColumn, type Category } from '../../models/region/vektis';

/**
 * Fixtures in the exact layouts of the Vektis open data files of several years. Every number in
 * them is invented (seeded random), not Vektis data.
 */
export const AGES_2023 = ['0 t/m  4 jaar', ...Array.from({ length: 17 }, (_, i) => `${5 * (i + 1)} t/m ${5 * (i + 1) + 4} jaar`), '90+'];
export const AGES_OLD = [...Array.from({ length: 18 }, (_, i) => String(5 * i)), '90+'];

export const HEADER_2023 =
  'geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;aantal_verzekerdejaren;kosten_medisch_specialistische_z;kosten_farmacie;kosten_huisarts_inschrijftarief;kosten_huisarts_consult;kosten_huisarts_mdz;kosten_huisarts_overig;kosten_hulpmiddelen;kosten_mondzorg;kosten_paramedische_zorg_fysioth;kosten_paramedische_zorg_overig;kosten_ziekenvervoer_zittend;kosten_ziekenvervoer_liggend;kosten_kraamzorg;kosten_verloskundige_zorg;kosten_grensoverschrijdende_zorg;kosten_eerstelijns_ondersteuning;kosten_geriatrische_revalidatiez;kosten_eerstelijnsverblijf;kosten_verpleging_en_verzorging;kosten_gzsp;kosten_integrale_geboortezorg;kosten_innovatiegelden_ggz;kosten_overig;kosten_consulten_ggz;kosten_intramuraal_verblijf_ggz;kosten_overige_prestaties_ggz';
export const HEADER_2016 =
  'GESLACHT;LEEFTIJDSKLASSE;POSTCODE_3;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_MEDISCH_SPECIALISTISCHE_ZORG;KOSTEN_FARMACIE;KOSTEN_HUISARTS_INSCHRIJFTARIEF;KOSTEN_HUISARTS_CONSULT;KOSTEN_HUISARTS_MDZ;KOSTEN_HUISARTS_OVERIG;KOSTEN_HULPMIDDELEN;KOSTEN_MONDZORG;KOSTEN_PARAMEDISCHE_ZORG_FYSIOTHERAPIE;KOSTEN_PARAMEDISCHE_ZORG_OVERIG;KOSTEN_ZIEKENVERVOER_ZITTEND;KOSTEN_ZIEKENVERVOER_LIGGEND;KOSTEN_KRAAMZORG;KOSTEN_VERLOSKUNDIGE_ZORG;KOSTEN_GRENSOVERSCHRIJDENDE_ZORG;KOSTEN_EERSTELIJNS_ONDERSTEUNING;KOSTEN_GERIATRISCHE_REVALIDATIEZORG;KOSTEN_VERPLEGING_EN_VERZORGING;KOSTEN_OVERIG;KOSTEN_GENERALISTISCHE_BASIS_GGZ;KOSTEN_SPECIALISTISCHE_GGZ;KOSTEN_LANGDURIGE_GGZ';
export const HEADER_2012 =
  'GESLACHT;LEEFTIJDSKLASSE;GEMEENTENAAM;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_MEDISCH_SPECIALISTISCHE_ZORG;KOSTEN_FARMACIE;KOSTEN_HUISARTS_INSCHRIJFTARIEF;KOSTEN_HUISARTS_CONSULT;KOSTEN_HUISARTS_OVERIG;KOSTEN_HULPMIDDELEN;KOSTEN_MONDZORG;KOSTEN_PARAMEDISCHE_ZORG_FYSIOTHERAPIE;KOSTEN_PARAMEDISCHE_ZORG_OVERIG;KOSTEN_ZIEKENVERVOER_ZITTEND;KOSTEN_ZIEKENVERVOER_LIGGEND;KOSTEN_KRAAMZORG;KOSTEN_VERLOSKUNDIGE_ZORG;KOSTEN_GRENSOVERSCHRIJDENDE_ZORG;KOSTEN_OVERIG;KOSTEN_EERSTELIJNS_PSYCHOLOGISCHE_ZORG;KOSTEN_TWEEDELIJNS_GGZ';

export interface Fixture {
  text: string;
  /** Each area row's insured-years and cost per category, computed while writing, in file order. */
  rows: { area: string; age: string; years: number; cost: Record<Category, number> }[];
}

/** The region's totals as a slow, obvious sum over the fixture's rows in file order. */
export function sums(fx: Fixture, areas: string[]) {
  const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let years = 0;
  for (const r of fx.rows.filter((x) => areas.includes(x.area))) {
    years += r.years;
    for (const c of CATEGORIES) cost[c] += r.cost[c];
  }
  return { years, cost };
}

/** A file of `header`'s layout for `areas`, every sex × age class, invented numbers. */
export function fixture(header: string, areas: string[], ages: string[], opts: { totalRow?: boolean; rest?: number; seed?: string } = {}): Fixture {
  const rng = seedrandom(opts.seed ?? 'vektis-fixture');
  const cols = header.split(';').map(normaliseColumn);
  const rows: Fixture['rows'] = [];
  const lines = [header];
  const row = (sex: string, age: string, area: string) => {
    const years = Math.round(rng() * 2000 * 100) / 100;
    const vals = cols.map((c) => {
      if (c === 'geslacht') return sex;
      if (c === 'leeftijdsklasse') return age;
      if (c === 'gemeentenaam' || c === 'postcode_3') return area;
      if (c === 'aantal_bsn') return String(Math.round(years * 1.01));
      if (c === 'aantal_verzekerdejaren') return String(years);
      return (Math.round(rng() * 1e8) / 100).toFixed(2);
    });
    if (area) {
      const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
      cols.forEach((c, i) => {
        if (c.startsWith('kosten_')) cost[categoryOf(c)!] += Number(vals[i]);
      });
      rows.push({ area, age, years, cost });
    }
    lines.push(vals.join(';'));
  };
  if (opts.totalRow) lines.push(cols.map((c) => (c.startsWith('kosten_') || c.startsWith('aantal_') ? '99999999.00' : '')).join(';'));
  for (const area of areas) for (const sex of ['M', 'V']) for (const age of ages) row(sex, age, area);
  for (let i = 0; i < (opts.rest ?? 0); i++) row('', '', '');
  return { text: lines.join('\r\n') + '\r\n', rows };
}

/** The shared file summed slowly, apart from the reader: cost per category and insured-years. */
export function slowSums(file: string) {
  const cost = new Map<string, number>();
  const years = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [area, category, eur, insured] = line.split(';');
    cost.set(category, (cost.get(category) ?? 0) + Number(eur));
    years.set(area, Number(insured));
  }
  return { cost, insuredYears: [...years.values()].reduce((s, v) => s + v, 0) };
}
