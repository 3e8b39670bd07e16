import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, VektisError, categoryOf, normaliseColumn, parseAgeClass, parseVektis, type Category } from '../../models/region/vektis';
import { DEFAULT_BANDS, areasOf, classShare, nationalRatesFromFile, parseBands, selectRegion } from '../../models/region/select';
import { root } from '../helpers';
import { SHARED_CATEGORY_NAMES } from '../../scenarios/defaultRegion';
import { validateScenario } from '../../models/pipeline/validate';

import { AGES_2023, AGES_OLD, HEADER_2012, HEADER_2016, HEADER_2023, fixture, sums } from './fixtures';

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
    // Its segments are the age bands, and the import record (file, hash, areas, bands, mapping) is in it.
    expect(parsed.scenario.region.segments.map((g) => g.id)).toEqual(['age-0-17', 'age-18-44', 'age-45-64', 'age-65-74', 'age-75-plus']);
    expect(parsed.scenario.region.import).toMatchObject({ file: { name: basename(csv), year: 2023 }, areas: ['MAASTRICHT', 'VAALS'], bands: DEFAULT_BANDS, segments: 'ageBands' });
    expect(parsed.scenario.region.import!.file.sha256).toBe(createHash('sha256').update(fx.text).digest('hex'));
    // Re-importing with the scenario itself as the base needs only the file: same scenario, to the byte.
    const again = join(dir, 'again.json');
    await cli(csv, '--base', scenario, '--out', again);
    expect(readFileSync(again, 'utf8')).toBe(first);
    // The base's own segments, their cost level scaled, on request.
    const kept = join(dir, 'kept.json');
    await cli(csv, '--areas', 'VAALS', '--base', base, '--segments', 'base', '--out', kept);
    const keptScenario = JSON.parse(readFileSync(kept, 'utf8'));
    expect(keptScenario.region.segments.map((g: { id: string }) => g.id)).toEqual(['healthy', 'chronic', 'multimorbid', 'frail', 'mental']);
    expect(keptScenario.region.import.segments).toBe('base');
    // A bad entry of the stored mapping is named by its path.
    const wrong = JSON.parse(first);
    wrong.region.import.lines[1].categories = ['farmacie'];
    write(join(dir, 'wrong.json'), JSON.stringify(wrong));
    const refused = await cli(csv, '--base', join(dir, 'wrong.json'), '--out', again).catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/region\.import\.lines\[1\]\.categories\[0\]: must be one of "hospital"/);
    write(join(dir, 'bad.csv'), fx.text.replace(/;/g, ','));
    const bad = await cli(join(dir, 'bad.csv'), '--areas', 'VAALS').catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv: row 1: the columns are separated by commas/);
  });
});
