import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { CATEGORIES, VektisError, categoryOf, normaliseColumn, parseAgeClass, parseVektis, type Category } from '../../models/region/vektis';
import { DEFAULT_BANDS, areasOf, classShare, nationalRatesFromFile, parseBands, selectRegion } from '../../models/region/select';
import { root } from '../helpers';
import { SHARED_CATEGORY_NAMES } from '../../scenarios/defaultRegion';
import { validateScenario } from '../../models/pipeline/validate';

/**
 * Fixtures in the exact layouts of the Vektis open data files of several years. Every number in
 * them is invented (seeded random), not Vektis data.
 */
const AGES_2023 = ['0 t/m  4 jaar', ...Array.from({ length: 17 }, (_, i) => `${5 * (i + 1)} t/m ${5 * (i + 1) + 4} jaar`), '90+'];
const AGES_OLD = [...Array.from({ length: 18 }, (_, i) => String(5 * i)), '90+'];

const HEADER_2023 =
  'geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;aantal_verzekerdejaren;kosten_medisch_specialistische_z;kosten_farmacie;kosten_huisarts_inschrijftarief;kosten_huisarts_consult;kosten_huisarts_mdz;kosten_huisarts_overig;kosten_hulpmiddelen;kosten_mondzorg;kosten_paramedische_zorg_fysioth;kosten_paramedische_zorg_overig;kosten_ziekenvervoer_zittend;kosten_ziekenvervoer_liggend;kosten_kraamzorg;kosten_verloskundige_zorg;kosten_grensoverschrijdende_zorg;kosten_eerstelijns_ondersteuning;kosten_geriatrische_revalidatiez;kosten_eerstelijnsverblijf;kosten_verpleging_en_verzorging;kosten_gzsp;kosten_integrale_geboortezorg;kosten_innovatiegelden_ggz;kosten_overig;kosten_consulten_ggz;kosten_intramuraal_verblijf_ggz;kosten_overige_prestaties_ggz';
const HEADER_2016 =
  'GESLACHT;LEEFTIJDSKLASSE;POSTCODE_3;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_MEDISCH_SPECIALISTISCHE_ZORG;KOSTEN_FARMACIE;KOSTEN_HUISARTS_INSCHRIJFTARIEF;KOSTEN_HUISARTS_CONSULT;KOSTEN_HUISARTS_MDZ;KOSTEN_HUISARTS_OVERIG;KOSTEN_HULPMIDDELEN;KOSTEN_MONDZORG;KOSTEN_PARAMEDISCHE_ZORG_FYSIOTHERAPIE;KOSTEN_PARAMEDISCHE_ZORG_OVERIG;KOSTEN_ZIEKENVERVOER_ZITTEND;KOSTEN_ZIEKENVERVOER_LIGGEND;KOSTEN_KRAAMZORG;KOSTEN_VERLOSKUNDIGE_ZORG;KOSTEN_GRENSOVERSCHRIJDENDE_ZORG;KOSTEN_EERSTELIJNS_ONDERSTEUNING;KOSTEN_GERIATRISCHE_REVALIDATIEZORG;KOSTEN_VERPLEGING_EN_VERZORGING;KOSTEN_OVERIG;KOSTEN_GENERALISTISCHE_BASIS_GGZ;KOSTEN_SPECIALISTISCHE_GGZ;KOSTEN_LANGDURIGE_GGZ';
const HEADER_2012 =
  'GESLACHT;LEEFTIJDSKLASSE;GEMEENTENAAM;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_MEDISCH_SPECIALISTISCHE_ZORG;KOSTEN_FARMACIE;KOSTEN_HUISARTS_INSCHRIJFTARIEF;KOSTEN_HUISARTS_CONSULT;KOSTEN_HUISARTS_OVERIG;KOSTEN_HULPMIDDELEN;KOSTEN_MONDZORG;KOSTEN_PARAMEDISCHE_ZORG_FYSIOTHERAPIE;KOSTEN_PARAMEDISCHE_ZORG_OVERIG;KOSTEN_ZIEKENVERVOER_ZITTEND;KOSTEN_ZIEKENVERVOER_LIGGEND;KOSTEN_KRAAMZORG;KOSTEN_VERLOSKUNDIGE_ZORG;KOSTEN_GRENSOVERSCHRIJDENDE_ZORG;KOSTEN_OVERIG;KOSTEN_EERSTELIJNS_PSYCHOLOGISCHE_ZORG;KOSTEN_TWEEDELIJNS_GGZ';

interface Fixture {
  text: string;
  /** Each area row's insured-years and cost per category, computed while writing, in file order. */
  rows: { area: string; years: number; cost: Record<Category, number> }[];
}

/** The region's totals as a slow, obvious sum over the fixture's rows in file order. */
function sums(fx: Fixture, areas: string[]) {
  const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let years = 0;
  for (const r of fx.rows.filter((x) => areas.includes(x.area))) {
    years += r.years;
    for (const c of CATEGORIES) cost[c] += r.cost[c];
  }
  return { years, cost };
}

/** A file of `header`'s layout for `areas`, every sex × age class, invented numbers. */
function fixture(header: string, areas: string[], ages: string[], opts: { totalRow?: boolean; rest?: number; seed?: string } = {}): Fixture {
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
      rows.push({ area, years, cost });
    }
    lines.push(vals.join(';'));
  };
  if (opts.totalRow) lines.push(cols.map((c) => (c.startsWith('kosten_') || c.startsWith('aantal_') ? '99999999.00' : '')).join(';'));
  for (const area of areas) for (const sex of ['M', 'V']) for (const age of ages) row(sex, age, area);
  for (let i = 0; i < (opts.rest ?? 0); i++) row('', '', '');
  return { text: lines.join('\r\n') + '\r\n', rows };
}

describe('Vektis open data reader', () => {
  it('maps every cost column as the category mapping of ../shared/data does', () => {
    const file = join(root, '..', 'shared', 'data', 'vektis2023-category-mapping.csv');
    expect(existsSync(file), `${file} is needed (the shared reference data)`).toBe(true);
    const names = SHARED_CATEGORY_NAMES;
    const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBe(26);
    for (const line of rows) {
      const [column, ...rest] = line.split(',');
      const category = rest.join(',').replace(/^"|"$/g, '').trim();
      expect(categoryOf(normaliseColumn(column)), column).toBe(names[category]);
    }
  });

  it('sums a region exactly as the rows of a 2023 gemeente file add up, and lists its areas', () => {
    const fx = fixture(HEADER_2023, ['MAASTRICHT', 'VAALS', 'MEERSSEN'], AGES_2023);
    const file = parseVektis(fx.text);
    expect(file.areaKind).toBe('gemeente');
    expect(file.unmappedColumns).toEqual([]);
    expect(areasOf(file).map((a) => a.area)).toEqual(['MAASTRICHT', 'MEERSSEN', 'VAALS']);
    const region = selectRegion(file, ['maastricht', 'Vaals'], parseBands(DEFAULT_BANDS));
    const want = sums(fx, ['MAASTRICHT', 'VAALS']);
    // Both sums run over the same rows in the same order: equal to the last bit.
    expect(region.insuredYears).toBe(want.years);
    for (const c of CATEGORIES) expect(region.cost[c], c).toBe(want.cost[c]);
    // The bands split the same totals (a class on a band boundary is split, so up to rounding).
    const bandYears = region.bands.reduce((s, b) => s + b.insuredYears, 0);
    expect(Math.abs(bandYears - region.insuredYears) / region.insuredYears).toBeLessThan(1e-12);
    for (const c of CATEGORIES) expect(Math.abs(region.bands.reduce((s, b) => s + b.cost[c], 0) - region.cost[c])).toBeLessThan(1e-6 * Math.max(1, region.cost[c]));
  });

  it('reads every header vintage (2012, 2016 postcode-3 with a total row, 2023) to the same categories', () => {
    for (const [header, ages, total] of [
      [HEADER_2012, AGES_OLD, false],
      [HEADER_2016, AGES_OLD, true],
      [HEADER_2023, AGES_2023, false],
    ] as const) {
      const fx = fixture(header, ['621', '622'], ages, { totalRow: total });
      const file = parseVektis(fx.text);
      expect(file.totalRow !== null).toBe(total);
      expect(file.unmappedColumns).toEqual([]);
      const region = selectRegion(file, ['621', '622'], parseBands(DEFAULT_BANDS));
      const want = sums(fx, ['621', '622']);
      for (const c of CATEGORIES) expect(region.cost[c], `${header.slice(0, 30)} ${c}`).toBe(want.cost[c]);
      expect(region.cost.mentalHealth).toBeGreaterThan(0);
    }
    const old: [string, Category][] = [
      ['KOSTEN_EERSTELIJNS_PSYCHOLOGISCHE_ZORG', 'mentalHealth'],
      ['KOSTEN_TWEEDELIJNS_GGZ', 'mentalHealth'],
      ['KOSTEN_GENERALISTISCHE_BASIS_GGZ', 'mentalHealth'],
      ['KOSTEN_SPECIALISTISCHE_GGZ', 'mentalHealth'],
      ['KOSTEN_LANGDURIGE_GGZ', 'mentalHealth'],
      ['KOSTEN_PARAMEDISCHE_ZORG_FYSIOTHERAPIE', 'paramedical'],
      ['KOSTEN_GERIATRISCHE_REVALIDATIEZORG', 'nursing'],
      ['kosten_medisch_specialistische_zorg', 'hospital'],
    ];
    for (const [column, category] of old) expect(categoryOf(normaliseColumn(column)), column).toBe(category);
  });

  it('keeps the rest category (pooled small groups) apart and reports columns no rule knows', () => {
    const header = `${HEADER_2023};kosten_nieuwe_prestatie`;
    const fx = fixture(header, ['VAALS'], AGES_2023, { rest: 2 });
    const file = parseVektis(fx.text);
    expect(file.rest.length).toBe(2);
    expect(file.rows.length).toBe(2 * AGES_2023.length);
    expect(file.unmappedColumns).toEqual(['kosten_nieuwe_prestatie']);
    expect(selectRegion(file, ['VAALS'], parseBands(DEFAULT_BANDS)).insuredYears).toBe(sums(fx, ['VAALS']).years);
  });

  it('refuses a bad file naming the row and the column', () => {
    const good = fixture(HEADER_2023, ['VAALS'], AGES_2023).text;
    const err = (text: string) => {
      try {
        parseVektis(text);
      } catch (e) {
        return e as VektisError;
      }
      throw new Error('accepted');
    };
    expect(err(good.replace(/;/g, ',')).message).toMatch(/row 1: the columns are separated by commas; Vektis files use semicolons/);
    expect(err(good.replace('aantal_verzekerdejaren', 'verzekerden')).message).toMatch(/row 1: column "aantal_verzekerdejaren" is missing/);
    const lines = good.split('\r\n');
    const cells = lines[3].split(';');
    cells[6] = '12x4';
    lines[3] = cells.join(';');
    const bad = err(lines.join('\r\n'));
    expect(bad.row).toBe(4);
    expect(bad.column).toBe('kosten_farmacie');
    expect(bad.message).toMatch(/row 4, column "kosten_farmacie": "12x4" is not a number/);
    expect(
      err(
        good
          .split('\r\n')
          .map((l, i) => (i === 5 ? l.split(';').slice(0, 10).join(';') : l))
          .join('\r\n'),
      ).message,
    ).toMatch(/row 6: 10 fields where the header has 31/);
    expect(() => selectRegion(parseVektis(good), ['AMSTERDAM'], parseBands(DEFAULT_BANDS))).toThrow(/"AMSTERDAM" is not in the file \(it holds 1 areas/);
  });

  it('splits five-year classes over age bands by the ages on each side, and refuses bands with gaps', () => {
    const [young, adult] = parseBands(DEFAULT_BANDS);
    expect(classShare([15, 19], young)).toBe(3 / 5);
    expect(classShare([15, 19], adult)).toBe(2 / 5);
    expect(classShare([90, Infinity], parseBands(DEFAULT_BANDS)[4])).toBe(1);
    expect(parseAgeClass('0 t/m  4 jaar')).toEqual([0, 4]);
    expect(parseAgeClass('90+')).toEqual([90, Infinity]);
    expect(parseAgeClass('85')).toEqual([85, 89]);
    expect(() => parseBands('0-17,20-44,45+')).toThrow(/20–44 should start at 18/);
    expect(() => parseBands('0-17,18-64')).toThrow(/last age band must be open/);
  });

  it('gives the age–sex standardised cost ratio: 1 for the whole country, the slow sum for a region', () => {
    const fx = fixture(HEADER_2023, ['A', 'B', 'C'], AGES_2023, { seed: 'std' });
    const file = parseVektis(fx.text);
    const rates = nationalRatesFromFile(file);
    const all = selectRegion(file, ['A', 'B', 'C'], parseBands(DEFAULT_BANDS), rates);
    expect(Math.abs(all.standardised!.ratio - 1)).toBeLessThan(1e-12);
    const b = selectRegion(file, ['B'], parseBands(DEFAULT_BANDS), rates);
    // Slow: per row, national cost of its sex × class over national insured-years.
    let expected = 0;
    let actual = 0;
    for (const r of file.rows.filter((x) => x.area === 'B')) {
      const peers = file.rows.filter((x) => x.sex === r.sex && x.age![0] === r.age![0]);
      const rate = peers.reduce((s, x) => s + CATEGORIES.reduce((t, c) => t + x.cost[c], 0), 0) / peers.reduce((s, x) => s + x.insuredYears, 0);
      expected += r.insuredYears * rate;
      actual += CATEGORIES.reduce((t, c) => t + r.cost[c], 0);
    }
    expect(Math.abs(b.standardised!.ratio - actual / expected)).toBeLessThan(1e-12);
  });
});

describe('npm run region', () => {
  it('writes the region with its source and exits 2 naming the row and column of a bad file', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtempSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const exec = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'proeftuin-region-'));
    const fx = fixture(HEADER_2023, ['MAASTRICHT', 'VAALS'], AGES_2023);
    const csv = join(dir, 'Vektis Open Databestand Zorgverzekeringswet 2023 - gemeente.csv');
    write(csv, fx.text);
    const cli = (...a: string[]) => exec(process.execPath, ['--import', 'tsx', join(root, 'bin/region.ts'), ...a], { cwd: root });
    const { stdout } = await cli(csv, '--areas', 'Maastricht,VAALS', '--out', join(dir, 'region.json'));
    expect(stdout).toMatch(/^Bron: Vektis, Open Databestand Zvw 2023 \(Vektis Open .*sha256 [0-9a-f]{12}\), gemeenten: MAASTRICHT, VAALS/);
    const out = JSON.parse(readFileSync(join(dir, 'region.json'), 'utf8'));
    expect(out.region.insuredYears).toBe(sums(fx, ['MAASTRICHT', 'VAALS']).years);
    expect(out.region.bands.map((b: { band: { label: string } }) => b.band.label)).toEqual(['0–17', '18–44', '45–64', '65–74', '75+']);
    // With a base scenario: a complete scenario that validates, cites the file's hash, and comes out
    // the same when the same file is imported again.
    const base = join(root, 'scenarios', 'default.json');
    const scenario = join(dir, 'scenario.json');
    const calibrated = await cli(csv, '--areas', 'Maastricht,VAALS', '--base', base, '--out', scenario);
    expect(calibrated.stdout).toMatch(/calibrated to 2027 prices/);
    expect(calibrated.stdout).toMatch(/person-cost CV \d\.\d\d .*costliest 1% carry \d+\.\d% ± \d\.\d%/);
    const first = readFileSync(scenario, 'utf8');
    const parsed = validateScenario(JSON.parse(first));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.region.population).toBe(Math.round(sums(fx, ['MAASTRICHT', 'VAALS']).years));
    expect(parsed.scenario.region.name).toBe('MAASTRICHT, VAALS');
    const hospital = parsed.scenario.region.segments[0].lines.hospital!.costPerContact;
    expect(typeof hospital === 'object' && hospital.source).toMatch(/sha256 [0-9a-f]{12}\), gemeenten: MAASTRICHT, VAALS/);
    await cli(csv, '--areas', 'Maastricht,VAALS', '--base', base, '--out', scenario);
    expect(readFileSync(scenario, 'utf8')).toBe(first);
    write(join(dir, 'bad.csv'), fx.text.replace(/;/g, ','));
    const bad = await cli(join(dir, 'bad.csv'), '--areas', 'VAALS').catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv: row 1: the columns are separated by commas/);
  });
});
