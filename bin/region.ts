// A region from the Vektis open data file a user downloaded:
//   npm run region -- <vektis.csv> --areas "MAASTRICHT,VAALS,…" [--bands 0-17,18-44,45-64,65-74,75+] [--year 2023] --out region.json
// With --base <scenario.json> the output is a complete scenario: by default its segments are the
// age bands, made from the data; `--segments base` keeps the base's segments and scales their cost
// level. The base's interventions, substitution and contracts are kept. A base made by an earlier
// import brings its mapping, areas, bands and segment choice, so re-importing needs only the file.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, DEFAULT_COLUMN_RULES, VektisError, parseVektis } from '../models/region/vektis';
import { DEFAULT_BANDS, nationalRatesFromFile, parseBands, regionSource, selectRegion } from '../models/region/select';
import { CalibrationError } from '../models/analysis/calibrate';
import { importRegion, mappingOf, remapNoteEn } from '../models/analysis/regionScenario';
import { parseScenarioText } from '../models/pipeline/validate';
import { formatErrors } from '../models/core/issues';
import type { Scenario } from '../models/scenario/schema';

const USAGE = 'usage: npm run region -- <vektis.csv> --areas "NAME,NAME,…" [--bands 0-17,18-44,45-64,65-74,75+] [--year YYYY] [--base scenario.json [--segments bands|base]] [--out region.json]';

/** Text from a file, printed without its control characters (a file must not drive the terminal). */
const cleanText = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');

function fail(code: number, msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

function readBase(basePath: string): Scenario {
  let text: string;
  try {
    text = readFileSync(basePath, 'utf8');
  } catch (e) {
    fail(2, `${basePath}: ${(e as Error).message}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) fail(2, `${basePath}:\n${cleanText(formatErrors(parsed.errors))}`);
  return parsed.scenario;
}

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        areas: { type: 'string' },
        bands: { type: 'string' },
        year: { type: 'string' },
        base: { type: 'string' },
        segments: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(64, `${(e as Error).message}\n${USAGE}`);
  }
  const { values: o, positionals } = args;
  if (o.help) fail(0, USAGE);
  const base = o.base ? readBase(o.base) : undefined;
  const stored = base?.region.import;
  const areaList =
    o.areas
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean) ?? stored?.areas;
  if (positionals.length !== 1 || !areaList?.length) fail(64, USAGE);
  if (o.segments !== undefined && o.segments !== 'bands' && o.segments !== 'base') fail(64, `--segments: "bands" (age bands from the data, the default) or "base" (the base scenario's segments)`);
  if (o.segments !== undefined && !base) fail(64, `--segments needs --base`);
  const bandText = o.bands ?? stored?.bands ?? DEFAULT_BANDS;
  let bands;
  try {
    bands = parseBands(bandText);
  } catch (e) {
    fail(64, `--bands: ${(e as Error).message}`);
  }
  const path = positionals[0];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    fail(2, `${path}: ${(e as Error).message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const year = o.year ?? /(?:19|20)\d\d/.exec(basename(path))?.[0] ?? (stored?.file.sha256 === sha256 ? String(stored.file.year) : 'unknown year');
  const mapping = base ? mappingOf(base) : { columns: DEFAULT_COLUMN_RULES, lines: [] };
  let file;
  let region;
  try {
    file = parseVektis(bytes.toString('utf8'), { rules: mapping.columns, onProgress: (s) => process.stderr.isTTY && process.stderr.write(`\rreading ${(100 * s).toFixed(0)}%`) });
    if (process.stderr.isTTY) process.stderr.write('\n');
    // A file of every municipality holds the national rates itself.
    const rates = new Set(file.rows.map((r) => r.area)).size > 300 ? nationalRatesFromFile(file) : undefined;
    region = selectRegion(file, areaList, bands, rates);
  } catch (e) {
    if (e instanceof VektisError) fail(2, `${path}: ${cleanText(e.message)}`);
    throw e;
  }
  const source = regionSource({ name: basename(path), year, sha256 }, region);
  const eur = (v: number) => `€${Math.round(v).toLocaleString('en')}`;
  process.stdout.write(`${cleanText(source)}\n${region.insuredYears.toFixed(0)} insured-years; cost per insured-year:\n`);
  for (const c of CATEGORIES) process.stdout.write(`  ${c.padEnd(13)} ${eur(region.costPerInsuredYear[c]).padStart(8)}\n`);
  process.stdout.write(`  ${'total'.padEnd(13)} ${eur(CATEGORIES.reduce((s, c) => s + region.costPerInsuredYear[c], 0)).padStart(8)}\n`);
  if (region.standardised) process.stdout.write(`age–sex standardised cost ratio (actual ÷ at national rates): ${region.standardised.ratio.toFixed(3)}\n`);
  if (file.unmappedColumns.length) process.stderr.write(`columns counted as other Zvw care (no rule names them): ${file.unmappedColumns.join(', ')}\n`);
  if (file.rest.length) process.stderr.write(`${file.rest.length} rows of the rest category (small groups pooled by Vektis) are not in any area\n`);
  if (stored && stored.file.sha256 !== sha256) process.stderr.write(`the base was imported from ${cleanText(stored.file.name)} (${stored.file.year}); its mapping is used for this file\n`);
  if (base) {
    const dataYear = Number(year);
    if (!Number.isInteger(dataYear)) fail(64, `the data year cannot be read from the file name: give --year`);
    const segments = o.segments === 'base' ? 'base' : o.segments === 'bands' ? 'ageBands' : (stored?.segments ?? 'ageBands');
    const record = {
      source,
      file: { name: basename(path), year: dataYear, sha256 },
      areaKind: region.areaKind,
      areas: region.areas,
      bands: bandText,
      segments,
      columns: mapping.columns,
      lines: mapping.lines,
    } as const;
    writeScenario(base, o.out, region, record);
    return;
  }
  if (o.out) {
    const out = { format: 'proeftuin-region', formatVersion: 1, source, file: { name: basename(path), sha256, year }, columns: file.costColumns, region };
    writeAtomic(
      o.out,
      JSON.stringify(out, (_, v) => (v === Infinity ? null : v), 2),
    );
    process.stderr.write(`region written to ${o.out}\n`);
  }
}

function writeAtomic(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail(1, `${path}: ${(e as Error).message}`);
  }
}

/** The base scenario made into the region's scenario, printed line group by line group and written to `out`. */
function writeScenario(base: Scenario, out: string | undefined, region: ReturnType<typeof selectRegion>, record: Parameters<typeof importRegion>[1]['record']) {
  let cal;
  try {
    cal = importRegion(base, { region, record });
  } catch (e) {
    if (e instanceof CalibrationError) fail(2, `the base scenario cannot carry the data: ${e.message}`);
    throw e;
  }
  const s = cal.scenario;
  const eur = (v: number) => `€${Math.round(v).toLocaleString('en')}`;
  process.stdout.write(`calibrated to ${s.simulation.startYear} prices (cost per insured, start year):\n`);
  for (const g of cal.groups)
    process.stdout.write(
      `  ${g.lines.join(' + ').padEnd(22)} ${eur(g.before).padStart(8)} → ${eur(g.target).padStart(8)}  (data ${eur(g.target / g.index)} × index ${g.index.toFixed(4)}; cost per insured × ${g.factor.toFixed(4)})\n`,
    );
  if (cal.outside.length) process.stdout.write(`not in any modelled line (per insured-year, ${record.file.year}): ${cal.outside.map((x) => `${x.category} ${eur(x.perInsuredYear)}`).join(', ')}\n`);
  process.stdout.write(`segments (${record.segments === 'ageBands' ? 'age bands from the data' : "the base scenario's"}):\n`);
  for (const g of cal.segments) process.stdout.write(`  ${cleanText(g.label).padEnd(22)} ${(100 * g.share).toFixed(1).padStart(5)}%  ${eur(g.perInsured).padStart(8)} per insured\n`);
  for (const n of cal.notes) process.stdout.write(`${cleanText(remapNoteEn(n))}\n`);
  process.stdout.write(
    `person-cost CV ${cal.personCv.toFixed(2)} (published: 2–3, domain.md); costliest 1% carry ${(100 * cal.top1.share).toFixed(1)}% ± ${(100 * cal.top1.se).toFixed(1)}% of the cost (published: 23–25%)\n`,
  );
  if (out) {
    writeAtomic(out, JSON.stringify(s, null, 2) + '\n');
    process.stderr.write(`scenario written to ${out}\n`);
  }
}

main();
